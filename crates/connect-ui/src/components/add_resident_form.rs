//! Adding a resident: one field, the name they like to be called. A name
//! already on this phone asks first: open that resident, or add another
//! person of the same name, so a tap on "Add" never makes a second, empty
//! record of someone by mistake.

use connect_model::ResidentId;
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{Screen, Tab, use_backend, use_ui};

/// A one-field form that creates a resident and opens their page.
#[component]
pub fn AddResidentForm() -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut name = use_signal(String::new);
    // A resident of the same name already here, while asking what to do.
    let mut same_name: Signal<Option<(ResidentId, String)>> = use_signal(|| None);
    let create = use_callback({
        let backend = backend.clone();
        move |value: String| {
            let backend = backend.clone();
            spawn(async move {
                match backend.create_resident(&value).await {
                    Ok(r) => {
                        name.set(String::new());
                        same_name.set(None);
                        ui.bump();
                        ui.go(Screen::Resident(r, Tab::Page));
                    }
                    Err(err) => {
                        ui.error(
                            ui.tr(Msg::ErrorPrefix, &[("why", crate::i18n::device_error(ui.lang(), &err).into())]),
                        );
                    }
                }
            });
        }
    });
    let submit = move |e: FormEvent| {
        e.prevent_default();
        let value = name.read().trim().to_owned();
        let backend = backend.clone();
        spawn(async move {
            let rows = backend.caseload().await.unwrap_or_default();
            let wanted = value.to_lowercase();
            match rows.into_iter().find(|r| !wanted.is_empty() && r.preferred_name.to_lowercase() == wanted) {
                Some(row) => same_name.set(Some((row.resident, row.preferred_name))),
                None => create.call(value),
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
                    oninput: move |e| { name.set(e.value()); same_name.set(None); },
                }
            }
            button { class: "button", r#type: "submit", {ui.t(Msg::Add)} }
        }
        if let Some((existing, existing_name)) = same_name.read().clone() {
            div { class: "confirm", role: "alertdialog", "aria-labelledby": "same-name",
                p { id: "same-name", class: "lead", {ui.tr(Msg::SameNameAlready, &[("name", existing_name.as_str().into())])} }
                div { class: "answers",
                    button { class: "button", onclick: move |_| ui.go(Screen::Resident(existing, Tab::Page)),
                        {ui.tr(Msg::OpenThem, &[("name", existing_name.as_str().into())])}
                    }
                    button { class: "button secondary", onclick: move |_| create.call(name.peek().trim().to_owned()),
                        {ui.t(Msg::AddAnotherSameName)}
                    }
                    button { class: "link-button", onclick: move |_| same_name.set(None), {ui.t(Msg::Cancel)} }
                }
            }
        }
    }
}
