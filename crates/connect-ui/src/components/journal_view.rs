//! The journal: a note in a few taps, "not today" in one, shared and
//! team-only notes kept apart.

use connect_model::ResidentId;
use connect_model::journal::{Journal, Marker};
use dioxus::prelude::*;

use crate::components::NoteForm;
use crate::i18n::Msg;
use crate::state::use_ui;

/// The journal tab.
#[component]
pub fn JournalView(
    resident: ResidentId,
    journal: Option<Journal>,
    team_notes: Option<Journal>,
    /// A resident reads their shared journal; only the team writes in it.
    #[props(default)]
    read_only: bool,
) -> Element {
    let ui = use_ui();
    let lists = [(Msg::Shared, journal), (Msg::TeamNotes, team_notes)];
    rsx! {
        div { class: "journal-view",
            if !read_only {
                NoteForm { resident, can_team_only: lists[1].1.is_some() }
            }
            for (heading, list) in lists {
                if let Some(j) = list {
                    section { class: "page-section",
                        h3 { {ui.t(heading)} }
                        if j.entries.iter().all(|e| e.archived) { p { class: "empty", {ui.t(Msg::NoNotes)} } }
                        ul { class: "item-list",
                            for e in j.entries.iter().rev().filter(|e| !e.archived).cloned() {
                                li { key: "{e.id}", class: "item",
                                    p { class: "item-meta",
                                        span { {e.happened_at.to_datetime().format("%e %b %Y").to_string()} }
                                        match e.marker {
                                            Marker::NotToday => rsx! { span { class: "tag", {ui.t(Msg::NotToday)} } },
                                            Marker::Declined => rsx! { span { class: "tag", {ui.t(Msg::Declined)} } },
                                            _ => rsx! {},
                                        }
                                        span { class: "byline", {ui.t(Msg::AddedBy)} " {e.author.name}" }
                                    }
                                    if !e.text.is_empty() { p { class: "item-text", "{e.text}" } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
