//! "Who can read my story?": four large choices in the resident's voice. A
//! narrower choice counts at once (taking a story back is never harder than
//! one tap); a wider one is said back in plain words and counts only when the
//! resident confirms it, so one mis-tap never shares a story. Whoever holds
//! the phone, the choice is recorded as the resident's.

use connect_model::ResidentId;
use connect_model::story::Consent;
use dioxus::prelude::*;

use crate::components::consent_msg;
use crate::i18n::Msg;
use crate::state::{apply_edit, use_backend, use_ui};
use connect_device::Edit;

/// How widely a story is read, narrowest first.
fn reach(c: Consent) -> usize {
    Consent::ALL.iter().position(|x| *x == c).unwrap_or(0)
}

/// The plain words that confirm sharing a story more widely.
fn confirm_msg(c: Consent) -> Msg {
    match c {
        Consent::Named => Msg::ConsentConfirmNamed,
        Consent::Anonymous => Msg::ConsentConfirmAnonymous,
        Consent::Team | Consent::Private => Msg::ConsentConfirmTeam,
    }
}

/// The four choices, and the confirmation of a wider one.
#[component]
pub fn ConsentChoices(resident: ResidentId, consent: Consent) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut asking: Signal<Option<Consent>> = use_signal(|| None);
    let record = use_callback(move |level: Consent| {
        asking.set(None);
        // The resident's decision, whoever holds the phone.
        apply_edit(backend.clone(), ui, resident, Edit::SetConsent { level, by_resident: true }, None);
    });
    let mut choose = move |level: Consent| {
        if reach(level) > reach(consent) { asking.set(Some(level)) } else { record.call(level) }
    };
    rsx! {
        section { class: "page-section consent-choices", "aria-labelledby": "h-consent",
            h3 { id: "h-consent", {ui.t(Msg::ConsentHeading)} }
            if let Some(level) = *asking.read() {
                div { class: "confirm", role: "alertdialog", "aria-labelledby": "consent-confirm",
                    p { id: "consent-confirm", class: "lead", {ui.t(confirm_msg(level))} }
                    div { class: "answers",
                        button { class: "button answer-button", onclick: move |_| record.call(level), {ui.t(Msg::ConsentYes)} }
                        button { class: "button secondary answer-button", onclick: move |_| asking.set(None), {ui.t(Msg::ConsentNo)} }
                    }
                }
            } else {
                div { class: "answers",
                    for level in Consent::ALL.iter().copied() {
                        button {
                            class: if level == consent { "button answer-button selected" } else { "button secondary answer-button" },
                            "aria-pressed": if level == consent { "true" } else { "false" },
                            onclick: move |_| choose(level),
                            {ui.t(consent_msg(level))}
                        }
                    }
                }
            }
        }
    }
}
