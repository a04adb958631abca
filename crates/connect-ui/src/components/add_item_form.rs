//! Adding an offer, ask or goal in a few taps: the field is focused as soon as
//! the form opens, so the keyboard is already up, and "They said this" is one
//! tap beside it.

use connect_model::ResidentId;
use connect_model::page::Category;
use dioxus::prelude::*;

use crate::components::TheySaidThis;
use crate::drafts::use_draft;
use crate::i18n::Msg;
use crate::item_view::category_msg;
use crate::state::{apply_edit_then, use_backend, use_ui};
use connect_device::Edit;

/// An "add" button that opens a one-line form. With `ask_whose`, the form
/// asks whether these are the resident's own words ("They said this"), and
/// `make` is told: the words are then marked as theirs, written down by the
/// person holding the phone.
#[component]
pub fn AddItemForm(
    resident: ResidentId,
    label: String,
    with_category: bool,
    ask_whose: bool,
    /// The form's name among the resident's drafts ("offer", "ask", "goal").
    form: String,
    make: Callback<(String, Category, bool), Edit>,
) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut open = use_signal(|| false);
    let draft = use_draft(format!("{resident}:{form}"), String::new());
    let text = draft.text;
    let mut category = use_signal(|| Category::Other);
    let mut theirs = use_signal(|| false);
    // Half-written words from before (the app was closed) open the form again.
    if !*open.read() && text.read().is_empty() {
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
                let edit = make.call((value, *category.read(), *theirs.read()));
                apply_edit_then(backend.clone(), ui, resident, edit, None, move || {
                    draft.clear();
                    theirs.set(false);
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
                oninput: move |e| draft.typed(e.value()),
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
            if ask_whose {
                TheySaidThis { checked: *theirs.read(), on_change: move |v| theirs.set(v) }
            }
            div { class: "actions",
                button { class: "button", r#type: "submit", {ui.t(Msg::Add)} }
                button {
                    class: "button secondary",
                    r#type: "button",
                    onclick: move |_| { draft.clear(); open.set(false); },
                    {ui.t(Msg::Cancel)}
                }
            }
        }
    }
}
