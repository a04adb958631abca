//! Adding a resident: one field, the name they like to be called.

use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{Screen, Tab, use_backend, use_ui};

/// A one-field form that creates a resident and opens their page.
#[component]
pub fn AddResidentForm() -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut name = use_signal(String::new);
    let submit = move |e: FormEvent| {
        e.prevent_default();
        let value = name.read().clone();
        let backend = backend.clone();
        spawn(async move {
            match backend.create_resident(&value).await {
                Ok(r) => {
                    name.set(String::new());
                    ui.bump();
                    ui.go(Screen::Resident(r, Tab::Page));
                }
                Err(err) => ui.error(format!("{} {err}", ui.t(Msg::ErrorPrefix))),
            }
        });
    };
    rsx! {
        form { class: "inline-form", onsubmit: submit, "aria-label": ui.t(Msg::AddResident),
            label { class: "field grow",
                span { class: "label", {ui.t(Msg::AddResident)} ": " {ui.t(Msg::PreferredName)} }
                input {
                    r#type: "text",
                    name: "resident-name",
                    autocomplete: "off",
                    value: "{name}",
                    oninput: move |e| name.set(e.value()),
                }
            }
            button { class: "button", r#type: "submit", {ui.t(Msg::Add)} }
        }
    }
}
