//! What the relay checks before it keeps a device's changes, beyond access:
//! what decoding them may cost, what the changes may claim about who did
//! what, and how many bytes the document and the team may take. Each check
//! answers a plain reason a device can show, never resident text.

use std::collections::BTreeSet;

use connect_model::automerge::decode_budget::{self, Budget};
use connect_model::automerge::{Automerge, Change};
use connect_model::media::BlobHash;
use connect_model::validate;
use connect_model::{DocumentId, ModelError};

use super::RelayRound;
use crate::access::may_claim;
use crate::protocol::SyncRequest;

/// How much decoding the bytes of one request may cost: bytes inflated and
/// Automerge operations read, for the whole request and for each document,
/// and how many changes and operations one document may gain in one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeBudget {
    /// Most bytes inflated for one request, whatever it sends.
    pub inflate_ceiling: usize,
    /// Most bytes inflated for one request per byte it sends...
    pub inflate_ratio: usize,
    /// ...but never less than this: a small request may always inflate this much.
    pub inflate_floor: usize,
    /// Most bytes inflated for one document.
    pub inflate_per_document: usize,
    /// Most Automerge operations read for one request.
    pub ops_per_request: usize,
    /// Most operations read for one document (and so gained by it).
    pub ops_per_document: usize,
    /// Most new changes one document may gain in one request.
    pub changes_per_document: usize,
}

impl Default for DecodeBudget {
    fn default() -> Self {
        // Real documents compress a few times over; a resident's whole
        // history is thousands of changes and tens of thousands of
        // operations. A bomb is a thousand times over on either count.
        Self {
            inflate_ceiling: 48 * 1024 * 1024,
            inflate_ratio: 64,
            inflate_floor: 4 * 1024 * 1024,
            inflate_per_document: 16 * 1024 * 1024,
            ops_per_request: 2_000_000,
            ops_per_document: 500_000,
            changes_per_document: 20_000,
        }
    }
}

impl DecodeBudget {
    /// No budget at all (for measuring what the budget costs).
    #[must_use]
    pub fn unbounded() -> Self {
        Self {
            inflate_ceiling: usize::MAX,
            inflate_ratio: usize::MAX,
            inflate_floor: usize::MAX,
            inflate_per_document: usize::MAX,
            ops_per_request: usize::MAX,
            ops_per_document: usize::MAX,
            changes_per_document: usize::MAX,
        }
    }

    /// The budget of one whole request: the ceiling, or the ratio to the
    /// Automerge bytes it sends, whichever is less (but at least the floor).
    #[must_use]
    pub fn for_request(&self, request: &SyncRequest) -> Budget {
        let sent: usize = request.uploads.iter().map(|u| u.bytes.len()).sum::<usize>()
            + request.messages.iter().map(|m| m.bytes.len()).sum::<usize>();
        let by_ratio = sent.saturating_mul(self.inflate_ratio).max(self.inflate_floor);
        Budget { inflate: by_ratio.min(self.inflate_ceiling), ops: self.ops_per_request }
    }
}

/// Why a document's changes were refused for what decoding them cost.
pub(super) const TOO_BIG_TO_UNPACK: &str =
    "its changes unpack to more than the relay takes in one sync; tell your coordinator";
/// Why a document's changes were refused for their number.
pub(super) const TOO_MANY_CHANGES: &str =
    "it brings more changes at once than the relay takes in one sync; tell your coordinator";
/// Why a document's changes were refused for what they say about who did what.
pub(super) const CLAIM_REFUSED: &str =
    "it records something as done by someone else than this device's person; nothing was kept";

impl RelayRound<'_> {
    /// Runs `decode` on a document's bytes within what is left of this
    /// request's budget (and the per-document one); `None` if it went over,
    /// after which the document is refused.
    pub(super) fn decode_within<T>(&mut self, decode: impl FnOnce() -> T) -> Option<T> {
        let d = self.limits.decode;
        let budget = Budget {
            inflate: self.decode_left.inflate.min(d.inflate_per_document),
            ops: self.decode_left.ops.min(d.ops_per_document),
        };
        let (out, spent) = decode_budget::with_budget(budget, decode);
        // Going over spends the whole budget given.
        self.decode_left.inflate -= spent.inflate.min(self.decode_left.inflate);
        self.decode_left.ops -= spent.ops.min(self.decode_left.ops);
        self.outcome.decoded.inflate = self.outcome.decoded.inflate.saturating_add(spent.inflate);
        self.outcome.decoded.ops = self.outcome.decoded.ops.saturating_add(spent.ops);
        let over =
            (budget.inflate > 0 && spent.inflate >= budget.inflate) || (budget.ops > 0 && spent.ops >= budget.ops);
        if over { None } else { Some(out) }
    }

    /// Whether the changes `new` (merged into `base`, making `merged`) may be
    /// kept: their number, what they claim, the texts and the bytes. The
    /// media the document then references if so; the reason if not.
    pub(super) fn check_changes(
        &self,
        id: DocumentId,
        base: &Automerge,
        merged: &Automerge,
        new: &[Change],
        grows_by: usize,
    ) -> Result<BTreeSet<BlobHash>, String> {
        let limits = &self.limits;
        let ops: usize = new.iter().map(Change::len).sum();
        if new.len() > limits.decode.changes_per_document || ops > limits.decode.ops_per_document {
            return Err(TOO_MANY_CHANGES.into());
        }
        let inspected = match validate::inspect(id, merged) {
            Ok(i) => i,
            Err(ModelError::TooLong { field, max, .. }) => {
                return Err(format!("its {field} is longer than the {max} characters the app allows"));
            }
            Err(_) => return Err("the changes would leave the document unreadable".into()),
        };
        let before = validate::inspect(id, base).map(|i| i.claims).unwrap_or_default();
        let claims_ok = inspected
            .claims
            .iter()
            .filter(|(place, author)| before.get(*place) != Some(*author))
            .all(|(_, author)| may_claim(&self.caller, author));
        if !claims_ok {
            return Err(CLAIM_REFUSED.into());
        }
        let size_after = self.docs.get(&id).map_or(0, super::Working::stored_len).saturating_add(grows_by);
        self.check_quota(id, size_after, grows_by)?;
        Ok(inspected.media)
    }

    /// Whether the document (`size_after` bytes once saved) and the team
    /// (growing by `grows_by`) stay within their byte quotas.
    fn check_quota(&self, id: DocumentId, size_after: usize, grows_by: usize) -> Result<(), String> {
        let (limit, what) = match id.resident_id() {
            Some(_) => (self.limits.document_bytes, "this document"),
            None => (self.limits.directory_bytes, "the team directory"),
        };
        if size_after > limit {
            return Err(format!(
                "{what} would grow past the {} the relay keeps for it; tell your coordinator",
                megabytes(u64::try_from(limit).unwrap_or(u64::MAX))
            ));
        }
        let grows_by = u64::try_from(grows_by).unwrap_or(u64::MAX);
        let team_after = self.start.team_bytes.saturating_add(self.team_growth).saturating_add(grows_by);
        if team_after > self.limits.team_bytes {
            return Err(format!(
                "the team's space on the relay ({}) is full; tell your coordinator",
                megabytes(self.limits.team_bytes)
            ));
        }
        Ok(())
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{} MB", bytes.div_ceil(1_000_000))
}
