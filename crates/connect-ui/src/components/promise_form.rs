//! Writing down a promise: what will be done, who will do it, and when if
//! anyone said (a day, this week, no rush). A supporter can link it to one of
//! the resident's asks and keep it to the team; a resident writes down what
//! she will do herself.

use connect_model::promise::PromiseBy;
use connect_model::{ItemId, ResidentId};
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::promise_fields::{WhenField, choices, when_fields};
use crate::state::{Notice, Ui, apply_edit_then, use_backend, use_ui};
use connect_device::Edit;

/// Who will do it, as the form offers it.
const WHOS: [(PromiseBy, Msg); 4] = [
    (PromiseBy::Supporter, Msg::WhoSupporter),
    (PromiseBy::Resident, Msg::WhoResident),
    (PromiseBy::Circle, Msg::WhoCircle),
    (PromiseBy::Team, Msg::WhoTeam),
];

/// Which of the resident's asks the promise answers, if any.
fn ask_picker(ui: Ui, asks: Vec<(ItemId, String)>, mut ask: Signal<Option<ItemId>>) -> Element {
    rsx! {
        label { class: "field",
            span { class: "label", {ui.t(Msg::PromiseForAsk)} }
            select {
                onchange: move |e| ask.set(e.value().parse().ok()),
                option { value: "", selected: ask.read().is_none(), {ui.t(Msg::NoAsk)} }
                for (id, words) in asks {
                    option { value: "{id}", selected: *ask.read() == Some(id), "{words}" }
                }
            }
        }
    }
}

/// The "+ Something we said we'd do" button and its form. `asks` are the
/// resident's current asks (id, words), to link the promise to one.
#[component]
pub fn PromiseForm(resident: ResidentId, asks: Vec<(ItemId, String)>, resident_mode: bool) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut open = use_signal(|| false);
    let mut text = use_signal(String::new);
    let by = use_signal(|| if resident_mode { PromiseBy::Resident } else { PromiseBy::Supporter });
    let mut by_name = use_signal(String::new);
    let when = WhenField::use_new(None);
    let mut ask = use_signal(|| None::<ItemId>);
    let mut team_only = use_signal(|| false);
    let label = ui.t(if resident_mode { Msg::IWillDo } else { Msg::NewPromise });
    if !*open.read() {
        return rsx! {
            button { class: "button add-button", onclick: move |_| open.set(true), "{label}" }
        };
    }
    let ready = !text.read().trim().is_empty()
        && (*by.read() != PromiseBy::Circle || !by_name.read().trim().is_empty())
        && when.value().is_some();
    let save = move |e: FormEvent| {
        e.prevent_default();
        if !ready {
            return;
        }
        let edit = Edit::AddPromise {
            text: text.read().trim().to_owned(),
            by: *by.read(),
            by_name: by_name.read().trim().to_owned(),
            when: when.value().flatten(),
            ask: *ask.read(),
            shared: !*team_only.read(),
            by_resident: resident_mode,
        };
        let done = Notice { text: ui.t(Msg::PromiseSaved), error: false, undo: None, about_the_team: false };
        apply_edit_then(backend.clone(), ui, resident, edit, Some(done), move || {
            text.set(String::new());
            by_name.set(String::new());
            when.clear();
            ask.set(None);
            team_only.set(false);
            open.set(false);
        });
    };
    rsx! {
        form { class: "add-form promise-form", "aria-label": "{label}", onsubmit: save,
            label { class: "field",
                span { class: "label", {ui.t(Msg::PromiseWhat)} }
                input {
                    r#type: "text",
                    autofocus: true,
                    placeholder: ui.t(Msg::PromiseWhatHint),
                    value: "{text}",
                    oninput: move |e| text.set(e.value()),
                }
            }
            if !resident_mode {
                {choices(ui, Msg::PromiseWho, "promise-by", &WHOS, by)}
                if *by.read() == PromiseBy::Circle {
                    label { class: "field",
                        span { class: "label", {ui.t(Msg::CirclePersonName)} }
                        input { r#type: "text", value: "{by_name}", oninput: move |e| by_name.set(e.value()) }
                    }
                }
            }
            {when_fields(ui, "promise-when", when)}
            if !resident_mode && !asks.is_empty() {
                {ask_picker(ui, asks, ask)}
            }
            if !resident_mode {
                label { class: "check",
                    input { r#type: "checkbox", checked: *team_only.read(), onchange: move |e| team_only.set(e.checked()) }
                    span { {ui.t(Msg::PromiseTeamOnly)} }
                }
            }
            div { class: "actions",
                button { class: "button", r#type: "submit", disabled: !ready, {ui.t(Msg::SavePromise)} }
                button { class: "link-button", r#type: "button", onclick: move |_| open.set(false), {ui.t(Msg::Cancel)} }
            }
        }
    }
}
