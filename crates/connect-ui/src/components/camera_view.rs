//! The camera's picture: the `<video>` a platform's camera draws in (to read
//! an invite's QR code, or to take a photo), silent and inline on iPhones.

use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::use_ui;

/// The picture, in a `<video>` with id `id`.
#[component]
pub fn CameraView(id: String) -> Element {
    let ui = use_ui();
    rsx! {
        video {
            id,
            class: "camera",
            autoplay: true,
            muted: true,
            "playsinline": "true",
            "aria-label": ui.t(Msg::CameraPicture),
        }
    }
}
