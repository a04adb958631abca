//! The team: mutual-support matches and introductions, the places directory,
//! and for coordinators the team's people (invites, assignments, residents'
//! records), the team figures and the stories that may be shared.

use connect_model::AuthorRole;
use dioxus::prelude::*;

use crate::components::{InsightsView, MatchesView, PeopleView, PlacesView, StoriesView};
use crate::i18n::Msg;
use crate::state::{Screen, TeamTab, use_backend, use_ui};

/// The team screen, on one of its parts.
#[component]
pub fn TeamScreen(tab: TeamTab) -> Element {
    let ui = use_ui();
    let coordinator = use_backend().me().role == AuthorRole::Coordinator;
    let mut tabs = vec![(TeamTab::Matches, Msg::TabMatches), (TeamTab::Places, Msg::TabPlaces)];
    if coordinator {
        tabs.extend([
            (TeamTab::People, Msg::TabPeople),
            (TeamTab::Insights, Msg::TabInsights),
            (TeamTab::Stories, Msg::TabStories),
        ]);
    }
    let tab = if tabs.iter().any(|(t, _)| *t == tab) { tab } else { TeamTab::Matches };
    rsx! {
        div { class: "screen team",
            h2 { {ui.t(Msg::Team)} }
            div { class: "tabs", role: "tablist", "aria-label": "{ui.t(Msg::Team)}",
                for (t, label) in tabs {
                    button {
                        role: "tab",
                        id: "team-tab-{t:?}",
                        class: if t == tab { "tab selected" } else { "tab" },
                        "aria-selected": if t == tab { "true" } else { "false" },
                        "aria-controls": "team-panel",
                        onclick: move |_| ui.go(Screen::Team(t)),
                        {ui.t(label)}
                    }
                }
            }
            div { id: "team-panel", role: "tabpanel", "aria-labelledby": "team-tab-{tab:?}",
                match tab {
                    TeamTab::Matches => rsx! { MatchesView {} },
                    TeamTab::Places => rsx! { PlacesView {} },
                    TeamTab::Insights => rsx! { InsightsView {} },
                    TeamTab::Stories => rsx! { StoriesView {} },
                    TeamTab::People => rsx! { PeopleView {} },
                }
            }
        }
    }
}
