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
    let last = row.last_contact.map_or_else(
        || ui.t(Msg::Never),
        |t| crate::when::date(ui.lang(), t.to_datetime().with_timezone(&chrono::Local).date_naive(), true),
    );
    let resident = row.resident;
    rsx! {
        li { class: "caseload-row",
            button {
                class: "row-button",
                onclick: move |_| ui.go(Screen::Resident(resident, Tab::Page)),
                span { class: "row-name", "{row.preferred_name}" }
                span { class: "row-facts",
                    span { {ui.tr(Msg::OffersCount, &[("n", row.offers.into())])} }
                    span { {ui.tr(Msg::AsksOpenCount, &[("n", row.asks_open.into())])} }
                    span { {ui.tr(Msg::CircleCount, &[("n", row.circle_size.into())])} }
                    span { {ui.t(Msg::LastVisit)} ": {last}" }
                }
                span { class: "badge {sync_class}", span { "aria-hidden": "true", "{icon} " } "{sync_text}" }
            }
        }
    }
}
