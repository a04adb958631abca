//! The root: provides shared state, shows the status bar and the current screen.

use dioxus::prelude::*;

use crate::components::{
    CaseloadScreen, NoticeLine, ResidentMode, ResidentScreen, SettingsScreen, StatusBar, TeamScreen,
};
use crate::i18n::Msg;
use crate::state::{Screen, TeamTab, use_provide_ui};
use crate::vault::use_gate;

/// The app over an open store. Expects a [`connect_device::DeviceClient`] in context
/// (the [`crate::components::Root`] provides it once the PIN is given).
#[component]
pub fn App() -> Element {
    let backend = use_context::<connect_device::DeviceClient>();
    // A device handed to a resident stays with them across reloads and restarts.
    // A resident's own phone shows only their screens, always.
    let start = use_hook(|| {
        backend.own_resident().or_else(|| backend.resident_lock()).map_or(Screen::Caseload, Screen::ResidentMode)
    });
    rsx! { AppAt { start } }
}

/// The app starting on a given screen (tests start it anywhere).
#[component]
pub fn AppAt(start: Screen) -> Element {
    let ui = use_provide_ui(start);
    let gate = use_gate();
    // Syncs by itself while the app is open, on every screen.
    crate::auto_sync::use_provide_auto_sync(ui, gate);
    let screen = *ui.screen.read();
    let lang = ui.lang();
    let resident_mode = matches!(screen, Screen::ResidentMode(_));
    rsx! {
        div { class: if resident_mode { "app resident-mode" } else { "app" }, lang: "{lang.tag()}", dir: "{lang.dir()}",
            a { class: "skip-link", href: "#main", {ui.t(Msg::SkipToContent)} }
            if !resident_mode {
                // Phone first: the sync chip stays in view at the top, and the
                // main navigation sits at the bottom, within thumb reach.
                header { class: "app-header",
                    h1 { class: "app-title", {ui.t(Msg::AppName)} }
                }
                StatusBar {}
                nav { class: "bottom-nav", "aria-label": ui.t(Msg::MainNav),
                    button {
                        class: "nav-button",
                        "aria-current": if matches!(screen, Screen::Caseload | Screen::Resident(..)) { "page" } else { "false" },
                        onclick: move |_| ui.go(Screen::Caseload),
                        span { class: "nav-icon", "aria-hidden": "true", "☰" }
                        {ui.t(Msg::Caseload)}
                    }
                    button {
                        class: "nav-button",
                        "aria-current": if matches!(screen, Screen::Team(_)) { "page" } else { "false" },
                        onclick: move |_| ui.go(Screen::Team(TeamTab::Matches)),
                        span { class: "nav-icon", "aria-hidden": "true", "⚭" }
                        {ui.t(Msg::Team)}
                    }
                    button {
                        class: "nav-button",
                        "aria-current": if screen == Screen::Settings { "page" } else { "false" },
                        onclick: move |_| ui.go(Screen::Settings),
                        span { class: "nav-icon", "aria-hidden": "true", "⚙" }
                        {ui.t(Msg::Settings)}
                    }
                    if let Some(gate) = gate {
                        button { class: "nav-button", onclick: move |_| gate.lock(),
                            svg { class: "nav-icon", "aria-hidden": "true", width: "1.25em", height: "1.25em", view_box: "0 0 20 20",
                                rect { x: "4", y: "9", width: "12", height: "9", rx: "1.5", fill: "currentColor" }
                                path { d: "M6.5 9V6.5a3.5 3.5 0 0 1 7 0V9", fill: "none", stroke: "currentColor", stroke_width: "2" }
                            }
                            {ui.t(Msg::Lock)}
                        }
                    }
                }
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
