//! "Forgot your PIN?": there is no bypass, only erasing this phone and
//! setting it up again (what reached the team comes back from the relay).
//! Shown behind a link, and erasing needs ERASE typed, after the panel has
//! said how many changes on this phone have not reached the team (noted by
//! the vault when the store was last open), so neither a mistaken tap nor a
//! curious one erases anything.

use connect_device::SharedVault;
use dioxus::prelude::*;

use crate::i18n::{Lang, Msg, t, tr};
use crate::vault::use_gate;

/// The words for what erasing would lose: `unsent` changes not yet with the
/// team, as last counted (`None`: not counted yet, so said in general).
#[must_use]
pub fn unsent_words(lang: Lang, unsent: Option<u64>) -> String {
    match unsent {
        None => t(lang, Msg::ForgotPinLoss),
        Some(0) => t(lang, Msg::UnsentNone),
        Some(n) => tr(lang, Msg::UnsentSome, &[("n", n.into())]),
    }
}

/// Whether `typed` confirms erasing: the word in `lang`, or in English,
/// in any case, spaces aside.
#[must_use]
pub fn confirms_erase(lang: Lang, typed: &str) -> bool {
    let typed = typed.trim().to_lowercase();
    [lang, Lang::En].into_iter().any(|l| typed == t(l, Msg::EraseWord).to_lowercase())
}

/// The link, and once opened, what erasing means, what it would lose, the
/// typed confirmation and the button that does it.
#[component]
pub fn ForgotPinPanel(unsent: Option<u64>, lang: Lang, on_error: EventHandler<String>) -> Element {
    let vault = use_context::<SharedVault>();
    let gate = use_gate().expect("the lock screen is shown by the root");
    let t = move |m| t(lang, m);
    let mut forgetting = use_signal(|| false);
    let mut typed = use_signal(String::new);
    let confirmed = confirms_erase(lang, &typed.read());
    let forget = move |_| {
        if !confirms_erase(lang, &typed.peek()) {
            return;
        }
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
                p { strong { {unsent_words(lang, unsent)} } }
                label { class: "field",
                    span { class: "label", {t(Msg::TypeErase)} }
                    input {
                        r#type: "text",
                        autocomplete: "off",
                        autocapitalize: "characters",
                        value: "{typed}",
                        oninput: move |e| typed.set(e.value()),
                    }
                }
                div { class: "actions",
                    button { class: "button danger", disabled: !confirmed, onclick: forget, {t(Msg::EraseThisPhone)} }
                    button {
                        class: "button secondary",
                        onclick: move |_| {
                            typed.set(String::new());
                            forgetting.set(false);
                        },
                        {t(Msg::Cancel)}
                    }
                }
            }
        } else {
            button { class: "link-button", onclick: move |_| forgetting.set(true), {t(Msg::ForgotPin)} }
        }
    }
}
