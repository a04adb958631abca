//! The first screen: Today, then the caseload (search, sort by name or last
//! visit, each row with its sync state).

use std::collections::BTreeSet;

use dioxus::prelude::*;

use crate::components::{AddResidentForm, CaseloadRowView, TodayPanel};
use crate::i18n::Msg;
use crate::state::{use_backend_read, use_ui};

/// The list of residents on this device.
#[component]
pub fn CaseloadScreen() -> Element {
    let ui = use_ui();
    let mut query = use_signal(String::new);
    let mut by_visit = use_signal(|| false);
    let read = use_backend_read(move |backend| {
        let q = query.read().trim().to_owned();
        let by_visit = *by_visit.read();
        async move {
            let mut rows = backend.caseload().await?;
            if !q.is_empty() {
                let hits: BTreeSet<_> = backend.search(&q).await?.into_iter().map(|h| h.resident).collect();
                rows.retain(|r| hits.contains(&r.resident));
            }
            if by_visit {
                // Longest without a visit first: who needs seeing.
                rows.sort_by_key(|r| r.last_contact);
            }
            Ok(rows)
        }
    });
    let (rows, problem, loaded) = match read.read().clone() {
        Some(Ok(rows)) => (rows, None, true),
        Some(Err(e)) => (Vec::new(), Some(e.to_string()), true),
        None => (Vec::new(), None, false),
    };
    let total = rows.len();
    rsx! {
        div { class: "screen caseload",
            // Today comes first: what might be done now, then everyone.
            TodayPanel {}
            h2 { {ui.t(Msg::Caseload)} }
            // Finding someone comes first; adding someone new after.
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
            AddResidentForm {}
            if let Some(why) = problem {
                p { class: "notice notice-error", role: "alert", "{why}" }
            }
            if loaded && total == 0 {
                p { class: "empty",
                    if query.read().trim().is_empty() { {ui.t(Msg::NoResidents)} } else { {ui.t(Msg::NothingFound)} }
                }
            }
            ul { class: "caseload-list", "aria-label": ui.t(Msg::Caseload),
                for row in rows {
                    CaseloadRowView { key: "{row.resident}", row }
                }
            }
        }
    }
}
