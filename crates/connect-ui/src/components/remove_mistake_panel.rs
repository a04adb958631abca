//! "Added by mistake?": a resident created on this phone and never sent to
//! the team can be removed here, after a second tap; once anything about
//! them has reached the team, only a coordinator's erasure (which must reach
//! every phone) can take them away.

use connect_model::ResidentId;
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{Screen, run_call, use_backend, use_ui};

/// The panel, for a resident nothing about whom has left this phone.
#[component]
pub fn RemoveMistakePanel(resident: ResidentId, name: String) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut asking = use_signal(|| false);
    let remove = move |_| {
        let backend = backend.clone();
        let name = name.clone();
        run_call(ui, None, async move { backend.remove_unsent_resident(resident).await }, move |()| {
            ui.go(Screen::Caseload);
            ui.news(ui.tr(Msg::RemovedMistake, &[("name", name.as_str().into())]));
        });
    };
    rsx! {
        section { class: "page-section", "aria-labelledby": "h-mistake",
            h3 { id: "h-mistake", {ui.t(Msg::AddedByMistake)} }
            p { class: "hint", {ui.t(Msg::AddedByMistakeHint)} }
            if *asking.read() {
                div { class: "actions",
                    button { class: "button danger", onclick: remove, {ui.t(Msg::RemoveThem)} }
                    button { class: "button secondary", onclick: move |_| asking.set(false), {ui.t(Msg::KeepThem)} }
                }
            } else {
                button { class: "button secondary", onclick: move |_| asking.set(true), {ui.t(Msg::RemoveFromPhone)} }
            }
        }
    }
}
