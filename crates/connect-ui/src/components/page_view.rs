//! The "what I can offer" page: about me, offers, asks and goals, each item
//! marked "in their words" or with who added it, then "what we said we'd do".

use connect_model::directory::Directory;
use connect_model::page::{AskStatus, Category, GoalKind, ResidentPage, Section};
use connect_model::promise::{NextVisit, Promise};
use connect_model::{ItemId, ResidentId};
use dioxus::prelude::*;

use crate::components::{AboutMe, AddItemForm, IntroductionsPanel, ItemRow, PromisesView};
use crate::i18n::Msg;
use crate::item_view::ItemView;
use crate::state::use_ui;
use connect_device::Edit;

/// The page, for a supporter or (with `resident_mode`) for the resident.
#[component]
pub fn PageView(
    resident: ResidentId,
    page: ResidentPage,
    directory: Option<Directory>,
    resident_mode: bool,
    /// "What we said we'd do".
    promises: Vec<Promise>,
    /// Every plan for the next visit, the last in force.
    visit_plans: Vec<NextVisit>,
) -> Element {
    let ui = use_ui();
    let offers: Vec<ItemView> = page.current_offers().map(ItemView::offer).collect();
    let asks: Vec<ItemView> = page.current_asks().map(ItemView::ask).collect();
    let goals: Vec<ItemView> = page.current_goals().map(ItemView::goal).collect();
    let open_asks: Vec<(ItemId, String)> = page
        .current_asks()
        .filter(|a| matches!(a.details.status, AskStatus::Open | AskStatus::InProgress))
        .map(|a| (a.id, a.text.to_string()))
        .collect();
    let sections = [
        (Section::Offers, Msg::Offers, offers, if resident_mode { Msg::IOffer } else { Msg::NewOffer }),
        (Section::Asks, Msg::Asks, asks, if resident_mode { Msg::IAsk } else { Msg::NewAsk }),
        (Section::Goals, Msg::Goals, goals, Msg::NewGoal),
    ];
    rsx! {
        div { class: "page-view",
            IntroductionsPanel { resident, page: page.clone(), resident_mode }
            AboutMe { resident, text: page.about_me.to_string(), resident_mode }
            for (section, heading, items, add_label) in sections {
                if !(resident_mode && section == Section::Goals) {
                    section { class: "page-section", "aria-labelledby": "h-{section:?}",
                        h3 { id: "h-{section:?}", {ui.t(heading)} }
                        ul { class: "item-list",
                            for item in items {
                                ItemRow { key: "{item.id}", resident, item, directory: directory.clone(), resident_mode }
                            }
                        }
                        AddItemForm {
                            resident,
                            label: ui.t(add_label),
                            // A resident picks no category: the team can add one later.
                            with_category: section != Section::Goals && !resident_mode,
                            ask_whose: !resident_mode,
                            form: match section {
                                Section::Offers => "offer",
                                Section::Asks => "ask",
                                Section::Goals => "goal",
                            }.to_owned(),
                            make: move |(text, category, theirs): (String, Category, bool)| {
                                let by_resident = resident_mode || theirs;
                                match section {
                                    Section::Offers => Edit::AddOffer { text, category, by_resident },
                                    Section::Asks => Edit::AddAsk { text, category, by_resident },
                                    Section::Goals => Edit::AddGoal { text, kind: GoalKind::Goal, by_resident },
                                }
                            },
                        }
                    }
                }
            }
            PromisesView { resident, name: page.preferred_name, promises, asks: open_asks, visit_plans, resident_mode }
        }
    }
}
