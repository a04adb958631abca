//! The lock screen: the PIN (or the phone's fingerprint or face, with the PIN
//! where the team asks for both) opens the encrypted store. Wrong PINs are
//! counted and make the next try wait, counted down on the screens' clock;
//! a forgotten PIN has no bypass, only erasing this phone and setting it up
//! again.
//!
//! While the phone is handed to a resident, the lock asks for it to be given
//! back to the supporter, by name, and offers nothing else: no "Forgot your
//! PIN?", nothing that erases. The vault notes the hand-over in the key file,
//! so a reload shows the same.

use std::time::Duration;

use connect_device::{DeviceError, SharedVault};
use dioxus::prelude::*;

use crate::components::{ForgotPinPanel, keypad, letters_toggle};
use crate::i18n::Msg;
use crate::vault::use_gate;

/// How often, while a wait shows, the lock state is read again (which also
/// writes down the part of the wait served, so closing the app keeps it).
const REREAD_EVERY: u32 = 10;

/// A wait in words: seconds under a minute, else whole minutes, rounded up.
fn wait_words(wait: Duration, t: impl Fn(Msg) -> &'static str) -> String {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    match seconds {
        0..=1 => t(Msg::OneSecond).to_owned(),
        2..=59 => format!("{seconds} {}", t(Msg::SecondsWord)),
        _ => match seconds.div_ceil(60) {
            1 => t(Msg::OneMinute).to_owned(),
            minutes => format!("{minutes} {}", t(Msg::Minutes)),
        },
    }
}

/// Asks for the PIN, the fingerprint, or both.
#[component]
pub fn LockScreen() -> Element {
    let vault = use_context::<SharedVault>();
    let gate = use_gate().expect("the lock screen is shown by the root");
    let clock = crate::clock::use_clock();
    let t = |m| crate::i18n::t(crate::i18n::Lang::En, m);
    let mut pin = use_signal(String::new);
    let letters = use_signal(|| false);
    let keypad = keypad(letters);
    let mut error: Signal<Option<String>> = use_signal(|| None);
    let mut busy = use_signal(|| false);
    // When the lock state was last read, on the screens' clock, and now:
    // the wait it gave counts down between the two.
    let mut read_at = use_signal(|| clock.now());
    let mut now = use_signal(|| clock.now());
    let mut lock_state = {
        let (vault, clock) = (vault.clone(), clock.clone());
        use_resource(move || {
            let (vault, clock) = (vault.clone(), clock.clone());
            async move {
                let state = vault.lock_state().await;
                read_at.set(clock.now());
                now.set(clock.now());
                state
            }
        })
    };
    let state = lock_state.read().clone().and_then(Result::ok).unwrap_or_default();
    let wait_left = state.wait.map(|w| w.saturating_sub(now().saturating_sub(read_at()))).filter(|w| !w.is_zero());
    use_future(move || {
        let clock = clock.clone();
        async move {
            let mut ticks = 0u32;
            loop {
                clock.sleep(Duration::from_secs(1)).await;
                let waiting = lock_state.peek().as_ref().and_then(|r| r.as_ref().ok()).and_then(|s| s.wait);
                let Some(wait) = waiting else { continue };
                now.set(clock.now());
                ticks += 1;
                let over = wait <= clock.now().saturating_sub(*read_at.peek());
                if over || ticks.is_multiple_of(REREAD_EVERY) {
                    lock_state.restart();
                }
            }
        }
    });
    // The store cannot be reached at all (its files held by another tab):
    // said at once, before any PIN is typed, and nothing is offered to erase.
    let unavailable = lock_state.read().clone().and_then(Result::err).map(|e| e.to_string());
    let fingerprint = state.fingerprint.clone();
    let pin_asked = fingerprint.as_ref().is_none_or(|f| f.pin_too);
    let handed_to = state.handed_to.clone();
    let unlock = move |e: FormEvent| {
        e.prevent_default();
        if *busy.peek() {
            return;
        }
        busy.set(true);
        let vault = vault.clone();
        let entered = pin.peek().clone();
        let mut pin = pin;
        spawn(async move {
            let result = vault.unlock(&entered).await;
            busy.set(false);
            pin.set(String::new());
            match result {
                Ok(backend) => {
                    error.set(None);
                    gate.open(backend);
                }
                Err(DeviceError::Erased) => gate.erased(),
                Err(why) => {
                    error.set(Some(why.to_string()));
                    // The wrong guess was counted: show the new count and wait.
                    lock_state.restart();
                }
            }
        });
    };
    let (heading, hint, pin_label) = match &handed_to {
        Some(name) => (
            t(Msg::GiveBackTo).replace("{name}", name),
            t(Msg::OnlyTheyUnlock).replace("{name}", name),
            t(Msg::TheirPin).replace("{name}", name),
        ),
        // The fingerprint alone unlocks: no PIN to ask for.
        None if !pin_asked => {
            (t(Msg::LockedHeadingNoPin).to_owned(), t(Msg::LockedHint).to_owned(), t(Msg::Pin).to_owned())
        }
        None => (t(Msg::LockedHeading).to_owned(), t(Msg::LockedHint).to_owned(), t(Msg::Pin).to_owned()),
    };
    let button = if *busy.read() {
        t(Msg::Unlocking)
    } else if fingerprint.is_some() {
        t(Msg::UnlockFingerprint)
    } else {
        t(Msg::Unlock)
    };
    rsx! {
        main { class: "screen lock-screen", id: "lock",
            p { class: "app-title", {t(Msg::AppName)} }
            h1 { "{heading}" }
            p { class: "hint", "{hint}" }
            form { class: "add-form", "aria-label": "{t(Msg::Unlock)}", onsubmit: unlock,
                if pin_asked {
                    label { class: "field", span { class: "label", "{pin_label}" }
                    input { r#type: "password", inputmode: keypad, autocomplete: "off", value: "{pin}", oninput: move |e| pin.set(e.value()) }
                }
                    {letters_toggle(letters)}
                    if fingerprint.is_some() {
                        p { class: "hint", {t(Msg::FingerprintThenPin)} }
                    }
                }
                button { class: "button", r#type: "submit", disabled: *busy.read() || wait_left.is_some(), "{button}" }
            }
            if let Some(why) = error.read().clone().or(unavailable.clone()) {
                p { class: "notice notice-error", role: "alert", "{why}" }
            }
            if let Some(left) = wait_left {
                p { class: "notice notice-error", role: "status",
                    {t(Msg::TryAgainIn)} " " {wait_words(left, t)} ". " {t(Msg::WaitCountsHere)}
                }
            } else if state.failed_attempts > 0 && error.read().is_none() {
                p { class: "notice", role: "status", "{state.failed_attempts} " {t(Msg::WrongPinsSoFar)} }
            }
            if let Some(limit) = state.erase_after {
                p { class: "hint", {t(Msg::EraseAfterWarning).replace("{n}", &limit.to_string())} }
            }
            if unavailable.is_none() && handed_to.is_none() {
                ForgotPinPanel { unsent: state.unsent, on_error: move |why| error.set(Some(why)) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wait_reads_in_seconds_then_whole_minutes_rounded_up() {
        let t = |m| crate::i18n::t(crate::i18n::Lang::En, m);
        let cases = [
            (0, "1 second"),
            (1, "1 second"),
            (45, "45 seconds"),
            (60, "1 minute"),
            (61, "2 minutes"),
            (3600, "60 minutes"),
        ];
        for (seconds, words) in cases {
            assert_eq!(wait_words(Duration::from_secs(seconds), t), words);
        }
        assert_eq!(wait_words(Duration::from_millis(59_500), t), "1 minute");
    }
}
