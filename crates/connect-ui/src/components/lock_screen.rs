//! The lock screen: the PIN opens the encrypted store. Wrong PINs are counted
//! and make the next try wait; a forgotten PIN has no bypass, only erasing
//! this phone and setting it up again.

use dioxus::prelude::*;

use crate::i18n::Msg;
use connect_device::SharedVault;

use crate::components::ForgotPinPanel;
use crate::vault::use_gate;

/// Asks for the PIN.
#[component]
pub fn LockScreen() -> Element {
    let vault = use_context::<SharedVault>();
    let gate = use_gate().expect("the lock screen is shown by the root");
    let t = |m| crate::i18n::t(crate::i18n::Lang::En, m);
    let mut pin = use_signal(String::new);
    let mut error: Signal<Option<String>> = use_signal(|| None);
    let mut busy = use_signal(|| false);
    let mut lock_state = {
        let vault = vault.clone();
        use_resource(move || {
            let vault = vault.clone();
            async move { vault.lock_state().await }
        })
    };
    let state = lock_state.read().clone().and_then(Result::ok).unwrap_or_default();
    // The store cannot be reached at all (its files held by another tab):
    // said at once, before any PIN is typed, and nothing is offered to erase.
    let unavailable = lock_state.read().clone().and_then(Result::err).map(|e| e.to_string());
    let unlock = {
        move |e: FormEvent| {
            e.prevent_default();
            if *busy.peek() {
                return;
            }
            busy.set(true);
            let vault = vault.clone();
            let entered = pin.peek().clone();
            spawn(async move {
                let result = vault.unlock(&entered).await;
                busy.set(false);
                pin.set(String::new());
                match result {
                    Ok(backend) => {
                        error.set(None);
                        gate.open(backend);
                    }
                    Err(why) => {
                        error.set(Some(why.to_string()));
                        // The wrong guess was counted: show the new count and wait.
                        lock_state.restart();
                    }
                }
            });
        }
    };
    let wait_until = state
        .retry_after
        .filter(|t| t.to_datetime() > chrono::Utc::now())
        .map(|t| t.to_datetime().with_timezone(&chrono::Local).format("%H:%M:%S").to_string());
    rsx! {
        main { class: "screen lock-screen", id: "lock",
            p { class: "app-title", {t(Msg::AppName)} }
            h1 { {t(Msg::LockedHeading)} }
            p { class: "hint", {t(Msg::LockedHint)} }
            form { class: "add-form", "aria-label": "{t(Msg::Unlock)}", onsubmit: unlock,
                label { class: "field",
                    span { class: "label", {t(Msg::Pin)} }
                    input {
                        r#type: "password",
                        inputmode: "numeric",
                        // A PIN is not a password for the browser to offer or keep.
                        autocomplete: "off",
                        value: "{pin}",
                        oninput: move |e| pin.set(e.value()),
                    }
                }
                button { class: "button", r#type: "submit", disabled: *busy.read(),
                    if *busy.read() { {t(Msg::Unlocking)} } else { {t(Msg::Unlock)} }
                }
            }
            if let Some(why) = error.read().clone().or(unavailable.clone()) {
                p { class: "notice notice-error", role: "alert", "{why}" }
            } else if let Some(when) = wait_until {
                p { class: "notice notice-error", role: "alert", {t(Msg::TryAgainAfter)} " {when}." }
            } else if state.failed_attempts > 0 {
                p { class: "notice", role: "status", "{state.failed_attempts} " {t(Msg::WrongPinsSoFar)} }
            }
            if unavailable.is_none() {
                ForgotPinPanel { on_error: move |why| error.set(Some(why)) }
            }
        }
    }
}
