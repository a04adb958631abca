//! (Coordinator) Inviting a device: the one-time code as a QR code and as text.

use connect_model::AuthorRole;
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::invite_link::InviteLink;
use crate::state::{use_backend, use_ui};
use crate::vault::{Gate, use_gate};
use connect_device::api::InviteInfo;

/// Renders `text` as an SVG QR code, or nothing if it is too long to encode.
#[must_use]
pub fn qr_svg(text: &str) -> Option<String> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    Some(code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).quiet_zone(true).build())
}

/// The invite panel.
#[component]
pub fn InvitePanel() -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let gate = use_gate();
    let mut role = use_signal(|| AuthorRole::Supporter);
    let mut issued: Signal<Option<InviteInfo>> = use_signal(|| None);
    let create = move |e: FormEvent| {
        e.prevent_default();
        let backend = backend.clone();
        let r = *role.read();
        spawn(async move {
            let result = backend.invite(r, None).await;
            if gate.is_some_and(Gate::check_wiped) {
                return;
            }
            match result {
                Ok(i) => issued.set(Some(i)),
                Err(err) => ui.error(format!("{} {err}", ui.t(Msg::ErrorPrefix))),
            }
        });
    };
    rsx! {
        section { class: "page-section invite",
            h3 { {ui.t(Msg::CreateInvite)} }
            form { class: "inline-form", onsubmit: create,
                label { class: "field",
                    span { class: "label", {ui.t(Msg::InviteRole)} }
                    select {
                        onchange: move |e| role.set(if e.value() == "coordinator" { AuthorRole::Coordinator } else { AuthorRole::Supporter }),
                        option { value: "supporter", {ui.t(Msg::RoleSupporter)} }
                        option { value: "coordinator", {ui.t(Msg::RoleCoordinator)} }
                    }
                }
                button { class: "button", r#type: "submit", {ui.t(Msg::CreateInvite)} }
            }
            if let Some(i) = issued.read().clone() {
                div { class: "invite-card",
                    p { {ui.t(Msg::InviteReady)} }
                    if let Some(svg) = qr_svg(&InviteLink { relay: i.relay.clone(), code: i.code.clone() }.encode()) {
                        div { class: "qr", role: "img", "aria-label": "QR code for the invite {i.code}", dangerous_inner_html: "{svg}" }
                    }
                    p { class: "invite-code", "{i.code}" }
                    p { class: "hint", {ui.t(Msg::Expires)} ": {i.expires_at}" }
                }
            }
        }
    }
}
