//! The honest status line: saved on this phone, how many changes wait, when
//! the last sync was, and a sync button with progress and plain-words errors.

use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{use_backend, use_backend_read, use_ui};
use crate::vault::use_gate;

/// Always visible on supporter screens.
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
    rsx! {
        section { class: "status-bar", "aria-label": "Sync status",
            div { class: "status-lines", role: "status", "aria-live": "polite",
                p { class: "status-saved", span { class: "icon", "aria-hidden": "true", "✓ " } {ui.t(Msg::SavedHere)} }
                if !o.enrolled {
                    p { class: "status-local", {ui.t(Msg::NotConnected)} }
                } else if o.pending > 0 {
                    p { class: "status-waiting", span { class: "icon", "aria-hidden": "true", "↑ " } "{o.pending} "
                        {ui.t(if o.pending == 1 { Msg::ChangeWaiting } else { Msg::ChangesWaiting })}
                    }
                } else {
                    p { class: "status-safe", span { class: "icon", "aria-hidden": "true", "☁ " } {ui.t(Msg::AllOnRelay)} }
                }
                if o.enrolled {
                    p { class: "status-last",
                        match last {
                            Some(when) => rsx! { {ui.t(Msg::LastSynced)} " {when}" },
                            None => rsx! { {ui.t(Msg::NeverSynced)} },
                        }
                    }
                }
                match outcome.read().clone() {
                    Some(Err(e)) => rsx! { p { class: "status-error", {ui.t(Msg::SyncFailed)} " " "{e}" } },
                    Some(Ok(refused)) if !refused.is_empty() => rsx! { p { class: "status-error", "{refused}" } },
                    Some(Ok(_)) => rsx! { p { class: "status-done", {ui.t(Msg::SyncDone)} } },
                    None => rsx! {},
                }
            }
            button {
                class: "button sync-button",
                disabled: *syncing.read(),
                "aria-busy": if *syncing.read() { "true" } else { "false" },
                onclick: sync,
                if *syncing.read() { {ui.t(Msg::Syncing)} } else { {ui.t(Msg::SyncNow)} }
            }
        }
        if o.demo {
            p { class: "demo-banner", {ui.t(Msg::DemoBanner)} }
        }
    }
}
