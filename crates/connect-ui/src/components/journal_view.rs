//! The journal: a note in a few taps, "no visit today" with its reason,
//! notes shared with the resident and team-only notes kept apart, each
//! editable and removable (kept in the record's history).

use connect_model::ResidentId;
use connect_model::journal::{Journal, Visibility};
use dioxus::prelude::*;

use crate::components::{NoteForm, NoteRow};
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
    let lists = [(Msg::Shared, Visibility::Shared, journal), (Msg::TeamNotes, Visibility::TeamOnly, team_notes)];
    rsx! {
        div { class: "journal-view",
            if !read_only {
                NoteForm { resident, can_team_only: lists[1].2.is_some() }
            }
            for (heading, visibility, list) in lists {
                if let Some(j) = list {
                    section { class: "page-section",
                        h3 { {ui.t(heading)} }
                        if j.entries.iter().all(|e| e.archived) { p { class: "empty", {ui.t(Msg::NoNotes)} } }
                        ul { class: "item-list",
                            for e in j.entries.iter().rev().filter(|e| !e.archived).cloned() {
                                NoteRow { key: "{e.id}", resident, visibility, entry: e, read_only }
                            }
                        }
                    }
                }
            }
        }
    }
}
