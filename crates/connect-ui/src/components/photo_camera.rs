//! Taking a photo in the app: the back camera's picture, one large "Take
//! the photo" button, and "Don't take one". The camera stops as soon as the
//! photo is taken or the panel closes; if taking it fails, it stays on to
//! try again. (Choosing a photo already on the
//! phone is the file picker beside it, in [`crate::components::MediaAdder`].)

use dioxus::prelude::*;

use crate::components::CameraView;
use crate::i18n::Msg;
use crate::phone_media::SharedPhoneMedia;
use crate::state::use_ui;

/// The `<video>` element the camera draws in.
const VIDEO_ID: &str = "photo-camera";

/// The viewfinder; `on_taken` gets the picture as a JPEG.
#[component]
pub fn PhotoCamera(on_taken: EventHandler<Vec<u8>>, on_cancel: EventHandler<()>) -> Element {
    let ui = use_ui();
    let Some(platform) = try_use_context::<SharedPhoneMedia>() else { return rsx! {} };
    // The camera could not start: nothing to take a photo with.
    let mut problem: Signal<Option<String>> = use_signal(|| None);
    // A photo could not be taken: the camera stays on to try again.
    let mut missed: Signal<Option<String>> = use_signal(|| None);
    let mut taking = use_signal(|| false);
    // The camera runs while this task does: it ends with the panel.
    let camera = use_hook({
        let platform = platform.clone();
        move || {
            spawn(async move {
                if let Err(e) = platform.show_camera(VIDEO_ID).await {
                    problem.set(Some(e.to_string()));
                }
            })
        }
    });
    let take = move |_| {
        taking.set(true);
        missed.set(None);
        let platform = platform.clone();
        spawn(async move {
            let snapped = platform.snap(VIDEO_ID).await;
            taking.set(false);
            match snapped {
                Ok(jpeg) => {
                    camera.cancel();
                    on_taken.call(jpeg);
                }
                Err(e) => missed.set(Some(e.to_string())),
            }
        });
    };
    rsx! {
        div { class: "photo-camera", role: "group", "aria-label": ui.t(Msg::TakePhoto),
            if let Some(why) = problem() {
                p { class: "status-error", role: "alert", "{why}" }
            } else {
                if let Some(why) = missed() {
                    p { class: "status-error", role: "alert", "{why}" }
                }
                CameraView { id: VIDEO_ID }
            }
            div { class: "actions",
                if problem.read().is_none() {
                    button { class: "button big-button", disabled: taking(), onclick: take,
                        span { class: "icon", "aria-hidden": "true", "📷 " }
                        {ui.t(Msg::TakeThePhoto)}
                    }
                }
                button { class: "button secondary", onclick: move |_| on_cancel.call(()), {ui.t(Msg::DontKeep)} }
            }
        }
    }
}
