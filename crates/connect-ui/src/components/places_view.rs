//! The team directory: places that welcome people and small practical
//! helpers, searchable, with a form to add one.

use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{run_call, use_backend, use_backend_read, use_ui};
use connect_device::api::NewPlace;

/// The places part of the team screen.
#[component]
pub fn PlacesView() -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut query = use_signal(String::new);
    let mut adding = use_signal(|| false);
    let mut name = use_signal(String::new);
    let mut helper = use_signal(|| false);
    let mut description = use_signal(String::new);
    let mut contact = use_signal(String::new);
    let mut tags = use_signal(String::new);
    let directory = use_backend_read(move |backend| async move { backend.directory().await });
    let dir = match directory.read().clone() {
        Some(Ok(Some(d))) => d,
        Some(Ok(None)) => return rsx! { p { class: "empty", {ui.t(Msg::NoDirectory)} } },
        Some(Err(e)) => return rsx! { p { class: "notice notice-error", role: "alert", "{e}" } },
        None => return rsx! { p { class: "loading", role: "status", {ui.t(Msg::Loading)} } },
    };
    let q = query.read().clone();
    let shown: Vec<_> = if q.trim().is_empty() {
        dir.entries.iter().filter(|e| !e.archived).cloned().collect()
    } else {
        dir.search(&q).into_iter().cloned().collect()
    };
    let add = move |e: FormEvent| {
        e.prevent_default();
        let place = NewPlace {
            name: name.read().clone(),
            helper: *helper.read(),
            description: description.read().clone(),
            contact: contact.read().clone(),
            tags: tags.read().clone(),
        };
        let backend = backend.clone();
        run_call(ui, None, async move { backend.add_place(place).await }, move |()| {
            for mut s in [name, description, contact, tags] {
                s.set(String::new());
            }
            adding.set(false);
            ui.bump();
        });
    };
    rsx! {
        div { class: "places-view",
            p { class: "hint", {ui.t(Msg::PlacesHint)} }
            label { class: "field",
                span { class: "label", {ui.t(Msg::SearchPlaces)} }
                input { r#type: "search", value: "{query}", oninput: move |e| query.set(e.value()) }
            }
            if shown.is_empty() { p { class: "empty", {ui.t(Msg::NoPlaces)} } }
            ul { class: "item-list",
                for e in shown {
                    li { key: "{e.id}", class: "item",
                        p { class: "item-text", "{e.name}" }
                        if !e.description.is_empty() { p { "{e.description}" } }
                        p { class: "item-meta",
                            span { class: "tag", "{e.kind}" }
                            if !e.contact.is_empty() { span { "{e.contact}" } }
                            if !e.tags.is_empty() { span { class: "byline", "{e.tags}" } }
                        }
                    }
                }
            }
            if *adding.read() {
                form { class: "add-form", "aria-label": "{ui.t(Msg::AddPlace)}", onsubmit: add,
                    label { class: "field", span { class: "label", {ui.t(Msg::PlaceName)} }
                        input { r#type: "text", value: "{name}", oninput: move |e| name.set(e.value()) }
                    }
                    label { class: "check",
                        input { r#type: "checkbox", checked: *helper.read(), onchange: move |e| helper.set(e.checked()) }
                        span { {ui.t(Msg::PlaceIsHelper)} }
                    }
                    label { class: "field", span { class: "label", {ui.t(Msg::PlaceDescription)} }
                        textarea { rows: 3, value: "{description}", oninput: move |e| description.set(e.value()) }
                    }
                    label { class: "field", span { class: "label", {ui.t(Msg::PlaceContact)} }
                        input { r#type: "text", value: "{contact}", oninput: move |e| contact.set(e.value()) }
                    }
                    label { class: "field", span { class: "label", {ui.t(Msg::PlaceTags)} }
                        input { r#type: "text", value: "{tags}", oninput: move |e| tags.set(e.value()) }
                    }
                    div { class: "actions",
                        button { class: "button", r#type: "submit", {ui.t(Msg::Add)} }
                        button { class: "button secondary", r#type: "button", onclick: move |_| adding.set(false), {ui.t(Msg::Cancel)} }
                    }
                }
            } else {
                button { class: "button add-button", onclick: move |_| adding.set(true), "+ " {ui.t(Msg::AddPlace)} }
            }
        }
    }
}
