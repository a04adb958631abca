//! One promise: who will do what and when, where it stands, and the one-tap
//! changes (done, not now, no longer needed, or open again), each with an undo.

use connect_model::ResidentId;
use connect_model::promise::{Promise, PromiseBy, PromiseState};
use dioxus::prelude::*;

use crate::components::PromiseEditForm;
use crate::i18n::Msg;
use crate::promise_words::{promise_sentence, state_msg, when_words};
use crate::state::{Notice, apply_edit, use_backend, use_ui};
use crate::when::local_today;
use connect_device::Edit;

/// A promise on the resident's page. In resident mode it speaks to her, and
/// she can mark done only what she said she would do.
#[component]
pub fn PromiseRow(resident: ResidentId, promise: Promise, name: String, resident_mode: bool) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut editing = use_signal(|| false);
    let lang = ui.lang();
    let state = promise.state();
    let open = state == PromiseState::Open;
    let (id, shared) = (promise.id, promise.shared);
    let words = promise_sentence(lang, &promise.terms, &name, resident_mode);
    let when = when_words(lang, promise.terms.when, open, local_today());
    let set = move |to: PromiseState| {
        let edit = Edit::SetPromiseState { shared, id, state: to, by_resident: resident_mode };
        let undo = Edit::SetPromiseState { shared, id, state, by_resident: resident_mode };
        let notice = Notice::undoable(ui.t(Msg::PromiseMarked), resident, undo);
        apply_edit(backend.clone(), ui, resident, edit, Some(notice));
    };
    let changes: Vec<(PromiseState, Msg)> = if !open {
        vec![(PromiseState::Open, Msg::StillToDo)]
    } else if resident_mode {
        if promise.terms.by == PromiseBy::Resident { vec![(PromiseState::Done, Msg::PromiseDone)] } else { vec![] }
    } else {
        vec![
            (PromiseState::Done, Msg::PromiseDone),
            (PromiseState::NotNow, Msg::PromiseNotNow),
            (PromiseState::NoLongerNeeded, Msg::MarkNoLonger),
        ]
    };
    if *editing.read() {
        return rsx! {
            li { class: "item promise",
                PromiseEditForm { resident, promise, on_done: move |()| editing.set(false) }
            }
        };
    }
    // Only the team puts a promise's words right; the resident marks her own done.
    let can_edit = open && !resident_mode;
    rsx! {
        li { class: if open { "item promise" } else { "item promise closed" },
            p { class: "item-text", "{words}" }
            p { class: "item-meta",
                if let Some(when) = when { span { class: "when", "{when}" } }
                if !open { span { class: "tag state-{state}", {ui.t(state_msg(state))} } }
                if !shared { span { class: "tag", {ui.t(Msg::NoteForTeam)} } }
            }
            if !changes.is_empty() || can_edit {
                div { class: "actions",
                    for (to, label) in changes {
                        button {
                            class: if to == PromiseState::Done { "button" } else { "button secondary" },
                            "aria-label": "{ui.t(label)}: {words}",
                            onclick: {
                                let set = set.clone();
                                move |_| set(to)
                            },
                            {ui.t(label)}
                        }
                    }
                    if can_edit {
                        button { class: "button secondary", "aria-label": "{ui.t(Msg::EditItem)}: {words}", onclick: move |_| editing.set(true), {ui.t(Msg::EditItem)} }
                    }
                }
            }
        }
    }
}
