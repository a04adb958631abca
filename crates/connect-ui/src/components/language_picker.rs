//! Choosing the language, each name written in its own language.

use dioxus::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::state::use_ui;

/// A labelled language select; changes apply at once.
#[component]
pub fn LanguagePicker(compact: bool) -> Element {
    let ui = use_ui();
    rsx! {
        label { class: if compact { "field compact" } else { "field" },
            span { class: "label", {ui.t(Msg::Language)} }
            select {
                onchange: move |e| {
                    let mut lang = ui.lang;
                    lang.set(Lang::ALL.into_iter().find(|l| l.tag() == e.value()).unwrap_or_default());
                },
                for l in Lang::ALL {
                    option { value: "{l.tag()}", selected: *ui.lang.read() == l, lang: "{l.tag()}", "{l.name()}" }
                }
            }
        }
    }
}
