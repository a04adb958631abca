//! Mutual support: for each resident's ask, the offers that might meet it,
//! each with why it was suggested, and the introductions suggested so far. Suggesting one asks
//! both residents; nothing is arranged unless both say yes.

use connect_model::page::IntroState;
use dioxus::prelude::*;

use connect_model::ItemId;
use connect_model::matching::Suggestion;

use crate::components::MatchGroup;
use crate::i18n::Msg;
use crate::state::{use_backend_read, use_ui};

/// The matches part of the team screen.
#[component]
pub fn MatchesView() -> Element {
    let ui = use_ui();
    let data = use_backend_read(move |backend| async move {
        Ok((backend.suggestions().await?, backend.introductions().await.unwrap_or_default()))
    });
    let (suggestions, intros) = match data.read().clone() {
        Some(Ok(both)) => both,
        Some(Err(e)) => return rsx! { p { class: "notice notice-error", role: "alert", "{e}" } },
        None => return rsx! { p { class: "loading", role: "status", {ui.t(Msg::Loading)} } },
    };
    // One group per ask, the best matched ask first; its offers best first.
    let mut groups: Vec<(ItemId, Vec<Suggestion>)> = Vec::new();
    for s in suggestions {
        match groups.iter_mut().find(|(ask, _)| *ask == s.ask.item) {
            Some((_, offers)) => offers.push(s),
            None => groups.push((s.ask.item, vec![s])),
        }
    }
    rsx! {
        div { class: "matches-view",
            p { class: "hint", {ui.t(Msg::MatchesHint)} }
            if groups.is_empty() { p { class: "empty", {ui.t(Msg::NoMatches)} } }
            for (ask, offers) in groups {
                MatchGroup { key: "{ask}", offers }
            }
            if !intros.is_empty() {
                section { class: "page-section", "aria-labelledby": "h-intros-so-far",
                    h3 { id: "h-intros-so-far", {ui.t(Msg::IntrosSoFar)} }
                    ul { class: "item-list",
                        for i in intros {
                            li { key: "{i.id}", class: "item",
                                p { class: "item-text", "{i.asker.0}: “{i.asker.1}” ⇄ {i.offerer.0}: “{i.offerer.1}”" }
                                p { class: "item-meta",
                                    span { class: "tag state-{i.state:?}",
                                        {ui.t(match i.state {
                                            IntroState::Waiting => Msg::StateWaiting,
                                            IntroState::Agreed => Msg::StateAgreed,
                                            IntroState::Declined => Msg::StateDeclined,
                                        })}
                                    }
                                    span { "{i.reason}" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
