//! The three ways to add a voice note or photo: "Record a voice note" ("Record
//! my voice" in resident mode) and "Take a photo" where the platform lends a
//! microphone and a camera, and "Choose a photo" from the phone's own (read
//! here, and refused in words if it is too large or cannot be read).

use connect_device::api::INPUT_BYTES_MAX;
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::phone_media::SharedPhoneMedia;
use crate::state::use_ui;

/// The choices; `on_picked` gets a chosen photo's bytes and type.
#[component]
pub fn MediaChoices(
    /// The file picker's id (one per place on the screen).
    pick_id: String,
    resident_mode: bool,
    on_record: EventHandler<()>,
    on_camera: EventHandler<()>,
    on_picked: EventHandler<(Vec<u8>, String)>,
    on_cancel: EventHandler<()>,
) -> Element {
    let ui = use_ui();
    let platform = try_use_context::<SharedPhoneMedia>();
    let mut problem: Signal<Option<String>> = use_signal(|| None);
    let picked = move |e: FormEvent| {
        problem.set(None);
        let Some(file) = e.files().into_iter().next() else { return };
        if file.size() > INPUT_BYTES_MAX {
            problem.set(Some(ui.t(Msg::FileTooLarge)));
            return;
        }
        let mime = file.content_type().unwrap_or_else(|| "image/jpeg".into());
        spawn(async move {
            match file.read_bytes().await {
                Ok(bytes) => on_picked.call((bytes.to_vec(), mime)),
                Err(_) => problem.set(Some(ui.t(Msg::FileUnreadable))),
            }
        });
    };
    rsx! {
        div { class: "media-choices", role: "group", "aria-label": ui.t(Msg::AddVoiceOrPhoto),
            if platform.is_some() {
                button { class: "button big-button", onclick: move |_| on_record.call(()),
                    span { class: "icon", "aria-hidden": "true", "🎙 " }
                    {ui.t(if resident_mode { Msg::RecordMyVoice } else { Msg::RecordVoice })}
                }
                button { class: "button big-button", onclick: move |_| on_camera.call(()),
                    span { class: "icon", "aria-hidden": "true", "📷 " }
                    {ui.t(Msg::TakePhoto)}
                }
            }
            label { class: "button secondary file-button", r#for: "{pick_id}",
                {ui.t(Msg::ChoosePhoto)}
                input { id: "{pick_id}", class: "visually-hidden", r#type: "file", accept: "image/*", onchange: picked }
            }
            button { class: "button secondary", onclick: move |_| on_cancel.call(()), {ui.t(Msg::Cancel)} }
            if let Some(why) = problem() {
                p { class: "status-error", role: "alert", "{why}" }
            }
        }
    }
}
