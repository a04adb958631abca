//! (Coordinator) Inviting someone: named for the person, as the team will
//! know them; the one-time code as a QR code and as text, and when it stops
//! working, in words.

use connect_model::{AuthorRole, ResidentId};
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::invite_link::InviteLink;
use crate::state::{run_call, use_backend, use_backend_read, use_ui};
use crate::when::until_words;
use connect_device::api::InviteCard;

/// Renders `text` as an SVG QR code, or nothing if it is too long to encode.
#[must_use]
pub fn qr_svg(text: &str) -> Option<String> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    Some(code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).quiet_zone(true).build())
}

/// The invite form and, once made, the invite to show. `on_made` runs after
/// each new invite (the list of invites reads again).
#[component]
pub fn InvitePanel(#[props(default)] on_made: EventHandler<()>) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut name = use_signal(String::new);
    let mut role = use_signal(|| AuthorRole::Supporter);
    let mut resident: Signal<Option<ResidentId>> = use_signal(|| None);
    let mut issued: Signal<Option<InviteCard>> = use_signal(|| None);
    let busy = use_signal(|| false);
    let residents = use_backend_read(move |backend| async move { backend.caseload().await });
    let rows = residents.read().clone().and_then(Result::ok).unwrap_or_default();
    let for_resident = *role.read() == AuthorRole::Resident;
    let create = move |e: FormEvent| {
        e.prevent_default();
        let backend = backend.clone();
        let (r, who) = (*role.read(), *resident.read());
        if r == AuthorRole::Resident && who.is_none() {
            ui.error(ui.t(Msg::ChooseTheResident));
            return;
        }
        let person = Some(name.read().trim().to_owned()).filter(|n| !n.is_empty());
        // The team's records show the name given here, never the one the
        // new phone calls its person: it is asked for first.
        if person.is_none() {
            ui.error(ui.t(Msg::InviteNeedsName));
            return;
        }
        run_call(
            ui,
            Some(busy),
            async move { backend.invite(r, who.filter(|_| r == AuthorRole::Resident), person).await },
            move |card| {
                issued.set(Some(card));
                name.set(String::new());
                on_made.call(());
            },
        );
    };
    rsx! {
        section { class: "page-section invite", "aria-labelledby": "h-invite",
            h3 { id: "h-invite", {ui.t(Msg::CreateInvite)} }
            form { class: "add-form", onsubmit: create,
                label { class: "field",
                    span { class: "label", {ui.t(Msg::InviteName)} }
                    input {
                        r#type: "text",
                        autocomplete: "off",
                        required: true,
                        value: "{name}",
                        oninput: move |e| name.set(e.value()),
                    }
                }
                label { class: "field",
                    span { class: "label", {ui.t(Msg::InviteRole)} }
                    select {
                        onchange: move |e| role.set(match e.value().as_str() {
                            "coordinator" => AuthorRole::Coordinator,
                            "resident" => AuthorRole::Resident,
                            _ => AuthorRole::Supporter,
                        }),
                        option { value: "supporter", {ui.t(Msg::RoleSupporter)} }
                        option { value: "coordinator", {ui.t(Msg::RoleCoordinator)} }
                        option { value: "resident", {ui.t(Msg::RoleResident)} }
                    }
                }
                if for_resident {
                    label { class: "field",
                        span { class: "label", {ui.t(Msg::WhichResident)} }
                        select {
                            onchange: move |e| resident.set(e.value().parse().ok()),
                            option { value: "", {ui.t(Msg::ChooseOne)} }
                            for row in rows {
                                option { value: "{row.resident}", "{row.preferred_name}" }
                            }
                        }
                    }
                }
                button { class: "button", r#type: "submit", disabled: *busy.read(), {ui.t(Msg::CreateInvite)} }
            }
            if let Some(i) = issued.read().clone() {
                div { class: "invite-card", role: "status",
                    p { class: "lead",
                        match &i.name {
                            Some(n) => rsx! { {ui.tr(Msg::InviteFor, &[("name", n.as_str().into())])} },
                            None => rsx! { {ui.t(Msg::InviteMade)} },
                        }
                    }
                    p { {ui.t(Msg::InviteReady)} }
                    if let Some(svg) = qr_svg(&InviteLink { relay: i.relay.clone(), code: i.code.clone() }.encode()) {
                        div { class: "qr", role: "img", "aria-label": "{ui.t(Msg::InviteQr)}", dangerous_inner_html: "{svg}" }
                    }
                    p { class: "invite-code", "{i.code}" }
                    p { class: "hint",
                        {ui.tr(Msg::StopsWorking, &[("when", until_words(ui.lang(), i.expires_at.to_datetime().with_timezone(&chrono::Local)).into())])}
                    }
                    button { class: "button secondary", onclick: move |_| issued.set(None), {ui.t(Msg::Done)} }
                }
            }
        }
    }
}
