//! "About me", in the resident's words, editable in place, with voice
//! notes and photos beside it.

use connect_model::ResidentId;
use connect_model::media::MediaPlace;
use dioxus::prelude::*;

use crate::components::{MediaShelf, TheySaidThis};
use crate::drafts::use_draft;
use crate::i18n::Msg;
use crate::state::{apply_edit_then, use_backend, use_ui};
use connect_device::Edit;

/// About me: shows the text, and a box to change it.
#[component]
pub fn AboutMe(resident: ResidentId, text: String, resident_mode: bool) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut editing = use_signal(|| false);
    let draft = use_draft(format!("{resident}:about"), text.clone());
    let mut said_by_them = use_signal(|| false);
    let shown = text;
    rsx! {
        section { class: "page-section about-me", "aria-labelledby": "h-about",
            h3 { id: "h-about", {ui.t(Msg::AboutMe)} }
            if *editing.read() {
                form {
                    onsubmit: move |e: FormEvent| {
                        e.prevent_default();
                        let by_resident = resident_mode || *said_by_them.read();
                        let edit = Edit::SetAboutMe { text: draft.text.read().clone(), by_resident };
                        apply_edit_then(backend.clone(), ui, resident, edit, None, move || {
                            draft.forget();
                            editing.set(false);
                        });
                    },
                    label { class: "field",
                        span { class: "label", {ui.t(Msg::AboutMe)} }
                        textarea {
                            rows: 4,
                            value: "{draft.text}",
                            oninput: move |e| draft.typed(e.value()),
                            onmounted: move |e| async move { _ = e.set_focus(true).await; },
                        }
                    }
                    if !resident_mode {
                        TheySaidThis { checked: *said_by_them.read(), on_change: move |v| said_by_them.set(v) }
                    }
                    div { class: "actions",
                        button { class: "button", r#type: "submit", {ui.t(Msg::Save)} }
                        button { class: "button secondary", r#type: "button", onclick: move |_| editing.set(false), {ui.t(Msg::Cancel)} }
                    }
                }
            } else {
                if !shown.is_empty() { p { class: "about-text", "{shown}" } }
                button {
                    class: "button secondary",
                    onclick: move |_| editing.set(true),
                    {ui.t(Msg::EditItem)} " " span { class: "visually-hidden", {ui.t(Msg::AboutMe)} }
                }
            }
            MediaShelf { resident, place: MediaPlace::About, resident_mode, read_only: false }
        }
    }
}
