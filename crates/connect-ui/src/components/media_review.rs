//! Before a new voice note or photo is kept: hear it or see it, give it a
//! caption (which is also what a screen reader says for it), type what a
//! voice note says if anyone wants to, and for a supporter, say whether
//! these are the resident's own words. "Keep it" saves it on this phone;
//! "Don't keep" throws it away.

use connect_model::media::MediaKind;
use dioxus::prelude::*;

use crate::components::TheySaidThis;
use crate::i18n::Msg;
use crate::state::use_ui;

/// What the person wrote about a new file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewWords {
    /// The caption.
    pub caption: String,
    /// A voice note's transcript, or empty.
    pub transcript: String,
    /// The resident's own words ("in my words").
    pub by_resident: bool,
}

/// The review; `preview` is the new file's address to show or play.
#[component]
pub fn MediaReview(
    kind: MediaKind,
    preview: String,
    resident_mode: bool,
    saving: bool,
    on_keep: EventHandler<ReviewWords>,
    on_discard: EventHandler<()>,
) -> Element {
    let ui = use_ui();
    let mut caption = use_signal(String::new);
    let mut transcript = use_signal(String::new);
    let mut said_by_them = use_signal(|| false);
    rsx! {
        form {
            class: "media-review",
            onsubmit: move |e: FormEvent| {
                e.prevent_default();
                on_keep.call(ReviewWords {
                    caption: caption.read().trim().to_owned(),
                    transcript: transcript.read().trim().to_owned(),
                    by_resident: resident_mode || said_by_them(),
                });
            },
            match kind {
                MediaKind::Photo => rsx! { img { class: "media-photo", src: "{preview}", alt: ui.t(Msg::NewPhoto) } },
                MediaKind::Voice => rsx! { audio { class: "media-voice", controls: true, src: "{preview}", "aria-label": ui.t(Msg::NewVoiceNote) } },
            }
            label { class: "field",
                span { class: "label", {ui.t(if kind == MediaKind::Photo { Msg::PhotoCaption } else { Msg::VoiceCaption })} }
                input { r#type: "text", value: "{caption}", oninput: move |e| caption.set(e.value()) }
            }
            if kind == MediaKind::Voice {
                label { class: "field",
                    span { class: "label", {ui.t(Msg::TranscriptLabel)} }
                    textarea { rows: 3, value: "{transcript}", oninput: move |e| transcript.set(e.value()) }
                }
            }
            if !resident_mode {
                TheySaidThis { checked: said_by_them(), on_change: move |v| said_by_them.set(v) }
            }
            div { class: "actions",
                button { class: "button big-button", r#type: "submit", disabled: saving, "aria-busy": if saving { "true" } else { "false" },
                    {ui.t(Msg::KeepIt)}
                }
                button { class: "button secondary", r#type: "button", onclick: move |_| on_discard.call(()), {ui.t(Msg::DontKeep)} }
            }
        }
    }
}
