//! Settings: language, this device's name and id, connecting to the team relay
//! (the invite typed, or read from its QR code where there is a camera), how
//! often to sync by itself, (for coordinators) inviting a new device, the
//! space the app has (in the browser), how much of the team's voice notes
//! and photos to keep for offline visits, and what protects this phone's
//! records: the fingerprint, the PIN, erasing after wrong PINs.

use connect_model::AuthorRole;
use dioxus::prelude::*;

use crate::components::{
    AutoSyncPicker, DeviceNameForm, EnrolForm, LanguagePicker, MediaBudgetPicker, PhoneProtection, StoragePanel,
};
use crate::i18n::Msg;
use crate::state::{use_backend, use_backend_read, use_ui};

/// The settings screen.
#[component]
pub fn SettingsScreen() -> Element {
    let ui = use_ui();
    let me = use_backend().me();
    let overview = use_backend_read(move |backend| async move { backend.overview().await });
    let o = overview.read().clone().and_then(Result::ok).unwrap_or_default();
    rsx! {
        div { class: "screen settings",
            h2 { {ui.t(Msg::Settings)} }
            LanguagePicker { compact: false }
            DeviceNameForm {}
            p { class: "device-id", {ui.t(Msg::DeviceId)} ": " code { "{me.device_id}" } }
            section { class: "page-section",
                h3 { {ui.t(Msg::Connect)} }
                if o.enrolled {
                    p { {ui.t(Msg::Connected)} " " code { {o.relay.clone().unwrap_or_default()} } }
                    if overview.read().is_some() {
                        AutoSyncPicker { current: o.auto_sync_minutes }
                    }
                } else {
                    EnrolForm {}
                }
            }
            if o.enrolled && me.role == AuthorRole::Coordinator {
                p { class: "hint", {ui.t(Msg::InvitesMoved)} }
            }
            StoragePanel {}
            MediaBudgetPicker {}
            PhoneProtection {}
        }
    }
}
