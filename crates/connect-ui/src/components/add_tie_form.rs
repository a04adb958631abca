//! Adding someone (or somewhere) to the circle.

use connect_model::ResidentId;
use connect_model::circle::Ring;
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::item_view::ring_msg;
use crate::state::{apply_edit_then, use_backend, use_ui};
use connect_device::Edit;

/// The add-to-circle form.
#[component]
pub fn AddTieForm(resident: ResidentId, name: String) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut open = use_signal(|| false);
    let mut who = use_signal(String::new);
    let mut relationship = use_signal(String::new);
    let mut ring = use_signal(|| Ring::Friendship);
    let mut two_way = use_signal(|| false);
    let mut place = use_signal(|| false);
    if !*open.read() {
        return rsx! { button { class: "button add-button", onclick: move |_| open.set(true), "+ " {ui.t(Msg::AddTie)} } };
    }
    rsx! {
        form {
            class: "add-form",
            "aria-label": ui.t(Msg::AddTie),
            onsubmit: move |e: FormEvent| {
                e.prevent_default();
                let edit = Edit::AddTie {
                    name: who.read().clone(),
                    relationship: relationship.read().clone(),
                    ring: *ring.read(),
                    two_way: *two_way.read(),
                    place: *place.read(),
                };
                apply_edit_then(backend.clone(), ui, resident, edit, None, move || {
                    who.set(String::new());
                    relationship.set(String::new());
                    open.set(false);
                });
            },
            label { class: "field",
                span { class: "label", {ui.t(Msg::TieName)} }
                input {
                    r#type: "text", autocomplete: "off", value: "{who}",
                    oninput: move |e| who.set(e.value()),
                    onmounted: move |e| async move { _ = e.set_focus(true).await; },
                }
            }
            label { class: "field",
                span { class: "label", {ui.t(Msg::Relationship)} " ({name})" }
                input { r#type: "text", autocomplete: "off", value: "{relationship}", oninput: move |e| relationship.set(e.value()) }
            }
            label { class: "field",
                span { class: "label", {ui.t(Msg::Ring)} }
                select {
                    onchange: move |e| { if let Ok(r) = e.value().parse() { ring.set(r); } },
                    for r in Ring::ALL.iter().copied() {
                        option { value: "{r}", selected: *ring.read() == r, {ui.t(ring_msg(r))} }
                    }
                }
            }
            label { class: "check",
                input { r#type: "checkbox", checked: *two_way.read(), onchange: move |e| two_way.set(e.checked()) }
                {ui.t(Msg::TwoWay)}
            }
            label { class: "check",
                input { r#type: "checkbox", checked: *place.read(), onchange: move |e| place.set(e.checked()) }
                {ui.t(Msg::IsPlace)}
            }
            div { class: "actions",
                button { class: "button", r#type: "submit", {ui.t(Msg::Add)} }
                button { class: "button secondary", r#type: "button", onclick: move |_| open.set(false), {ui.t(Msg::Cancel)} }
            }
        }
    }
}
