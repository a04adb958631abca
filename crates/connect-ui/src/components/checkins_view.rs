//! Check-ins: start one (one question at a time), the trend in plain words and
//! as charts, and every check-in so far with whether it counts in team
//! figures, which the resident can change at any time.

use connect_model::ResidentId;
use connect_model::checkin::CheckIns;
use dioxus::prelude::*;

use crate::components::{ChartSeries, CheckinFlow, TrendChart};
use crate::i18n::Msg;
use crate::state::{apply_edit, use_backend, use_ui};
use connect_device::Edit;

fn short_date(t: connect_model::Timestamp) -> String {
    t.to_datetime().format("%e %b %Y").to_string().trim().to_owned()
}

/// The check-ins tab, for a supporter or (with `resident_mode`) the resident.
#[component]
pub fn CheckinsView(
    resident: ResidentId,
    checkins: Option<CheckIns>,
    life_areas: Vec<(String, String)>,
    resident_mode: bool,
) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut asking = use_signal(|| false);
    if *asking.read() {
        return rsx! {
            CheckinFlow { resident, life_areas, by_resident: resident_mode, on_close: move |()| asking.set(false) }
        };
    }
    let checkins = checkins.unwrap_or(CheckIns { resident, checkins: Vec::new() });
    let words = checkins.trend_in_words(&life_areas);
    let series = checkins.series();
    let dates =
        |points: &[(connect_model::Timestamp, u8)]| points.iter().map(|(t, _)| short_date(*t)).collect::<Vec<_>>();
    let values =
        |points: &[(connect_model::Timestamp, u8)]| points.iter().map(|(_, v)| Some(f64::from(*v))).collect::<Vec<_>>();
    rsx! {
        div { class: "checkins-view",
            button { class: "button answer-button", onclick: move |_| asking.set(true), {ui.t(Msg::StartCheckin)} }
            section { class: "page-section", "aria-labelledby": "h-trend",
                h3 { id: "h-trend", {ui.t(Msg::MyTrend)} }
                ul { class: "trend-words",
                    for w in words { li { lang: "en", "{w}" } }
                }
                if series.ucla3.len() > 1 {
                    TrendChart {
                        label: ui.t(Msg::UclaChartLabel).to_owned(),
                        points: dates(&series.ucla3),
                        series: vec![ChartSeries { name: "UCLA 3-item".into(), class: "series-a".into(), values: values(&series.ucla3) }],
                        min: 3.0,
                        max: 9.0,
                    }
                }
                if series.ons4[0].len() > 1 {
                    TrendChart {
                        label: ui.t(Msg::LifeChartLabel).to_owned(),
                        points: dates(&series.ons4[0]),
                        series: vec![ChartSeries { name: "ONS4 life satisfaction".into(), class: "series-b".into(), values: values(&series.ons4[0]) }],
                        min: 0.0,
                        max: 10.0,
                    }
                }
            }
            if !checkins.checkins.is_empty() {
                section { class: "page-section", "aria-labelledby": "h-past-checkins",
                    h3 { id: "h-past-checkins", {ui.t(Msg::PastCheckins)} }
                    ul { class: "item-list",
                        for c in checkins.checkins.iter().rev().filter(|c| !c.archived) {
                            li { key: "{c.id}", class: "item",
                                p { class: "item-meta",
                                    span { {short_date(c.taken_at)} }
                                    if c.not_today {
                                        span { class: "tag", {ui.t(Msg::NotToday)} }
                                    } else {
                                        span { class: "tag", {ui.t(Msg::Answered)} }
                                        span { if c.share_in_reports { {ui.t(Msg::CountsInFigures)} } else { {ui.t(Msg::KeptPrivate)} } }
                                    }
                                    span { class: "byline", {ui.t(Msg::AddedBy)} " {c.author.name}" }
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
    }
}
