//! "Before you go: worth a word together": an answer in a check-in that
//! should worry someone (not feeling safe, very anxious), raised to the
//! supporter, by the resident's name, until they say they have talked.

use connect_model::ResidentId;
use dioxus::prelude::*;

use crate::checkin_words::concern_words;
use crate::i18n::Msg;
use crate::state::use_ui;

/// The concern raised about `resident`, if any.
#[component]
pub fn ConcernNotice(resident: ResidentId, name: String) -> Element {
    let ui = use_ui();
    let mut raised = ui.concern;
    let concerns = match &*raised.read() {
        Some((r, concerns)) if *r == resident => concerns.clone(),
        _ => return rsx! {},
    };
    rsx! {
        section { class: "notice notice-concern", role: "alert", "aria-labelledby": "h-concern",
            h3 { id: "h-concern", {ui.t(Msg::ConcernHeading)} }
            for c in concerns {
                p { {concern_words(ui.lang(), c, &name)} }
            }
            button { class: "button secondary", onclick: move |_| raised.set(None), {ui.t(Msg::ConcernSeen)} }
        }
    }
}
