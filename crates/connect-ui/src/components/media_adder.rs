//! "Add a voice note or photo" at one place on a resident's record: record
//! a voice note, take a photo, or choose one already on the phone; then hear
//! or see it, caption it and keep it. A photo is scaled and stripped of its
//! metadata (where it was taken included) by the device before anything is
//! stored. Nothing is kept until "Keep it"; if keeping fails, the file stays
//! in the panel with the reason, to keep again.

use std::rc::Rc;

use connect_device::NewFile;
use connect_device::api::INPUT_BYTES_MAX;
use connect_model::ResidentId;
use connect_model::media::{MediaKind, MediaPlace};
use dioxus::prelude::*;

use crate::components::{MediaReview, PhotoCamera, ReviewWords, VoiceRecorder};
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
    let mut problem: Signal<Option<String>> = use_signal(|| None);
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
    let picked = move |e: FormEvent| {
        problem.set(None);
        let Some(file) = e.files().into_iter().next() else { return };
        if file.size() > INPUT_BYTES_MAX {
            problem.set(Some(ui.t(Msg::FileTooLarge)));
            return;
        }
        let mut got = got.clone();
        let mime = file.content_type().unwrap_or_else(|| "image/jpeg".into());
        spawn(async move {
            match file.read_bytes().await {
                Ok(bytes) => got(MediaKind::Photo, bytes.to_vec(), &mime, None),
                Err(_) => problem.set(Some(ui.t(Msg::FileUnreadable))),
            }
        });
    };
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
    let pick_id = format!("pick-photo-{place}");
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
                    div { class: "media-choices", role: "group", "aria-label": ui.t(Msg::AddVoiceOrPhoto),
                        if platform.is_some() {
                            button { class: "button big-button", onclick: move |_| step.set(Step::Recording),
                                span { class: "icon", "aria-hidden": "true", "🎙 " }
                                {ui.t(if resident_mode { Msg::RecordMyVoice } else { Msg::RecordVoice })}
                            }
                            button { class: "button big-button", onclick: move |_| step.set(Step::Camera),
                                span { class: "icon", "aria-hidden": "true", "📷 " }
                                {ui.t(Msg::TakePhoto)}
                            }
                        }
                        label { class: "button secondary file-button", r#for: "{pick_id}",
                            {ui.t(Msg::ChoosePhoto)}
                            input { id: "{pick_id}", class: "visually-hidden", r#type: "file", accept: "image/*", onchange: picked }
                        }
                        button { class: "button secondary", onclick: move |_| step.set(Step::Closed), {ui.t(Msg::Cancel)} }
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
            if let Some(why) = problem() {
                p { class: "status-error", role: "alert", "{why}" }
            }
        }
    }
}
