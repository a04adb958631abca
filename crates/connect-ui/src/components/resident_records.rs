//! (Coordinator) Every resident's record, one tap from the Team screen: who
//! changed what, their copy, and erasure everywhere.

use connect_model::caseload::CaseloadRow;
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{Screen, Tab, use_ui};

/// Links to each resident's record.
#[component]
pub fn ResidentRecords(residents: Vec<CaseloadRow>) -> Element {
    let ui = use_ui();
    rsx! {
        section { class: "page-section", "aria-labelledby": "h-records",
            h3 { id: "h-records", {ui.t(Msg::ResidentRecords)} }
            p { class: "hint", {ui.t(Msg::ResidentRecordsHint)} }
            ul { class: "link-list",
                for row in residents {
                    li { key: "{row.resident}",
                        button {
                            class: "link-button",
                            onclick: move |_| ui.go(Screen::Resident(row.resident, Tab::Record)),
                            "{row.preferred_name}"
                        }
                    }
                }
            }
        }
    }
}
