//! A photo on its card, the card's width; a tap shows it on the whole
//! screen, and another puts it back.

use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::use_ui;

/// The photo at `src`, described by `alt` (its caption).
#[component]
pub fn PhotoView(src: String, alt: String) -> Element {
    let ui = use_ui();
    let mut whole_screen = use_signal(|| false);
    let show = ui.t(if whole_screen() { Msg::ShowSmaller } else { Msg::ShowLarger });
    rsx! {
        button {
            class: if whole_screen() { "media-photo-button whole-screen" } else { "media-photo-button" },
            "aria-pressed": if whole_screen() { "true" } else { "false" },
            "aria-label": "{alt}. {show}",
            onclick: move |_| whole_screen.toggle(),
            img { class: "media-photo", src: "{src}", alt: "{alt}" }
        }
    }
}
