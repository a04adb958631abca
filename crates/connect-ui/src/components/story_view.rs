//! The resident's story: first who can read it, asked in their voice ("Who
//! can read my story?") as four large choices, any wider sharing confirmed in
//! plain words before it counts; then their story in their words, with its
//! voice notes and photos; then every
//! change of consent with who made it and when.

use connect_model::ResidentId;
use connect_model::media::MediaPlace;
use connect_model::story::{Consent, Story};
use dioxus::prelude::*;

use crate::components::{ConsentChoices, MediaShelf, TheySaidThis};
use crate::drafts::use_draft;
use crate::i18n::Msg;
use crate::item_view::written_down_msg;
use crate::state::{apply_edit_then, use_backend, use_ui};
use connect_device::Edit;

/// Words for each consent level.
#[must_use]
pub fn consent_msg(c: Consent) -> Msg {
    match c {
        Consent::Private => Msg::ConsentPrivate,
        Consent::Team => Msg::ConsentTeam,
        Consent::Anonymous => Msg::ConsentAnonymous,
        Consent::Named => Msg::ConsentNamed,
    }
}

/// The story tab (and the resident's own "my story").
#[component]
pub fn StoryView(resident: ResidentId, story: Option<Story>, resident_mode: bool) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let text = story.as_ref().map(|s| s.text.to_string()).unwrap_or_default();
    let draft = use_draft(format!("{resident}:story"), text);
    // A story is the resident's account: written down by a supporter, it is
    // still their words unless unticked.
    let mut said_by_them = use_signal(|| true);
    let consent = story.as_ref().map_or(Consent::Private, |s| s.consent);
    let history = story.as_ref().map(|s| s.consent_history.clone()).unwrap_or_default();
    rsx! {
        div { class: "story-view",
            ConsentChoices { resident, consent }
            section { class: "page-section", "aria-labelledby": "h-story",
                h3 { id: "h-story", {ui.t(Msg::StoryHeading)} }
                p { class: "hint", if resident_mode { {ui.t(Msg::StoryHint)} } else { {ui.t(Msg::StoryHintTeam)} } }
                form {
                    onsubmit: move |e: FormEvent| {
                        e.prevent_default();
                        let by_resident = resident_mode || *said_by_them.read();
                        let edit = Edit::SetStory { text: draft.text.read().clone(), by_resident };
                        apply_edit_then(backend.clone(), ui, resident, edit, None, move || draft.forget());
                    },
                    label { class: "field",
                        span { class: "visually-hidden", {ui.t(Msg::StoryHeading)} }
                        textarea { rows: 8, value: "{draft.text}", oninput: move |e| draft.typed(e.value()) }
                    }
                    if !resident_mode {
                        TheySaidThis { checked: *said_by_them.read(), on_change: move |v| said_by_them.set(v) }
                    }
                    button { class: "button", r#type: "submit", {ui.t(Msg::SaveStory)} }
                }
                MediaShelf { resident, place: MediaPlace::Story, resident_mode, read_only: false }
            }
            if !history.is_empty() {
                section { class: "page-section", "aria-labelledby": "h-consent-history",
                    h3 { id: "h-consent-history", {ui.t(Msg::ConsentHistory)} }
                    ul { class: "item-list",
                        for c in history.iter().rev() {
                            li { class: "item",
                                p { class: "item-text", {ui.t(consent_msg(c.level))} }
                                p { class: "item-meta",
                                    span { {crate::when::moment_words(ui.lang(), c.at.to_datetime().with_timezone(&chrono::Local))} }
                                    span { class: "byline", {ui.tr(Msg::ChangedBy, &[("name", c.by.name.as_str().into())])} }
                                    // The resident's own choice, and whose phone it was made on.
                                    if let Some(by) = written_down_msg(&c.by) {
                                        span { class: "byline", " · " {ui.t(by)} }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
