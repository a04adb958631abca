//! Offers, asks and goals in one shape for display, and words for categories,
//! statuses and rings.

use connect_model::circle::Ring;
use connect_model::page::{Ask, AskStatus, Category, Goal, Item, Offer, Section};
use connect_model::{Author, ItemId};

use crate::i18n::Msg;

/// An item on a page, as a row shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemView {
    /// The item.
    pub id: ItemId,
    /// Which list.
    pub section: Section,
    /// The words.
    pub text: String,
    /// Category, for offers and asks.
    pub category: Option<Category>,
    /// Status, for asks.
    pub status: Option<AskStatus>,
    /// Who wrote it.
    pub author: Author,
    /// Asks only: team directory entries linked as able to help.
    pub links: Vec<ItemId>,
}

impl ItemView {
    /// From an offer.
    #[must_use]
    pub fn offer(o: &Offer) -> Self {
        Self::of(o, Section::Offers, Some(o.details.category), None)
    }

    /// From an ask, with the directory entries linked to it.
    #[must_use]
    pub fn ask(a: &Ask) -> Self {
        let links = a.details.links.iter().filter(|(_, on)| **on).filter_map(|(id, _)| id.parse().ok()).collect();
        Self { links, ..Self::of(a, Section::Asks, Some(a.details.category), Some(a.details.status)) }
    }

    /// From a goal.
    #[must_use]
    pub fn goal(g: &Goal) -> Self {
        Self::of(g, Section::Goals, None, None)
    }

    fn of<D>(item: &Item<D>, section: Section, category: Option<Category>, status: Option<AskStatus>) -> Self {
        Self {
            id: item.id,
            section,
            text: item.text.to_string(),
            category,
            status,
            author: item.author.clone(),
            links: Vec::new(),
        }
    }
}

/// For the resident's words written down on a team member's phone, who held
/// it ("written down by their supporter"); `None` for anyone else's words.
#[must_use]
pub fn written_down_msg(author: &Author) -> Option<Msg> {
    match author.recorded_by {
        _ if !author.is_resident() => None,
        Some(connect_model::AuthorRole::Coordinator) => Some(Msg::WrittenDownByTeam),
        Some(_) => Some(Msg::WrittenDownBySupporter),
        None => None,
    }
}

/// Words for a category.
#[must_use]
pub fn category_msg(c: Category) -> Msg {
    match c {
        Category::Practical => Msg::CatPractical,
        Category::Caring => Msg::CatCaring,
        Category::Company => Msg::CatCompany,
        Category::Creative => Msg::CatCreative,
        Category::Knowledge => Msg::CatKnowledge,
        Category::Other => Msg::CatOther,
    }
}

/// Words for an ask status.
#[must_use]
pub fn status_msg(s: AskStatus) -> Msg {
    match s {
        AskStatus::Open => Msg::StatusOpen,
        AskStatus::InProgress => Msg::StatusInProgress,
        AskStatus::Met => Msg::StatusMet,
        AskStatus::NotNeededNow => Msg::StatusNotNow,
    }
}

/// Words for a ring.
#[must_use]
pub fn ring_msg(r: Ring) -> Msg {
    match r {
        Ring::Intimacy => Msg::RingIntimacy,
        Ring::Friendship => Msg::RingFriendship,
        Ring::Participation => Msg::RingParticipation,
        Ring::Exchange => Msg::RingExchange,
        Ring::Possibility => Msg::RingPossibility,
    }
}
