//! The sync chip: always in view at the top of supporter screens. It says in
//! a few words whether what is here is safe with the team or only on this
//! phone, "Syncing…" while the auto-sync runs, when the last sync was and
//! when the next one is, and offers "Sync now". A failure the person asked
//! about is said at once; one the auto-sync met is said quietly, with the
//! time of the next try, and never interrupts typing.

use dioxus::prelude::*;

use crate::auto_sync::{SyncState, use_auto_sync};
use crate::i18n::Msg;
use crate::state::{use_backend_read, use_ui};

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
        .map(|d| d.with_timezone(&chrono::Local).format("%H:%M, %e %b").to_string());
    let next = sync.schedule.next_try.and_then(|at| sync.wall(at)).map(|d| d.format("%H:%M").to_string());
    let failing = sync.schedule.failures > 0;
    let enrolled = o.enrolled;
    let press = move |_| {
        // The auto-sync never tries without a relay; a tap says why.
        if !enrolled && overview.read().is_some() {
            ui.error(connect_device::DeviceError::NotEnrolled.to_string());
            return;
        }
        auto.sync_now();
    };
    let (state_class, icon, state) = if syncing {
        ("chip-syncing", "⟳ ", ui.t(Msg::Syncing).to_owned())
    } else if !o.enrolled {
        ("chip-local", "↑ ", ui.t(Msg::NotConnected).to_owned())
    } else if o.pending > 0 {
        let words = ui.t(if o.pending == 1 { Msg::ChangeWaiting } else { Msg::ChangesWaiting });
        ("chip-waiting", "↑ ", format!("{} {words}", o.pending))
    } else {
        ("chip-safe", "☁ ", ui.t(Msg::AllOnRelay).to_owned())
    };
    let refused = sync.refused.join("; ");
    // Only the chip and its button stay on screen while scrolling: one line
    // high at any text size. The rest scrolls away with the page.
    rsx! {
        section { class: "status-bar", "aria-label": "Sync status",
            p { class: "sync-chip {state_class}", role: "status", "aria-live": "polite",
                span { class: "icon", "aria-hidden": "true", "{icon}" }
                "{state}"
            }
            button {
                class: "button sync-button",
                disabled: syncing,
                "aria-busy": if syncing { "true" } else { "false" },
                onclick: press,
                if syncing { {ui.t(Msg::Syncing)} } else { {ui.t(Msg::SyncNow)} }
            }
        }
        p { class: "status-detail",
            span { class: "status-saved", span { class: "icon", "aria-hidden": "true", "✓ " } {ui.t(Msg::SavedHere)} }
            if o.enrolled {
                span { class: "status-last",
                    " · "
                    match last {
                        Some(when) => rsx! { {ui.t(Msg::LastSynced)} " {when}" },
                        None => rsx! { {ui.t(Msg::NeverSynced)} },
                    }
                }
                if sync.schedule.offline && !syncing {
                    span { class: "status-next", " · " {ui.t(Msg::OfflineWaits)} }
                } else if let Some(next) = next.filter(|_| !syncing) {
                    span { class: "status-next",
                        " · " {ui.t(if failing { Msg::NextTry } else { Msg::NextSync })} " {next}"
                    }
                }
            }
        }
        if sync.finished_once && !syncing {
            match (&sync.last_error, sync.by_hand) {
                (Some(e), true) => rsx! { p { class: "status-outcome status-error", role: "alert", {ui.t(Msg::SyncFailed)} " " "{e}" } },
                // Met by the auto-sync: said, but quietly; it tries again by itself.
                (Some(e), false) => rsx! { p { class: "status-outcome status-quiet", {ui.t(Msg::SyncWillRetry)} " " "{e}" } },
                // Refusals met by the auto-sync are shown, but announced to nobody mid-sentence.
                (None, by_hand) if !refused.is_empty() => rsx! { p { class: "status-outcome status-error", role: by_hand.then_some("alert"), "{refused}" } },
                (None, true) => rsx! { p { class: "status-outcome status-done", role: "status", {ui.t(Msg::SyncDone)} } },
                (None, false) => rsx! {},
            }
        }
        if o.demo {
            p { class: "demo-banner", {ui.t(Msg::DemoBanner)} }
        }
    }
}
