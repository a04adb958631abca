//! Writing a visit note: the words, how the resident seemed, and who can see
//! it, chosen each time from two large choices with none chosen for you (a
//! note never goes to the resident, nor stays from them, by default). "No
//! visit today" is a short choice of why, recorded with an undo.

use connect_model::ResidentId;
use connect_model::journal::{Marker, Mood, NotTodayReason, Visibility};
use dioxus::prelude::*;

use crate::components::NoVisitChoice;
use crate::drafts::use_draft;
use crate::i18n::Msg;
use crate::state::{apply_edit_then, use_backend, use_ui};
use connect_device::Edit;

/// The note form. `can_team_only` where this device keeps team-only notes
/// (a supporter's; a resident's own phone never holds them).
#[component]
pub fn NoteForm(resident: ResidentId, can_team_only: bool) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let draft = use_draft(format!("{resident}:note"), String::new());
    let text = draft.text;
    let mut who: Signal<Option<Visibility>> = use_signal(|| (!can_team_only).then_some(Visibility::Shared));
    let mut mood: Signal<Option<Mood>> = use_signal(|| None);
    let mut asked_to_choose = use_signal(|| false);
    let choices = [(Visibility::Shared, Msg::NoteForResident), (Visibility::TeamOnly, Msg::NoteForTeam)];
    rsx! {
        section { class: "page-section", "aria-labelledby": "h-add-note",
            h3 { id: "h-add-note", {ui.t(Msg::AddNote)} }
            form {
                class: "add-form",
                onsubmit: move |e: FormEvent| {
                    e.prevent_default();
                    let words = text.read().trim().to_owned();
                    if words.is_empty() {
                        return;
                    }
                    let Some(visibility) = *who.read() else {
                        asked_to_choose.set(true);
                        return;
                    };
                    let edit = Edit::AddNote { text: words, marker: Marker::Visit, visibility, mood: *mood.read(), reason: None };
                    apply_edit_then(backend.clone(), ui, resident, edit, None, move || {
                        draft.clear();
                        who.set((!can_team_only).then_some(Visibility::Shared));
                        asked_to_choose.set(false);
                    });
                },
                label { class: "field",
                    span { class: "label", {ui.t(Msg::NoteText)} }
                    textarea { rows: 3, value: "{text}", oninput: move |e| draft.typed(e.value()) }
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
                    fieldset { class: "big-choices",
                        legend { {ui.t(Msg::WhoSeesNote)} }
                        for (visibility, label) in choices {
                            button {
                                r#type: "button",
                                class: if *who.read() == Some(visibility) { "button big-choice selected" } else { "button secondary big-choice" },
                                "aria-pressed": if *who.read() == Some(visibility) { "true" } else { "false" },
                                onclick: move |_| { who.set(Some(visibility)); asked_to_choose.set(false); },
                                {ui.t(label)}
                            }
                        }
                        if *asked_to_choose.read() {
                            p { class: "notice notice-error", role: "alert", {ui.t(Msg::ChooseWhoSees)} }
                        }
                    }
                }
                div { class: "actions",
                    button { class: "button", r#type: "submit", {ui.t(Msg::SaveNote)} }
                }
            }
            NoVisitChoice { resident }
        }
    }
}

/// Words for each reason there was no visit.
#[must_use]
pub fn no_visit_msg(reason: NotTodayReason) -> Msg {
    match reason {
        NotTodayReason::DidNotWant => Msg::NotTodayDidNotWant,
        NotTodayReason::CouldNotGo => Msg::NotTodayCouldNotGo,
        NotTodayReason::WereOut => Msg::NotTodayWereOut,
    }
}
