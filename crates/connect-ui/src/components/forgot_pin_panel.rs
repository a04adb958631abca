//! "Forgot your PIN?": there is no bypass, only erasing this phone and
//! setting it up again (what reached the team comes back from the relay).
//! Shown behind a link, so a mistaken tap erases nothing.

use connect_device::SharedVault;
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::vault::use_gate;

/// The link, and once opened, what erasing means and the button that does it.
#[component]
pub fn ForgotPinPanel(on_error: EventHandler<String>) -> Element {
    let vault = use_context::<SharedVault>();
    let gate = use_gate().expect("the lock screen is shown by the root");
    let t = |m| crate::i18n::t(crate::i18n::Lang::En, m);
    let mut forgetting = use_signal(|| false);
    let forget = move |_| {
        let vault = vault.clone();
        spawn(async move {
            match vault.forget().await {
                Ok(()) => gate.start_again(),
                Err(why) => on_error.call(why.to_string()),
            }
        });
    };
    rsx! {
        if *forgetting.read() {
            section { class: "page-section danger-zone", "aria-labelledby": "h-forgot",
                h2 { id: "h-forgot", {t(Msg::ForgotPin)} }
                p { {t(Msg::ForgotPinExplain)} }
                p { strong { {t(Msg::ForgotPinLoss)} } }
                div { class: "actions",
                    button { class: "button danger", onclick: forget, {t(Msg::EraseThisPhone)} }
                    button { class: "button secondary", onclick: move |_| forgetting.set(false), {t(Msg::Cancel)} }
                }
            }
        } else {
            button { class: "link-button", onclick: move |_| forgetting.set(true), {t(Msg::ForgotPin)} }
        }
    }
}
