//! The relay's half of a sync round trip: apply what the device sent, check
//! every new change, answer with replies, new documents and tombstones.
//!
//! Every document a device changes is merged into a copy first; only if every
//! new change was authored by that device, the device may write the document,
//! and the result still reads as a valid document of its kind, does the copy
//! replace the stored one. Otherwise the document is refused with a reason and
//! nothing is stored. Requests are idempotent: Automerge ignores changes it
//! already has, and the relay's sync state only records heads both sides hold.

use std::collections::BTreeSet;

use connect_model::automerge::sync::{self, SyncDoc};
use connect_model::automerge::{Automerge, ChangeHash, ReadDoc};
use connect_model::{DocumentId, Timestamp};
use connect_store::relay::{DeviceRecord, RelayStore};
use connect_sync::protocol::{Ack, DocBytes, Rejection, SyncRequest, SyncResponse, Upload, WireDocId};

use crate::RelayError;
use crate::access::{Access, access};

/// Limits on one sync request.
#[derive(Debug, Clone, Copy)]
pub struct SyncLimits {
    /// Most documents (uploads, messages and missing) in one request.
    pub max_documents: usize,
    /// Stop adding snapshots to a response past this many bytes (and say `more`).
    pub response_budget: usize,
    /// Most feed entries considered per response.
    pub feed_page: usize,
}

impl Default for SyncLimits {
    fn default() -> Self {
        Self { max_documents: 5_000, response_budget: 24 * 1024 * 1024, feed_page: 5_000 }
    }
}

/// What happened, for metrics.
#[derive(Debug, Default, Clone, Copy)]
pub struct SyncOutcome {
    /// Changes accepted.
    pub changes_accepted: u64,
    /// Documents refused.
    pub documents_rejected: u64,
}

fn sorted(mut v: Vec<ChangeHash>) -> Vec<ChangeHash> {
    v.sort();
    v
}

fn ack(id: DocumentId, doc: &Automerge) -> Ack {
    Ack { doc: id.into(), heads: doc.get_heads().iter().map(|h| h.0).collect() }
}

fn decode_state(bytes: Option<Vec<u8>>) -> sync::State {
    bytes.and_then(|b| sync::State::decode(&b).ok()).unwrap_or_default()
}

struct Round<'a, S: RelayStore> {
    db: &'a mut S,
    device: &'a DeviceRecord,
    now: Timestamp,
    response: SyncResponse,
    handled: BTreeSet<DocumentId>,
    outcome: SyncOutcome,
    budget_used: usize,
}

impl<S: RelayStore> Round<'_, S> {
    fn reject(&mut self, id: DocumentId, reason: &str) {
        tracing::info!(device = %self.device.device_id, doc = %id, reason, "document refused");
        self.outcome.documents_rejected += 1;
        self.response.rejected.push(Rejection { doc: id.into(), reason: reason.to_owned() });
    }

    /// Checks the changes `merged` has beyond `base`; stores `merged` if they are acceptable.
    fn accept(
        &mut self,
        id: DocumentId,
        base: &Automerge,
        merged: &Automerge,
        access: Access,
    ) -> Result<bool, RelayError> {
        let new: Vec<_> = merged.get_changes(&base.get_heads());
        if new.is_empty() {
            return Ok(true);
        }
        if access != Access::Write {
            self.reject(id, "this device may read but not change this document");
            return Ok(false);
        }
        if let Some(bad) =
            new.iter().find(|c| connect_model::device_of_actor(c.actor_id()) != Some(self.device.device_id))
        {
            tracing::warn!(device = %self.device.device_id, doc = %id, actor = %bad.actor_id(), "change by another actor");
            self.reject(id, "it contains changes not written on this device");
            return Ok(false);
        }
        if let Err(e) = connect_store::index::derive(id, merged) {
            tracing::warn!(device = %self.device.device_id, doc = %id, error = %e, "invalid document");
            self.reject(id, "the changes would leave the document unreadable");
            return Ok(false);
        }
        if let Some(resident) = id.resident_id()
            && self.db.resident_team(resident)?.is_none()
        {
            self.db.register_resident(resident, self.device.person.team, self.device.person.person_id, self.now)?;
        }
        let hashes: Vec<ChangeHash> = new.iter().map(connect_model::automerge::Change::hash).collect();
        self.db.save(id, self.device.person.team, merged, &hashes, Some(self.device.device_id), self.now)?;
        self.outcome.changes_accepted += hashes.len() as u64;
        Ok(true)
    }

    /// The document a device names, and its access, if the device may touch it:
    /// erased documents are answered with a tombstone, unseen ones refused.
    fn admit(&mut self, wire: WireDocId) -> Result<Option<(DocumentId, Access)>, RelayError> {
        let id = DocumentId::try_from(wire).map_err(|e| RelayError::BadRequest(e.to_string()))?;
        self.handled.insert(id);
        if self.db.is_erased(id)? {
            self.response.erased.push(id.into());
            return Ok(None);
        }
        let access = access(self.db, self.device, id)?;
        if access == Access::None {
            self.reject(id, "this device may not see this document");
            return Ok(None);
        }
        Ok(Some((id, access)))
    }

    fn upload(&mut self, up: &Upload) -> Result<(), RelayError> {
        let Some((id, access)) = self.admit(up.doc)? else { return Ok(()) };
        let existing = self.db.load(id)?;
        if existing.is_none() && id.resident_id().is_none() {
            self.reject(id, "team documents are created by the relay");
            return Ok(());
        }
        let exists = existing.is_some();
        let base = existing.unwrap_or_default();
        let mut merged = base.clone();
        if merged.load_incremental(&up.bytes).is_err() {
            self.reject(id, "the uploaded changes do not load");
            return Ok(());
        }
        let device_heads: Vec<ChangeHash> = up.heads.iter().map(|h| ChangeHash(*h)).collect();
        if !merged.get_missing_deps(&[]).is_empty()
            || device_heads.iter().any(|h| merged.get_change_by_hash(h).is_none())
        {
            // The upload builds on history the relay lacks (restored from a
            // backup, say): fall back to the sync protocol to fetch it.
            let mut state =
                if exists { decode_state(self.db.sync_state(self.device.device_id, id)?) } else { sync::State::new() };
            state.shared_heads.clear();
            if let Some(msg) = base.generate_sync_message(&mut state) {
                self.response.messages.push(DocBytes { doc: id.into(), bytes: msg.encode() });
            }
            return Ok(());
        }
        if connect_store::export::id_of(&merged).ok() != Some(id) {
            self.reject(id, "the uploaded document is not the document it claims to be");
            return Ok(());
        }
        if !self.accept(id, &base, &merged, access)? {
            return Ok(());
        }
        // The device holds `device_heads`; tell it anything else the relay has.
        let mut state = sync::State::new();
        state.shared_heads = device_heads.clone();
        if sorted(merged.get_heads()) != sorted(device_heads)
            && let Some(msg) = merged.generate_sync_message(&mut state)
        {
            self.response.messages.push(DocBytes { doc: id.into(), bytes: msg.encode() });
        }
        self.db.set_sync_state(self.device.device_id, id, Some(&state.encode()))?;
        self.response.acks.push(ack(id, &merged));
        Ok(())
    }

    fn message(&mut self, m: &DocBytes) -> Result<(), RelayError> {
        let Some((id, access)) = self.admit(m.doc)? else { return Ok(()) };
        let Ok(message) = sync::Message::decode(&m.bytes) else {
            self.reject(id, "the sync message is unreadable");
            return Ok(());
        };
        let existing = self.db.load(id)?;
        let exists = existing.is_some();
        let base = existing.unwrap_or_default();
        let mut state =
            if exists { decode_state(self.db.sync_state(self.device.device_id, id)?) } else { sync::State::new() };
        let mut merged = base.clone();
        if merged.receive_sync_message(&mut state, message).is_err() {
            self.reject(id, "the sync message does not apply");
            return Ok(());
        }
        if !self.accept(id, &base, &merged, access)? {
            return Ok(());
        }
        let stored = exists || !merged.get_heads().is_empty();
        if let Some(reply) = merged.generate_sync_message(&mut state) {
            self.response.messages.push(DocBytes { doc: id.into(), bytes: reply.encode() });
        }
        if stored && self.db.load(id)?.is_some() {
            self.db.set_sync_state(self.device.device_id, id, Some(&state.encode()))?;
            self.response.acks.push(ack(id, &merged));
        }
        Ok(())
    }

    fn snapshot(&mut self, id: DocumentId, doc: &Automerge) -> Result<(), RelayError> {
        let bytes = doc.save();
        self.budget_used += bytes.len();
        let mut state = sync::State::new();
        state.shared_heads = doc.get_heads();
        self.db.set_sync_state(self.device.device_id, id, Some(&state.encode()))?;
        // No ack: the snapshot's own heads say what the relay holds.
        self.response.snapshots.push(DocBytes { doc: id.into(), bytes });
        Ok(())
    }

    fn missing(&mut self, wire: WireDocId) -> Result<(), RelayError> {
        let id = DocumentId::try_from(wire).map_err(|e| RelayError::BadRequest(e.to_string()))?;
        self.handled.insert(id);
        if access(self.db, self.device, id)? == Access::None {
            return Ok(());
        }
        match self.db.load(id)? {
            Some(doc) => self.snapshot(id, &doc),
            None if self.db.is_erased(id)? => {
                self.response.erased.push(id.into());
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// Documents changed since the device's cursor that it has not heard about.
    fn feed(&mut self, cursor: u64, limits: SyncLimits) -> Result<(), RelayError> {
        let team = self.device.person.team;
        let head = self.db.feed_head(team)?;
        let entries = self.db.feed_since(team, cursor, limits.feed_page + 1)?;
        self.response.cursor = head.max(cursor);
        for (i, entry) in entries.iter().enumerate() {
            if i == limits.feed_page || self.budget_used > limits.response_budget {
                self.response.more = true;
                self.response.cursor = entries[i - 1].seq.max(cursor);
                break;
            }
            if self.handled.contains(&entry.doc) {
                continue;
            }
            if entry.erased {
                self.response.erased.push(entry.doc.into());
                continue;
            }
            if access(self.db, self.device, entry.doc)? == Access::None {
                continue;
            }
            let Some(doc) = self.db.load(entry.doc)? else { continue };
            match self.db.sync_state(self.device.device_id, entry.doc)? {
                None => self.snapshot(entry.doc, &doc)?,
                Some(bytes) => {
                    let mut state = decode_state(Some(bytes));
                    if sorted(state.shared_heads.clone()) == sorted(doc.get_heads()) {
                        continue;
                    }
                    if let Some(msg) = doc.generate_sync_message(&mut state) {
                        self.budget_used += msg.clone().encode().len();
                        self.response.messages.push(DocBytes { doc: entry.doc.into(), bytes: msg.encode() });
                    }
                    self.db.set_sync_state(self.device.device_id, entry.doc, Some(&state.encode()))?;
                }
            }
        }
        Ok(())
    }
}

/// Handles one sync request from an authenticated, unrevoked device.
pub fn handle_sync(
    db: &mut impl RelayStore,
    device: &DeviceRecord,
    request: &SyncRequest,
    now: Timestamp,
    limits: SyncLimits,
) -> Result<(SyncResponse, SyncOutcome), RelayError> {
    let count = request.uploads.len() + request.messages.len() + request.missing.len();
    if count > limits.max_documents {
        return Err(RelayError::TooLarge(format!(
            "{count} documents in one request; the limit is {}: sync in smaller batches",
            limits.max_documents
        )));
    }
    let mut round = Round {
        db,
        device,
        now,
        response: SyncResponse::default(),
        handled: BTreeSet::new(),
        outcome: SyncOutcome::default(),
        budget_used: 0,
    };
    for up in &request.uploads {
        round.upload(up)?;
    }
    for m in &request.messages {
        round.message(m)?;
    }
    for w in &request.missing {
        round.missing(*w)?;
    }
    round.feed(request.cursor, limits)?;
    Ok((round.response, round.outcome))
}
