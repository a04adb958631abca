//! Today, at the top of the first screen a supporter sees: visits planned
//! for today (and late ones not yet made) and this week, promises due or late
//! and this week's, and residents not seen for a while. Each list is short
//! (three, then "Show all"), every row opens the resident, and a due promise
//! can be marked done where it stands. Nothing is ever locked for being late.

use connect_model::promise::PromiseState;
use connect_model::today::{NotSeen, Today, TodayPromise, TodayVisit};
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::promise_words::{promise_sentence, when_words};
use crate::state::{Notice, Screen, Tab, Ui, apply_edit, use_backend, use_backend_read, use_ui};
use crate::when::{day_name_from, local_today};
use connect_device::{DeviceClient, Edit};

/// How many rows a list shows before "Show all".
const FIRST_ROWS: usize = 3;

/// The Today panel.
#[component]
pub fn TodayPanel() -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let today = use_backend_read(move |backend| async move { backend.today(local_today()).await });
    let t = match today.read().clone() {
        Some(Ok(t)) => t,
        Some(Err(e)) => return rsx! { p { class: "notice notice-error", role: "alert", "{e}" } },
        None => return rsx! {},
    };
    rsx! {
        section { class: "today", "aria-labelledby": "h-today",
            h2 { id: "h-today", {ui.t(Msg::TodayTitle)} }
            if t.is_empty() {
                p { class: "empty", {ui.t(Msg::NothingToday)} }
            } else {
                {visit_list(ui, Msg::VisitsToday, &t, &t.visits_today)}
                {promise_list(ui, &backend, Msg::PromisesDue, &t, &t.promises_due)}
                {visit_list(ui, Msg::VisitsThisWeek, &t, &t.visits_this_week)}
                {promise_list(ui, &backend, Msg::PromisesThisWeek, &t, &t.promises_this_week)}
                {not_seen_list(ui, &t.not_seen)}
                p { class: "hint", {ui.t(Msg::TodayHint)} }
            }
        }
    }
}

/// A heading and its rows, folded after [`FIRST_ROWS`].
fn list(ui: Ui, title: Msg, rows: Vec<Element>) -> Element {
    if rows.is_empty() {
        return rsx! {};
    }
    let total = rows.len();
    let mut rows = rows.into_iter();
    let first: Vec<Element> = rows.by_ref().take(FIRST_ROWS).collect();
    let rest: Vec<Element> = rows.collect();
    let id = format!("today-{title:?}");
    rsx! {
        div { class: "today-list",
            h3 { id: "{id}", {ui.t(title)} " ({total})" }
            ul { "aria-labelledby": "{id}", {first.into_iter()} }
            if !rest.is_empty() {
                details {
                    summary { {ui.t(Msg::ShowAll)} " ({total})" }
                    ul { {rest.into_iter()} }
                }
            }
        }
    }
}

/// A row's words as a link to the resident's page: it goes somewhere, so it
/// is a link, not a button (and the caseload's buttons stay the only
/// buttons named for a resident).
fn open_button(ui: Ui, resident: connect_model::ResidentId, words: &str) -> Element {
    rsx! {
        a {
            class: "today-open",
            href: "#",
            onclick: move |e: MouseEvent| {
                e.prevent_default();
                ui.go(Screen::Resident(resident, Tab::Page));
            },
            "{words}"
        }
    }
}

fn visit_list(ui: Ui, title: Msg, t: &Today, visits: &[TodayVisit]) -> Element {
    let lang = ui.lang();
    let rows = visits
        .iter()
        .map(|v| {
            let when = if v.day < t.date {
                format!(" ({})", ui.tr(Msg::PlannedFor, &[("day", day_name_from(lang, v.day, t.date).into())]))
            } else if v.day > t.date {
                format!(" ({})", day_name_from(lang, v.day, t.date))
            } else {
                String::new()
            };
            rsx! { li { {open_button(ui, v.resident, &format!("{}{when}", v.name))} } }
        })
        .collect();
    list(ui, title, rows)
}

fn promise_list(ui: Ui, backend: &DeviceClient, title: Msg, t: &Today, promises: &[TodayPromise]) -> Element {
    let lang = ui.lang();
    let rows = promises
        .iter()
        .map(|p| {
            let row = &p.promise;
            let words = promise_sentence(lang, &row.terms, &p.name, false);
            let when = when_words(lang, row.terms.when, true, t.date).unwrap_or_default();
            let (resident, shared, id) = (row.resident, row.shared, row.id);
            let backend = backend.clone();
            let done = move |_| {
                let edit = Edit::SetPromiseState { shared, id, state: PromiseState::Done, by_resident: false };
                let undo = Edit::SetPromiseState { shared, id, state: PromiseState::Open, by_resident: false };
                apply_edit(backend.clone(), ui, resident, edit, Some(Notice::undoable(ui.t(Msg::PromiseMarked), resident, undo)));
            };
            rsx! {
                li { class: "today-promise",
                    {open_button(ui, resident, &format!("{}: {words}", p.name))}
                    span { class: "when", "{when}" }
                    button { class: "button secondary", "aria-label": "{ui.t(Msg::PromiseDone)}: {words}", onclick: done, {ui.t(Msg::PromiseDone)} }
                }
            }
        })
        .collect();
    list(ui, title, rows)
}

fn not_seen_list(ui: Ui, not_seen: &[NotSeen]) -> Element {
    let rows = not_seen
        .iter()
        .map(|n| {
            let since = match n.last_contact {
                Some(_) => ui.tr(Msg::LastSeen, &[("n", n.days.into())]),
                None => ui.t(Msg::NotSeenSinceJoining),
            };
            rsx! { li { {open_button(ui, n.resident, &format!("{} ({since})", n.name))} } }
        })
        .collect();
    list(ui, Msg::NotSeenForAWhile, rows)
}
