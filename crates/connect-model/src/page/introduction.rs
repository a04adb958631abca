//! A suggested introduction between two residents, as each side's page keeps
//! it: the [`Proposal`] (who, which items, why) and this side's answer.
//!
//! In the document an introduction is one map, the proposal's fields beside
//! the answer's, as it always has been; JSON flattens them the same way.

use automerge::ObjId;
use autosurgeon::reconcile::{MapReconciler, NoKey};
use autosurgeon::{Hydrate, HydrateError, ReadDoc, Reconcile, Reconciler, hydrate_prop};

use super::{IntroAnswer, IntroSide};
use crate::document::MapFields;
use crate::ids::{ItemId, ResidentId};
use crate::{Author, Timestamp};

/// What one side of an introduction records when it is suggested.
#[derive(Debug, Clone, PartialEq, Eq, Hydrate, serde::Serialize, serde::Deserialize)]
pub struct Proposal {
    /// Stable id, the same on both sides.
    pub id: ItemId,
    /// The other resident.
    pub with: ResidentId,
    /// This resident asked, or offered.
    pub side: IntroSide,
    /// This resident's ask (asker) or offer (offerer).
    pub item: ItemId,
    /// The other resident's offer or ask.
    pub their_item: ItemId,
    /// Why it was suggested ("both mention market").
    pub reason: String,
}

/// One side of a suggested introduction between two residents, kept on this
/// resident's page. The same id is on the other resident's page; the
/// introduction is made only when both said yes. Neither side's words are
/// copied to the other: a resident sees their own ask or offer and why the
/// match was suggested, and learns who the other person is from their
/// supporter once both agreed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Introduction {
    /// Who, which items and why.
    #[serde(flatten)]
    pub proposal: Proposal,
    /// When it was suggested.
    pub proposed_at: Timestamp,
    /// Who suggested it.
    pub proposed_by: Author,
    /// This resident's answer.
    pub answer: IntroAnswer,
    /// When they answered.
    pub answered_at: Option<Timestamp>,
    /// Who recorded the answer (the resident, or a supporter with them).
    pub answered_by: Option<Author>,
}

impl MapFields for Proposal {
    fn put_fields<M: MapReconciler>(&self, map: &mut M) -> Result<(), M::Error> {
        map.put("id", self.id)?;
        map.put("with", self.with)?;
        map.put("side", self.side)?;
        map.put("item", self.item)?;
        map.put("their_item", self.their_item)?;
        map.put("reason", &self.reason)
    }
}

impl Reconcile for Introduction {
    type Key<'a> = NoKey;

    fn reconcile<R: Reconciler>(&self, mut reconciler: R) -> Result<(), R::Error> {
        let mut map = reconciler.map()?;
        self.proposal.put_fields(&mut map)?;
        map.put("proposed_at", self.proposed_at)?;
        map.put("proposed_by", &self.proposed_by)?;
        map.put("answer", self.answer)?;
        map.put("answered_at", self.answered_at)?;
        map.put("answered_by", &self.answered_by)
    }
}

impl Hydrate for Introduction {
    fn hydrate_map<R: ReadDoc>(doc: &R, obj: &ObjId) -> Result<Self, HydrateError> {
        Ok(Self {
            proposal: Proposal::hydrate_map(doc, obj)?,
            proposed_at: hydrate_prop(doc, obj, "proposed_at")?,
            proposed_by: hydrate_prop(doc, obj, "proposed_by")?,
            answer: hydrate_prop(doc, obj, "answer")?,
            answered_at: hydrate_prop(doc, obj, "answered_at")?,
            answered_by: hydrate_prop(doc, obj, "answered_by")?,
        })
    }
}
