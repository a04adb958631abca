//! Joining the team: the relay's address (filled in where the app knows it)
//! and the invite code, typed or read from the coordinator's QR code.

use connect_sync::schedule::Trigger;
use dioxus::prelude::*;

use crate::auto_sync::{Command, use_auto_sync};
use crate::components::InviteScanner;
use crate::i18n::Msg;
use crate::state::{Screen, use_backend, use_ui};

/// The invite form of a device not yet connected to a team.
#[component]
pub fn EnrolForm() -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let auto = use_auto_sync();
    let mut relay = use_signal(|| {
        try_consume_context::<connect_device::SharedVault>().and_then(|v| v.suggested_relay()).unwrap_or_default()
    });
    let mut code = use_signal(String::new);
    let mut scanned = use_signal(|| false);
    let mut busy = use_signal(|| false);
    let enrol = move |e: FormEvent| {
        e.prevent_default();
        let backend = backend.clone();
        let (r, c) = (relay.read().clone(), code.read().clone());
        busy.set(true);
        spawn(async move {
            let result = backend.enrol(&r, &c).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    // The first sync brings what the team holds for this
                    // device at once: the auto-sync starts it, and retries
                    // it if it fails.
                    auto.tell(Command::Trigger(Trigger::Enrolled));
                    ui.reached_the_team();
                    ui.bump();
                    // Enrolled with a resident's invite: from now on this
                    // phone is theirs, and shows only their screens.
                    if let Some(own) = backend.own_resident() {
                        let mut locked = ui.locked_to;
                        ui.go(Screen::ResidentMode(own));
                        locked.set(Some(own));
                    }
                }
                Err(err) => ui
                    .team_error(ui.tr(Msg::ErrorPrefix, &[("why", crate::i18n::device_error(ui.lang(), &err).into())])),
            }
        });
    };
    rsx! {
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
