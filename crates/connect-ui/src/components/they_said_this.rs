//! "They said this": one large toggle on every form a supporter fills in
//! about a resident, marking the words as the resident's own. What is kept
//! says both: the resident's words, written down by whoever held the phone.

use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::use_ui;

/// The toggle.
#[component]
pub fn TheySaidThis(checked: bool, on_change: EventHandler<bool>) -> Element {
    let ui = use_ui();
    rsx! {
        label { class: "check big-toggle",
            input { r#type: "checkbox", checked, onchange: move |e| on_change.call(e.checked()) }
            span { {ui.t(Msg::TheySaidThis)} }
        }
    }
}
