//! Mutual support: offers that might meet someone's ask, each with why it was
//! suggested, and the introductions suggested so far. Suggesting one asks
//! both residents; nothing is arranged unless both say yes.

use connect_model::page::IntroState;
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{run_call, use_backend, use_backend_read, use_ui};

/// The matches part of the team screen.
#[component]
pub fn MatchesView() -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let data = use_backend_read(move |backend| async move {
        Ok((backend.suggestions().await?, backend.introductions().await.unwrap_or_default()))
    });
    let (suggestions, intros) = match data.read().clone() {
        Some(Ok(both)) => both,
        Some(Err(e)) => return rsx! { p { class: "notice notice-error", role: "alert", "{e}" } },
        None => return rsx! { p { class: "loading", role: "status", {ui.t(Msg::Loading)} } },
    };
    rsx! {
        div { class: "matches-view",
            p { class: "hint", {ui.t(Msg::MatchesHint)} }
            if suggestions.is_empty() { p { class: "empty", {ui.t(Msg::NoMatches)} } }
            ul { class: "item-list",
                for s in suggestions.into_iter().take(30) {
                    li { key: "{s.ask.item}-{s.offer.item}", class: "item match",
                        p { class: "item-text", strong { "{s.ask.name}" } " " {ui.t(Msg::Asks_)} ": “{s.ask.text}”" }
                        p { class: "item-text", strong { "{s.offer.name}" } " " {ui.t(Msg::Offers_)} ": “{s.offer.text}”" }
                        p { class: "item-meta", {ui.t(Msg::IntroWhy)} ": {s.reason_words()}" }
                        button {
                            class: "button secondary",
                            onclick: {
                                let backend = backend.clone();
                                #[allow(clippy::redundant_clone)]
                                let s = s.clone();
                                move |_| {
                                    let backend = backend.clone();
                                    // Each click needs its own copy: the handler may run again.
                                    #[allow(clippy::redundant_clone)]
                                    let s = s.clone();
                                    run_call(ui, None, async move { backend.introduce(s).await }, move |()| ui.news(ui.t(Msg::IntroSuggested)));
                                }
                            },
                            {ui.t(Msg::SuggestIntro)}
                            span { class: "visually-hidden", ": {s.ask.name} / {s.offer.name}" }
                        }
                    }
                }
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
