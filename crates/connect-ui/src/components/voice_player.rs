//! A voice note playing: one large Play/Pause button with its length, where
//! the platform can start the player (the web app), and the player's own
//! controls below it for going back and forward.

use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::phone_media::SharedPhoneMedia;
use crate::state::use_ui;

/// The player for the file at `src`; `id` names its `<audio>`, `label` says
/// what it is ("Voice note, 0:42") and `alt` is its caption.
#[component]
pub fn VoicePlayer(src: String, id: String, label: String, alt: String) -> Element {
    let ui = use_ui();
    let platform = try_use_context::<SharedPhoneMedia>();
    let mut playing = use_signal(|| false);
    rsx! {
        if let Some(platform) = platform {
            button {
                class: "button play-button",
                "aria-controls": "{id}",
                onclick: {
                    let id = id.clone();
                    move |_| platform.play_or_pause(&id)
                },
                span { class: "icon", "aria-hidden": "true", if playing() { "⏸ " } else { "▶ " } }
                if playing() { {ui.t(Msg::Pause)} } else { {ui.t(Msg::Play)} }
                " · {label}"
                // Told apart by their captions when read aloud, as Remove is.
                if !alt.is_empty() && alt != label {
                    span { class: "visually-hidden", ": {alt}" }
                }
            }
        }
        audio {
            id: "{id}",
            class: "media-voice",
            controls: true,
            preload: "metadata",
            src: "{src}",
            "aria-label": "{alt}",
            onplay: move |_| playing.set(true),
            onpause: move |_| playing.set(false),
            onended: move |_| playing.set(false),
        }
    }
}
