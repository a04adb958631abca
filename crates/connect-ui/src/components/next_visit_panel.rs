//! The next visit: a day, or "when they call", and who moved it. The
//! supporter plans it; the resident can say "not then: another day" (or
//! that she will call), which moves it at her wish and is never a miss.

use chrono::NaiveDate;
use connect_model::ResidentId;
use connect_model::promise::{NextVisit, Plan, PlanReason};
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::promise_words::plan_words;
use crate::state::{Notice, apply_edit_then, use_backend, use_ui};
use crate::when::local_today;
use connect_device::Edit;

/// The next visit in force (the last of `plans`) and the way to change it.
#[component]
pub fn NextVisitPanel(resident: ResidentId, plans: Vec<NextVisit>, resident_mode: bool) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut editing = use_signal(|| false);
    let mut day = use_signal(String::new);
    let lang = ui.lang();
    let next = plans.last().cloned();
    let save = move |plan: Plan| {
        let edit = Edit::SetNextVisit { plan, resident_not_now: resident_mode, by_resident: resident_mode };
        let done = Notice { text: ui.t(Msg::NextVisitSaved), error: false, undo: None, about_the_team: false };
        apply_edit_then(backend.clone(), ui, resident, edit, Some(done), move || {
            editing.set(false);
            day.set(String::new());
        });
    };
    let picked = day.read().parse::<NaiveDate>().ok();
    let save_day = save.clone();
    rsx! {
        div { class: "next-visit",
            p { class: "next-visit-line",
                strong { {ui.t(Msg::NextVisit)} ": " }
                match &next {
                    Some(n) => rsx! {
                        "{plan_words(lang, n.plan, local_today(), resident_mode)}"
                        if n.reason == PlanReason::ResidentNotNow {
                            " (" {ui.t(if resident_mode { Msg::MovedAtMyWish } else { Msg::MovedAtTheirWish })} ")"
                        }
                    },
                    None => rsx! { {ui.t(Msg::NoNextVisit)} },
                }
            }
            if *editing.read() {
                form {
                    class: "add-form",
                    "aria-label": ui.t(Msg::PlanNextVisit),
                    onsubmit: move |e: FormEvent| {
                        e.prevent_default();
                        if let Some(d) = picked {
                            save_day(Plan::On(d));
                        }
                    },
                    label { class: "field",
                        span { class: "label", {ui.t(Msg::VisitDay)} }
                        input { r#type: "date", value: "{day}", oninput: move |e| day.set(e.value()) }
                    }
                    div { class: "actions",
                        button { class: "button", r#type: "submit", disabled: picked.is_none(), {ui.t(Msg::SaveDay)} }
                        button {
                            class: "button secondary",
                            r#type: "button",
                            onclick: move |_| save(Plan::TheyWillCall),
                            {ui.t(if resident_mode { Msg::ICall } else { Msg::TheyWillCall })}
                        }
                        button { class: "link-button", r#type: "button", onclick: move |_| editing.set(false), {ui.t(Msg::Cancel)} }
                    }
                }
            } else if resident_mode {
                if matches!(next.as_ref().map(|n| n.plan), Some(Plan::On(_))) {
                    button { class: "button secondary", onclick: move |_| editing.set(true), {ui.t(Msg::NotThenAnotherDay)} }
                }
            } else {
                button {
                    class: "button secondary",
                    onclick: move |_| editing.set(true),
                    {ui.t(if next.is_some() { Msg::ChangeNextVisit } else { Msg::PlanNextVisit })}
                }
            }
        }
    }
}
