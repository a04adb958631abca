//! The notice line: errors in plain words, and "undo" after hiding something.

use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{apply_edit, use_backend, use_ui};

/// Shows the current notice, if any.
#[component]
pub fn NoticeLine() -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let Some(notice) = ui.notice.read().clone() else { return rsx! {} };
    let class = if notice.error { "notice notice-error" } else { "notice" };
    rsx! {
        div { class: "{class}", role: if notice.error { "alert" } else { "status" },
            p { "{notice.text}" }
            if let Some((resident, undo)) = notice.undo.clone() {
                button {
                    class: "button secondary",
                    onclick: move |_| apply_edit(backend.clone(), ui, resident, undo.clone(), None),
                    {ui.t(Msg::Undo)}
                }
            }
        }
    }
}
