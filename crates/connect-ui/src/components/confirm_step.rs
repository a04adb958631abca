//! The second step before something that cannot be undone from this phone
//! (taking a person off the team, removing a phone): the question in plain
//! words, a button that does it, and one that does not.

use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::use_ui;

/// A confirmation in place: `on_yes` does it, `on_no` puts it away.
#[component]
pub fn ConfirmStep(question: String, yes: String, on_yes: EventHandler<()>, on_no: EventHandler<()>) -> Element {
    let ui = use_ui();
    rsx! {
        div { class: "confirm", role: "group", "aria-label": "{question}",
            p { class: "lead", "{question}" }
            div { class: "answers",
                button { class: "button danger", onclick: move |_| on_yes.call(()), "{yes}" }
                button { class: "button secondary", onclick: move |_| on_no.call(()), {ui.t(Msg::Cancel)} }
            }
        }
    }
}
