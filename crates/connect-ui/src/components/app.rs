//! The root: provides shared state, shows the status bar and the current screen.

use dioxus::prelude::*;

use crate::components::{
    CaseloadScreen, NoticeLine, ResidentMode, ResidentScreen, SettingsScreen, StatusBar, TeamScreen,
};
use crate::i18n::Msg;
use crate::state::{Screen, TeamTab, use_provide_ui};
use crate::vault::use_gate;

/// The app over an open store. Expects a [`crate::SharedBackend`] in context
/// (the [`crate::components::Root`] provides it once the PIN is given).
#[component]
pub fn App() -> Element {
    let backend = use_context::<crate::SharedBackend>();
    // A device handed to a resident stays with them across reloads and restarts.
    let start = use_hook(|| backend.resident_lock().map_or(Screen::Caseload, Screen::ResidentMode));
    rsx! { AppAt { start } }
}

/// The app starting on a given screen (tests start it anywhere).
#[component]
pub fn AppAt(start: Screen) -> Element {
    let ui = use_provide_ui(start);
    let gate = use_gate();
    let screen = *ui.screen.read();
    let lang = ui.lang.read().tag();
    let resident_mode = matches!(screen, Screen::ResidentMode(_));
    rsx! {
        div { class: if resident_mode { "app resident-mode" } else { "app" }, lang: "{lang}",
            a { class: "skip-link", href: "#main", {ui.t(Msg::AppName)} }
            if !resident_mode {
                header { class: "app-header",
                    h1 { class: "app-title", {ui.t(Msg::AppName)} }
                    nav { "aria-label": "Main",
                        button {
                            class: "link-button",
                            "aria-current": if screen == Screen::Caseload { "page" } else { "false" },
                            onclick: move |_| ui.go(Screen::Caseload),
                            {ui.t(Msg::Caseload)}
                        }
                        button {
                            class: "link-button",
                            "aria-current": if matches!(screen, Screen::Team(_)) { "page" } else { "false" },
                            onclick: move |_| ui.go(Screen::Team(TeamTab::Matches)),
                            {ui.t(Msg::Team)}
                        }
                        button {
                            class: "link-button",
                            "aria-current": if screen == Screen::Settings { "page" } else { "false" },
                            onclick: move |_| ui.go(Screen::Settings),
                            {ui.t(Msg::Settings)}
                        }
                        if let Some(gate) = gate {
                            button { class: "link-button", onclick: move |_| gate.lock(), {ui.t(Msg::Lock)} }
                        }
                    }
                }
                StatusBar {}
            }
            NoticeLine {}
            main { id: "main",
                match screen {
                    Screen::Caseload => rsx! { CaseloadScreen {} },
                    Screen::Resident(r, tab) => rsx! { ResidentScreen { resident: r, tab } },
                    Screen::Settings => rsx! { SettingsScreen {} },
                    Screen::Team(tab) => rsx! { TeamScreen { tab } },
                    Screen::ResidentMode(r) => rsx! { ResidentMode { resident: r } },
                }
            }
        }
    }
}
