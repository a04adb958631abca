//! "Hand to resident": the resident's own page only, in large text, in plain
//! words. What they add is marked as theirs. The only way out is giving the
//! phone back, which locks the app until the supporter's PIN is given, so the
//! session cannot reach anyone else.

use connect_model::ResidentId;
use dioxus::prelude::*;

use crate::components::{LanguagePicker, PageView};
use crate::i18n::Msg;
use crate::state::{Screen, Tab, use_backend, use_ui};
use crate::vault::use_gate;

/// The resident's own view.
#[component]
pub fn ResidentMode(resident: ResidentId) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let backend_lock = backend.clone();
    let gate = use_gate();
    let data = use_memo(move || {
        let _ = ui.revision.read();
        backend.resident(resident)
    });
    let page = match &*data.read() {
        Ok(d) => d.page.clone(),
        Err(e) => return rsx! { p { role: "alert", "{e}" } },
    };
    rsx! {
        div { class: "screen resident-own",
            header { class: "resident-own-header",
                h2 { {ui.t(Msg::MyPage)} ": {page.preferred_name}" }
                LanguagePicker { compact: true }
            }
            p { class: "hint", {ui.t(Msg::ResidentModeHint)} }
            PageView { resident, page, resident_mode: true }
            button {
                class: "button give-back",
                onclick: move |_| {
                    if let Err(e) = backend_lock.set_resident_lock(None) {
                        ui.error(e);
                        return;
                    }
                    let mut locked = ui.locked_to;
                    locked.set(None);
                    ui.go(Screen::Resident(resident, Tab::Page));
                    // Back in the supporter's hands only with the supporter's PIN.
                    if let Some(gate) = gate {
                        gate.lock();
                    }
                },
                {ui.t(Msg::GiveBack)}
            }
        }
    }
}
