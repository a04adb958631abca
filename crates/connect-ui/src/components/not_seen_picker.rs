//! (Coordinator) How long without a visit or contact counts as "not seen for
//! a while" on everyone's Today screen: a team setting, kept in the team
//! directory (three weeks until the team changes it).

use connect_model::directory::{Directory, NOT_SEEN_DAYS_MAX};
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{run_call, use_backend, use_ui};

/// The setting, over the team's directory.
#[component]
pub fn NotSeenPicker(directory: Directory) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut days = use_signal(move || directory.not_seen_days.to_string());
    let busy = use_signal(|| false);
    let value = days.read().trim().parse::<u32>().ok().filter(|d| (1..=NOT_SEEN_DAYS_MAX).contains(d));
    let save = move |e: FormEvent| {
        e.prevent_default();
        let Some(value) = value else { return };
        let backend = backend.clone();
        run_call(ui, Some(busy), async move { backend.set_not_seen_days(value).await }, move |()| {
            ui.news(ui.t(Msg::NotSeenSaved));
        });
    };
    rsx! {
        section { class: "page-section", "aria-labelledby": "h-not-seen",
            h3 { id: "h-not-seen", {ui.t(Msg::NotSeenHeading)} }
            p { class: "hint", {ui.t(Msg::NotSeenHint)} }
            form { class: "toolbar", onsubmit: save,
                label { class: "field",
                    span { class: "label", {ui.t(Msg::NotSeenDays)} }
                    input {
                        r#type: "number",
                        inputmode: "numeric",
                        min: "1",
                        max: "{NOT_SEEN_DAYS_MAX}",
                        value: "{days}",
                        oninput: move |e| days.set(e.value()),
                    }
                }
                button { class: "button", r#type: "submit", disabled: value.is_none() || *busy.read(), {ui.t(Msg::Save)} }
            }
        }
    }
}
