//! Renaming this device, as the audit trail names it.

use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{use_backend, use_ui};

/// This device's name, and "Save".
#[component]
pub fn DeviceNameForm() -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut device_name = use_signal(|| backend.me().device_name);
    let save_name = move |e: FormEvent| {
        e.prevent_default();
        let backend = backend.clone();
        let name = device_name.read().clone();
        spawn(async move {
            match backend.set_device_name(&name).await {
                Ok(()) => ui.bump(),
                Err(err) => {
                    ui.error(ui.tr(Msg::ErrorPrefix, &[("why", crate::i18n::device_error(ui.lang(), &err).into())]));
                }
            }
        });
    };
    rsx! {
        form { class: "inline-form", onsubmit: save_name,
            label { class: "field grow",
                span { class: "label", {ui.t(Msg::DeviceName)} }
                input { r#type: "text", value: "{device_name}", oninput: move |e| device_name.set(e.value()) }
            }
            button { class: "button", r#type: "submit", {ui.t(Msg::Save)} }
        }
    }
}
