//! One voice note or photo: the photo (tap for the whole screen) or a large
//! play button, its caption and transcript, whose words it is, where it
//! stands (only on this phone, the part sent, safe with the team, or why it
//! is stuck), and "Remove", which removes it from every phone after a
//! second step (not where the record is read only). A file only the team holds is fetched when asked for, never
//! by itself on a weak signal.

use connect_device::MediaItem;
use connect_model::ResidentId;
use connect_model::media::MediaKind;
use dioxus::prelude::*;

use crate::components::{ConfirmStep, PhotoView, VoicePlayer};
use crate::i18n::Msg;
use crate::media_view::{kind_words, state_words};
use crate::phone_media::{SharedPhoneMedia, media_url};
use crate::state::{run_call, use_backend, use_read_again_once_open, use_ui};

/// A file on a resident's record.
#[component]
pub fn MediaCard(resident: ResidentId, item: MediaItem, resident_mode: bool, read_only: bool) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let platform = try_use_context::<SharedPhoneMedia>();
    let media = item.media.clone();
    let (doc, hash, id) = (item.doc, media.hash, media.id);
    // Bytes on this phone show at once; the team's copy waits to be asked for.
    let mut wanted = use_signal(|| item.here);
    let mut url = use_resource({
        let (backend, platform, mime) = (backend.clone(), platform.clone(), media.mime.clone());
        move || {
            let (backend, platform, mime) = (backend.clone(), platform.clone(), mime.clone());
            let wanted = wanted();
            async move {
                if !wanted {
                    return Ok(None);
                }
                let bytes = backend.media_bytes(doc, hash).await?;
                Ok(Some(media_url(platform.as_ref(), &bytes, &mime)))
            }
        }
    });
    // A read that met the lock ("Give the phone back") reads again once open.
    use_read_again_once_open(url);
    use_drop({
        let platform = platform.clone();
        move || {
            if let (Some(p), Some(Ok(Some(shown)))) = (&platform, &*url.peek()) {
                p.release_url(shown);
            }
        }
    });
    let mut confirming = use_signal(|| false);
    let whose = if media.in_my_words() {
        ui.t(if resident_mode { Msg::InMyWords } else { Msg::InTheirWords })
    } else {
        ui.tr(Msg::AddedBy, &[("name", media.author.name.as_str().into())])
    };
    let kind_words = kind_words(ui, &media);
    let alt = if media.caption.is_empty() { kind_words.clone() } else { media.caption.clone() };
    let state_class = if item.stuck.is_some() { "stuck" } else { item.state.as_str() };
    let remove = move |()| {
        confirming.set(false);
        let backend = backend.clone();
        run_call(ui, None, async move { backend.remove_media(resident, id).await }, move |()| {
            ui.news(ui.t(Msg::MediaRemoved));
        });
    };
    let shown = url.read().clone();
    rsx! {
        li { class: if media.in_my_words() { "media-card theirs" } else { "media-card" }, "data-kind": "{media.kind}",
            match (shown, media.kind) {
                (Some(Ok(None)), _) => rsx! {
                    p { class: "media-kind", "{kind_words}" }
                    button { class: "button secondary", onclick: move |_| wanted.set(true),
                        {ui.tr(Msg::FetchMedia, &[("size", crate::components::amount(ui.lang(), media.bytes).into())])}
                    }
                },
                (None, _) => rsx! { p { class: "loading", role: "status", {ui.t(Msg::Loading)} } },
                (Some(Err(e)), _) => rsx! {
                    p { class: "status-error", role: "alert", "{e}" }
                    button { class: "button secondary", onclick: move |_| url.restart(), {ui.t(Msg::TryAgain)} }
                },
                (Some(Ok(Some(src))), MediaKind::Photo) => rsx! { PhotoView { src, alt: alt.clone() } },
                (Some(Ok(Some(src))), MediaKind::Voice) => rsx! {
                    VoicePlayer { src, id: format!("voice-{id}"), label: kind_words, alt: alt.clone() }
                },
            }
            if !media.caption.is_empty() { p { class: "media-caption", "{media.caption}" } }
            if !media.transcript.is_empty() {
                details { class: "media-transcript",
                    summary { {ui.t(Msg::WhatItSays)} }
                    p { "{media.transcript}" }
                }
            }
            p { class: "item-meta",
                span { class: "byline", "{whose}" }
                span { class: "media-state state-{state_class}", "{state_words(ui, &item)}" }
            }
            if confirming() {
                ConfirmStep {
                    question: ui.t(if media.kind == MediaKind::Voice { Msg::RemoveVoiceEverywhere } else { Msg::RemovePhotoEverywhere }),
                    yes: ui.t(Msg::RemoveIt),
                    on_yes: remove,
                    on_no: move |()| confirming.set(false),
                }
            } else if !read_only {
                div { class: "actions",
                    button { class: "button secondary", onclick: move |_| confirming.set(true),
                        {ui.t(Msg::Remove)}
                        span { class: "visually-hidden", ": {alt}" }
                    }
                }
            }
        }
    }
}
