//! Team figures for "what we said we'd do": promises made and kept by kind
//! of person, the median days to keep one, and asks met after a promise,
//! each suppressed or withheld like every figure.

use connect_model::insights::PromiseFigures;
use connect_model::promise::PromiseBy;
use dioxus::prelude::*;

use crate::components::insights_view::{class, shown};
use crate::i18n::Msg;
use crate::state::use_ui;

/// The promise figures, in a section of the insights.
#[component]
pub fn PromiseFiguresView(figures: PromiseFigures) -> Element {
    let ui = use_ui();
    rsx! {
        section { class: "page-section", "aria-labelledby": "h-promise-figures",
            h3 { id: "h-promise-figures", {ui.t(Msg::PromiseFigures)} }
            dl { class: "figures",
                for (label, by) in [
                    (Msg::BySupporters, PromiseBy::Supporter),
                    (Msg::ByResidents, PromiseBy::Resident),
                    (Msg::ByCircles, PromiseBy::Circle),
                    (Msg::ByTeam, PromiseBy::Team),
                ] {
                    div { class: "figure",
                        dt { {ui.t(Msg::PromisesMadeKept)} " " {ui.t(label)} }
                        dd { class: class(&[*figures.made.get(by), *figures.kept.get(by)]),
                            {shown(*figures.made.get(by), ui)} " " span { class: "flips", "→" } " " {shown(*figures.kept.get(by), ui)}
                        }
                    }
                }
                for (label, figure) in [
                    (Msg::DaysToKeep, figures.median_days_to_keep),
                    (Msg::AsksMetAfterPromise, figures.asks_met_after_a_promise),
                ] {
                    div { class: "figure",
                        dt { {ui.t(label)} }
                        dd { class: class(&[figure]), {shown(figure, ui)} }
                    }
                }
            }
    }
    }
}
