//! One offer, ask or goal: its words, who wrote it, its voice notes and
//! photos, and what can be done with it.

use connect_model::ResidentId;
use connect_model::directory::Directory;
use connect_model::media::MediaPlace;
use connect_model::page::{AskStatus, Section};
use dioxus::prelude::*;

use crate::components::{AskLinks, ItemEditForm, MediaShelf};
use crate::i18n::Msg;
use crate::item_view::{ItemView, category_msg, status_msg, written_down_msg};
use crate::state::{Notice, apply_edit, use_backend, use_ui};
use connect_device::Edit;

/// A row with edit, hide (undo-able) and, for asks, a status picker.
#[component]
pub fn ItemRow(resident: ResidentId, item: ItemView, directory: Option<Directory>, resident_mode: bool) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut editing = use_signal(|| false);
    let id = item.id;
    let section = item.section;
    let who = if item.author.is_resident() {
        // Their words (to the resident: "my words"), and who held the phone
        // when they were written down.
        let words = ui.t(if resident_mode { Msg::InMyWords } else { Msg::InTheirWords });
        match written_down_msg(&item.author) {
            Some(by) => format!("{words} · {}", ui.t(by)),
            None => words,
        }
    } else {
        ui.tr(Msg::AddedBy, &[("name", item.author.name.as_str().into())])
    };
    let hide = {
        let backend = backend.clone();
        move |_| {
            let undo = Edit::SetArchived { section, item: id, archived: false, by_resident: resident_mode };
            let notice = Notice::undoable(ui.t(Msg::HiddenNotice), resident, undo);
            let edit = Edit::SetArchived { section, item: id, archived: true, by_resident: resident_mode };
            apply_edit(backend.clone(), ui, resident, edit, Some(notice));
        }
    };
    let set_status = {
        move |status: AskStatus| {
            apply_edit(
                backend.clone(),
                ui,
                resident,
                Edit::SetAskStatus { item: id, status, by_resident: resident_mode },
                None,
            );
        }
    };
    let set_status_select = set_status.clone();
    let set_status_not_now = set_status.clone();
    rsx! {
        li { class: if item.author.is_resident() { "item theirs" } else { "item" },
            if *editing.read() {
                ItemEditForm { resident, section, item: id, text: item.text.clone(), theirs: item.author.is_resident(), resident_mode, on_done: move |()| editing.set(false) }
                // Voice notes and photos are added (and removed) while the item is open for editing.
                MediaShelf { resident, place: MediaPlace::Item(id), resident_mode, read_only: false }
            } else {
                p { class: "item-text", "{item.text}" }
                p { class: "item-meta",
                    span { class: "byline", "{who}" }
                    if let Some(c) = item.category { span { class: "tag", {ui.t(category_msg(c))} } }
                    if let Some(s) = item.status { span { class: "tag status-{s}", {ui.t(status_msg(s))} } }
                }
                MediaShelf { resident, place: MediaPlace::Item(id), resident_mode, read_only: true }
                if section == Section::Asks && !resident_mode && let Some(directory) = directory {
                    AskLinks { resident, ask: id, text: item.text.clone(), links: item.links.clone(), directory }
                }
                div { class: "actions",
                    if section == Section::Asks && !resident_mode {
                        label { class: "field compact",
                            span { class: "visually-hidden", {ui.t(Msg::Status)} ": {item.text}" }
                            select {
                                onchange: move |e| {
                                    if let Ok(s) = e.value().parse::<AskStatus>() { set_status_select(s); }
                                },
                                for s in AskStatus::ALL.iter().copied() {
                                    option { value: "{s}", selected: item.status == Some(s), {ui.t(status_msg(s))} }
                                }
                            }
                        }
                        if item.status != Some(AskStatus::Met) {
                            button { class: "button secondary", onclick: move |_| set_status(AskStatus::Met), {ui.t(Msg::MarkMet)} }
                        }
                    }
                    if section == Section::Asks && resident_mode && item.status != Some(AskStatus::NotNeededNow) {
                        button { class: "button secondary", onclick: move |_| set_status_not_now(AskStatus::NotNeededNow), {ui.t(Msg::NotNow)} }
                    }
                    button {
                        class: "button secondary",
                        onclick: move |_| editing.set(true),
                        {ui.t(Msg::EditItem)}
                        span { class: "visually-hidden", ": {item.text}" }
                    }
                    button { class: "button secondary", onclick: hide,
                        if resident_mode { {ui.t(Msg::HideThis)} } else { {ui.t(Msg::Hide)} }
                        span { class: "visually-hidden", ": {item.text}" }
                    }
                }
            }
        }
    }
}
