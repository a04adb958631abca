//! Settings: language, this device's name and id, connecting to the team relay
//! (the invite typed, or read from its QR code where there is a camera), how
//! often to sync by itself, (for coordinators) inviting a new device, the
//! space the app has (in the browser) and the PIN.

use connect_model::AuthorRole;
use dioxus::prelude::*;

use crate::auto_sync::{Command, use_auto_sync};
use crate::components::{AutoSyncPicker, ChangePinForm, InvitePanel, InviteScanner, LanguagePicker, StoragePanel};
use crate::i18n::Msg;
use crate::state::{Screen, use_backend, use_backend_read, use_ui};
use connect_sync::schedule::Trigger;

/// The settings screen.
#[component]
pub fn SettingsScreen() -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let me = backend.me();
    let overview = use_backend_read(move |backend| async move { backend.overview().await });
    let mut device_name = use_signal(|| me.device_name.clone());
    let mut relay = use_signal(|| {
        try_consume_context::<crate::vault::SharedVault>().and_then(|v| v.suggested_relay()).unwrap_or_default()
    });
    let mut code = use_signal(String::new);
    let mut scanned = use_signal(|| false);
    let mut busy = use_signal(|| false);
    let auto = use_auto_sync();
    let save_name = {
        let backend = backend.clone();
        move |e: FormEvent| {
            e.prevent_default();
            let backend = backend.clone();
            let name = device_name.read().clone();
            spawn(async move {
                match backend.set_device_name(&name).await {
                    Ok(()) => ui.bump(),
                    Err(err) => ui.error(format!("{} {err}", ui.t(Msg::ErrorPrefix))),
                }
            });
        }
    };
    let enrol = move |e: FormEvent| {
        e.prevent_default();
        let backend = backend.clone();
        let (r, c) = (relay.read().clone(), code.read().clone());
        busy.set(true);
        spawn(async move {
            let result = backend.enrol(&r, &c).await;
            match result {
                Ok(()) => {
                    // The first sync brings what the team holds for this
                    // device at once: the auto-sync starts it, and retries
                    // it if it fails.
                    auto.tell(Command::Trigger(Trigger::Enrolled));
                    busy.set(false);
                    ui.bump();
                    // Enrolled with a resident's invite: from now on this
                    // phone is theirs, and shows only their screens.
                    if let Some(own) = backend.own_resident() {
                        let mut locked = ui.locked_to;
                        ui.go(Screen::ResidentMode(own));
                        locked.set(Some(own));
                    }
                }
                Err(err) => {
                    busy.set(false);
                    ui.error(format!("{} {err}", ui.t(Msg::ErrorPrefix)));
                }
            }
        });
    };
    let o = overview.read().clone().and_then(Result::ok).unwrap_or_default();
    rsx! {
        div { class: "screen settings",
            h2 { {ui.t(Msg::Settings)} }
            LanguagePicker { compact: false }
            form { class: "inline-form", onsubmit: save_name,
                label { class: "field grow",
                    span { class: "label", {ui.t(Msg::DeviceName)} }
                    input { r#type: "text", value: "{device_name}", oninput: move |e| device_name.set(e.value()) }
                }
                button { class: "button", r#type: "submit", {ui.t(Msg::Save)} }
            }
            p { class: "device-id", {ui.t(Msg::DeviceId)} ": " code { "{me.device_id}" } }
            section { class: "page-section",
                h3 { {ui.t(Msg::Connect)} }
                if o.enrolled {
                    p { {ui.t(Msg::Connected)} " " code { {o.relay.clone().unwrap_or_default()} } }
                    if overview.read().is_some() {
                        AutoSyncPicker { current: o.auto_sync_minutes }
                    }
                } else {
                    InviteScanner {
                        on_read: move |link: crate::invite_link::InviteLink| {
                            relay.set(link.relay);
                            code.set(link.code);
                            scanned.set(true);
                        }
                    }
                    if *scanned.read() {
                        p { class: "hint", role: "status", {ui.t(Msg::InviteRead)} }
                    }
                    form { class: "add-form", onsubmit: enrol,
                        label { class: "field",
                            span { class: "label", {ui.t(Msg::RelayAddress)} }
                            input { r#type: "url", placeholder: "https://", value: "{relay}", oninput: move |e| relay.set(e.value()) }
                        }
                        label { class: "field",
                            span { class: "label", {ui.t(Msg::InviteCode)} }
                            input { r#type: "text", autocomplete: "off", value: "{code}", oninput: move |e| code.set(e.value()) }
                        }
                        button { class: "button", r#type: "submit", disabled: *busy.read(), {ui.t(Msg::Connect)} }
                    }
                }
            }
            if o.enrolled && me.role == AuthorRole::Coordinator {
                InvitePanel {}
            }
            StoragePanel {}
            ChangePinForm {}
        }
    }
}
