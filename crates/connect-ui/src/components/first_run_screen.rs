//! The first run: what the app is, then the supporter's name and a PIN that
//! encrypts the store, with the rule for a PIN said beside the field; where
//! the phone can, the offer to let its fingerprint or face unlock hold half
//! of the secret (taken unless unticked); where the app was started for
//! trying it out, the offer of the fictional demo caseload (taken unless
//! unticked).

use connect_device::{FingerprintSupport, SharedVault};
use dioxus::prelude::*;

use crate::components::{keypad, letters_toggle};
use crate::i18n::Msg;
use crate::vault::use_gate;

/// Sets this phone up.
#[component]
pub fn FirstRunScreen() -> Element {
    let vault = use_context::<SharedVault>();
    let gate = use_gate().expect("the first-run screen is shown by the root");
    // Nothing chosen yet: the phone's own language.
    let lang = vault.phone_language().and_then(|tag| crate::i18n::Lang::from_tag(&tag)).unwrap_or_default();
    let t = move |m| crate::i18n::t(lang, m);
    let mut name = use_signal(|| vault.suggested_name());
    let mut pin = use_signal(String::new);
    let mut again = use_signal(String::new);
    let letters = use_signal(|| false);
    let keypad = keypad(letters);
    let mut error: Signal<Option<String>> = use_signal(|| None);
    let mut busy = use_signal(|| false);
    let offers_demo = vault.offers_demo();
    let mut demo = use_signal(|| offers_demo);
    let support = {
        let vault = vault.clone();
        use_resource(move || {
            let vault = vault.clone();
            async move { vault.fingerprint_support().await }
        })
    };
    let support = support.read().clone().and_then(Result::ok);
    let fingerprint_available = support == Some(FingerprintSupport::Available);
    // Ticked where the phone can; a tick on a phone that cannot is ignored.
    let mut fingerprint = use_signal(|| true);
    let set_up = move |e: FormEvent| {
        e.prevent_default();
        if *busy.peek() {
            return;
        }
        if *pin.peek() != *again.peek() {
            error.set(Some(t(Msg::PinsDiffer)));
            again.set(String::new());
            return;
        }
        busy.set(true);
        let vault = vault.clone();
        let (who, chosen, with_demo) = (name.peek().clone(), pin.peek().clone(), *demo.peek());
        let with_fingerprint = fingerprint_available && *fingerprint.peek();
        spawn(async move {
            let result = vault.create(&who, &chosen, with_demo, with_fingerprint).await;
            busy.set(false);
            match result {
                Ok(backend) => gate.open(backend),
                Err(why) => error.set(Some(why.to_string())),
            }
        });
    };
    rsx! {
        main { class: "screen lock-screen", id: "lock", lang: "{lang.tag()}", dir: "{lang.dir()}",
            p { class: "app-title", {t(Msg::AppName)} }
            // A first screen that says what the app is before it asks for anything.
            p { class: "lead app-intro", {t(Msg::AppIntro)} }
            h1 { {t(Msg::SetUpHeading)} }
            p { class: "hint", {t(Msg::SetUpHint)} }
            form { class: "add-form", "aria-label": "{t(Msg::SetUpHeading)}", onsubmit: set_up,
                label { class: "field",
                    span { class: "label", {t(Msg::YourName)} }
                    input { r#type: "text", autocomplete: "name", value: "{name}", oninput: move |e| name.set(e.value()) }
                }
                label { class: "field", span { class: "label", {t(Msg::ChoosePin)} }
                    input { r#type: "password", inputmode: keypad, "aria-describedby": "pin-rule", autocomplete: "off", value: "{pin}", oninput: move |e| pin.set(e.value()) }
                }
                p { class: "hint", id: "pin-rule", {t(Msg::PinRule)} }
                label { class: "field", span { class: "label", {t(Msg::PinAgain)} }
                    input { r#type: "password", inputmode: keypad, autocomplete: "off", value: "{again}", oninput: move |e| again.set(e.value()) }
                }
                {letters_toggle(letters, lang)}
                if fingerprint_available {
                    label { class: "check",
                        input { r#type: "checkbox", checked: *fingerprint.read(), onchange: move |e| fingerprint.set(e.checked()) }
                        span { {t(Msg::FingerprintOffer)} }
                    }
                } else if let Some(FingerprintSupport::Unavailable(why)) = &support {
                    p { class: "hint", {crate::i18n::tr(lang, Msg::FingerprintNotHere, &[("why", why.as_str().into())])} }
                }
                if offers_demo {
                    label { class: "check",
                        input { r#type: "checkbox", checked: *demo.read(), onchange: move |e| demo.set(e.checked()) }
                        span { {t(Msg::DemoOffer)} }
                    }
                }
                button { class: "button", r#type: "submit", disabled: *busy.read(), {t(Msg::SetUp)} }
            }
            if let Some(why) = error.read().clone() {
                p { class: "notice notice-error", role: "alert", "{why}" }
            }
        }
    }
}
