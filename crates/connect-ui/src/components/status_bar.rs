//! The sending chip: always in view at the top of supporter screens. It says
//! one of two things, in the same words everywhere: "Saved on this phone, not
//! sent yet (N)", where N counts what the person did (a resident added, an
//! offer, a note), or "Sent to the team"; voice notes and photos still only
//! here are counted by kind ("2 voice notes only on this phone"), in the chip
//! when nothing else waits and on the line below it when something does; and "Sending…" while the auto-sync
//! runs. Below it, when the last send was and when the next one is, and "Send
//! now". A failure the person asked about is said at once; one the auto-sync
//! met is said quietly, with the time of the next try, and never interrupts
//! typing; either is gone once a later send works.

use dioxus::prelude::*;

use crate::auto_sync::{SyncState, use_auto_sync};
use crate::i18n::Msg;
use crate::state::{Ui, use_backend_read, use_ui};

/// Voice notes and photos made here and not yet with the team, by kind:
/// "2 voice notes only on this phone · 1 photo only on this phone"; empty
/// when none wait.
fn media_waiting_words(ui: Ui, pending: connect_device::MediaPending) -> String {
    let mut parts = Vec::new();
    if pending.voice > 0 {
        parts.push(ui.tr(Msg::VoiceNotesOnlyHere, &[("n", pending.voice.into())]));
    }
    if pending.photos > 0 {
        parts.push(ui.tr(Msg::PhotosOnlyHere, &[("n", pending.photos.into())]));
    }
    parts.join(" · ")
}

/// The top bar's sync state and button.
#[component]
pub fn StatusBar() -> Element {
    let ui = use_ui();
    let auto = use_auto_sync();
    let overview = use_backend_read(move |backend| {
        // Read again whenever the auto-sync's state changes.
        let _ = auto.state.read().schedule;
        async move { backend.overview().await }
    });
    let o = overview.read().clone().and_then(Result::ok).unwrap_or_default();
    let sync: SyncState = auto.state.read().clone();
    let syncing = sync.schedule.running;
    let last = o
        .last_sync
        .as_deref()
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
        .map(|d| crate::when::moment_words(ui.lang(), d.with_timezone(&chrono::Local)));
    let next = sync.schedule.next_try.and_then(|at| sync.wall(at)).map(|d| d.format("%H:%M").to_string());
    let enrolled = o.enrolled;
    let own_phone = crate::state::use_backend().own_resident().is_some();
    let press = move |_| {
        // The auto-sync never tries without a team to send to; a tap says why.
        if !enrolled && overview.read().is_some() {
            ui.error(crate::i18n::device_error(ui.lang(), &connect_device::DeviceError::NotEnrolled));
            return;
        }
        auto.sync_now();
    };
    let media_waiting = media_waiting_words(ui, o.media_pending);
    // Two states, in the same words everywhere: something is only here, or
    // everything has reached the team. (And, while it runs, "Sending…".)
    let (state_class, icon, state) = if syncing {
        ("chip-syncing", "⟳ ", ui.t(Msg::Sending))
    } else if o.unsent > 0 || !o.enrolled {
        let count = if o.unsent > 0 { format!(" ({})", o.unsent) } else { String::new() };
        ("chip-waiting", "↑ ", format!("{}{count}", ui.t(Msg::NotSentYet)))
    } else if !media_waiting.is_empty() {
        // Only files wait: the chip says which, by kind.
        ("chip-waiting", "↑ ", media_waiting.clone())
    } else {
        ("chip-safe", "☁ ", ui.t(Msg::SentToTeam))
    };
    let refused = sync.refused.join("; ");
    // The next send follows the last one's line, when there is one.
    let sep = if last.is_some() || o.unsent > 0 { " · " } else { "" };
    // Only the chip and its button stay on screen while scrolling: one line
    // high at any text size. The rest scrolls away with the page.
    rsx! {
        section { class: "status-bar", "aria-label": ui.t(Msg::SendStatus),
            p { class: "sync-chip {state_class}", role: "status", "aria-live": "polite",
                span { class: "icon", "aria-hidden": "true", "{icon}" }
                "{state}"
            }
            button {
                class: "button sync-button",
                disabled: syncing,
                "aria-busy": if syncing { "true" } else { "false" },
                onclick: press,
                if syncing { {ui.t(Msg::Sending)} } else { {ui.t(Msg::SendNow)} }
            }
        }
        p { class: "status-detail",
            if (o.unsent > 0 || !o.enrolled) && !media_waiting.is_empty() {
                span { class: "status-media", "{media_waiting} · " }
            }
            if !o.enrolled {
                // A resident's own phone has no Settings to join from.
                span { class: "status-next", {ui.t(if own_phone { Msg::SentOnceJoined } else { Msg::JoinTeamToSend })} }
            } else {
                match last {
                    Some(when) => rsx! { span { class: "status-last", {ui.tr(Msg::LastSent, &[("when", when.as_str().into())])} } },
                    // Nothing to send and nothing sent: no line that reads as a failure.
                    None if o.unsent == 0 => rsx! {},
                    None => rsx! { span { class: "status-last", {ui.t(Msg::NeverSent)} } },
                }
                if sync.schedule.offline && !syncing {
                    span { class: "status-next", "{sep}" {ui.t(Msg::OfflineWaits)} }
                } else if let Some(next) = next.filter(|_| !syncing) {
                    span { class: "status-next",
                        "{sep}" {ui.tr(if sync.schedule.failures > 0 { Msg::NextTry } else { Msg::NextSend }, &[("time", next.into())])}
                    }
                }
            }
        }
        if sync.finished_once && !syncing {
            match (&sync.last_error, sync.by_hand) {
                (Some(e), true) => rsx! { p { class: "status-outcome status-error", role: "alert", {ui.t(Msg::SendFailed)} " " "{e}" } },
                // Met by the auto-sync: said, but quietly; it tries again by itself.
                (Some(e), false) => rsx! { p { class: "status-outcome status-quiet", {ui.t(Msg::SendWillRetry)} " " "{e}" } },
                // Refusals met by the auto-sync are shown, but announced to nobody mid-sentence.
                (None, by_hand) if !refused.is_empty() => rsx! { p { class: "status-outcome status-error", role: by_hand.then_some("alert"), "{refused}" } },
                (None, true) => rsx! { p { class: "status-outcome status-done", role: "status", {ui.t(Msg::SendDone)} } },
                (None, false) => rsx! {},
            }
        }
        if o.demo {
            p { class: "demo-banner", {ui.t(Msg::DemoBanner)} }
        }
    }
}
