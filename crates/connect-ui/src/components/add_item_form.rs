//! Adding an offer, ask or goal in a few taps: the field is focused as soon as
//! the form opens, so the keyboard is already up.

use connect_model::ResidentId;
use connect_model::page::Category;
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::item_view::category_msg;
use crate::state::{apply_edit_then, use_backend, use_ui};
use connect_device::Edit;

/// An "add" button that opens a one-line form.
#[component]
pub fn AddItemForm(
    resident: ResidentId,
    label: String,
    with_category: bool,
    make: Callback<(String, Category), Edit>,
) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut open = use_signal(|| false);
    let mut text = use_signal(String::new);
    let mut category = use_signal(|| Category::Other);
    if !*open.read() {
        return rsx! {
            button { class: "button add-button", onclick: move |_| open.set(true), "+ {label}" }
        };
    }
    let field_id = format!("add-{}", label.replace(|c: char| !c.is_alphanumeric(), "-").to_lowercase());
    rsx! {
        form {
            class: "add-form",
            "aria-label": "{label}",
            onsubmit: move |e: FormEvent| {
                e.prevent_default();
                let value = text.read().trim().to_owned();
                if value.is_empty() {
                    return;
                }
                let edit = make.call((value, *category.read()));
                apply_edit_then(backend.clone(), ui, resident, edit, None, move || {
                    text.set(String::new());
                    open.set(false);
                });
            },
            label { class: "field grow", r#for: "{field_id}",
                span { class: "label", "{label}" }
            }
            input {
                id: "{field_id}",
                r#type: "text",
                autocomplete: "off",
                value: "{text}",
                oninput: move |e| text.set(e.value()),
                onmounted: move |e| async move { _ = e.set_focus(true).await; },
            }
            if with_category {
                label { class: "field",
                    span { class: "label", {ui.t(Msg::Category)} }
                    select {
                        onchange: move |e| { if let Ok(c) = e.value().parse() { category.set(c); } },
                        for c in Category::ALL.iter().copied() {
                            option { value: "{c}", selected: *category.read() == c, {ui.t(category_msg(c))} }
                        }
                    }
                }
            }
            div { class: "actions",
                button { class: "button", r#type: "submit", {ui.t(Msg::Add)} }
                button { class: "button secondary", r#type: "button", onclick: move |_| open.set(false), {ui.t(Msg::Cancel)} }
            }
        }
    }
}
