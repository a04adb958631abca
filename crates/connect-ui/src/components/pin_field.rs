//! PIN and passphrase fields: hidden as they are typed, never offered to the
//! browser's password manager, on the number pad until "Type letters" is
//! tapped (a passphrase with letters is as welcome as a PIN). Each form
//! writes its inputs in its own template, so they keep their order for
//! assistive technology and tests; this holds what they share.

use dioxus::prelude::*;

use crate::i18n::{Lang, Msg, t};

/// The `inputmode` for a form's PIN fields: a keyboard with letters once
/// asked for, else the number pad.
#[must_use]
pub fn keypad(letters: Signal<bool>) -> &'static str {
    if *letters.read() { "text" } else { "numeric" }
}

/// Switches a form's PIN fields between the number pad and a keyboard
/// with letters, in `lang`.
pub fn letters_toggle(mut letters: Signal<bool>, lang: Lang) -> Element {
    let on = *letters.peek();
    rsx! {
        button { class: "link-button", r#type: "button", onclick: move |_| letters.set(!on),
            if on { {t(lang, Msg::UseNumberPad)} } else { {t(lang, Msg::UseLetters)} }
        }
    }
}
