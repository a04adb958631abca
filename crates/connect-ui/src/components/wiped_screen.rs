//! After the team revoked this device: its store and key are gone, and the
//! screen says so plainly.

use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::vault::use_gate;

/// Says the device was wiped.
#[component]
pub fn WipedScreen() -> Element {
    let gate = use_gate().expect("the wiped screen is shown by the root");
    let t = |m| crate::i18n::t(crate::i18n::Lang::En, m);
    rsx! {
        main { class: "screen lock-screen", id: "lock",
            p { class: "app-title", {t(Msg::AppName)} }
            h1 { {t(Msg::WipedHeading)} }
            p { role: "alert", {t(Msg::WipedExplain)} }
            p { {t(Msg::WipedNext)} }
            button { class: "button", onclick: move |_| gate.start_again(), {t(Msg::SetUpAgain)} }
        }
    }
}
