//! Rewriting an offer, ask or goal in place: the words in a field, whether
//! they are the resident's own ("They said this"), saved or left as they were.

use connect_device::Edit;
use connect_model::page::Section;
use connect_model::{ItemId, ResidentId};
use dioxus::prelude::*;

use crate::components::TheySaidThis;
use crate::i18n::Msg;
use crate::state::{apply_edit_then, use_backend, use_ui};

/// The item's words in a field, with Save and Cancel; `on_done` when saved
/// or cancelled.
#[component]
pub fn ItemEditForm(
    resident: ResidentId,
    section: Section,
    item: ItemId,
    text: String,
    /// The words are the resident's now: "They said this" starts ticked.
    theirs: bool,
    resident_mode: bool,
    on_done: EventHandler<()>,
) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut draft = use_signal(|| text.clone());
    let mut said_by_them = use_signal(|| theirs);
    rsx! {
        form {
            class: "inline-form",
            onsubmit: move |e: FormEvent| {
                e.prevent_default();
                let by_resident = resident_mode || *said_by_them.read();
                let edit = Edit::EditText { section, item, text: draft.read().clone(), by_resident };
                apply_edit_then(backend.clone(), ui, resident, edit, None, move || on_done.call(()));
            },
            label { class: "field grow",
                span { class: "visually-hidden", {ui.t(Msg::EditItem)} }
                input {
                    r#type: "text",
                    value: "{draft}",
                    oninput: move |e| draft.set(e.value()),
                    onmounted: move |e| async move { _ = e.set_focus(true).await; },
                }
            }
            if !resident_mode {
                TheySaidThis { checked: *said_by_them.read(), on_change: move |v| said_by_them.set(v) }
            }
            button { class: "button", r#type: "submit", {ui.t(Msg::Save)} }
            button { class: "button secondary", r#type: "button", onclick: move |_| on_done.call(()), {ui.t(Msg::Cancel)} }
        }
    }
}
