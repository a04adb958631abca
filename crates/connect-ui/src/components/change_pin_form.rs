//! Changing the PIN that opens this device's store. The store is not
//! re-encrypted: its key is wrapped again under the new PIN (with the
//! phone's fingerprint too, where it is on, which the vault asks for). The
//! new PIN meets the same rule as the first, said beside the field.

use dioxus::prelude::*;

use crate::components::{keypad, letters_toggle};
use crate::i18n::Msg;
use crate::state::{run_call, use_ui};
use connect_device::SharedVault;

/// The change-PIN form in Settings (nothing when the app runs without a lock).
#[component]
pub fn ChangePinForm() -> Element {
    let ui = use_ui();
    let vault = try_use_context::<SharedVault>();
    let mut current = use_signal(String::new);
    let mut new = use_signal(String::new);
    let mut again = use_signal(String::new);
    let letters = use_signal(|| false);
    let keypad = keypad(letters);
    let Some(vault) = vault else { return rsx! {} };
    let change = move |e: FormEvent| {
        e.prevent_default();
        if *new.peek() != *again.peek() {
            ui.error(ui.t(Msg::PinsDiffer));
            return;
        }
        let vault = vault.clone();
        let (old, fresh) = (current.peek().clone(), new.peek().clone());
        run_call(ui, None, async move { vault.change_pin(&old, &fresh).await }, move |()| {
            for mut s in [current, new, again] {
                s.set(String::new());
            }
            ui.news(ui.t(Msg::PinChanged));
        });
    };
    rsx! {
        section { class: "page-section", "aria-labelledby": "h-change-pin",
            h3 { id: "h-change-pin", {ui.t(Msg::ChangePin)} }
            p { class: "hint", {ui.t(Msg::StoreEncrypted)} }
            form { class: "add-form", "aria-label": "{ui.t(Msg::ChangePin)}", onsubmit: change,
                label { class: "field", span { class: "label", {ui.t(Msg::CurrentPin)} }
                    input { r#type: "password", inputmode: keypad, autocomplete: "off", value: "{current}", oninput: move |e| current.set(e.value()) }
                }
                label { class: "field", span { class: "label", {ui.t(Msg::NewPin)} }
                    input { r#type: "password", inputmode: keypad, "aria-describedby": "new-pin-rule", autocomplete: "off", value: "{new}", oninput: move |e| new.set(e.value()) }
                }
                p { class: "hint", id: "new-pin-rule", {ui.t(Msg::PinRule)} }
                label { class: "field", span { class: "label", {ui.t(Msg::PinAgain)} }
                    input { r#type: "password", inputmode: keypad, autocomplete: "off", value: "{again}", oninput: move |e| again.set(e.value()) }
                }
                {letters_toggle(letters, ui.lang())}
                button { class: "button", r#type: "submit", {ui.t(Msg::ChangePin)} }
            }
        }
    }
}
