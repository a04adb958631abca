//! "What we said we'd do": promises, and the next visit.
//!
//! A promise says who will do what ("Your supporter will ask the council
//! about the ramp"), and optionally when: on a day, by a day ("this week",
//! "within 10 days") or "no rush". It may be linked to one of the resident's
//! asks. It is marked done, "not now" or "no longer needed", and each such
//! change is kept with who made it and when, so nothing is overwritten: the
//! promise's state is its latest change.
//!
//! Promises shared with the resident live on their page ([`DocKind::Page`]),
//! which the resident's own phone may write; team-only promises live in the
//! team notes ([`DocKind::TeamNotes`]), which the relay never sends to a
//! resident's devices. The next visit is a list of plans on the page (a day,
//! or "they'll call me"), the latest in force, so a resident's "not now"
//! moves it and the move is kept as what it is: their choice, not a failure.
//!
//! Documents made before promises existed have no `promises` or `visits`
//! map; the first edit adds it. Two devices may add it at once, offline:
//! Automerge then keeps both maps as a conflict, so every read here takes the
//! union of all of them and an edit finds its promise in whichever holds it.

use std::collections::BTreeMap;

use automerge::transaction::{Transactable, Transaction};
use automerge::{Automerge, ObjId, ObjType, ReadDoc, Value};
use autosurgeon::{Hydrate, Reconcile};
use chrono::NaiveDate;

use crate::document::{self, CollabText};
use crate::ids::{DocKind, ItemId};
use crate::limits::{self, ITEM_MAX, NAME_MAX};
use crate::string_enum::string_enum;
use crate::{Author, EditContext, ModelError, Result, Timestamp};

string_enum! {
    /// Who will do what was promised.
    PromiseBy, "who will do it" {
        /// The resident's supporter.
        Supporter => "supporter",
        /// The resident themself.
        Resident => "resident",
        /// Someone in the resident's circle, named on the promise.
        Circle => "circle",
        /// The Connect team.
        Team => "team",
    }
}

string_enum! {
    /// Where a promise stands. None is a failure: "not now" and "no longer
    /// needed" are choices, kept as such.
    PromiseState, "promise state" {
        /// Still to do.
        Open => "open",
        /// Done: the promise was kept.
        Done => "done",
        /// Not now: put aside for a while, at someone's wish.
        NotNow => "not-now",
        /// No longer needed.
        NoLongerNeeded => "no-longer-needed",
    }
}

string_enum! {
    /// Why the next visit was set.
    PlanReason, "why the visit moved" {
        /// Planned, or moved by the supporter.
        Planned => "planned",
        /// The resident said "not now": their choice, never counted as a miss.
        ResidentNotNow => "resident-not-now",
    }
}

/// When a promise is for, if anyone said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", content = "date", rename_all = "kebab-case")]
pub enum When {
    /// On this day.
    On(NaiveDate),
    /// By this day ("this week", "within 10 days").
    By(NaiveDate),
    /// No rush: never due.
    NoRush,
}

impl When {
    /// The day it is due, if it has one.
    #[must_use]
    pub fn due(self) -> Option<NaiveDate> {
        match self {
            When::On(d) | When::By(d) => Some(d),
            When::NoRush => None,
        }
    }

    /// "By the end of this week": the coming Sunday (today, on a Sunday).
    #[must_use]
    pub fn this_week(today: NaiveDate) -> Self {
        use chrono::Datelike;
        let days_left = 6 - i64::from(today.weekday().num_days_from_monday());
        When::By(today + chrono::Duration::days(days_left))
    }

    /// How it is stored: a kind and a date (`YYYY-MM-DD`, or empty).
    fn to_fields(when: Option<When>) -> (&'static str, String) {
        match when {
            None => ("", String::new()),
            Some(When::On(d)) => ("on", d.to_string()),
            Some(When::By(d)) => ("by", d.to_string()),
            Some(When::NoRush) => ("no-rush", String::new()),
        }
    }

    /// Reads the stored fields; anything this build does not know reads as unsaid.
    fn from_fields(kind: &str, date: &str) -> Option<When> {
        let day = || date.parse::<NaiveDate>().ok();
        match kind {
            "on" => day().map(When::On),
            "by" => day().map(When::By),
            "no-rush" => Some(When::NoRush),
            _ => None,
        }
    }
}

/// One change of a promise's state, kept for ever.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate, serde::Serialize, serde::Deserialize)]
pub struct StateChange {
    /// The state it moved to.
    pub state: PromiseState,
    /// When.
    pub at: Timestamp,
    /// Who.
    pub by: Author,
}

/// A promise as it is stored.
#[derive(Debug, Clone, Reconcile, Hydrate)]
struct StoredPromise {
    id: ItemId,
    text: CollabText,
    by: String,
    by_name: String,
    when_kind: String,
    when_date: String,
    ask: String,
    created_at: Timestamp,
    author: Author,
    order: f64,
    changes: BTreeMap<String, StateChange>,
}

/// What a promise says: what will be done, by whom and when. The same in a
/// promise read from its document and in the index's row for it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PromiseTerms {
    /// What will be done, in words ("ask the council about the ramp").
    pub text: String,
    /// Who will do it.
    pub by: PromiseBy,
    /// For someone in the circle: their name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by_name: String,
    /// When, if said.
    pub when: Option<When>,
}

/// A promise, read from its document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Promise {
    /// Stable id.
    pub id: ItemId,
    /// What will be done, by whom and when.
    #[serde(flatten)]
    pub terms: PromiseTerms,
    /// The ask it answers, if any.
    pub ask: Option<ItemId>,
    /// Shared with the resident (on their page), or team-only.
    pub shared: bool,
    /// When it was made.
    pub made_at: Timestamp,
    /// Who wrote it down.
    pub author: Author,
    /// Every change of state, oldest first.
    pub changes: Vec<StateChange>,
    /// Position among the promises.
    pub order: f64,
}

impl Promise {
    /// Its state now: the latest change, or open.
    #[must_use]
    pub fn state(&self) -> PromiseState {
        self.changes.last().map_or(PromiseState::Open, |c| c.state)
    }

    /// When it was kept, if it is done.
    #[must_use]
    pub fn kept_at(&self) -> Option<Timestamp> {
        self.changes.last().filter(|c| c.state == PromiseState::Done).map(|c| c.at)
    }

    /// Whether it is still to do and its day is `today` or past.
    #[must_use]
    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.state() == PromiseState::Open && self.terms.when.and_then(When::due).is_some_and(|d| d <= today)
    }
}

/// A new promise.
#[derive(Debug, Clone)]
pub struct NewPromise<'a> {
    /// What will be done.
    pub text: &'a str,
    /// Who will do it.
    pub by: PromiseBy,
    /// For someone in the circle: their name (required then, ignored otherwise).
    pub by_name: &'a str,
    /// When, if said.
    pub when: Option<When>,
    /// The ask it answers.
    pub ask: Option<ItemId>,
}

/// One plan for the next visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", content = "date", rename_all = "kebab-case")]
pub enum Plan {
    /// A visit on this day.
    On(NaiveDate),
    /// "They'll call me": no day until the resident gets in touch.
    TheyWillCall,
}

#[derive(Debug, Clone, Reconcile, Hydrate)]
struct StoredPlan {
    kind: String,
    date: String,
    reason: PlanReason,
    at: Timestamp,
    by: Author,
}

/// The next visit as it was set, with who set it, when and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NextVisit {
    /// The plan.
    pub plan: Plan,
    /// Why it was set: planned, or the resident said "not now".
    pub reason: PlanReason,
    /// When it was set.
    pub set_at: Timestamp,
    /// Who set it.
    pub by: Author,
}

/// The kinds that hold promises: the page (shared) and the team notes.
fn promise_kind(doc: &Automerge) -> Result<DocKind> {
    match document::kind_of(doc) {
        Some(DocKind::TeamNotes) => document::check_kind(doc, DocKind::TeamNotes).map(|()| DocKind::TeamNotes),
        _ => document::check_kind(doc, DocKind::Page).map(|()| DocKind::Page),
    }
}

/// The promise `id`'s object, in whichever map holds it.
fn promise_obj(tx: &Transaction<'_>, id: ItemId) -> Result<ObjId> {
    for map in document::root_maps(tx, "promises")? {
        if let Ok(obj) = document::item(tx, &map, id, "promise") {
            return Ok(obj);
        }
    }
    Err(ModelError::UnknownItem { kind: "promise", id: id.to_string() })
}

/// The promises in a page (shared) or team notes (team-only), in order.
pub fn read(doc: &Automerge) -> Result<Vec<Promise>> {
    let shared = promise_kind(doc)? == DocKind::Page;
    let stored: BTreeMap<String, StoredPromise> = document::root_entries(doc, "promises")?;
    let promises = stored.into_values().map(|p| {
        let mut changes: Vec<(String, StateChange)> = p.changes.into_iter().collect();
        changes.sort_by(|(ka, a), (kb, b)| a.at.cmp(&b.at).then(ka.cmp(kb)));
        Promise {
            id: p.id,
            terms: PromiseTerms {
                text: p.text.as_str().to_owned(),
                by: p.by.parse().unwrap_or(PromiseBy::Team),
                by_name: p.by_name,
                when: When::from_fields(&p.when_kind, &p.when_date),
            },
            ask: p.ask.parse().ok(),
            shared,
            made_at: p.created_at,
            author: p.author,
            changes: changes.into_iter().map(|(_, c)| c).collect(),
            order: p.order,
        }
    });
    Ok(document::sorted_by_order(promises, |p| (p.order, p.id)))
}

/// Adds a promise to a page (shared) or team notes (team-only); returns its id.
pub fn add(doc: &mut Automerge, ctx: &EditContext, new: &NewPromise<'_>) -> Result<ItemId> {
    let text = limits::required("promise", new.text, ITEM_MAX)?;
    let by_name = if new.by == PromiseBy::Circle {
        limits::required("name of who will do it", new.by_name, NAME_MAX)?
    } else {
        String::new()
    };
    promise_kind(doc)?;
    let (when_kind, when_date) = When::to_fields(new.when);
    let id = ItemId::random();
    document::edit(doc, ctx, "add promise", |tx| {
        let map = document::root_map_for_writing(tx, "promises")?;
        let mut order = 0.0_f64;
        for m in document::root_maps(tx, "promises")? {
            order = order.max(document::next_order(tx, &m)?);
        }
        let stored = StoredPromise {
            id,
            text: text.as_str().into(),
            by: new.by.as_str().to_owned(),
            by_name,
            when_kind: when_kind.to_owned(),
            when_date,
            ask: new.ask.map(|a| a.to_string()).unwrap_or_default(),
            created_at: ctx.now,
            author: ctx.author.clone(),
            order,
            changes: BTreeMap::new(),
        };
        document::insert_item(tx, &map, id, &stored)?;
        Ok(id)
    })
}

/// Rewrites what a promise says, merging with concurrent edits.
pub fn edit_text(doc: &mut Automerge, ctx: &EditContext, id: ItemId, text: &str) -> Result<()> {
    let text = limits::required("promise", text, ITEM_MAX)?;
    promise_kind(doc)?;
    document::edit(doc, ctx, "edit promise", |tx| {
        let obj = promise_obj(tx, id)?;
        document::update_text(tx, &obj, "text", &text)
    })
}

/// Changes when a promise is for.
pub fn set_when(doc: &mut Automerge, ctx: &EditContext, id: ItemId, when: Option<When>) -> Result<()> {
    promise_kind(doc)?;
    let (kind, date) = When::to_fields(when);
    document::edit(doc, ctx, "set promise date", |tx| {
        let obj = promise_obj(tx, id)?;
        document::set_field(tx, &obj, "when_kind", kind)?;
        document::set_field(tx, &obj, "when_date", date)
    })
}

/// Marks a promise done, not now, no longer needed, or open again. The
/// change is added beside the earlier ones, never over them.
pub fn set_state(doc: &mut Automerge, ctx: &EditContext, id: ItemId, state: PromiseState) -> Result<()> {
    promise_kind(doc)?;
    document::edit(doc, ctx, "set promise state", |tx| {
        let obj = promise_obj(tx, id)?;
        let changes = match tx.get(&obj, "changes")? {
            Some((Value::Object(ObjType::Map), changes)) => changes,
            _ => tx.put_object(&obj, "changes", ObjType::Map)?,
        };
        let change = StateChange { state, at: ctx.now, by: ctx.author.clone() };
        autosurgeon::reconcile_prop(tx, &changes, ItemId::random().to_string().as_str(), &change)?;
        Ok(())
    })
}

/// Sets the next visit on a resident's page; the earlier plans are kept.
pub fn set_next_visit(doc: &mut Automerge, ctx: &EditContext, plan: Plan, reason: PlanReason) -> Result<()> {
    document::check_kind(doc, DocKind::Page)?;
    let (kind, date) = match plan {
        Plan::On(d) => ("on", d.to_string()),
        Plan::TheyWillCall => ("they-call", String::new()),
    };
    document::edit(doc, ctx, "set next visit", |tx| {
        let map = document::root_map_for_writing(tx, "visits")?;
        let stored = StoredPlan { kind: kind.to_owned(), date, reason, at: ctx.now, by: ctx.author.clone() };
        autosurgeon::reconcile_prop(tx, &map, ItemId::random().to_string().as_str(), &stored)?;
        Ok(())
    })
}

/// Every plan for the next visit on a page, oldest first; the last is in force.
pub fn visit_plans(doc: &Automerge) -> Result<Vec<NextVisit>> {
    document::check_kind(doc, DocKind::Page)?;
    let stored: BTreeMap<String, StoredPlan> = document::root_entries(doc, "visits")?;
    let mut plans: Vec<(String, NextVisit)> = stored
        .into_iter()
        .filter_map(|(key, p)| {
            let plan = match p.kind.as_str() {
                "on" => Plan::On(p.date.parse().ok()?),
                "they-call" => Plan::TheyWillCall,
                _ => return None,
            };
            Some((key, NextVisit { plan, reason: p.reason, set_at: p.at, by: p.by }))
        })
        .collect();
    plans.sort_by(|(ka, a), (kb, b)| a.set_at.cmp(&b.set_at).then(ka.cmp(kb)));
    Ok(plans.into_iter().map(|(_, p)| p).collect())
}

/// The next visit in force on a page, if one was ever set.
pub fn next_visit(doc: &Automerge) -> Result<Option<NextVisit>> {
    Ok(visit_plans(doc)?.pop())
}

/// Who a promise and its changes, and the visit plans, say did what, by
/// where each is recorded: what the relay checks a device may claim.
pub fn claims(doc: &Automerge) -> Result<Vec<(String, Author)>> {
    let mut out = Vec::new();
    let stored: BTreeMap<String, StoredPromise> = document::root_entries(doc, "promises")?;
    for (key, p) in stored {
        out.push((format!("promises/{key}/author"), p.author));
        for (change, c) in p.changes {
            out.push((format!("promises/{key}/changes/{change}/by"), c.by));
        }
    }
    if promise_kind(doc)? == DocKind::Page {
        let plans: BTreeMap<String, StoredPlan> = document::root_entries(doc, "visits")?;
        out.extend(plans.into_iter().map(|(key, p)| (format!("visits/{key}/by"), p.by)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
