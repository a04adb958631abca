//! After the team revoked this device, or too many wrong PINs erased it (where
//! the team chose that): its store and key are gone, and the screen says so
//! plainly.

use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::vault::use_gate;

/// Says the device was wiped by the team, or `erased` after wrong PINs.
#[component]
pub fn WipedScreen(erased: bool) -> Element {
    let gate = use_gate().expect("the wiped screen is shown by the root");
    let t = |m| crate::i18n::t(crate::i18n::Lang::En, m);
    let (heading, explain, next) = if erased {
        (Msg::ErasedHeading, Msg::ErasedExplain, Msg::ErasedNext)
    } else {
        (Msg::WipedHeading, Msg::WipedExplain, Msg::WipedNext)
    };
    rsx! {
        main { class: "screen lock-screen", id: "lock",
            p { class: "app-title", {t(Msg::AppName)} }
            h1 { {t(heading)} }
            p { role: "alert", {t(explain)} }
            p { {t(next)} }
            button { class: "button", onclick: move |_| gate.start_again(), {t(Msg::SetUpAgain)} }
        }
    }
}
