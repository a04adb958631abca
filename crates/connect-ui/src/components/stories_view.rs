//! "Stories we may share": only stories whose owner agreed to sharing, shown
//! exactly as they agreed (no name when they chose not to be named). The
//! list is derived from each story's current consent, so a withdrawal removes
//! the story here as soon as it reaches this device.

use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{use_backend_read, use_ui};

/// The stories part of the team screen.
#[component]
pub fn StoriesView() -> Element {
    let ui = use_ui();
    let data = use_backend_read(move |backend| async move { backend.shareable_stories().await });
    let stories = match data.read().clone() {
        Some(Ok(s)) => s,
        Some(Err(e)) => return rsx! { p { class: "notice notice-error", role: "alert", "{e}" } },
        None => return rsx! { p { class: "loading", role: "status", {ui.t(Msg::Loading)} } },
    };
    rsx! {
        div { class: "stories-view",
            p { class: "hint", {ui.t(Msg::StoriesHint)} }
            if stories.is_empty() { p { class: "empty", {ui.t(Msg::NoStories)} } }
            for (i, s) in stories.into_iter().enumerate() {
                article { key: "{i}", class: "item story",
                    h3 {
                        match s.name.clone() {
                            Some(name) => rsx! { "{name}" },
                            None => rsx! { {ui.t(Msg::Anonymous)} },
                        }
                    }
                    p { class: "about-text", "{s.text}" }
                }
            }
        }
    }
}
