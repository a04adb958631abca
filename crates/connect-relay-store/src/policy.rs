//! The relay store's rules, as pure functions: what a save does to what is
//! stored, whether an invite may be redeemed, and what an erasure removes.
//! Both backends read what the rule needs, call it, and run the SQL it
//! plans; neither decides anything itself, so they cannot drift apart.

use connect_model::automerge::ChangeHash;
use connect_model::{DeviceId, DocKind, DocumentId, ResidentId, Timestamp};

use crate::{InviteProblem, InviteRecord};

/// A document's new changes as bytes, as a save brings them.
#[derive(Debug, Clone, Copy)]
pub struct NewBytes<'a> {
    /// A whole saved document (the relay had none), or change chunks since `base_heads`.
    pub bytes: &'a [u8],
    /// Whether `bytes` is a whole document.
    pub whole: bool,
    /// The stored heads the chunks build on.
    pub base_heads: &'a [ChangeHash],
    /// The heads after.
    pub heads: &'a [ChangeHash],
}

/// One save as a backend writes it: the document, its new bytes, the
/// changes to log, the device they came from (`None`: the relay's own) and
/// when.
#[derive(Debug, Clone, Copy)]
pub struct Saving<'a> {
    /// The document.
    pub id: DocumentId,
    /// Its new bytes.
    pub new: NewBytes<'a>,
    /// The changes to log.
    pub new_changes: &'a [ChangeHash],
    /// Who sent them.
    pub device: Option<DeviceId>,
    /// When.
    pub now: Timestamp,
}

impl<'a> Saving<'a> {
    /// One save of a sync commit.
    #[must_use]
    pub fn of_commit(save: &'a crate::CommitSave<'a>, commit: &crate::SyncCommit<'_>) -> Self {
        Self {
            id: save.id,
            new: NewBytes::from(save),
            new_changes: save.new_changes,
            device: Some(commit.device),
            now: commit.now,
        }
    }
}

/// What the store holds of a document, as a save needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRow {
    /// Its heads.
    pub heads: Vec<ChangeHash>,
    /// The compacted snapshot's length.
    pub snapshot_len: u64,
    /// The length of the change chunks stored after it.
    pub chunk_bytes: u64,
}

/// What saving new bytes does to a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SavePlan {
    /// A new document: store the bytes as its snapshot.
    Insert,
    /// Add the bytes as one more chunk.
    Append,
    /// The chunks have outgrown the snapshot: load snapshot, chunks and the
    /// new bytes, and store them as one new snapshot.
    Fold,
    /// The document was erased: store nothing, ever.
    Erased,
    /// Another writer got there first (the stored heads are not the ones
    /// the bytes build on, or the document appeared or is not there):
    /// store nothing; read again.
    Stale,
}

/// What to do with `new`, given whether the document was erased and what is stored.
#[must_use]
pub fn plan_save(erased: bool, existing: Option<&StoredRow>, new: &NewBytes<'_>) -> SavePlan {
    if erased {
        return SavePlan::Erased;
    }
    match existing {
        None if new.whole => SavePlan::Insert,
        // Chunks for a document that is not there, or a whole document for
        // one that now is: another writer got there first.
        None => SavePlan::Stale,
        Some(_) if new.whole => SavePlan::Stale,
        Some(row) if !same_heads(&row.heads, new.base_heads) => SavePlan::Stale,
        Some(row) => {
            let len = u64::try_from(new.bytes.len()).unwrap_or(u64::MAX);
            if row.chunk_bytes.saturating_add(len) > row.snapshot_len { SavePlan::Fold } else { SavePlan::Append }
        }
    }
}

/// Heads as sets: the order they were written in does not matter.
fn same_heads(a: &[ChangeHash], b: &[ChangeHash]) -> bool {
    connect_model::heads::sorted(a) == connect_model::heads::sorted(b)
}

/// Whether an invite may be redeemed at `now`: it exists, was neither used
/// nor cancelled, and has not expired.
pub fn check_invite(found: Option<&InviteRecord>, now: Timestamp) -> Result<&InviteRecord, InviteProblem> {
    let invite = found.ok_or(InviteProblem::Unknown)?;
    if invite.used_at.is_some() {
        Err(InviteProblem::Used)
    } else if invite.cancelled_at.is_some() {
        Err(InviteProblem::Cancelled)
    } else if now > invite.details.expires_at {
        Err(InviteProblem::Expired)
    } else {
        Ok(invite)
    }
}

/// The name a redeemed invite's person gets: the one the coordinator gave,
/// or, for an invite made without one, the enrolling device's.
#[must_use]
pub fn enrolled_name<'a>(invite: &'a InviteRecord, given: &'a str) -> &'a str {
    invite.details.name.as_deref().filter(|n| !n.trim().is_empty()).unwrap_or(given)
}

/// What erasing a resident removes and what it leaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasurePlan {
    /// Every document the resident can have: each is deleted, with its
    /// chunks, sync states and change log, marked erased for ever, and given
    /// a tombstone in the feed.
    pub documents: Vec<DocumentId>,
    /// What the resident's own devices are renamed to (they are revoked too).
    pub device_name: &'static str,
    /// What the resident's person is renamed to.
    pub person_name: &'static str,
}

/// What erasing `resident` does. Their assignments and registration are
/// deleted, their unused invites too; who was assigned to them is kept (ids
/// only), so that only those devices are told of the erasure.
#[must_use]
pub fn plan_erasure(resident: ResidentId) -> ErasurePlan {
    ErasurePlan {
        documents: DocKind::RESIDENT_KINDS.iter().map(|k| DocumentId::resident(resident, *k)).collect(),
        device_name: "erased",
        person_name: "erased resident",
    }
}

/// The bytes a save adds to its team's total (negative when a fold shrinks it).
#[must_use]
pub fn growth(before: u64, after: u64) -> i64 {
    i64::try_from(after).unwrap_or(i64::MAX).saturating_sub(i64::try_from(before).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::InviteDetails;
    use connect_model::{AuthorRole, TeamId};

    fn hash(n: u8) -> ChangeHash {
        ChangeHash([n; 32])
    }

    fn row(heads: &[ChangeHash], snapshot_len: u64, chunk_bytes: u64) -> StoredRow {
        StoredRow { heads: heads.to_vec(), snapshot_len, chunk_bytes }
    }

    #[test]
    fn a_save_inserts_appends_or_folds_and_never_builds_on_other_heads() {
        let bytes = [0u8; 10];
        let whole = NewBytes { bytes: &bytes, whole: true, base_heads: &[], heads: &[hash(1)] };
        let chunk = NewBytes { bytes: &bytes, whole: false, base_heads: &[hash(1), hash(2)], heads: &[hash(3)] };
        assert_eq!(plan_save(false, None, &whole), SavePlan::Insert);
        assert_eq!(plan_save(true, None, &whole), SavePlan::Erased, "an erased id is never stored again");
        assert_eq!(plan_save(false, None, &chunk), SavePlan::Stale, "chunks for a document not there");
        let stored = row(&[hash(2), hash(1)], 100, 0);
        assert_eq!(plan_save(false, Some(&stored), &whole), SavePlan::Stale, "someone stored it first");
        assert_eq!(plan_save(false, Some(&stored), &chunk), SavePlan::Append, "heads in any order");
        assert_eq!(plan_save(false, Some(&row(&[hash(9)], 100, 0)), &chunk), SavePlan::Stale);
        assert_eq!(plan_save(false, Some(&row(&[hash(1), hash(2)], 100, 90)), &chunk), SavePlan::Append);
        assert_eq!(plan_save(false, Some(&row(&[hash(1), hash(2)], 100, 91)), &chunk), SavePlan::Fold);
    }

    fn invite(used: bool, cancelled: bool, expires_at: i64) -> InviteRecord {
        InviteRecord {
            details: InviteDetails {
                invite_id: uuid::Uuid::nil(),
                role: AuthorRole::Supporter,
                resident: None,
                name: Some("Amara Okafor".into()),
                created_by: None,
                created_at: Timestamp::from_millis(0),
                expires_at: Timestamp::from_millis(expires_at),
            },
            team: TeamId::random(),
            used_at: used.then(|| Timestamp::from_millis(1)),
            cancelled_at: cancelled.then(|| Timestamp::from_millis(1)),
        }
    }

    #[test]
    fn an_invite_works_once_until_it_expires_or_is_cancelled() {
        let now = Timestamp::from_millis(50);
        assert_eq!(check_invite(None, now).unwrap_err(), InviteProblem::Unknown);
        assert!(check_invite(Some(&invite(false, false, 50)), now).is_ok());
        assert_eq!(check_invite(Some(&invite(false, false, 49)), now).unwrap_err(), InviteProblem::Expired);
        assert_eq!(check_invite(Some(&invite(true, false, 99)), now).unwrap_err(), InviteProblem::Used);
        assert_eq!(check_invite(Some(&invite(false, true, 99)), now).unwrap_err(), InviteProblem::Cancelled);
    }

    #[test]
    fn the_coordinators_name_wins_over_the_devices() {
        let named = invite(false, false, 1);
        assert_eq!(enrolled_name(&named, "Queen of Sheba"), "Amara Okafor");
        let unnamed = InviteRecord { details: InviteDetails { name: None, ..named.details.clone() }, ..named };
        assert_eq!(enrolled_name(&unnamed, "Amara"), "Amara");
    }

    #[test]
    fn an_erasure_covers_every_kind_of_resident_document() {
        let r = ResidentId::random();
        let plan = plan_erasure(r);
        assert_eq!(plan.documents.len(), DocKind::RESIDENT_KINDS.len());
        assert!(plan.documents.iter().all(|d| d.resident_id() == Some(r)));
        assert!(!plan.device_name.is_empty() && !plan.person_name.is_empty());
        assert_eq!(growth(10, 4), -6);
    }
}
