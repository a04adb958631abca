//! Check-ins: start one, how things have changed, and every check-in so far
//! with whether it counts in team figures (which the resident can change at
//! any time). The supporter reads the changes in plain words with charts; the
//! resident sees none of it unless they ask, and then kind words only: no
//! scores, no colours, no charts.

use connect_model::ResidentId;
use connect_model::checkin::CheckIns;
use dioxus::prelude::*;

use crate::checkin_words::{change_for_resident, change_for_team};
use crate::components::{ChartSeries, CheckinFlow, TrendChart};
use crate::i18n::{Lang, Msg};
use crate::state::{Ui, apply_edit, use_backend, use_ui};
use crate::when::short_timestamp;
use connect_device::{DeviceClient, Edit};

/// The check-ins tab, for a supporter or (with `resident_mode`) the resident.
#[component]
pub fn CheckinsView(
    resident: ResidentId,
    checkins: Option<CheckIns>,
    life_areas: Vec<(String, String)>,
    short_checkin: Vec<String>,
    resident_mode: bool,
) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut asking = use_signal(|| false);
    let mut showing_changes = use_signal(|| false);
    if *asking.read() {
        return rsx! {
            CheckinFlow { resident, life_areas, short_checkin, by_resident: resident_mode, on_close: move |()| asking.set(false) }
        };
    }
    let checkins = checkins.unwrap_or(CheckIns { resident, checkins: Vec::new() });
    let changes = checkins.changes();
    let words: Vec<String> = if resident_mode {
        changes.iter().map(|c| change_for_resident(ui.lang(), c, &life_areas)).collect()
    } else {
        changes.iter().map(|c| change_for_team(ui.lang(), c, &life_areas)).collect()
    };
    let nothing_yet = match checkins.answered() {
        0 => Some(Msg::NoCheckinsYet),
        1 => Some(Msg::OnlyOneCheckin),
        _ if words.is_empty() => Some(Msg::NothingToCompare),
        _ => None,
    };
    let series = checkins.series();
    let dates = |points: &[(connect_model::Timestamp, u8)]| {
        points.iter().map(|(t, _)| short_timestamp(ui.lang(), *t)).collect::<Vec<_>>()
    };
    let values =
        |points: &[(connect_model::Timestamp, u8)]| points.iter().map(|(_, v)| Some(f64::from(*v))).collect::<Vec<_>>();
    let show_changes = !resident_mode || *showing_changes.read();
    rsx! {
        div { class: "checkins-view",
            button { class: "button answer-button", onclick: move |_| asking.set(true), {ui.t(Msg::StartCheckin)} }
            if resident_mode && !*showing_changes.read() {
                button { class: "button secondary answer-button", onclick: move |_| showing_changes.set(true), {ui.t(Msg::HowHaveThingsChanged)} }
            }
            if show_changes {
                section { class: "page-section", "aria-labelledby": "h-trend",
                    h3 { id: "h-trend", {ui.t(Msg::MyTrend)} }
                    if let Some(msg) = nothing_yet {
                        p { {ui.t(msg)} }
                    }
                    ul { class: "trend-words",
                        for w in words { li { "{w}" } }
                    }
                    if !resident_mode && series.ucla3.len() > 1 {
                        TrendChart {
                            label: ui.t(Msg::UclaChartLabel),
                            points: dates(&series.ucla3),
                            series: vec![ChartSeries { name: ui.t(Msg::MeasureUcla), class: "series-a".into(), values: values(&series.ucla3) }],
                            min: 3.0,
                            max: 9.0,
                        }
                    }
                    if !resident_mode && series.ons4[0].len() > 1 {
                        TrendChart {
                            label: ui.t(Msg::LifeChartLabel),
                            points: dates(&series.ons4[0]),
                            series: vec![ChartSeries { name: ui.t(Msg::MeasureSatisfied), class: "series-b".into(), values: values(&series.ons4[0]) }],
                            min: 0.0,
                            max: 10.0,
                        }
                    }
                }
            }
            {past_checkins(ui, &backend, resident, &checkins, resident_mode)}
        }
    }
}

/// Every check-in so far, newest first, with whether it counts in team
/// figures and the button to change that; for the supporter, also the
/// language the screens were in when it was not the questions' English.
fn past_checkins(
    ui: Ui,
    backend: &DeviceClient,
    resident: ResidentId,
    checkins: &CheckIns,
    resident_mode: bool,
) -> Element {
    if checkins.checkins.is_empty() {
        return rsx! {};
    }
    rsx! {
        section { class: "page-section", "aria-labelledby": "h-past-checkins",
            h3 { id: "h-past-checkins", {ui.t(Msg::PastCheckins)} }
            ul { class: "item-list",
                for c in checkins.checkins.iter().rev().filter(|c| !c.archived) {
                    li { key: "{c.id}", class: "item",
                        p { class: "item-meta",
                            span { {crate::when::timestamp_day(ui.lang(), c.taken_at)} }
                            if c.not_today {
                                span { class: "tag", {ui.t(Msg::NotToday)} }
                            } else {
                                span { if c.share_in_reports { {ui.t(Msg::CountsInFigures)} } else { {ui.t(Msg::KeptPrivate)} } }
                            }
                            if !resident_mode && !c.not_today && c.language() != connect_model::questions::WORDED_IN {
                                span { class: "tag",
                                    {asked_with_screens_in(ui, c.language())}
                                }
                            }
                        }
                        if !c.not_today {
                            button {
                                class: "button secondary",
                                onclick: {
                                    let backend = backend.clone();
                                    let (id, share) = (c.id, !c.share_in_reports);
                                    move |_| apply_edit(backend.clone(), ui, resident, Edit::SetCheckinSharing { id, share, by_resident: resident_mode }, None)
                                },
                                if c.share_in_reports { {ui.t(Msg::StopCounting)} } else { {ui.t(Msg::LetItCount)} }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// "Asked with the screens in اردو": the language by its own name.
fn asked_with_screens_in(ui: Ui, tag: &str) -> String {
    let language = Lang::from_tag(tag).map_or_else(|| tag.to_owned(), |l| l.name().to_owned());
    ui.tr(Msg::CheckinAskedWithScreensIn, &[("language", language.into())])
}
