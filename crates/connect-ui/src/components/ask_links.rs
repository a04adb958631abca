//! Places and helpers linked to an ask ("ramp → council adaptations team"),
//! and finding one: suggestions from the team directory by the ask's words,
//! or a search. The directory comes with the resident's data, read once.

use connect_model::directory::Directory;
use connect_model::{ItemId, ResidentId};
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{apply_edit, use_backend, use_ui};
use connect_device::Edit;

/// Links under one ask.
#[component]
pub fn AskLinks(resident: ResidentId, ask: ItemId, text: String, links: Vec<ItemId>, directory: Directory) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut open = use_signal(|| false);
    let mut query = use_signal(String::new);
    let dir = directory;
    let linked: Vec<_> = dir.entries.iter().filter(|e| links.contains(&e.id)).cloned().collect();
    let link = move |entry: ItemId, linked: bool| {
        apply_edit(backend.clone(), ui, resident, Edit::LinkAsk { ask, entry, linked }, None);
    };
    let unlink = link.clone();
    let q = query.read().clone();
    let found: Vec<(connect_model::directory::DirectoryEntry, String)> = if q.trim().is_empty() {
        dir.suggest_for(&text).into_iter().map(|(e, w)| (e.clone(), w.join(", "))).collect()
    } else {
        dir.search(&q).into_iter().map(|e| (e.clone(), String::new())).collect()
    };
    rsx! {
        div { class: "ask-links",
            if !linked.is_empty() {
                p { class: "item-meta", {ui.t(Msg::LinkedPlaces)} }
                ul { class: "links",
                    for e in linked {
                        li { key: "{e.id}",
                            span { class: "flips", "aria-hidden": "true", "→" } " " strong { "{e.name}" }
                            if !e.contact.is_empty() { " · {e.contact}" }
                            button {
                                class: "link-button",
                                onclick: {
                                    let unlink = unlink.clone();
                                    let id = e.id;
                                    move |_| unlink(id, false)
                                },
                                {ui.t(Msg::Unlink)} span { class: "visually-hidden", " {e.name}" }
                            }
                        }
                    }
                }
            }
            if *open.read() {
                div { class: "add-form",
                    label { class: "field",
                        span { class: "label", {ui.t(Msg::SearchPlaces)} }
                        input { r#type: "search", value: "{query}", oninput: move |e| query.set(e.value()) }
                    }
                    if found.is_empty() { p { class: "empty", {ui.t(Msg::NoPlaces)} } }
                    ul { class: "links",
                        for (e, why) in found.into_iter().filter(|(e, _)| !links.contains(&e.id)) {
                            li { key: "{e.id}",
                                strong { "{e.name}" }
                                if !why.is_empty() { " ({why})" }
                                button {
                                    class: "button secondary",
                                    onclick: {
                                        let link = link.clone();
                                        let id = e.id;
                                        move |_| link(id, true)
                                    },
                                    {ui.t(Msg::Link)} span { class: "visually-hidden", " {e.name}" }
                                }
                            }
                        }
                    }
                    button { class: "button secondary", onclick: move |_| open.set(false), {ui.t(Msg::Done)} }
                }
            } else {
                button { class: "link-button", onclick: move |_| open.set(true), {ui.t(Msg::LinkPlace)} span { class: "visually-hidden", ": {text}" } }
            }
        }
    }
}
