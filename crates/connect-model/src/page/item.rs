//! The items on a resident's page (offers, asks, goals) as one type,
//! [`Item`], with each kind's own fields in its `details`.
//!
//! In the document an item is one Automerge map holding every field side by
//! side, as it always has: the details are written and read beside the
//! shared fields (autosurgeon has no `flatten`, so [`Item`] implements
//! `Reconcile` and `Hydrate` itself), and JSON flattens them the same way.

use std::collections::BTreeMap;

use automerge::ObjId;
use autosurgeon::reconcile::{MapReconciler, NoKey};
use autosurgeon::{Hydrate, HydrateError, ReadDoc, Reconcile, Reconciler, hydrate_prop};

use super::{AskStatus, Category, GoalKind};
use crate::document::{CollabText, MapFields};
use crate::ids::ItemId;
use crate::{Author, EditContext, Timestamp};

/// An offer, ask or goal: what every item on a page has, and its kind's own
/// fields (`D`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Item<D> {
    /// Stable id.
    pub id: ItemId,
    /// The item in words.
    pub text: CollabText,
    /// What only this kind of item has.
    #[serde(flatten)]
    pub details: D,
    /// When it was added.
    pub created_at: Timestamp,
    /// Who added it.
    pub author: Author,
    /// Hidden from the page; still kept.
    pub archived: bool,
    /// Position on the page.
    pub order: f64,
}

impl<D> Item<D> {
    /// A new item, not archived, added by the edit `ctx` describes.
    pub(crate) fn new(id: ItemId, text: &str, details: D, ctx: &EditContext, order: f64) -> Self {
        Self { id, text: text.into(), details, created_at: ctx.now, author: ctx.author.clone(), archived: false, order }
    }
}

/// Something the resident can offer others.
pub type Offer = Item<OfferDetails>;

/// Something the resident would like help with ("could you help me with…?").
pub type Ask = Item<AskDetails>;

/// A goal or a "what could be possible".
pub type Goal = Item<GoalDetails>;

/// What only an offer has.
#[derive(Debug, Clone, PartialEq, Hydrate, serde::Serialize, serde::Deserialize)]
pub struct OfferDetails {
    /// What kind of help it is.
    pub category: Category,
}

/// What only an ask has.
#[derive(Debug, Clone, PartialEq, Hydrate, serde::Serialize, serde::Deserialize)]
pub struct AskDetails {
    /// What kind of help it needs.
    pub category: Category,
    /// Where it has got to.
    pub status: AskStatus,
    /// When the status last changed.
    pub status_changed_at: Timestamp,
    /// Team directory entries that could help ("ramp → council adaptations team").
    #[autosurgeon(missing = "Default::default")]
    pub links: BTreeMap<String, bool>,
}

/// What only a goal has.
#[derive(Debug, Clone, PartialEq, Hydrate, serde::Serialize, serde::Deserialize)]
pub struct GoalDetails {
    /// Goal or possibility.
    pub kind: GoalKind,
}

impl MapFields for OfferDetails {
    fn put_fields<M: MapReconciler>(&self, map: &mut M) -> Result<(), M::Error> {
        map.put("category", self.category)
    }
}

impl MapFields for AskDetails {
    fn put_fields<M: MapReconciler>(&self, map: &mut M) -> Result<(), M::Error> {
        map.put("category", self.category)?;
        map.put("status", self.status)?;
        map.put("status_changed_at", self.status_changed_at)?;
        map.put("links", &self.links)
    }
}

impl MapFields for GoalDetails {
    fn put_fields<M: MapReconciler>(&self, map: &mut M) -> Result<(), M::Error> {
        map.put("kind", self.kind)
    }
}

impl<D: MapFields> Reconcile for Item<D> {
    type Key<'a> = NoKey;

    fn reconcile<R: Reconciler>(&self, mut reconciler: R) -> Result<(), R::Error> {
        let mut map = reconciler.map()?;
        map.put("id", self.id)?;
        map.put("text", &self.text)?;
        self.details.put_fields(&mut map)?;
        map.put("created_at", self.created_at)?;
        map.put("author", &self.author)?;
        map.put("archived", self.archived)?;
        map.put("order", self.order)
    }
}

impl<D: MapFields> Hydrate for Item<D> {
    fn hydrate_map<R: ReadDoc>(doc: &R, obj: &ObjId) -> Result<Self, HydrateError> {
        Ok(Self {
            id: hydrate_prop(doc, obj, "id")?,
            text: hydrate_prop(doc, obj, "text")?,
            details: D::hydrate_map(doc, obj)?,
            created_at: hydrate_prop(doc, obj, "created_at")?,
            author: hydrate_prop(doc, obj, "author")?,
            archived: hydrate_prop(doc, obj, "archived")?,
            order: hydrate_prop(doc, obj, "order")?,
        })
    }
}
