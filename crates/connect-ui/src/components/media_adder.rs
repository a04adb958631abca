//! "Add a voice note or photo" at one place on a resident's record: record
//! a voice note, take a photo, or choose one already on the phone; then hear
//! or see it, caption it and keep it. A photo is scaled and stripped of its
//! metadata (where it was taken included) by the device before anything is
//! stored. Nothing is kept until "Keep it"; if keeping fails, the file stays
//! in the panel with the reason, to keep again.

use std::rc::Rc;

use connect_device::NewFile;
use connect_model::ResidentId;
use connect_model::media::{MediaKind, MediaPlace};
use dioxus::prelude::*;

use crate::components::{MediaChoices, MediaReview, PhotoCamera, ReviewWords, VoiceRecorder};
use crate::i18n::Msg;
use crate::phone_media::{Recording, SharedPhoneMedia, media_url};
use crate::state::{run_call, use_backend, use_ui};

/// Where the panel is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Only the button.
    Closed,
    /// The three ways to add.
    Choosing,
    /// The microphone is on.
    Recording,
    /// The camera is on.
    Camera,
    /// A file to caption and keep.
    Review,
}

/// A new file before it is kept.
#[derive(Clone)]
struct Captured {
    kind: MediaKind,
    bytes: Rc<Vec<u8>>,
    measured_ms: Option<u64>,
    /// Its address for the review.
    url: String,
}

/// The button and, once pressed, the panel.
#[component]
pub fn MediaAdder(resident: ResidentId, place: MediaPlace, resident_mode: bool) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let platform = try_use_context::<SharedPhoneMedia>();
    let mut step = use_signal(|| Step::Closed);
    let mut captured: Signal<Option<Captured>> = use_signal(|| None);
    let saving = use_signal(|| false);
    let forget = {
        let platform = platform.clone();
        move || {
            if let (Some(p), Some(c)) = (&platform, captured.take()) {
                p.release_url(&c.url);
            }
        }
    };
    use_drop(forget.clone());
    let got = {
        let platform = platform.clone();
        move |kind: MediaKind, bytes: Vec<u8>, mime: &str, measured_ms: Option<u64>| {
            let url = media_url(platform.as_ref(), &bytes, mime);
            captured.set(Some(Captured { kind, bytes: Rc::new(bytes), measured_ms, url }));
            step.set(Step::Review);
        }
    };
    let mut got_voice = got.clone();
    let mut got_photo = got.clone();
    let mut got_file = got.clone();
    let mut discard = forget.clone();
    let keep = move |words: ReviewWords| {
        let Some(c) = captured.peek().clone() else { return };
        let file = NewFile {
            place,
            bytes: c.bytes.to_vec(),
            caption: words.caption,
            transcript: words.transcript,
            measured_ms: c.measured_ms,
            by_resident: words.by_resident,
        };
        let backend = backend.clone();
        let mut forget = forget.clone();
        run_call(ui, Some(saving), async move { backend.add_media(resident, file).await }, move |_| {
            forget();
            step.set(Step::Closed);
            ui.news(ui.t(Msg::MediaKept));
        });
    };
    rsx! {
        div { class: "media-adder",
            match step() {
                Step::Closed => rsx! {
                    button { class: "button secondary", onclick: move |_| step.set(Step::Choosing),
                        span { class: "icon", "aria-hidden": "true", "🎙 " }
                        {ui.t(Msg::AddVoiceOrPhoto)}
                    }
                },
                Step::Choosing => rsx! {
                    MediaChoices {
                        pick_id: format!("pick-photo-{place}"),
                        resident_mode,
                        on_record: move |()| step.set(Step::Recording),
                        on_camera: move |()| step.set(Step::Camera),
                        on_picked: move |(bytes, mime): (Vec<u8>, String)| got_file(MediaKind::Photo, bytes, &mime, None),
                        on_cancel: move |()| step.set(Step::Closed),
                    }
                },
                Step::Recording => rsx! {
                    VoiceRecorder {
                        on_done: move |r: Recording| got_voice(MediaKind::Voice, r.bytes, &r.mime, Some(r.measured_ms)),
                        on_cancel: move |()| step.set(Step::Choosing),
                    }
                },
                Step::Camera => rsx! {
                    PhotoCamera {
                        on_taken: move |jpeg: Vec<u8>| got_photo(MediaKind::Photo, jpeg, "image/jpeg", None),
                        on_cancel: move |()| step.set(Step::Choosing),
                    }
                },
                Step::Review => match captured.read().clone() {
                    Some(c) => rsx! {
                        MediaReview {
                            kind: c.kind,
                            preview: c.url,
                            resident_mode,
                            saving: saving(),
                            on_keep: keep,
                            on_discard: move |()| {
                                discard();
                                step.set(Step::Choosing);
                            },
                        }
                    },
                    None => rsx! {},
                },
            }
        }
    }
}
