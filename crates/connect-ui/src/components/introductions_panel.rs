//! Suggested introductions on a resident's page: their own ask or offer, why
//! the match was suggested, and "yes" or "no, thank you". Nothing about the
//! other resident is shown until both have said yes; a "no" is recorded as a
//! choice, and can be changed.

use connect_model::ResidentId;
use connect_model::page::{IntroAnswer, IntroSide, ResidentPage};
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{apply_edit, use_backend, use_ui};
use connect_device::Edit;

/// The introductions on one page (nothing when there are none).
#[component]
pub fn IntroductionsPanel(resident: ResidentId, page: ResidentPage, resident_mode: bool) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    if page.introductions.is_empty() {
        return rsx! {};
    }
    let text_of = |item| page.item_text(item).unwrap_or_default().to_owned();
    rsx! {
        section { class: "page-section introductions", "aria-labelledby": "h-intros",
            h3 { id: "h-intros", {ui.t(Msg::Introductions)} }
            ul { class: "item-list",
                for intro in page.introductions.iter().rev().cloned() {
                    li { key: "{intro.proposal.id}", class: "item intro",
                        p { class: "item-meta",
                            {ui.t(if intro.proposal.side == IntroSide::Asker { Msg::IntroAsk } else { Msg::IntroOffer })}
                        }
                        p { class: "item-text", "“{text_of(intro.proposal.item)}”" }
                        if !intro.proposal.reason.is_empty() {
                            p { class: "item-meta", {ui.t(Msg::IntroWhy)} ": {intro.proposal.reason}" }
                        }
                        match intro.answer {
                            IntroAnswer::Yes => rsx! { p { class: "tag", "✓ " {ui.t(Msg::IntroSaidYes)} } },
                            IntroAnswer::No => rsx! { p { class: "tag", {ui.t(Msg::IntroSaidNo)} } },
                            IntroAnswer::Pending => rsx! {},
                        }
                        div { class: "actions",
                            for (yes, msg) in [(true, Msg::IntroYes), (false, Msg::IntroNo)] {
                                if intro.answer != if yes { IntroAnswer::Yes } else { IntroAnswer::No } {
                                    button {
                                        class: if yes { "button" } else { "button secondary" },
                                        onclick: {
                                            let backend = backend.clone();
                                            let id = intro.proposal.id;
                                            move |_| apply_edit(backend.clone(), ui, resident, Edit::AnswerIntroduction { id, yes, by_resident: resident_mode }, None)
                                        },
                                        {ui.t(msg)}
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
