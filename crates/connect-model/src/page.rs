//! The resident's "what I can offer" page: about me, offers, asks and goals.
//!
//! Everything on it is marked with who wrote it, so the resident's own words
//! ("in my words") are told apart from what a supporter noted.

use std::collections::BTreeMap;

use automerge::{ActorId, Automerge, ROOT, ReadDoc};
use autosurgeon::Hydrate;

use crate::document::{self, CollabText, MapFields};
use crate::ids::{DocKind, ItemId, ResidentId};
use crate::limits::{self, ITEM_MAX, LONG_TEXT_MAX, NAME_MAX};
use crate::string_enum::string_enum;
use crate::{EditContext, Result, Timestamp};

mod introduction;
mod item;

pub use introduction::{Introduction, Proposal};
pub use item::{Ask, AskDetails, Goal, GoalDetails, Item, Offer, OfferDetails};

string_enum! {
    /// What kind of help an offer or ask is about; matching uses it.
    Category, "category" {
        /// Hands-on help: DIY, gardening, shopping, lifts.
        Practical => "practical",
        /// Caring help: listening, checking in, cooking for someone.
        Caring => "caring",
        /// Company: a cup of tea, a walk, going to the market together.
        Company => "company",
        /// Making things: crafts, music, baking, art.
        Creative => "creative",
        /// Knowing things: languages, forms, history, recipes.
        Knowledge => "knowledge",
        /// Anything else.
        Other => "other",
    }
}

string_enum! {
    /// Where an ask has got to.
    AskStatus, "ask status" {
        /// Nobody has picked it up yet.
        Open => "open",
        /// Someone is helping.
        InProgress => "in-progress",
        /// Done.
        Met => "met",
        /// The resident has said "not now": a choice, not a failure.
        NotNeededNow => "not-needed-now",
    }
}

string_enum! {
    /// A goal, or a looser "what could be possible".
    GoalKind, "goal kind" {
        /// Something the resident wants to do.
        Goal => "goal",
        /// Something that could be possible one day.
        Possibility => "possibility",
    }
}

string_enum! {
    /// Which side of an introduction a resident is on.
    IntroSide, "introduction side" {
        /// Their ask might be met.
        Asker => "asker",
        /// Their offer might meet someone's ask.
        Offerer => "offerer",
    }
}

string_enum! {
    /// A resident's answer to a suggested introduction.
    IntroAnswer, "introduction answer" {
        /// Not answered yet.
        Pending => "pending",
        /// "Yes, introduce us."
        Yes => "yes",
        /// "No, thank you": a choice, recorded as one.
        No => "no",
    }
}

/// Where an introduction stands, seen from both pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IntroState {
    /// Someone has not answered yet.
    Waiting,
    /// Both said yes: the introduction is made.
    Agreed,
    /// Someone said no.
    Declined,
}

/// Where an introduction stands, from this side and (if this device holds
/// it) the other side.
#[must_use]
pub fn introduction_state(mine: &Introduction, theirs: Option<&Introduction>) -> IntroState {
    let answers = [Some(mine.answer), theirs.map(|t| t.answer)];
    if answers.contains(&Some(IntroAnswer::No)) {
        IntroState::Declined
    } else if answers.iter().all(|a| *a == Some(IntroAnswer::Yes)) {
        IntroState::Agreed
    } else {
        IntroState::Waiting
    }
}

#[derive(Hydrate)]
struct PageDoc {
    owner: ResidentId,
    created_at: Timestamp,
    preferred_name: String,
    about_me: CollabText,
    offers: BTreeMap<String, Offer>,
    asks: BTreeMap<String, Ask>,
    goals: BTreeMap<String, Goal>,
    #[autosurgeon(missing = "Default::default")]
    introductions: BTreeMap<String, Introduction>,
    /// Empty: not said (pages made before languages have no field).
    #[autosurgeon(missing = "Default::default")]
    language: String,
}

/// A resident's page, read from its document. Lists include archived items,
/// in page order; views decide whether to show them.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ResidentPage {
    /// Whose page this is.
    pub resident: ResidentId,
    /// When the page was created.
    pub created_at: Timestamp,
    /// The name the resident likes to be called.
    pub preferred_name: String,
    /// About me, in the resident's words.
    pub about_me: CollabText,
    /// What I can offer.
    pub offers: Vec<Offer>,
    /// Could you help me with…?
    pub asks: Vec<Ask>,
    /// Goals and possibilities.
    pub goals: Vec<Goal>,
    /// Suggested introductions to other residents, oldest first.
    pub introductions: Vec<Introduction>,
    /// The language the resident reads the app in (a BCP 47 tag such as
    /// `ur` or `pt-BR`), if they chose one: resident mode and their own
    /// phone speak it.
    #[serde(default)]
    pub language: Option<String>,
}

impl ResidentPage {
    /// Offers not archived.
    pub fn current_offers(&self) -> impl Iterator<Item = &Offer> {
        self.offers.iter().filter(|o| !o.archived)
    }

    /// Asks not archived.
    pub fn current_asks(&self) -> impl Iterator<Item = &Ask> {
        self.asks.iter().filter(|a| !a.archived)
    }

    /// Goals not archived.
    pub fn current_goals(&self) -> impl Iterator<Item = &Goal> {
        self.goals.iter().filter(|g| !g.archived)
    }

    /// The words of an offer or ask on this page (hidden ones included).
    #[must_use]
    pub fn item_text(&self, id: ItemId) -> Option<&str> {
        self.asks
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.text.as_str())
            .or_else(|| self.offers.iter().find(|o| o.id == id).map(|o| o.text.as_str()))
    }
}

/// The three lists on a page, for edits that apply to any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Section {
    /// What I can offer.
    Offers,
    /// Could you help me with…?
    Asks,
    /// Goals and possibilities.
    Goals,
}

impl Section {
    fn map(self) -> &'static str {
        match self {
            Section::Offers => "offers",
            Section::Asks => "asks",
            Section::Goals => "goals",
        }
    }

    fn item(self) -> &'static str {
        match self {
            Section::Offers => "offer",
            Section::Asks => "ask",
            Section::Goals => "goal",
        }
    }
}

const KIND: DocKind = DocKind::Page;

/// Creates the page for a new resident.
pub fn create(actor: &ActorId, resident: ResidentId, preferred_name: &str, ctx: &EditContext) -> Result<Automerge> {
    let name = limits::required("name", preferred_name, NAME_MAX)?;
    document::create(actor, KIND, resident.uuid(), ctx, &["offers", "asks", "goals"], |tx| {
        document::set_field(tx, &ROOT, "preferred_name", name.as_str())?;
        document::update_text(tx, &ROOT, "about_me", "")
    })
}

/// Reads the page.
pub fn read(doc: &Automerge) -> Result<ResidentPage> {
    let raw: PageDoc = document::read(doc, KIND)?;
    Ok(ResidentPage {
        resident: raw.owner,
        created_at: raw.created_at,
        preferred_name: raw.preferred_name,
        about_me: raw.about_me,
        offers: document::sorted_by_order(raw.offers.into_values(), |o| (o.order, o.id)),
        asks: document::sorted_by_order(raw.asks.into_values(), |a| (a.order, a.id)),
        goals: document::sorted_by_order(raw.goals.into_values(), |g| (g.order, g.id)),
        introductions: {
            let mut v: Vec<Introduction> = raw.introductions.into_values().collect();
            v.sort_by(|a, b| a.proposed_at.cmp(&b.proposed_at).then(a.proposal.id.cmp(&b.proposal.id)));
            v
        },
        language: Some(raw.language).filter(|l| !l.is_empty()),
    })
}

/// The longest language tag kept; tags in use are far shorter.
pub const LANGUAGE_TAG_MAX: usize = 35;

/// `tag` if it is shaped like a BCP 47 language tag (`ur`, `pt-BR`,
/// `zh-Hant-TW`): a language of 2 to 8 letters, then subtags of 1 to 8
/// letters or digits, joined by hyphens.
pub fn language_tag(tag: &str) -> Result<String> {
    let tag = tag.trim();
    let mut parts = tag.split('-');
    let language_ok =
        parts.next().is_some_and(|l| (2..=8).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    let rest_ok = parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if language_ok && rest_ok && tag.len() <= LANGUAGE_TAG_MAX {
        Ok(tag.to_owned())
    } else {
        Err(crate::ModelError::Invalid {
            what: "language",
            value: tag.chars().take(40).collect(),
            hint: "a language tag such as ur or pt-BR".into(),
        })
    }
}

/// Sets the language the resident reads the app in, or (`None`) forgets it
/// so the phone's own language is used.
pub fn set_language(doc: &mut Automerge, ctx: &EditContext, tag: Option<&str>) -> Result<()> {
    let tag = tag.map(language_tag).transpose()?.unwrap_or_default();
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, "set language", |tx| document::set_field(tx, &ROOT, "language", tag.as_str()))
}

/// Every name the page has given the resident, oldest first: the one it was
/// made with (often the full name) and each rename since, so that a story
/// shared without a name can hide all of them.
#[must_use]
pub fn names(doc: &Automerge) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let naming = doc
        .get_changes_meta(&[])
        .into_iter()
        .filter(|c| matches!(c.message.as_deref(), Some(document::CREATE_MESSAGE | RENAME_MESSAGE)));
    for change in naming {
        let Ok(values) = doc.get_all_at(ROOT, "preferred_name", &[change.hash]) else { continue };
        for (value, _) in values {
            if let Some(name) = value.as_str().map(str::to_owned)
                && !out.contains(&name)
            {
                out.push(name);
            }
        }
    }
    out
}

const RENAME_MESSAGE: &str = "rename";

/// Changes the name the resident likes to be called.
pub fn rename(doc: &mut Automerge, ctx: &EditContext, preferred_name: &str) -> Result<()> {
    let name = limits::required("name", preferred_name, NAME_MAX)?;
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, RENAME_MESSAGE, |tx| document::set_field(tx, &ROOT, "preferred_name", name.as_str()))
}

/// Replaces "about me", merging with concurrent edits to other parts of it.
pub fn set_about_me(doc: &mut Automerge, ctx: &EditContext, text: &str) -> Result<()> {
    let text = limits::optional("about me", text, LONG_TEXT_MAX)?;
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, "edit about me", |tx| document::update_text(tx, &ROOT, "about_me", &text))
}

/// Adds an offer; returns its id.
pub fn add_offer(doc: &mut Automerge, ctx: &EditContext, text: &str, category: Category) -> Result<ItemId> {
    let text = limits::required("offer", text, ITEM_MAX)?;
    add(doc, ctx, Section::Offers, "add offer", (&text, OfferDetails { category }))
}

/// Adds an ask with status open; returns its id.
pub fn add_ask(doc: &mut Automerge, ctx: &EditContext, text: &str, category: Category) -> Result<ItemId> {
    let text = limits::required("ask", text, ITEM_MAX)?;
    let details = AskDetails { category, status: AskStatus::Open, status_changed_at: ctx.now, links: BTreeMap::new() };
    add(doc, ctx, Section::Asks, "add ask", (&text, details))
}

/// Adds a goal or possibility; returns its id.
pub fn add_goal(doc: &mut Automerge, ctx: &EditContext, text: &str, kind: GoalKind) -> Result<ItemId> {
    let text = limits::required("goal", text, ITEM_MAX)?;
    add(doc, ctx, Section::Goals, "add goal", (&text, GoalDetails { kind }))
}

/// Adds an item with `text` and its kind's `details` at the end of `section`.
fn add<D: MapFields>(
    doc: &mut Automerge,
    ctx: &EditContext,
    section: Section,
    message: &str,
    (text, details): (&str, D),
) -> Result<ItemId> {
    document::check_kind(doc, KIND)?;
    let id = ItemId::random();
    document::edit(doc, ctx, message, |tx| {
        let map = document::collection(tx, section.map(), KIND)?;
        let order = document::next_order(tx, &map)?;
        let item = Item::new(id, text, details, ctx, order);
        document::insert_item(tx, &map, id, &item)?;
        Ok(id)
    })
}

/// Rewrites an item's text, merging with concurrent edits to other parts of it.
pub fn edit_text(doc: &mut Automerge, ctx: &EditContext, section: Section, id: ItemId, text: &str) -> Result<()> {
    let text = limits::required(section.item(), text, ITEM_MAX)?;
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, "edit text", |tx| {
        let map = document::collection(tx, section.map(), KIND)?;
        let obj = document::item(tx, &map, id, section.item())?;
        document::update_text(tx, &obj, "text", &text)
    })
}

/// Hides an item (`archived = true`) or brings it back. Nothing is deleted, so an
/// edit made elsewhere at the same time is kept.
pub fn set_archived(
    doc: &mut Automerge,
    ctx: &EditContext,
    section: Section,
    id: ItemId,
    archived: bool,
) -> Result<()> {
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, if archived { "hide item" } else { "show item" }, |tx| {
        let map = document::collection(tx, section.map(), KIND)?;
        let obj = document::item(tx, &map, id, section.item())?;
        document::set_field(tx, &obj, "archived", archived)
    })
}

/// Moves an ask along: open, in progress, met, or "not now".
pub fn set_ask_status(doc: &mut Automerge, ctx: &EditContext, id: ItemId, status: AskStatus) -> Result<()> {
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, "set ask status", |tx| {
        let map = document::collection(tx, "asks", KIND)?;
        let obj = document::item(tx, &map, id, "ask")?;
        document::set_field(tx, &obj, "status", status)?;
        document::set_field(tx, &obj, "status_changed_at", ctx.now)
    })
}

/// Links an ask to a team directory entry that could help, or unlinks it.
pub fn set_ask_link(doc: &mut Automerge, ctx: &EditContext, ask: ItemId, entry: ItemId, linked: bool) -> Result<()> {
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, "link ask", |tx| {
        let map = document::collection(tx, "asks", KIND)?;
        let obj = document::item(tx, &map, ask, "ask")?;
        let links = match tx.get(&obj, "links")? {
            Some((automerge::Value::Object(automerge::ObjType::Map), links)) => links,
            _ => automerge::transaction::Transactable::put_object(tx, &obj, "links", automerge::ObjType::Map)?,
        };
        document::set_field(tx, &links, &entry.to_string(), linked)
    })
}

/// Records this resident's side of a suggested introduction, answer pending.
/// The item must be this resident's ask (asker) or offer (offerer).
pub fn propose_introduction(doc: &mut Automerge, ctx: &EditContext, proposal: &Proposal) -> Result<()> {
    let reason = limits::optional("reason", &proposal.reason, ITEM_MAX)?;
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, "suggest introduction", |tx| {
        let section = match proposal.side {
            IntroSide::Asker => Section::Asks,
            IntroSide::Offerer => Section::Offers,
        };
        let items = document::collection(tx, section.map(), KIND)?;
        document::item(tx, &items, proposal.item, section.item())?;
        let map = match tx.get(ROOT, "introductions")? {
            Some((automerge::Value::Object(automerge::ObjType::Map), map)) => map,
            _ => automerge::transaction::Transactable::put_object(tx, ROOT, "introductions", automerge::ObjType::Map)?,
        };
        let intro = Introduction {
            proposal: Proposal { reason, ..proposal.clone() },
            proposed_at: ctx.now,
            proposed_by: ctx.author.clone(),
            answer: IntroAnswer::Pending,
            answered_at: None,
            answered_by: None,
        };
        document::insert_item(tx, &map, proposal.id, &intro)
    })
}

/// Records this resident's answer to an introduction. They may change their
/// mind; the latest answer stands.
pub fn answer_introduction(doc: &mut Automerge, ctx: &EditContext, id: ItemId, yes: bool) -> Result<()> {
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, "answer introduction", |tx| {
        let map = document::collection(tx, "introductions", KIND)?;
        let obj = document::item(tx, &map, id, "introduction")?;
        document::set_field(tx, &obj, "answer", if yes { IntroAnswer::Yes } else { IntroAnswer::No })?;
        document::set_field(tx, &obj, "answered_at", Some(ctx.now))?;
        document::set_field(tx, &obj, "answered_by", Some(ctx.author.clone()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{ctx, resident_ctx, supporter_actor};
    use crate::{Author, ModelError};

    fn new_page() -> (Automerge, ResidentId) {
        let r = ResidentId::random();
        (create(&supporter_actor(), r, "Doreen", &ctx(0)).unwrap(), r)
    }

    #[test]
    fn a_page_remembers_every_name_the_resident_has_gone_by() {
        let (mut doc, _) = new_page();
        rename(&mut doc, &ctx(1), "Dee Smith").unwrap();
        add_offer(&mut doc, &ctx(2), "Dee makes curry", Category::Caring).unwrap();
        rename(&mut doc, &ctx(3), "Dee").unwrap();
        assert_eq!(names(&doc), ["Doreen", "Dee Smith", "Dee"]);
    }

    #[test]
    fn a_resident_chooses_the_language_they_read_in_and_a_bad_tag_changes_nothing() {
        let (mut doc, _) = new_page();
        assert_eq!(read(&doc).unwrap().language, None, "the phone's own language until one is chosen");
        set_language(&mut doc, &resident_ctx(1), Some("ur")).unwrap();
        assert_eq!(read(&doc).unwrap().language.as_deref(), Some("ur"));
        for bad in ["", "u", "english please", "ur-", "x".repeat(40).as_str(), "ur;drop"] {
            let err = set_language(&mut doc, &ctx(2), Some(bad)).unwrap_err();
            assert!(matches!(err, ModelError::Invalid { what: "language", .. }), "{bad:?}: {err}");
        }
        assert_eq!(read(&doc).unwrap().language.as_deref(), Some("ur"), "nothing written by a refusal");
        set_language(&mut doc, &ctx(3), Some("pt-BR")).unwrap();
        assert_eq!(read(&doc).unwrap().language.as_deref(), Some("pt-BR"));
        set_language(&mut doc, &ctx(4), None).unwrap();
        assert_eq!(read(&doc).unwrap().language, None);
    }

    #[test]
    fn a_new_page_has_the_name_and_empty_lists() {
        let (doc, r) = new_page();
        let page = read(&doc).unwrap();
        assert_eq!(page.resident, r);
        assert_eq!(page.preferred_name, "Doreen");
        assert!(page.offers.is_empty() && page.asks.is_empty() && page.goals.is_empty());
        assert_eq!(page.about_me.as_str(), "");
    }

    #[test]
    fn offers_keep_their_author_and_order() {
        let (mut doc, _) = new_page();
        let a = add_offer(&mut doc, &resident_ctx(1), "I make a good curry", Category::Caring).unwrap();
        let b = add_offer(&mut doc, &ctx(2), "Knows the bus routes", Category::Knowledge).unwrap();
        let page = read(&doc).unwrap();
        let ids: Vec<_> = page.offers.iter().map(|o| o.id).collect();
        assert_eq!(ids, vec![a, b]);
        assert!(page.offers[0].author.is_resident());
        assert!(!page.offers[1].author.is_resident());
        assert_eq!(page.offers[0].text.as_str(), "I make a good curry");
    }

    #[test]
    fn ask_status_moves_and_records_when() {
        let (mut doc, _) = new_page();
        let ask = add_ask(&mut doc, &ctx(1), "a ramp for the front step", Category::Practical).unwrap();
        set_ask_status(&mut doc, &ctx(5), ask, AskStatus::Met).unwrap();
        let page = read(&doc).unwrap();
        assert_eq!(page.asks[0].details.status, AskStatus::Met);
        assert_eq!(page.asks[0].details.status_changed_at, ctx(5).now);
    }

    #[test]
    fn archiving_hides_but_keeps_the_item() {
        let (mut doc, _) = new_page();
        let g = add_goal(&mut doc, &ctx(1), "go to the lunch club", GoalKind::Goal).unwrap();
        set_archived(&mut doc, &ctx(2), Section::Goals, g, true).unwrap();
        let page = read(&doc).unwrap();
        assert_eq!(page.goals.len(), 1);
        assert_eq!(page.current_goals().count(), 0);
        set_archived(&mut doc, &ctx(3), Section::Goals, g, false).unwrap();
        assert_eq!(read(&doc).unwrap().current_goals().count(), 1);
    }

    /// Phones on an older version read these maps with derived `Hydrate`s
    /// over flat fields: an item's kind fields and an introduction's
    /// proposal must stay beside the others, never nested.
    #[test]
    fn items_and_introductions_keep_their_flat_layout_in_the_document() {
        let (mut doc, other) = new_page();
        let ask = add_ask(&mut doc, &ctx(1), "help with forms", Category::Knowledge).unwrap();
        let goal = add_goal(&mut doc, &ctx(1), "go to the lunch club", GoalKind::Possibility).unwrap();
        let proposal = Proposal {
            id: ItemId::random(),
            with: other,
            side: IntroSide::Asker,
            item: ask,
            their_item: goal,
            reason: "".into(),
        };
        propose_introduction(&mut doc, &ctx(2), &proposal).unwrap();
        let keys = |section: &str, id: ItemId| {
            let (_, map) = doc.get(ROOT, section).unwrap().unwrap();
            let (_, item) = doc.get(&map, id.to_string()).unwrap().unwrap();
            doc.keys(&item).collect::<Vec<_>>().join(" ")
        };
        let common = ["archived", "author", "created_at", "id", "order", "text"];
        let with = |extra: &[&str]| {
            let mut all: Vec<&str> = common.iter().chain(extra).copied().collect();
            all.sort_unstable();
            all.join(" ")
        };
        assert_eq!(keys("asks", ask), with(&["category", "links", "status", "status_changed_at"]));
        assert_eq!(keys("goals", goal), with(&["kind"]));
        assert_eq!(
            keys("introductions", proposal.id),
            "answer answered_at answered_by id item proposed_at proposed_by reason side their_item with"
        );
    }

    #[test]
    fn bad_input_is_refused_and_changes_nothing() {
        let (mut doc, _) = new_page();
        let heads = doc.get_heads();
        assert!(matches!(add_offer(&mut doc, &ctx(1), "   ", Category::Other), Err(ModelError::EmptyText { .. })));
        let long = "x".repeat(ITEM_MAX + 1);
        assert!(matches!(add_ask(&mut doc, &ctx(1), &long, Category::Other), Err(ModelError::TooLong { .. })));
        let unknown = ItemId::random();
        assert!(matches!(
            set_ask_status(&mut doc, &ctx(1), unknown, AskStatus::Met),
            Err(ModelError::UnknownItem { kind: "ask", .. })
        ));
        assert!(matches!(rename(&mut doc, &ctx(1), ""), Err(ModelError::EmptyText { .. })));
        assert_eq!(doc.get_heads(), heads, "a refused edit must not commit anything");
    }

    #[test]
    fn concurrent_text_edits_to_one_offer_both_survive() {
        let (mut a, _) = new_page();
        let id = add_offer(&mut a, &ctx(1), "I can cook", Category::Caring).unwrap();
        let mut b = a.fork().with_actor(automerge::ActorId::random());
        edit_text(&mut a, &ctx(2), Section::Offers, id, "I can cook rice").unwrap();
        edit_text(&mut b, &ctx(2), Section::Offers, id, "Happy: I can cook").unwrap();
        a.merge(&mut b).unwrap();
        assert_eq!(read(&a).unwrap().offers[0].text.as_str(), "Happy: I can cook rice");
    }

    #[test]
    fn an_edit_concurrent_with_archiving_is_kept() {
        let (mut a, _) = new_page();
        let id = add_ask(&mut a, &ctx(1), "help with forms", Category::Knowledge).unwrap();
        let mut b = a.fork().with_actor(automerge::ActorId::random());
        set_archived(&mut a, &ctx(2), Section::Asks, id, true).unwrap();
        edit_text(&mut b, &ctx(2), Section::Asks, id, "help with the council tax forms").unwrap();
        a.merge(&mut b).unwrap();
        let ask = &read(&a).unwrap().asks[0];
        assert!(ask.archived);
        assert_eq!(ask.text.as_str(), "help with the council tax forms");
    }

    #[test]
    fn reading_another_kind_of_document_is_a_typed_error() {
        let doc = crate::circle::create(&supporter_actor(), ResidentId::random(), &ctx(0)).unwrap();
        assert!(matches!(read(&doc), Err(ModelError::WrongShape { expected: "page", .. })));
    }

    #[test]
    fn an_introduction_is_made_only_when_both_sides_say_yes_and_a_no_is_kept() {
        let (mut asker, a) = new_page();
        let (mut offerer, o) = new_page();
        let ask = add_ask(&mut asker, &ctx(1), "someone to go to the market with", Category::Company).unwrap();
        let offer = add_offer(&mut offerer, &ctx(1), "happy to walk to the market", Category::Company).unwrap();
        let id = ItemId::random();
        let side = |side, item, their_item, with| Proposal {
            id,
            with,
            side,
            item,
            their_item,
            reason: "both mention market".into(),
        };
        propose_introduction(&mut asker, &ctx(2), &side(IntroSide::Asker, ask, offer, o)).unwrap();
        propose_introduction(&mut offerer, &ctx(2), &side(IntroSide::Offerer, offer, ask, a)).unwrap();
        let state = |x: &Automerge, y: &Automerge| {
            introduction_state(&read(x).unwrap().introductions[0], Some(&read(y).unwrap().introductions[0]))
        };
        assert_eq!(state(&asker, &offerer), IntroState::Waiting);
        answer_introduction(&mut asker, &resident_ctx(3), id, true).unwrap();
        assert_eq!(state(&asker, &offerer), IntroState::Waiting, "one yes is not an introduction");
        answer_introduction(&mut offerer, &resident_ctx(4), id, true).unwrap();
        assert_eq!(state(&asker, &offerer), IntroState::Agreed);
        let mine = &read(&asker).unwrap().introductions[0];
        assert!(mine.answered_by.as_ref().is_some_and(Author::is_resident));
        assert_eq!(mine.proposal.reason, "both mention market");
        // A change of mind is recorded as a choice.
        answer_introduction(&mut offerer, &resident_ctx(5), id, false).unwrap();
        assert_eq!(state(&asker, &offerer), IntroState::Declined);
        assert_eq!(read(&offerer).unwrap().introductions[0].answer, IntroAnswer::No);
    }

    #[test]
    fn an_introduction_needs_the_residents_own_item_and_pages_without_any_still_read() {
        let (mut doc, _) = new_page();
        let before = read(&doc).unwrap();
        assert!(before.introductions.is_empty(), "pages made before introductions existed read as none");
        let p = Proposal {
            id: ItemId::random(),
            with: ResidentId::random(),
            side: IntroSide::Asker,
            item: ItemId::random(),
            their_item: ItemId::random(),
            reason: String::new(),
        };
        assert!(matches!(
            propose_introduction(&mut doc, &ctx(1), &p),
            Err(ModelError::UnknownItem { kind: "ask", .. })
        ));
        assert!(answer_introduction(&mut doc, &ctx(1), p.id, true).is_err());
        assert_eq!(read(&doc).unwrap(), before);
    }
}
