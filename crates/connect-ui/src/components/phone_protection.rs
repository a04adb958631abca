//! Settings' "How this phone's records are protected": says plainly what
//! protects them (the fingerprint or face unlock and the PIN together, or the
//! PIN alone, and why), turns the fingerprint on or off and whether the PIN
//! is asked too (the team's choice), the team's choice to erase the phone
//! after 10 wrong PINs (named beside what is not yet sent, which would be
//! lost), and changing the PIN.

use connect_device::{FingerprintLock, FingerprintSupport, SharedVault};
use dioxus::prelude::*;

use crate::components::{ChangePinForm, keypad, letters_toggle};
use crate::i18n::Msg;
use crate::state::{Ui, run_call, use_backend_read, use_ui};

/// The wrong PINs in a row after which the phone erases itself, where the team chose it.
const ERASE_AFTER: u32 = 10;

/// What protects this phone's records, and the team's choices about it
/// (nothing where the app runs without a vault).
#[component]
pub fn PhoneProtection() -> Element {
    let ui = use_ui();
    let vault = try_use_context::<SharedVault>();
    let mut refresh = use_signal(|| 0u32);
    let mut pin = use_signal(String::new);
    let letters = use_signal(|| false);
    let keypad = keypad(letters);
    let busy = use_signal(|| false);
    let states = {
        let vault = vault.clone();
        use_resource(move || {
            let vault = vault.clone();
            let _ = refresh.read();
            async move {
                let vault = vault?;
                Some((vault.lock_state().await.ok()?, vault.fingerprint_support().await.ok()?))
            }
        })
    };
    let overview = use_backend_read(move |backend| async move { backend.overview().await });
    let Some(vault) = vault else { return rsx! {} };
    let Some(Some((state, support))) = states.read().clone() else { return rsx! { ChangePinForm {} } };
    let unsent = overview.read().clone().and_then(Result::ok).map(|o| o.pending as u64);
    let fingerprint = state.fingerprint.clone();
    let set_fingerprint = {
        let vault = vault.clone();
        move |on: bool, pin_too: bool, done: Msg| {
            let vault = vault.clone();
            let mut typed = pin;
            let entered = typed.peek().clone();
            run_call(ui, Some(busy), async move { vault.set_fingerprint(&entered, on, pin_too).await }, move |()| {
                typed.set(String::new());
                refresh += 1;
                ui.news(ui.t(done));
            });
        }
    };
    let set_erase = move |after: Option<u32>| {
        let vault = vault.clone();
        run_call(ui, Some(busy), async move { vault.set_erase_after(after).await }, move |()| refresh += 1);
    };
    let (on, off, both, alone) =
        (set_fingerprint.clone(), set_fingerprint.clone(), set_fingerprint.clone(), set_fingerprint);
    let (erase_on, erase_off) = (set_erase.clone(), set_erase);
    rsx! {
        section { class: "page-section", "aria-labelledby": "h-protection",
            h3 { id: "h-protection", {ui.t(Msg::ProtectionHeading)} }
            {protected_by(ui, fingerprint.as_ref(), &support)}
            if fingerprint.is_some() || support == FingerprintSupport::Available {
                form { class: "add-form", "aria-label": "{ui.t(Msg::ProtectionHeading)}", onsubmit: move |e: FormEvent| e.prevent_default(),
                    label { class: "field", span { class: "label", {ui.t(Msg::PinToConfirm)} }
                    input { r#type: "password", inputmode: keypad, autocomplete: "off", value: "{pin}", oninput: move |e| pin.set(e.value()) }
                }
                    {letters_toggle(letters, ui.lang())}
                    div { class: "actions",
                        match &fingerprint {
                            None => rsx! {
                                button { class: "button", r#type: "button", disabled: busy(), onclick: move |_| on(true, false, Msg::FingerprintOn), {ui.t(Msg::TurnOnFingerprint)} }
                            },
                            Some(f) => rsx! {
                                if f.pin_too {
                                    button { class: "button secondary", r#type: "button", disabled: busy(), onclick: move |_| alone(true, false, Msg::PinTooOff), {ui.t(Msg::FingerprintAlone)} }
                                } else {
                                    button { class: "button secondary", r#type: "button", disabled: busy(), onclick: move |_| both(true, true, Msg::PinTooOn), {ui.t(Msg::AskPinToo)} }
                                }
                                button { class: "button secondary", r#type: "button", disabled: busy(), onclick: move |_| off(false, false, Msg::FingerprintOff), {ui.t(Msg::TurnOffFingerprint)} }
                            },
                        }
                    }
                }
            }
        }
        section { class: "page-section", "aria-labelledby": "h-erase-after",
            h3 { id: "h-erase-after", {ui.t(Msg::EraseAfterHeading)} }
            p { class: "hint", {ui.t(Msg::EraseAfterHint)} }
            if state.erase_after.is_some() {
                p { {ui.t(Msg::EraseAfterIsOn)} }
            } else {
                p { {ui.t(Msg::EraseAfterIsOff)} }
            }
            p { strong { {crate::components::unsent_words(ui.lang(), unsent)} } }
            if state.erase_after.is_some() {
                button { class: "button secondary", disabled: busy(), onclick: move |_| erase_off(None), {ui.t(Msg::TurnItOff)} }
            } else {
                button { class: "button danger", disabled: busy(), onclick: move |_| erase_on(Some(ERASE_AFTER)), {ui.t(Msg::TurnItOn)} }
            }
        }
        ChangePinForm {}
    }
}

/// What protects this phone's records now, in words.
fn protected_by(ui: Ui, fingerprint: Option<&FingerprintLock>, support: &FingerprintSupport) -> Element {
    match (fingerprint, support) {
        (Some(f), _) => rsx! {
            p { {ui.t(Msg::ProtectedByBoth)} }
            p { class: "hint", if f.pin_too { {ui.t(Msg::PinTooOn)} } else { {ui.t(Msg::PinTooOff)} } " " {ui.t(Msg::TeamDecides)} }
        },
        (None, FingerprintSupport::Available) => rsx! {
            p { {ui.t(Msg::ProtectedByPin)} }
            p { class: "hint", {ui.t(Msg::FingerprintCanHelp)} }
        },
        (None, FingerprintSupport::Unavailable(why)) => rsx! {
            p { {ui.t(Msg::ProtectedByPin)} }
            p { class: "hint", "{why}" }
        },
    }
}
