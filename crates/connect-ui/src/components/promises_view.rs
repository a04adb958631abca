//! "What we said we'd do" on the resident's page: the next visit, the
//! promises still to do, those done or put aside (folded away), and the form
//! to add one. In resident mode only what is shared with her shows, in words
//! spoken to her.

use connect_model::promise::{NextVisit, Promise, PromiseState};
use connect_model::{ItemId, ResidentId};
use dioxus::prelude::*;

use crate::components::{NextVisitPanel, PromiseForm, PromiseRow};
use crate::i18n::Msg;
use crate::state::use_ui;

/// The section, for a supporter or (with `resident_mode`) the resident.
#[component]
pub fn PromisesView(
    resident: ResidentId,
    name: String,
    promises: Vec<Promise>,
    asks: Vec<(ItemId, String)>,
    visit_plans: Vec<NextVisit>,
    resident_mode: bool,
) -> Element {
    let ui = use_ui();
    // A phone handed to the resident holds team-only promises: never hers to see.
    let shown: Vec<Promise> = promises.into_iter().filter(|p| p.shared || !resident_mode).collect();
    let (open, closed): (Vec<Promise>, Vec<Promise>) = shown.into_iter().partition(|p| p.state() == PromiseState::Open);
    let closed_count = closed.len();
    rsx! {
        section { class: "page-section promises", "aria-labelledby": "h-promises",
            h3 { id: "h-promises", {ui.t(Msg::WhatWeSaid)} }
            NextVisitPanel { resident, plans: visit_plans, resident_mode }
            if open.is_empty() && closed_count == 0 {
                p { class: "empty", {ui.t(Msg::NothingPromised)} }
            }
            ul { class: "item-list",
                for p in open {
                    PromiseRow { key: "{p.id}", resident, promise: p, name: name.clone(), resident_mode }
                }
            }
            if closed_count > 0 {
                details { class: "earlier-promises",
                    summary { {ui.t(Msg::EarlierPromises)} " ({closed_count})" }
                    ul { class: "item-list",
                        for p in closed {
                            PromiseRow { key: "{p.id}", resident, promise: p, name: name.clone(), resident_mode }
                        }
                    }
                }
            }
            PromiseForm { resident, asks, resident_mode }
        }
    }
}
