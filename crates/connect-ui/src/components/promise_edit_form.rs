//! Putting a promise right: its words and when it is for. Each change is kept
//! in the promise's history (who and when), like every edit.

use connect_model::ResidentId;
use connect_model::promise::Promise;
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::promise_fields::{WhenField, when_fields};
use crate::state::{Notice, run_call, use_backend, use_ui};
use connect_device::Edit;

/// The form, in place of the promise's row until saved or cancelled.
#[component]
pub fn PromiseEditForm(resident: ResidentId, promise: Promise, on_done: EventHandler<()>) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let (id, shared, before) = (promise.id, promise.shared, promise.terms.when);
    let mut text = use_signal(|| promise.terms.text.clone());
    let when = WhenField::use_new(promise.terms.when);
    let busy = use_signal(|| false);
    let ready = !text.read().trim().is_empty() && when.value().is_some();
    let save = move |e: FormEvent| {
        e.prevent_default();
        let Some(chosen) = when.value() else { return };
        let words = text.read().trim().to_owned();
        let mut edits = Vec::new();
        if words != promise.terms.text {
            edits.push(Edit::EditPromise { shared, id, text: words, by_resident: false });
        }
        // A "by" day shows as that day: only a change the person made is saved.
        let untouched =
            chosen.and_then(|w| w.due()) == before.and_then(|w| w.due()) && chosen.is_some() == before.is_some();
        if !untouched {
            edits.push(Edit::SetPromiseWhen { shared, id, when: chosen });
        }
        let backend = backend.clone();
        let call = async move {
            for edit in edits {
                backend.edit(resident, edit).await?;
            }
            Ok(())
        };
        run_call(ui, Some(busy), call, move |()| {
            ui.tell(Some(Notice {
                text: ui.t(Msg::PromiseSavedChanges),
                error: false,
                undo: None,
                about_the_team: false,
            }));
            on_done.call(());
        });
    };
    rsx! {
        form { class: "add-form", "aria-label": ui.t(Msg::EditPromise), onsubmit: save,
            label { class: "field",
                span { class: "label", {ui.t(Msg::PromiseWhat)} }
                input { r#type: "text", autofocus: true, value: "{text}", oninput: move |e| text.set(e.value()) }
            }
            {when_fields(ui, &format!("promise-when-{id}"), when)}
            div { class: "actions",
                button { class: "button", r#type: "submit", disabled: !ready || *busy.read(), {ui.t(Msg::Save)} }
                button { class: "link-button", r#type: "button", onclick: move |_| on_done.call(()), {ui.t(Msg::Cancel)} }
            }
        }
    }
}
