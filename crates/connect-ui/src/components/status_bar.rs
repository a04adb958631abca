//! The sync chip: always in view at the top of supporter screens. It says in
//! a few words whether what is here is safe with the team or only on this
//! phone, when the last sync was, and offers "Sync now", with progress and
//! plain-words errors on a line of their own.

use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{use_backend, use_backend_read, use_ui};
use crate::vault::use_gate;

/// The top bar's sync state and button.
#[component]
pub fn StatusBar() -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let gate = use_gate();
    let mut syncing = use_signal(|| false);
    let mut outcome: Signal<Option<Result<String, String>>> = use_signal(|| None);
    let overview = use_backend_read(move |backend| async move { backend.overview().await });
    let o = overview.read().clone().and_then(Result::ok).unwrap_or_default();
    let last = o
        .last_sync
        .as_deref()
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
        .map(|d| d.with_timezone(&chrono::Local).format("%H:%M, %e %b").to_string());
    let sync = move |_| {
        if *syncing.read() {
            return;
        }
        syncing.set(true);
        outcome.set(None);
        let backend = backend.clone();
        spawn(async move {
            let result = backend.sync_now().await.map_err(|e| e.to_string());
            if backend.wiped()
                && let Some(gate) = gate
            {
                gate.wiped();
                return;
            }
            syncing.set(false);
            outcome.set(Some(result.map(|s| if s.refused.is_empty() { String::new() } else { s.refused.join("; ") })));
            ui.bump();
        });
    };
    let (state_class, icon, state) = if *syncing.read() {
        ("chip-syncing", "⟳ ", ui.t(Msg::Syncing).to_owned())
    } else if !o.enrolled {
        ("chip-local", "↑ ", ui.t(Msg::NotConnected).to_owned())
    } else if o.pending > 0 {
        let words = ui.t(if o.pending == 1 { Msg::ChangeWaiting } else { Msg::ChangesWaiting });
        ("chip-waiting", "↑ ", format!("{} {words}", o.pending))
    } else {
        ("chip-safe", "☁ ", ui.t(Msg::AllOnRelay).to_owned())
    };
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
                disabled: *syncing.read(),
                "aria-busy": if *syncing.read() { "true" } else { "false" },
                onclick: sync,
                if *syncing.read() { {ui.t(Msg::Syncing)} } else { {ui.t(Msg::SyncNow)} }
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
            }
        }
        match outcome.read().clone() {
            Some(Err(e)) => rsx! { p { class: "status-outcome status-error", role: "alert", {ui.t(Msg::SyncFailed)} " " "{e}" } },
            Some(Ok(refused)) if !refused.is_empty() => rsx! { p { class: "status-outcome status-error", role: "alert", "{refused}" } },
            Some(Ok(_)) => rsx! { p { class: "status-outcome status-done", role: "status", {ui.t(Msg::SyncDone)} } },
            None => rsx! {},
        }
        if o.demo {
            p { class: "demo-banner", {ui.t(Msg::DemoBanner)} }
        }
    }
}
