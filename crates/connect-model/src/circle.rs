//! The resident's circle of care: people and places on four rings (intimacy,
//! friendship, participation, exchange) with "possibility" outside them.
//!
//! Every placement on a ring is kept with its time, and ties are archived, not
//! deleted, so the circle on any past date can be rebuilt: that is how the
//! growth of a circle is measured.

use std::collections::BTreeMap;

use automerge::{ActorId, Automerge, ObjType, ReadDoc, Value};
use autosurgeon::{Hydrate, Reconcile};

use crate::document;
use crate::ids::{DocKind, ItemId, ResidentId};
use crate::limits::{self, ITEM_MAX, NAME_MAX};
use crate::string_enum::string_enum;
use crate::{Author, EditContext, Result, Timestamp};

string_enum! {
    /// The rings of a circle of care, innermost first.
    Ring, "ring" {
        /// Closest: family, partners, the people they love.
        Intimacy => "intimacy",
        /// Friends.
        Friendship => "friendship",
        /// People met through doing things together: clubs, faith, groups.
        Participation => "participation",
        /// People who are paid or exchange a service: GP, carer, shopkeeper.
        Exchange => "exchange",
        /// Not yet in the circle, but could be.
        Possibility => "possibility",
    }
}

impl Ring {
    /// Index 0..5, innermost first, for per-ring tables.
    #[must_use]
    pub fn index(self) -> usize {
        match self {
            Ring::Intimacy => 0,
            Ring::Friendship => 1,
            Ring::Participation => 2,
            Ring::Exchange => 3,
            Ring::Possibility => 4,
        }
    }
}

string_enum! {
    /// Whether a tie is a person or a place.
    TieKind, "tie kind" {
        /// A person.
        Person => "person",
        /// A place or group: a library, a lunch club, a mosque.
        Place => "place",
    }
}

/// One placement of a tie on a ring.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, serde::Serialize, serde::Deserialize)]
pub struct Placement {
    /// When it was placed there.
    pub at: Timestamp,
    /// The ring.
    pub ring: Ring,
}

/// A person or place in the circle.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate, serde::Serialize, serde::Deserialize)]
pub struct Tie {
    /// Stable id.
    pub id: ItemId,
    /// Their name ("Jean next door", "Dagenham library").
    pub name: String,
    /// Person or place.
    pub kind: TieKind,
    /// How they know the resident ("neighbour", "daughter").
    pub relationship: String,
    /// Whether support flows both ways.
    pub two_way: bool,
    /// Every placement on a ring, keyed by id; the latest is the current ring.
    pub placements: BTreeMap<String, Placement>,
    /// When the tie was added.
    pub added_at: Timestamp,
    /// Who added it.
    pub author: Author,
    /// No longer part of the circle; still kept.
    pub archived: bool,
    /// When it was archived.
    pub archived_at: Option<Timestamp>,
    /// Position in lists.
    pub order: f64,
}

impl Tie {
    /// The ring the tie was on at `at`, or `None` if it was not yet placed.
    /// Concurrent placements resolve the same way on every device: the latest
    /// time wins, then the larger placement id.
    #[must_use]
    pub fn ring_at(&self, at: Timestamp) -> Option<Ring> {
        self.placements
            .iter()
            .filter(|(_, p)| p.at <= at)
            .max_by(|(ka, a), (kb, b)| a.at.cmp(&b.at).then(ka.cmp(kb)))
            .map(|(_, p)| p.ring)
    }

    /// The current ring.
    #[must_use]
    pub fn ring(&self) -> Ring {
        self.placements
            .iter()
            .max_by(|(ka, a), (kb, b)| a.at.cmp(&b.at).then(ka.cmp(kb)))
            .map_or(Ring::Possibility, |(_, p)| p.ring)
    }

    /// Whether the tie was part of the circle at `at`.
    #[must_use]
    pub fn present_at(&self, at: Timestamp) -> bool {
        self.added_at <= at && !(self.archived && self.archived_at.is_some_and(|gone| gone <= at))
    }
}

#[derive(Hydrate)]
struct CircleDoc {
    owner: ResidentId,
    ties: BTreeMap<String, Tie>,
}

/// A resident's circle, read from its document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Circle {
    /// Whose circle.
    pub resident: ResidentId,
    /// Every tie, archived ones included, in list order.
    pub ties: Vec<Tie>,
}

/// Counts for one moment of a circle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct CircleSummary {
    /// Ties per ring, innermost first (intimacy, friendship, participation,
    /// exchange, possibility).
    pub per_ring: [usize; 5],
    /// Ties in the four rings (possibility excluded).
    pub in_circle: usize,
    /// Ties where support flows both ways.
    pub two_way: usize,
}

impl Circle {
    /// Ties present now, with their current ring.
    pub fn current(&self) -> impl Iterator<Item = &Tie> {
        self.ties.iter().filter(|t| !t.archived)
    }

    /// The circle as it stood at `at`: each tie present then, with its ring then.
    #[must_use]
    pub fn at(&self, at: Timestamp) -> Vec<(&Tie, Ring)> {
        self.ties.iter().filter(|t| t.present_at(at)).filter_map(|t| t.ring_at(at).map(|r| (t, r))).collect()
    }

    /// Counts at `at`.
    #[must_use]
    pub fn summary_at(&self, at: Timestamp) -> CircleSummary {
        summarise(self.at(at).into_iter().map(|(t, r)| (r, t.two_way)))
    }

    /// Counts now.
    #[must_use]
    pub fn summary(&self) -> CircleSummary {
        summarise(self.current().map(|t| (t.ring(), t.two_way)))
    }

    /// Ties added after `since` (and still present), newest last.
    #[must_use]
    pub fn new_since(&self, since: Timestamp) -> Vec<&Tie> {
        self.current().filter(|t| t.added_at > since).collect()
    }
}

/// One moment in the story of a circle: a visit, or now.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CirclePoint {
    /// When.
    pub at: Timestamp,
    /// A visit (rather than "now").
    pub visit: bool,
    /// Counts then.
    pub summary: CircleSummary,
    /// Names of the ties that joined since the previous moment (none for the first).
    pub new_ties: Vec<String>,
}

impl Circle {
    /// "How my circle has changed": the circle at each visit (as it stood at
    /// the end of the visit's day), oldest first, and now (if now is later),
    /// each with the ties that joined since the moment before.
    #[must_use]
    pub fn timeline(&self, visits: &[Timestamp], now: Timestamp) -> Vec<CirclePoint> {
        // Each visit counts the circle as it stood at the end of its day.
        let mut moments: Vec<(Timestamp, bool)> = visits.iter().map(|v| (v.end_of_day(), true)).collect();
        moments.sort();
        moments.dedup();
        if moments.last().is_none_or(|(last, _)| *last < now) {
            moments.push((now, false));
        }
        let mut out: Vec<CirclePoint> = Vec::with_capacity(moments.len());
        for (at, visit) in moments {
            let new_ties = match out.last() {
                None => Vec::new(),
                Some(previous) => self
                    .at(at)
                    .into_iter()
                    .filter(|(t, _)| t.added_at > previous.at)
                    .map(|(t, _)| t.name.clone())
                    .collect(),
            };
            out.push(CirclePoint { at, visit, summary: self.summary_at(at), new_ties });
        }
        out
    }
}

fn summarise(ties: impl Iterator<Item = (Ring, bool)>) -> CircleSummary {
    let mut s = CircleSummary::default();
    for (ring, two_way) in ties {
        s.per_ring[ring.index()] += 1;
        if ring != Ring::Possibility {
            s.in_circle += 1;
        }
        if two_way {
            s.two_way += 1;
        }
    }
    s
}

const KIND: DocKind = DocKind::Circle;

/// Creates an empty circle for a new resident.
pub fn create(actor: &ActorId, resident: ResidentId, ctx: &EditContext) -> Result<Automerge> {
    document::create(actor, KIND, resident.uuid(), ctx, &["ties"], |_| Ok(()))
}

/// Reads the circle.
pub fn read(doc: &Automerge) -> Result<Circle> {
    let raw: CircleDoc = document::read(doc, KIND)?;
    Ok(Circle { resident: raw.owner, ties: document::sorted_by_order(raw.ties.into_values(), |t| (t.order, t.id)) })
}

/// What is needed to add someone to the circle.
#[derive(Debug, Clone)]
pub struct NewTie<'a> {
    /// Their name.
    pub name: &'a str,
    /// Person or place.
    pub kind: TieKind,
    /// How they know the resident; may be empty.
    pub relationship: &'a str,
    /// The ring they go on.
    pub ring: Ring,
    /// Whether support flows both ways.
    pub two_way: bool,
}

/// Adds a person or place; returns its id.
pub fn add_tie(doc: &mut Automerge, ctx: &EditContext, new: &NewTie<'_>) -> Result<ItemId> {
    let name = limits::required("name", new.name, NAME_MAX)?;
    let relationship = limits::optional("relationship", new.relationship, ITEM_MAX)?;
    document::check_kind(doc, KIND)?;
    let id = ItemId::random();
    document::edit(doc, ctx, "add to circle", |tx| {
        let map = document::collection(tx, "ties", KIND)?;
        let order = document::next_order(tx, &map)?;
        let tie = Tie {
            id,
            name,
            kind: new.kind,
            relationship,
            two_way: new.two_way,
            placements: BTreeMap::from([(ItemId::random().to_string(), Placement { at: ctx.now, ring: new.ring })]),
            added_at: ctx.now,
            author: ctx.author.clone(),
            archived: false,
            archived_at: None,
            order,
        };
        document::insert_item(tx, &map, id, &tie)?;
        Ok(id)
    })
}

/// Moves a tie to another ring, keeping the earlier placement for history.
pub fn move_to_ring(doc: &mut Automerge, ctx: &EditContext, id: ItemId, ring: Ring) -> Result<()> {
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, "move in circle", |tx| {
        let map = document::collection(tx, "ties", KIND)?;
        let obj = document::item(tx, &map, id, "person or place")?;
        let Some((Value::Object(ObjType::Map), placements)) = tx.get(&obj, "placements")? else {
            return Err(crate::ModelError::WrongShape { expected: "circle", detail: "a tie has no placements".into() });
        };
        document::insert_item(tx, &placements, ItemId::random(), &Placement { at: ctx.now, ring })
    })
}

/// Sets whether support flows both ways.
pub fn set_two_way(doc: &mut Automerge, ctx: &EditContext, id: ItemId, two_way: bool) -> Result<()> {
    with_tie(doc, ctx, id, "edit circle", |tx, obj| document::set_field(tx, obj, "two_way", two_way))
}

/// Changes the name or relationship of a tie.
pub fn rename_tie(doc: &mut Automerge, ctx: &EditContext, id: ItemId, name: &str, relationship: &str) -> Result<()> {
    let name = limits::required("name", name, NAME_MAX)?;
    let relationship = limits::optional("relationship", relationship, ITEM_MAX)?;
    with_tie(doc, ctx, id, "edit circle", |tx, obj| {
        document::set_field(tx, obj, "name", name.as_str())?;
        document::set_field(tx, obj, "relationship", relationship.as_str())
    })
}

/// Takes a tie out of the circle (kept, with the date, for history), or puts it back.
pub fn set_archived(doc: &mut Automerge, ctx: &EditContext, id: ItemId, archived: bool) -> Result<()> {
    with_tie(doc, ctx, id, "archive in circle", |tx, obj| {
        document::set_field(tx, obj, "archived", archived)?;
        document::set_field(tx, obj, "archived_at", archived.then_some(ctx.now))
    })
}

fn with_tie(
    doc: &mut Automerge,
    ctx: &EditContext,
    id: ItemId,
    message: &str,
    f: impl FnOnce(&mut automerge::transaction::Transaction<'_>, &automerge::ObjId) -> Result<()>,
) -> Result<()> {
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, message, |tx| {
        let map = document::collection(tx, "ties", KIND)?;
        let obj = document::item(tx, &map, id, "person or place")?;
        f(tx, &obj)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{ctx, supporter_actor};

    fn tie(name: &str, ring: Ring, two_way: bool) -> NewTie<'_> {
        NewTie { name, kind: TieKind::Person, relationship: "", ring, two_way }
    }

    #[test]
    fn the_circle_on_a_past_date_is_rebuilt_from_placements() {
        let mut doc = create(&supporter_actor(), ResidentId::random(), &ctx(0)).unwrap();
        let jean = add_tie(&mut doc, &ctx(10), &tie("Jean", Ring::Possibility, false)).unwrap();
        let _sam = add_tie(&mut doc, &ctx(20), &tie("Sam", Ring::Intimacy, true)).unwrap();
        move_to_ring(&mut doc, &ctx(30), jean, Ring::Friendship).unwrap();
        let club = add_tie(&mut doc, &ctx(40), &tie("Lunch club", Ring::Participation, true)).unwrap();
        set_archived(&mut doc, &ctx(50), club, true).unwrap();

        let circle = read(&doc).unwrap();
        let at = |day: i64| circle.summary_at(ctx(day).now);
        assert_eq!(at(5).per_ring, [0, 0, 0, 0, 0]);
        assert_eq!(at(15).per_ring, [0, 0, 0, 0, 1]);
        assert_eq!(at(25), CircleSummary { per_ring: [1, 0, 0, 0, 1], in_circle: 1, two_way: 1 });
        assert_eq!(at(35).per_ring, [1, 1, 0, 0, 0]);
        assert_eq!(at(45), CircleSummary { per_ring: [1, 1, 1, 0, 0], in_circle: 3, two_way: 2 });
        assert_eq!(at(55).per_ring, [1, 1, 0, 0, 0]);
        assert_eq!(circle.summary(), at(55));
        let new: Vec<_> = circle.new_since(ctx(15).now).iter().map(|t| t.name.clone()).collect();
        assert_eq!(new, vec!["Sam"]);
    }

    #[test]
    fn concurrent_moves_settle_on_the_same_ring_everywhere() {
        let mut a = create(&supporter_actor(), ResidentId::random(), &ctx(0)).unwrap();
        let id = add_tie(&mut a, &ctx(1), &tie("Jean", Ring::Exchange, false)).unwrap();
        let mut b = a.fork().with_actor(ActorId::random());
        move_to_ring(&mut a, &ctx(2), id, Ring::Friendship).unwrap();
        move_to_ring(&mut b, &ctx(3), id, Ring::Intimacy).unwrap();
        let mut a2 = a.fork();
        a2.merge(&mut b.fork()).unwrap();
        b.merge(&mut a).unwrap();
        assert_eq!(read(&a2).unwrap().ties[0].ring(), Ring::Intimacy);
        assert_eq!(read(&b).unwrap().ties[0].ring(), Ring::Intimacy);
        assert_eq!(read(&b).unwrap().ties[0].placements.len(), 3, "history keeps every placement");
    }

    #[test]
    fn unknown_ties_and_blank_names_are_refused() {
        let mut doc = create(&supporter_actor(), ResidentId::random(), &ctx(0)).unwrap();
        assert!(move_to_ring(&mut doc, &ctx(1), ItemId::random(), Ring::Intimacy).is_err());
        assert!(add_tie(&mut doc, &ctx(1), &tie(" ", Ring::Intimacy, false)).is_err());
        assert!(read(&doc).unwrap().ties.is_empty());
    }

    #[test]
    fn the_timeline_shows_each_visit_and_now_with_who_joined_since_the_one_before() {
        let mut doc = create(&supporter_actor(), ResidentId::random(), &ctx(0)).unwrap();
        add_tie(&mut doc, &ctx(1), &tie("Sam", Ring::Intimacy, true)).unwrap();
        let jean = add_tie(&mut doc, &ctx(12), &tie("Jean", Ring::Possibility, false)).unwrap();
        add_tie(&mut doc, &ctx(15), &tie("Lunch club", Ring::Participation, false)).unwrap();
        move_to_ring(&mut doc, &ctx(25), jean, Ring::Friendship).unwrap();
        add_tie(&mut doc, &ctx(40), &tie("GP", Ring::Exchange, false)).unwrap();
        let circle = read(&doc).unwrap();
        let visits = [ctx(20).now, ctx(10).now, ctx(30).now, ctx(30).now];
        let points = circle.timeline(&visits, ctx(45).now);
        let at: Vec<(bool, usize, Vec<String>)> =
            points.iter().map(|p| (p.visit, p.summary.in_circle, p.new_ties.clone())).collect();
        assert_eq!(
            at,
            [
                (true, 1, vec![]),
                (true, 2, vec!["Jean".to_owned(), "Lunch club".to_owned()]),
                (true, 3, vec![]),
                (false, 4, vec!["GP".to_owned()]),
            ],
            "visits sorted and deduplicated; Jean counts in the circle only once moved in from possibility"
        );
        assert_eq!(points[1].summary.per_ring, [1, 0, 1, 0, 1]);
        // Now is not added when the last visit was today.
        assert_eq!(circle.timeline(&[ctx(45).now], ctx(45).now).len(), 1);
        // Someone met during a visit counts at that visit, whichever was written first.
        let later_that_day = Timestamp::from_millis(ctx(40).now.millis() + 3_600_000);
        let at_40: Vec<String> = circle.timeline(&[later_that_day], ctx(45).now)[0].new_ties.clone();
        assert!(at_40.is_empty());
        assert_eq!(
            circle.timeline(&[later_that_day], ctx(45).now)[0].summary.in_circle,
            4,
            "the GP, added that morning, counts"
        );
        assert_eq!(circle.timeline(&[], ctx(45).now).len(), 1, "with no visits, just now");
    }
}
