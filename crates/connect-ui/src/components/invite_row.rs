//! One unused invite: who it is for, when it stops working, and Cancel.

use connect_sync::api::InviteInfo;
use dioxus::prelude::*;

use crate::i18n::{Msg, role_noun};
use crate::state::{Ui, run_call, use_backend, use_ui};
use crate::when::until_words;

/// "Ioana (supporter)", or the role alone for an invite with no name.
pub(crate) fn invite_words(ui: Ui, i: &InviteInfo) -> String {
    let role = ui.t(role_noun(i.details.role));
    match &i.details.name {
        Some(name) => format!("{name} ({role})"),
        None => role,
    }
}

/// An unused invite, with its Cancel button; `on_change` once cancelled.
#[component]
pub fn InviteRow(invite: InviteInfo, on_change: EventHandler<()>) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let busy = use_signal(|| false);
    let id = invite.details.invite_id;
    let label = invite_words(ui, &invite);
    let cancel = {
        let label = label.clone();
        move |_| {
            let backend = backend.clone();
            let label = label.clone();
            run_call(ui, Some(busy), async move { backend.cancel_invite(id).await }, move |()| {
                ui.news(ui.tr(Msg::InviteCancelledFor, &[("name", label.as_str().into())]));
                on_change.call(());
            });
        }
    };
    let ends = until_words(ui.lang(), invite.details.expires_at.to_datetime().with_timezone(&chrono::Local));
    rsx! {
        li { class: "item",
            p { class: "item-text", "{label}" }
            p { class: "item-meta", {ui.tr(Msg::StopsWorking, &[("when", ends.as_str().into())])} }
            button { class: "button secondary", disabled: *busy.read(), onclick: cancel,
                {ui.t(Msg::CancelInvite)} span { class: "visually-hidden", " {label}" }
            }
        }
    }
}
