//! Team insights for coordinators: figures with no names, anything drawn from
//! fewer than five residents shown as "fewer than 5" (and any that would
//! reveal such a count by subtraction as "not shown"), a median with no
//! answers behind it as "no answers yet", charts drawn as SVG (each
//! with its numbers in a table), and the figures and a pseudonymous
//! per-resident file saved as CSV.

use connect_model::insights::Figure;
use dioxus::prelude::*;

use crate::components::{NotSeenPicker, PairedBars, PromiseFiguresView, ShortCheckinPicker, data_url};
use crate::i18n::Msg;
use crate::state::{run_call, use_backend, use_backend_read, use_ui};

/// A figure for the screen.
pub(crate) fn shown(f: Figure, ui: crate::state::Ui) -> String {
    match f {
        Figure::Suppressed => ui.t(Msg::FewerThanFive),
        Figure::Withheld => ui.t(Msg::Withheld),
        Figure::NoData => ui.t(Msg::NoAnswersYet),
        Figure::Value { value, .. } => crate::i18n::number(ui.lang(), value),
    }
}

/// A language by its own name ("اردو"), or its tag if the app has no name for it.
fn language_name(tag: &str) -> String {
    crate::i18n::Lang::from_tag(tag).map_or_else(|| tag.to_owned(), |l| l.name().to_owned())
}

/// The class of a figure with no number to show.
pub(crate) fn class(figures: &[Figure]) -> &'static str {
    if figures.iter().all(|f| f.is_shown()) { "" } else { "suppressed" }
}

/// The insights part of the team screen.
#[component]
pub fn InsightsView() -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut files: Signal<Option<(String, String)>> = use_signal(|| None);
    let data = use_backend_read(move |backend| async move { backend.insights().await });
    let directory = use_backend_read(move |backend| async move { backend.directory().await });
    let directory = directory.read().clone().and_then(Result::ok).flatten();
    let insights = match data.read().clone() {
        Some(Ok(i)) => i,
        Some(Err(e)) => return rsx! { p { class: "notice notice-error", role: "alert", "{e}" } },
        None => return rsx! { p { class: "loading", role: "status", {ui.t(Msg::Loading)} } },
    };
    let prepare = move |_| {
        let backend = backend.clone();
        run_call(ui, None, async move { backend.insight_csvs().await }, move |f| files.set(Some(f)));
    };
    let headline = [
        (Msg::ResidentsSupported, insights.residents_supported),
        (Msg::ResidentsVisited, insights.residents_visited),
        (Msg::AsksRaised, insights.asks_raised),
        (Msg::AsksMet, insights.asks_met),
        (Msg::OffersListed, insights.offers_listed),
        (Msg::OffersMade, insights.offers_made_to_others),
        (Msg::IntrosDeclined, insights.introductions_declined),
    ];
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    rsx! {
        div { class: "insights-view",
            // The headline figures first; how they were made safe, below them.
            dl { class: "figures headline",
                for (label, figure) in headline {
                    div { class: "figure",
                        dt { {ui.t(label)} }
                        dd { class: class(&[figure]), {shown(figure, ui)} }
                    }
                }
            }
            p { class: "hint", {ui.t(Msg::InsightsHint)} }
            section { class: "page-section", "aria-labelledby": "h-growth",
                h3 { id: "h-growth", {ui.t(Msg::CircleGrowth)} }
                PairedBars { insights: insights.clone() }
            }
            section { class: "page-section", "aria-labelledby": "h-checkin-change",
                h3 { id: "h-checkin-change", {ui.t(Msg::CheckinChange)} ": " {shown(insights.checkin_residents, ui)} }
                dl { class: "figures",
                    for (label, first, latest) in [
                        (Msg::UclaFirstLatest, insights.ucla3_first, insights.ucla3_latest),
                        (Msg::LifeFirstLatest, insights.life_satisfaction_first, insights.life_satisfaction_latest),
                    ] {
                        div { class: "figure",
                            dt { {ui.t(label)} }
                            dd { class: class(&[first, latest]),
                                {shown(first, ui)} " " span { class: "flips", "→" } " " {shown(latest, ui)}
                            }
                        }
                    }
                    div { class: "figure",
                        dt { {ui.t(Msg::Improved)} }
                        dd { class: class(&[insights.ucla3_improved]), {shown(insights.ucla3_improved, ui)} }
                    }
                    // How many agreed answers each wording had: the figures
                    // above use only the validated English one.
                    for (language, figure) in insights.checkins_by_language.clone() {
                        div { class: "figure",
                            dt { {ui.tr(Msg::CheckinsAskedIn, &[("language", language_name(&language).into())])} }
                            dd { class: class(&[figure]), {shown(figure, ui)} }
                        }
                    }
                }
            }
            PromiseFiguresView { figures: insights.promises.clone() }
            div { class: "actions",
                if let Some((aggregate, rows)) = files.read().clone() {
                    a { class: "button", href: data_url("text/csv", &aggregate), download: "connect-figures-{today}.csv", {ui.t(Msg::SaveFiguresCsv)} }
                    a { class: "button secondary", href: data_url("text/csv", &rows), download: "connect-residents-pseudonymous-{today}.csv", {ui.t(Msg::SavePerResidentCsv)} }
                } else {
                    button { class: "button", onclick: prepare, {ui.t(Msg::SaveFiguresCsv)} }
                }
            }
            if let Some(directory) = directory {
                ShortCheckinPicker { directory: directory.clone() }
                NotSeenPicker { directory }
            }
        }
    }
}
