//! The resident's story in their own words, and who may read it: four plain
//! choices they can change at any time, each change kept with who and when.

use connect_model::ResidentId;
use connect_model::story::{Consent, Story};
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{apply_edit, use_backend, use_ui};
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
    let mut draft = use_signal(|| text.clone());
    let consent = story.as_ref().map_or(Consent::Private, |s| s.consent);
    let history = story.as_ref().map(|s| s.consent_history.clone()).unwrap_or_default();
    let save_backend = backend.clone();
    rsx! {
        div { class: "story-view",
            section { class: "page-section", "aria-labelledby": "h-story",
                h3 { id: "h-story", {ui.t(Msg::StoryHeading)} }
                p { class: "hint", {ui.t(Msg::StoryHint)} }
                form {
                    onsubmit: move |e: FormEvent| {
                        e.prevent_default();
                        let edit = Edit::SetStory { text: draft.read().clone(), by_resident: resident_mode };
                        apply_edit(save_backend.clone(), ui, resident, edit, None);
                    },
                    label { class: "field",
                        span { class: "visually-hidden", {ui.t(Msg::StoryHeading)} }
                        textarea { rows: 8, value: "{draft}", oninput: move |e| draft.set(e.value()) }
                    }
                    button { class: "button", r#type: "submit", {ui.t(Msg::SaveStory)} }
                }
            }
            fieldset { class: "page-section consent-choices",
                legend { {ui.t(Msg::ConsentHeading)} }
                for level in Consent::ALL.iter().copied() {
                    label { class: "check big-choice",
                        input {
                            r#type: "radio",
                            name: "consent-{resident}",
                            value: "{level}",
                            checked: level == consent,
                            onchange: {
                                let backend = backend.clone();
                                move |_| apply_edit(backend.clone(), ui, resident, Edit::SetConsent { level, by_resident: resident_mode }, None)
                            },
                        }
                        span { {ui.t(consent_msg(level))} }
                    }
                }
            }
            if !history.is_empty() {
                section { class: "page-section", "aria-labelledby": "h-consent-history",
                    h3 { id: "h-consent-history", {ui.t(Msg::ConsentHistory)} }
                    ul { class: "item-list",
                        for c in history.iter().rev() {
                            li { class: "item",
                                p { class: "item-text", {ui.t(consent_msg(c.level))} }
                                p { class: "item-meta",
                                    span { {c.at.to_datetime().format("%e %b %Y, %H:%M").to_string()} }
                                    span { class: "byline", {ui.t(Msg::ChangedBy)} " {c.by.name}" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
