//! The caseload: search, sort by name or last visit, each row with its sync state.

use std::collections::BTreeSet;

use dioxus::prelude::*;

use crate::components::{AddResidentForm, CaseloadRowView};
use crate::i18n::Msg;
use crate::state::{use_backend, use_ui};

/// The list of residents on this device.
#[component]
pub fn CaseloadScreen() -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut query = use_signal(String::new);
    let mut by_visit = use_signal(|| false);
    let rows = use_memo(move || {
        let _ = ui.revision.read();
        let mut rows = backend.caseload().unwrap_or_default();
        let q = query.read().trim().to_owned();
        if !q.is_empty() {
            let hits: BTreeSet<_> = backend.search(&q).unwrap_or_default().into_iter().map(|h| h.resident).collect();
            rows.retain(|r| hits.contains(&r.resident));
        }
        if *by_visit.read() {
            // Longest without a visit first: who needs seeing.
            rows.sort_by_key(|r| r.last_contact);
        }
        rows
    });
    let total = rows.read().len();
    rsx! {
        div { class: "screen caseload",
            h2 { {ui.t(Msg::Caseload)} }
            AddResidentForm {}
            div { class: "toolbar",
                label { class: "field grow",
                    span { class: "label", {ui.t(Msg::SearchLabel)} }
                    input {
                        r#type: "search",
                        value: "{query}",
                        oninput: move |e| query.set(e.value()),
                    }
                }
                label { class: "field",
                    span { class: "label", {ui.t(Msg::SortBy)} }
                    select {
                        onchange: move |e| by_visit.set(e.value() == "visit"),
                        option { value: "name", selected: !*by_visit.read(), {ui.t(Msg::SortName)} }
                        option { value: "visit", selected: *by_visit.read(), {ui.t(Msg::SortLastVisit)} }
                    }
                }
            }
            if total == 0 {
                p { class: "empty",
                    if query.read().trim().is_empty() { {ui.t(Msg::NoResidents)} } else { {ui.t(Msg::NothingFound)} }
                }
            }
            ul { class: "caseload-list", "aria-label": ui.t(Msg::Caseload),
                for row in rows.read().iter().cloned() {
                    CaseloadRowView { key: "{row.resident}", row }
                }
            }
        }
    }
}
