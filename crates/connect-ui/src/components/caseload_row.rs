//! One resident in the caseload, with counts, last visit and sync state in words.

use connect_model::caseload::{CaseloadRow, SyncStatus};
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{Screen, Tab, use_ui};

/// A caseload row; the whole row opens the resident.
#[component]
pub fn CaseloadRowView(row: CaseloadRow) -> Element {
    let ui = use_ui();
    let (sync_class, sync_text, icon) = match row.sync {
        SyncStatus::OnlyOnThisDevice => ("sync-local", ui.t(Msg::OnlyHere), "●"),
        SyncStatus::ChangesWaiting => ("sync-waiting", ui.t(Msg::Waiting), "↑"),
        SyncStatus::OnRelay => ("sync-safe", ui.t(Msg::OnRelay), "☁"),
    };
    let last = row
        .last_contact
        .map_or_else(|| ui.t(Msg::Never).to_owned(), |t| t.to_datetime().format("%e %b %Y").to_string());
    let resident = row.resident;
    rsx! {
        li { class: "caseload-row",
            button {
                class: "row-button",
                onclick: move |_| ui.go(Screen::Resident(resident, Tab::Page)),
                span { class: "row-name", "{row.preferred_name}" }
                span { class: "row-facts",
                    span { "{row.offers} " {ui.t(if row.offers == 1 { Msg::OfferCount } else { Msg::OffersCount })} }
                    span { "{row.asks_open} " {ui.t(if row.asks_open == 1 { Msg::AskOpenCount } else { Msg::AsksOpenCount })} }
                    span { "{row.circle_size} " {ui.t(Msg::CircleCount)} }
                    span { {ui.t(Msg::LastVisit)} ": {last}" }
                }
                span { class: "badge {sync_class}", span { "aria-hidden": "true", "{icon} " } "{sync_text}" }
            }
        }
    }
}
