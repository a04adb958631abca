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

use connect_device::{DeviceError, LockState, SharedVault};
use dioxus::prelude::*;

use crate::clock::SharedClock;
use crate::components::{ForgotPinPanel, keypad, letters_toggle};
use crate::i18n::{Lang, Msg, tr};
use crate::vault::use_gate;

/// How often, while a wait shows, the lock state is read again (which also
/// writes down the part of the wait served, so closing the app keeps it).
const REREAD_EVERY: u32 = 10;

/// A wait in words: seconds under a minute, else whole minutes, rounded up.
fn wait_words(lang: Lang, wait: Duration) -> String {
    let seconds = (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1);
    match seconds {
        1..=59 => tr(lang, Msg::WaitSeconds, &[("n", seconds.into())]),
        _ => tr(lang, Msg::WaitMinutes, &[("n", seconds.div_ceil(60).into())]),
    }
}

/// What the lock screen says: for the supporter, or asking for the phone
/// back from a resident, by name.
struct LockWords {
    heading: String,
    hint: String,
    pin_label: String,
    button: String,
}

fn lock_words(lang: Lang, handed_to: Option<&str>, pin_asked: bool, busy: bool, fingerprint: bool) -> LockWords {
    let t = move |m| crate::i18n::t(lang, m);
    let (heading, hint, pin_label) = match handed_to {
        Some(name) => (
            tr(lang, Msg::GiveBackTo, &[("name", name.into())]),
            tr(lang, Msg::OnlyTheyUnlock, &[("name", name.into())]),
            tr(lang, Msg::TheirPin, &[("name", name.into())]),
        ),
        // The fingerprint alone unlocks: no PIN to ask for.
        None if !pin_asked => (t(Msg::LockedHeadingNoPin), t(Msg::LockedHint), t(Msg::Pin)),
        None => (t(Msg::LockedHeading), t(Msg::LockedHint), t(Msg::Pin)),
    };
    let button = if busy {
        t(Msg::Unlocking)
    } else if fingerprint {
        t(Msg::UnlockFingerprint)
    } else {
        t(Msg::Unlock)
    };
    LockWords { heading, hint, pin_label, button }
}

/// The wait left after wrong PINs (counting down), else how many so far, and
/// the team's erase limit.
fn wait_notices(
    lang: Lang,
    wait_left: Option<Duration>,
    failed: u32,
    erase_after: Option<u32>,
    error_shown: bool,
) -> Element {
    let t = move |m| crate::i18n::t(lang, m);
    rsx! {
        if let Some(left) = wait_left {
            p { class: "notice notice-error", role: "status",
                {tr(lang, Msg::TryAgainIn, &[("wait", wait_words(lang, left).into())])} " " {t(Msg::WaitCountsHere)}
            }
        } else if failed > 0 && !error_shown {
            p { class: "notice", role: "status", {tr(lang, Msg::WrongPinsSoFar, &[("n", failed.into())])} }
        }
        if let Some(limit) = erase_after {
            p { class: "hint", {tr(lang, Msg::EraseAfterWarning, &[("n", limit.into())])} }
        }
    }
}

/// The lock state as the vault last gave it, and the wait left now. While a
/// wait shows it counts down each second on the screens' clock, and the
/// state is read again when it ends and every [`REREAD_EVERY`] seconds.
fn use_lock_state(
    vault: SharedVault,
    clock: SharedClock,
) -> (Resource<Result<LockState, DeviceError>>, Option<Duration>) {
    // When the lock state was last read, on the screens' clock, and now:
    // the wait it gave counts down between the two.
    let mut read_at = use_signal(|| clock.now());
    let mut now = use_signal(|| clock.now());
    let mut lock_state = {
        let clock = clock.clone();
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
    let wait = lock_state.read().as_ref().and_then(|r| r.as_ref().ok()).and_then(|s| s.wait);
    let wait_left = wait.map(|w| w.saturating_sub(now().saturating_sub(read_at()))).filter(|w| !w.is_zero());
    (lock_state, wait_left)
}

/// Asks for the PIN, the fingerprint, or both.
#[component]
pub fn LockScreen() -> Element {
    let vault = use_context::<SharedVault>();
    let gate = use_gate().expect("the lock screen is shown by the root");
    let clock = crate::clock::use_clock();
    let mut pin = use_signal(String::new);
    let letters = use_signal(|| false);
    let keypad = keypad(letters);
    let mut error: Signal<Option<String>> = use_signal(|| None);
    let mut busy = use_signal(|| false);
    let (mut lock_state, wait_left) = use_lock_state(vault.clone(), clock);
    let state = lock_state.read().clone().and_then(Result::ok).unwrap_or_default();
    // Before the PIN the store says nothing: the language is the one the
    // vault noted (the resident's while the phone is handed to them), else
    // the phone's own.
    let lang = state
        .language
        .clone()
        .or_else(|| vault.phone_language())
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    let t = move |m| crate::i18n::t(lang, m);
    // The store cannot be reached at all (its files held by another tab):
    // said at once, before any PIN is typed, and nothing is offered to erase.
    let unavailable = lock_state.read().clone().and_then(Result::err).map(|e| crate::i18n::device_error(lang, &e));
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
                // A wrong PIN in another language than English: the lock
                // state's count and wait say it in that language (the
                // device core words its refusals in English).
                Err(DeviceError::Refused(_)) if lang != Lang::En => {
                    error.set(None);
                    lock_state.restart();
                }
                Err(why) => {
                    error.set(Some(crate::i18n::device_error(lang, &why)));
                    // The wrong guess was counted: show the new count and wait.
                    lock_state.restart();
                }
            }
        });
    };
    let LockWords { heading, hint, pin_label, button } =
        lock_words(lang, handed_to.as_deref(), pin_asked, *busy.read(), fingerprint.is_some());
    rsx! {
        main { class: "screen lock-screen", id: "lock", lang: "{lang.tag()}", dir: "{lang.dir()}",
            p { class: "app-title", {t(Msg::AppName)} }
            h1 { "{heading}" }
            p { class: "hint", "{hint}" }
            form { class: "add-form", "aria-label": "{t(Msg::Unlock)}", onsubmit: unlock,
                if pin_asked {
                    label { class: "field", span { class: "label", "{pin_label}" }
                    input { r#type: "password", inputmode: keypad, autocomplete: "off", value: "{pin}", oninput: move |e| pin.set(e.value()) }
                }
                    {letters_toggle(letters, lang)}
                    if fingerprint.is_some() {
                        p { class: "hint", {t(Msg::FingerprintThenPin)} }
                    }
                }
                button { class: "button", r#type: "submit", disabled: *busy.read() || wait_left.is_some(), "{button}" }
            }
            if let Some(why) = error.read().clone().or(unavailable.clone()) {
                p { class: "notice notice-error", role: "alert", "{why}" }
            }
            {wait_notices(lang, wait_left, state.failed_attempts, state.erase_after, error.read().is_some())}
            if unavailable.is_none() && handed_to.is_none() {
                ForgotPinPanel { unsent: state.unsent, lang, on_error: move |why| error.set(Some(why)) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wait_reads_in_seconds_then_whole_minutes_rounded_up() {
        let cases = [
            (0, "1 second"),
            (1, "1 second"),
            (45, "45 seconds"),
            (60, "1 minute"),
            (61, "2 minutes"),
            (3600, "60 minutes"),
        ];
        for (seconds, words) in cases {
            assert_eq!(wait_words(Lang::En, Duration::from_secs(seconds)), words);
        }
        assert_eq!(wait_words(Lang::En, Duration::from_millis(59_500)), "1 minute");
        assert_eq!(wait_words(Lang::Ro, Duration::from_secs(1200)), "20 de minute");
        assert_eq!(wait_words(Lang::Ro, Duration::from_secs(120)), "2 minute");
    }
}
