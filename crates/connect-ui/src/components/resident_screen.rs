//! One resident: their name, tabs for the page, circle and journal, and
//! "hand to resident".

use connect_model::ResidentId;
use dioxus::prelude::*;

use crate::components::{
    CheckinsView, CircleView, ConcernNotice, JournalView, PageView, RecordView, RemoveMistakePanel, StoryView,
};
use crate::i18n::Msg;
use crate::state::{Screen, Tab, run_call, use_backend, use_backend_read, use_ui};

/// A resident's screen.
#[component]
pub fn ResidentScreen(resident: ResidentId, tab: Tab) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let data = use_backend_read(move |backend| async move { backend.resident(resident).await });
    crate::media_view::use_provide_media(resident);
    let data = match &*data.read() {
        Some(Ok(d)) => d.clone(),
        Some(Err(e)) => return rsx! { p { class: "notice notice-error", role: "alert", "{e}" } },
        None => return rsx! { p { class: "loading", role: "status", {ui.t(Msg::Loading)} } },
    };
    let tabs = [
        (Tab::Page, Msg::TabPage),
        (Tab::Circle, Msg::TabCircle),
        (Tab::Journal, Msg::TabJournal),
        (Tab::Checkins, Msg::TabCheckins),
        (Tab::Story, Msg::TabStory),
        (Tab::Record, Msg::TabRecord),
    ];
    rsx! {
        div { class: "screen resident",
            div { class: "resident-heading",
                button { class: "link-button back", "aria-label": ui.t(Msg::Back), title: ui.t(Msg::Back), onclick: move |_| ui.back(), span { class: "flips", "aria-hidden": "true", "←" } }
                h2 { "{data.page.preferred_name}" }
                button {
                    class: "button secondary",
                    onclick: move |_| {
                        let backend = backend.clone();
                        run_call(ui, None, async move { backend.set_resident_lock(Some(resident)).await }, move |()| {
                            let mut locked = ui.locked_to;
                            ui.go(Screen::ResidentMode(resident));
                            locked.set(Some(resident));
                        });
                    },
                    {ui.t(Msg::HandToResident)}
                }
            }
            ConcernNotice { resident, name: data.page.preferred_name.clone() }
            div { class: "tabs", role: "tablist", "aria-label": "{data.page.preferred_name}",
                for (t, label) in tabs {
                    button {
                        role: "tab",
                        id: "tab-{t:?}",
                        class: if t == tab { "tab selected" } else { "tab" },
                        "aria-selected": if t == tab { "true" } else { "false" },
                        "aria-controls": "tab-panel",
                        onclick: move |_| ui.go(Screen::Resident(resident, t)),
                        {ui.t(label)}
                    }
                }
            }
            div { id: "tab-panel", role: "tabpanel", "aria-labelledby": "tab-{tab:?}",
                match tab {
                    Tab::Page => rsx! { PageView { resident, page: data.page.clone(), directory: data.directory.clone(), resident_mode: false, promises: data.promises.clone(), visit_plans: data.visit_plans.clone() } },
                    Tab::Circle => rsx! { CircleView { resident, circle: data.circle.clone(), name: data.page.preferred_name.clone(), visits: data.visits() } },
                    Tab::Checkins => rsx! { CheckinsView { resident, checkins: data.checkins.clone(), life_areas: data.life_areas.clone(), short_checkin: data.short_checkin.clone(), resident_mode: false } },
                    Tab::Story => rsx! { StoryView { resident, story: data.story.clone(), resident_mode: false } },
                    Tab::Journal => rsx! { JournalView { resident, journal: data.journal.clone(), team_notes: data.team_notes.clone() } },
                    Tab::Record => rsx! {
                        if data.never_sent {
                            RemoveMistakePanel { resident, name: data.page.preferred_name.clone() }
                        }
                        RecordView { resident, name: data.page.preferred_name.clone() }
                    },
                }
            }
        }
    }
}
