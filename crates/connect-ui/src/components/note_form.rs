//! Writing a visit note, or recording "not today" with one tap.

use connect_model::ResidentId;
use connect_model::journal::{Marker, Mood, Visibility};
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{apply_edit, apply_edit_then, use_backend, use_ui};
use connect_device::Edit;

/// The note form.
#[component]
pub fn NoteForm(resident: ResidentId, can_team_only: bool) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut text = use_signal(String::new);
    let mut team_only = use_signal(|| false);
    let mut mood: Signal<Option<Mood>> = use_signal(|| None);
    let not_today = {
        let backend = backend.clone();
        move |_| {
            let edit = Edit::AddNote {
                text: String::new(),
                marker: Marker::NotToday,
                visibility: Visibility::Shared,
                mood: None,
            };
            apply_edit(backend.clone(), ui, resident, edit, None);
        }
    };
    rsx! {
        section { class: "page-section",
            h3 { {ui.t(Msg::AddNote)} }
            form {
                class: "add-form",
                onsubmit: move |e: FormEvent| {
                    e.prevent_default();
                    let words = text.read().trim().to_owned();
                    if words.is_empty() {
                        return;
                    }
                    let visibility = if *team_only.read() { Visibility::TeamOnly } else { Visibility::Shared };
                    let edit = Edit::AddNote { text: words, marker: Marker::Visit, visibility, mood: *mood.read() };
                    apply_edit_then(backend.clone(), ui, resident, edit, None, move || text.set(String::new()));
                },
                label { class: "field",
                    span { class: "label", {ui.t(Msg::NoteText)} }
                    textarea { rows: 3, value: "{text}", oninput: move |e| text.set(e.value()) }
                }
                label { class: "field",
                    span { class: "label", {ui.t(Msg::MoodLabel)} }
                    select {
                        onchange: move |e| mood.set(e.value().parse().ok()),
                        option { value: "", {ui.t(Msg::MoodNone)} }
                        option { value: "good", {ui.t(Msg::MoodGood)} }
                        option { value: "okay", {ui.t(Msg::MoodOkay)} }
                        option { value: "low", {ui.t(Msg::MoodLow)} }
                    }
                }
                if can_team_only {
                    label { class: "check",
                        input { r#type: "checkbox", checked: *team_only.read(), onchange: move |e| team_only.set(e.checked()) }
                        {ui.t(Msg::TeamOnly)}
                    }
                }
                div { class: "actions",
                    button { class: "button", r#type: "submit", {ui.t(Msg::AddNote)} }
                    button { class: "button secondary", r#type: "button", onclick: not_today, {ui.t(Msg::NotToday)} }
                }
            }
        }
    }
}
