//! The relay's sync driver: runs [`RelayRound`] (the sans-I/O relay half in
//! `connect-sync`) against a [`RelayStore`]. All the rules live in the core;
//! this file only reads, commits and retries.
//!
//! A request's reads each see one consistent snapshot, and its writes commit
//! in one transaction. If a document changed between the reads and the
//! commit (another device's request got there first), the commit stores
//! nothing and the round runs again on fresh reads.

use std::collections::{BTreeMap, BTreeSet};

use connect_model::{AuthorRole, DocumentId, ResidentId, Timestamp};
use connect_relay_store::{CommitOutcome, CommitSave, DeviceRecord, RelayStore, SyncCommit};
use connect_sync::SyncError;
use connect_sync::access::ResidentFacts;
use connect_sync::protocol::{SyncRequest, SyncResponse};
pub use connect_sync::relay::RelayLimits as SyncLimits;
use connect_sync::relay::{
    FeedEntry, RelayEffect, RelayEvent, RelayOutcome, RelayRound, RoundStart, StoredBytes, StoredDoc,
};

use crate::RelayError;
use crate::access::caller;

/// How often a round whose commit lost a race is run again before the device
/// is asked to retry later.
const ATTEMPTS: usize = 4;

/// A point inside a sync request where a test can make it fail.
#[doc(hidden)]
pub type FaultHook<'a> = &'a (dyn Fn() -> Result<(), RelayError> + Sync);

/// Handles one sync request from an authenticated, unrevoked device.
pub fn handle_sync(
    db: &(impl RelayStore + ?Sized),
    device: &DeviceRecord,
    request: &SyncRequest,
    now: Timestamp,
    limits: SyncLimits,
) -> Result<(SyncResponse, RelayOutcome), RelayError> {
    handle_sync_with_fault(db, device, request, now, limits, &|| Ok(()))
}

/// [`handle_sync`], with `before_commit` run just before the writes commit.
#[doc(hidden)]
pub fn handle_sync_with_fault(
    db: &(impl RelayStore + ?Sized),
    device: &DeviceRecord,
    request: &SyncRequest,
    now: Timestamp,
    limits: SyncLimits,
    before_commit: FaultHook<'_>,
) -> Result<(SyncResponse, RelayOutcome), RelayError> {
    let caller = caller(device);
    'attempt: for _ in 0..ATTEMPTS {
        let assigned: BTreeSet<ResidentId> = if caller.role == AuthorRole::Supporter {
            db.assignments(caller.person)?.into_iter().collect()
        } else {
            BTreeSet::new()
        };
        // The team's stored bytes matter only to a request that brings changes.
        let brings_changes = !request.uploads.is_empty() || !request.messages.is_empty();
        let team_bytes = if brings_changes { db.team_bytes(caller.team)? } else { 0 };
        let start = RoundStart { last_round: db.last_round(caller.device)?, team_bytes };
        let (mut round, mut effect) = RelayRound::new(caller, request, start, limits).map_err(refusal)?;
        loop {
            let event = match effect {
                RelayEffect::Read(ids) => RelayEvent::Read(read(db, device, &assigned, &ids)?),
                RelayEffect::ReadFeed { after, limit } => RelayEvent::Feed(
                    db.feed_since(caller.team, after, limit)?
                        .into_iter()
                        .map(|e| FeedEntry { seq: e.seq, doc: e.doc, erased: e.erased })
                        .collect(),
                ),
                RelayEffect::ReadFacts(ids) => RelayEvent::Facts(facts(db, caller.person, &assigned, &ids)?),
                RelayEffect::Commit(writes) => {
                    before_commit()?;
                    let saves: Vec<CommitSave<'_>> = writes
                        .saves
                        .iter()
                        .map(|s| CommitSave {
                            id: s.id,
                            bytes: &s.bytes,
                            whole: s.whole,
                            base_heads: &s.base_heads,
                            heads: &s.heads,
                            new_changes: &s.new_changes,
                            media: &s.media,
                        })
                        .collect();
                    let commit = SyncCommit {
                        team: caller.team,
                        person: caller.person,
                        device: caller.device,
                        now,
                        register: &writes.register,
                        saves: &saves,
                        sync_states: &writes.sync_states,
                        round: writes.round,
                        forget_assumed_after: writes.forget_assumed_after,
                    };
                    match db.commit_sync(&commit)? {
                        CommitOutcome::Committed => RelayEvent::Committed,
                        CommitOutcome::Conflict => {
                            tracing::info!(device = %caller.device, "sync commit lost a race; running the round again");
                            continue 'attempt;
                        }
                    }
                }
                RelayEffect::Respond(response, outcome) => {
                    for (doc, reason) in &outcome.refused {
                        tracing::info!(device = %caller.device, doc = ?doc, %reason, "document refused");
                    }
                    return Ok((response, outcome));
                }
            };
            effect = round.handle(event).map_err(refusal)?;
        }
    }
    Err(RelayError::Busy)
}

fn refusal(e: SyncError) -> RelayError {
    match e {
        SyncError::TooManyDocuments { .. } => RelayError::TooLarge(e.to_string()),
        other => RelayError::Internal(other.to_string()),
    }
}

/// What access needs about each document's resident, one lookup per
/// resident. An erased resident's facts are those from before the erasure,
/// so a tombstone goes only to the devices that could see them.
fn facts(
    db: &(impl RelayStore + ?Sized),
    person: uuid::Uuid,
    assigned: &BTreeSet<ResidentId>,
    ids: &[DocumentId],
) -> Result<Vec<(DocumentId, ResidentFacts)>, RelayError> {
    let mut known: BTreeMap<ResidentId, ResidentFacts> = BTreeMap::new();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let facts = match id.resident_id() {
            None => ResidentFacts::default(),
            Some(r) => match known.get(&r) {
                Some(f) => *f,
                None => {
                    let f = match db.resident_team(r)? {
                        Some(team) => ResidentFacts { team: Some(team), assigned: assigned.contains(&r) },
                        None => match db.erased_resident(r)? {
                            Some(e) => ResidentFacts { team: Some(e.team), assigned: e.assigned.contains(&person) },
                            None => ResidentFacts::default(),
                        },
                    };
                    known.insert(r, f);
                    f
                }
            },
        };
        out.push((*id, facts));
    }
    Ok(out)
}

fn read(
    db: &(impl RelayStore + ?Sized),
    device: &DeviceRecord,
    assigned: &BTreeSet<ResidentId>,
    ids: &[DocumentId],
) -> Result<Vec<StoredDoc>, RelayError> {
    Ok(db
        .read_docs(device.device_id, ids)?
        .into_iter()
        .map(|v| StoredDoc {
            id: v.id,
            facts: ResidentFacts {
                team: v.resident_team,
                assigned: v.id.resident_id().is_some_and(|r| assigned.contains(&r)),
            },
            stored: v.stored.map(|s| StoredBytes { bytes: s.bytes, heads: s.heads, compacted: s.compacted }),
            erased: v.erased,
            sync_state: v.sync_state,
            assumed_round: v.assumed_round,
        })
        .collect())
}
