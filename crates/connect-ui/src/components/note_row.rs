//! One journal note: when, what kind, who wrote it, the words, its voice
//! notes and photos, and (for the team) "Edit" and "Remove". A removed note
//! leaves the journal but stays in the record's history, and "Undo" brings
//! it back.

use connect_model::ResidentId;
use connect_model::journal::{Entry, Marker, Visibility};
use connect_model::media::MediaPlace;
use dioxus::prelude::*;

use crate::components::{MediaShelf, no_visit_msg};
use crate::i18n::Msg;
use crate::state::{Notice, apply_edit, apply_edit_then, use_backend, use_ui};
use connect_device::Edit;

/// A note, editable unless `read_only`.
#[component]
pub fn NoteRow(resident: ResidentId, visibility: Visibility, entry: Entry, read_only: bool) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut editing = use_signal(|| false);
    let mut draft = use_signal(|| entry.text.to_string());
    let id = entry.id;
    let remove = {
        let backend = backend.clone();
        move |_| {
            let undo = Edit::SetNoteRemoved { visibility, id, removed: false };
            let notice = Notice::undoable(ui.t(Msg::NoteRemoved), resident, undo);
            apply_edit(
                backend.clone(),
                ui,
                resident,
                Edit::SetNoteRemoved { visibility, id, removed: true },
                Some(notice),
            );
        }
    };
    let day = crate::when::timestamp_day(ui.lang(), entry.happened_at);
    rsx! {
        li { class: "item",
            p { class: "item-meta",
                span { "{day}" }
                match (entry.marker, entry.reason) {
                    (Marker::NotToday, Some(reason)) => rsx! { span { class: "tag", {ui.t(no_visit_msg(reason))} } },
                    (Marker::NotToday, None) => rsx! { span { class: "tag", {ui.t(Msg::NotToday)} } },
                    (Marker::Declined, _) => rsx! { span { class: "tag", {ui.t(Msg::Declined)} } },
                    _ => rsx! {},
                }
                span { class: "byline", {ui.tr(Msg::AddedBy, &[("name", entry.author.name.as_str().into())])} }
            }
            if *editing.read() {
                form {
                    class: "add-form",
                    onsubmit: move |e: FormEvent| {
                        e.prevent_default();
                        let edit = Edit::EditNote { visibility, id, text: draft.read().clone() };
                        apply_edit_then(backend.clone(), ui, resident, edit, None, move || editing.set(false));
                    },
                    label { class: "field",
                        span { class: "label", {ui.t(Msg::EditItem)} }
                        textarea { rows: 3, value: "{draft}", oninput: move |e| draft.set(e.value()) }
                    }
                    div { class: "actions",
                        button { class: "button", r#type: "submit", {ui.t(Msg::Save)} }
                        button { class: "button secondary", r#type: "button", onclick: move |_| editing.set(false), {ui.t(Msg::Cancel)} }
                    }
                }
                // Voice notes and photos are added (and removed) while the note is open for editing.
                MediaShelf { resident, place: MediaPlace::Note(id), resident_mode: false, read_only: false }
            } else {
                if !entry.text.is_empty() { p { class: "item-text", "{entry.text}" } }
                MediaShelf { resident, place: MediaPlace::Note(id), resident_mode: false, read_only: true }
                if !read_only {
                    div { class: "actions",
                        if entry.marker != Marker::NotToday {
                            button { class: "button secondary", onclick: move |_| editing.set(true), {ui.t(Msg::EditItem)} }
                        }
                        button { class: "button secondary", onclick: remove, {ui.t(Msg::RemoveNote)} }
                    }
                }
            }
        }
    }
}
