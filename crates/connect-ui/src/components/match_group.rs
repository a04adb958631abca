//! One ask and the offers that might meet it: the closest three at first,
//! the rest a tap away, each with why and "Suggest an introduction".

use connect_model::matching::Suggestion;
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{run_call, use_backend, use_ui};

/// How many offers show before "more".
const FIRST: usize = 3;

/// An ask with its offers (all for the same ask, best first).
#[component]
pub fn MatchGroup(offers: Vec<Suggestion>) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut all = use_signal(|| false);
    let Some(first) = offers.first().cloned() else { return rsx! {} };
    let more = offers.len().saturating_sub(FIRST);
    let shown: Vec<Suggestion> = if *all.read() { offers } else { offers.into_iter().take(FIRST).collect() };
    rsx! {
        section { class: "page-section match-group", "aria-label": "{first.ask.name}: {first.ask.text}",
            h3 { class: "item-text", strong { "{first.ask.name}" } " " {ui.t(Msg::Asks_)} ": “{first.ask.text}”" }
            ul { class: "item-list",
                for s in shown {
                    li { key: "{s.offer.item}", class: "item match",
                        p { class: "item-text", strong { "{s.offer.name}" } " " {ui.t(Msg::Offers_)} ": “{s.offer.text}”" }
                        p { class: "item-meta", {ui.t(Msg::IntroWhy)} ": {s.reason_words()}" }
                        button {
                            class: "button secondary",
                            onclick: {
                                let backend = backend.clone();
                                move |_| {
                                    let (backend, s) = (backend.clone(), s.clone());
                                    run_call(ui, None, async move { backend.introduce(s).await }, move |()| ui.news(ui.t(Msg::IntroSuggested)));
                                }
                            },
                            {ui.t(Msg::SuggestIntro)}
                            span { class: "visually-hidden", ": {s.ask.name} / {s.offer.name}" }
                        }
                    }
                }
            }
            if more > 0 && !*all.read() {
                button { class: "link-button", onclick: move |_| all.set(true), {ui.t(Msg::MoreOffers)} " ({more})" }
            }
        }
    }
}
