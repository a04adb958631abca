//! (Coordinator) The team's invites: who each is for, and when it stops
//! working, in words; an unused one can be cancelled. Used, expired and
//! cancelled ones are kept below, folded away.

use connect_sync::api::{InviteInfo, InviteState};
use dioxus::prelude::*;

use crate::components::InviteRow;
use crate::components::invite_row::invite_words;
use crate::i18n::Msg;
use crate::state::use_ui;
use crate::when::timestamp_day;

/// The list of invites, as last read; `on_change` after one is cancelled.
#[component]
pub fn InviteList(invites: Vec<InviteInfo>, on_change: EventHandler<()>) -> Element {
    let ui = use_ui();
    let (open, earlier): (Vec<_>, Vec<_>) = invites.into_iter().partition(|i| i.state == InviteState::Pending);
    rsx! {
        section { class: "page-section", "aria-labelledby": "h-invites",
            h3 { id: "h-invites", {ui.t(Msg::InvitesWaiting)} }
            if open.is_empty() {
                p { class: "empty", {ui.t(Msg::NoInvitesWaiting)} }
            }
            ul { class: "item-list",
                for i in open {
                    InviteRow { key: "{i.details.invite_id}", invite: i, on_change }
                }
            }
            if !earlier.is_empty() {
                details {
                    summary { {ui.t(Msg::EarlierInvites)} " ({earlier.len()})" }
                    ul { class: "item-list",
                        for i in earlier {
                            li { key: "{i.details.invite_id}", class: "item",
                                p { class: "item-text", {invite_words(ui, &i)} }
                                p { class: "item-meta",
                                    {ui.t(match i.state {
                                        InviteState::Used => Msg::InviteUsed,
                                        InviteState::Expired => Msg::InviteExpired,
                                        _ => Msg::InviteCancelled,
                                    })}
                                    " · " {ui.tr(Msg::Made, &[("day", timestamp_day(ui.lang(), i.details.created_at).into())])}
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
