//! "No visit today": a button that opens a short choice of why (they didn't
//! want one, I couldn't go, they were out), recorded as a journal entry with
//! an undo. None of the three is a failure: a "no" is the resident's choice.

use connect_model::ResidentId;
use connect_model::journal::{Marker, NotTodayReason, Visibility};
use dioxus::prelude::*;

use crate::components::no_visit_msg;
use crate::i18n::Msg;
use crate::state::{Notice, use_backend, use_ui};
use connect_device::Edit;

/// The "Not today" button and, once tapped, its three reasons.
#[component]
pub fn NoVisitChoice(resident: ResidentId) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut open = use_signal(|| false);
    if !*open.read() {
        return rsx! {
            button { class: "button secondary", onclick: move |_| open.set(true), {ui.t(Msg::NotToday)} }
        };
    }
    let record = move |reason: NotTodayReason| {
        let backend = backend.clone();
        let edit = Edit::AddNote {
            text: String::new(),
            marker: Marker::NotToday,
            visibility: Visibility::Shared,
            mood: None,
            reason: Some(reason),
        };
        spawn(async move {
            match backend.edit(resident, edit).await {
                Ok(Some(id)) => {
                    open.set(false);
                    let undo = Edit::SetNoteRemoved { visibility: Visibility::Shared, id, removed: true };
                    ui.tell(Some(Notice::undoable(ui.t(Msg::NoVisitSaved), resident, undo)));
                }
                Ok(None) => open.set(false),
                Err(e) => {
                    ui.error(ui.tr(Msg::ErrorPrefix, &[("why", crate::i18n::device_error(ui.lang(), &e).into())]));
                }
            }
        });
    };
    rsx! {
        fieldset { class: "big-choices",
            legend { {ui.t(Msg::NotTodayWhy)} }
            for reason in NotTodayReason::ALL.iter().copied() {
                button {
                    class: "button secondary big-choice",
                    onclick: {
                        let record = record.clone();
                        move |_| record(reason)
                    },
                    {ui.t(no_visit_msg(reason))}
                }
            }
            button { class: "link-button", onclick: move |_| open.set(false), {ui.t(Msg::Cancel)} }
        }
    }
}
