//! Choosing the language, each name written in its own language. On the
//! supporter's screens it is this phone's person's choice, kept on the
//! phone (the lock screen speaks it too); in resident mode it is the
//! resident's, kept on their page, so every phone that hands itself to them
//! (and their own phone) speaks it, while the supporter's stays theirs.

use connect_device::Edit;
use connect_model::ResidentId;
use dioxus::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::state::{apply_edit, run_call, use_backend, use_ui};

/// A labelled language select; changes apply at once. With `resident`, the
/// resident's own choice.
#[component]
pub fn LanguagePicker(compact: bool, resident: Option<ResidentId>) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    // The pseudo-locale (long, accented English) is for finding cut-off
    // text: offered only where the fictional demo caseload is, and not in
    // the web app, whose module leaves it out.
    let offers_pseudo = cfg!(not(target_arch = "wasm32"))
        && try_use_context::<connect_device::SharedVault>().is_some_and(|v| v.offers_demo());
    let choices: Vec<Lang> = Lang::ALL.into_iter().filter(|l| *l != Lang::Pseudo || offers_pseudo).collect();
    let current = ui.lang();
    rsx! {
        label { class: if compact { "field compact" } else { "field" },
            span { class: "label", {ui.t(Msg::Language)} }
            select {
                onchange: move |e| {
                    let Some(chosen) = Lang::from_tag(&e.value()) else { return };
                    let tag = Some(chosen.tag().to_owned());
                    let own_phone = resident.is_some() && backend.own_resident() == resident;
                    if resident.is_none() || own_phone {
                        let mut lang = ui.lang;
                        lang.set(chosen);
                        let backend = backend.clone();
                        let tag = tag.clone();
                        run_call(ui, None, async move { backend.set_language(tag).await }, |()| {});
                    }
                    if let Some(resident) = resident {
                        let mut theirs = ui.resident_lang;
                        theirs.set(Some(chosen));
                        apply_edit(backend.clone(), ui, resident, Edit::SetLanguage { tag, by_resident: true }, None);
                    }
                },
                for l in choices {
                    option { value: "{l.tag()}", selected: current == l, lang: "{l.tag()}", dir: "{l.dir()}", "{l.name()}" }
                }
            }
        }
    }
}
