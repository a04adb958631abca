//! Settings' "Scan the invite's QR code": the camera's picture, read until
//! the coordinator's invite QR code is in view, which then fills in the relay
//! and the code. Shown only where the platform has a camera (the web app).

use dioxus::prelude::*;

use crate::camera::SharedCamera;
use crate::components::CameraView;
use crate::i18n::Msg;
use crate::invite_link::InviteLink;
use crate::state::use_ui;

/// The `<video>` element the camera draws in.
const VIDEO_ID: &str = "invite-camera";

/// The scan button, and while scanning the camera's picture and "Stop".
#[component]
pub fn InviteScanner(on_read: EventHandler<InviteLink>) -> Element {
    let ui = use_ui();
    let Some(camera) = try_use_context::<SharedCamera>() else { return rsx! {} };
    let mut scanning = use_signal(|| false);
    let mut problem: Signal<Option<String>> = use_signal(|| None);
    let start = move |_| {
        problem.set(None);
        scanning.set(true);
        let camera = camera.clone();
        // The task ends with the component, and its camera with it.
        spawn(async move {
            let read = camera.scan(VIDEO_ID).await;
            if !*scanning.peek() {
                return; // stopped by hand
            }
            scanning.set(false);
            match read.map(|text| InviteLink::decode(&text)) {
                Ok(Some(link)) => on_read.call(link),
                Ok(None) => problem.set(Some(ui.t(Msg::NotAnInvite))),
                Err(e) => problem.set(Some(e.to_string())),
            }
        });
    };
    rsx! {
        div { class: "invite-scanner",
            if *scanning.read() {
                CameraView { id: VIDEO_ID }
                p { class: "hint", role: "status", {ui.t(Msg::PointAtInvite)} }
                button { class: "button secondary", r#type: "button", onclick: move |_| scanning.set(false), {ui.t(Msg::StopScanning)} }
            } else {
                button { class: "button secondary", r#type: "button", onclick: start, {ui.t(Msg::ScanInvite)} }
            }
            if let Some(why) = problem.read().clone() {
                p { class: "status-error", role: "alert", "{why}" }
            }
        }
    }
}
