//! The documents a request names: uploads, sync messages and documents the
//! device says it is missing. Every change a device sends is merged into a
//! copy, checked ([`super::checks`]), and only then recorded for saving.

use std::collections::BTreeSet;

use connect_model::automerge::sync::{self, SyncDoc};
use connect_model::automerge::{Automerge, ChangeHash, ReadDoc};
use connect_model::heads::sorted;
use connect_model::media::BlobHash;
use connect_model::{DocumentId, validate};

use super::{RelayRound, StoredBytes, Working, checks, decode_state, heads_bytes};
use crate::access::{Access, ResidentFacts, access};
use crate::protocol::{Ack, DocBytes, Upload, WireDocId};

/// Why a document the relay holds could not be loaded.
const DAMAGED: &str = "the relay's copy of this document is damaged; tell your coordinator";

impl RelayRound<'_> {
    pub(super) fn answer_named(&mut self) {
        let request = self.request;
        for up in &request.uploads {
            self.upload(up);
        }
        for m in &request.messages {
            self.message(m);
        }
        for w in &request.missing {
            self.missing(*w);
        }
    }

    /// The document a device names, and its access, if the device may touch it:
    /// erased documents are answered with a tombstone, others refused.
    fn admit(&mut self, wire: WireDocId) -> Option<(DocumentId, Access)> {
        let Ok(id) = DocumentId::try_from(wire) else {
            self.refuse(wire, "this app names a kind of document the relay does not know: update the relay");
            return None;
        };
        self.handled.insert(id);
        let caller = self.caller;
        let w = self.working(id);
        if w.erased {
            self.response.erased.push(wire);
            return None;
        }
        let access = access(&caller, id, w.facts);
        if access == Access::None {
            self.refuse(wire, "this device may not see this document");
            return None;
        }
        Some((id, access))
    }

    /// Checks the changes `merged` has beyond `base`; records them for saving
    /// if they are acceptable, as bytes. The round keeps no copy of `merged`:
    /// the working copy becomes the stored bytes plus the new chunk.
    fn accept(&mut self, id: DocumentId, base: &Automerge, merged: &Automerge, access: Access) -> bool {
        let base_heads = base.get_heads();
        let new = merged.get_changes(&base_heads);
        if new.is_empty() {
            return true;
        }
        let wire = WireDocId::from(id);
        if access != Access::Write {
            self.refuse(wire, "this device may read but not change this document");
            return false;
        }
        if new.iter().any(|c| connect_model::device_of_actor(c.actor_id()) != Some(self.caller.device)) {
            self.refuse(wire, "it contains changes not written on this device");
            return false;
        }
        let chunk = if base_heads.is_empty() { merged.save() } else { merged.save_after(&base_heads) };
        let media = match self.check_changes(id, base, merged, &new, chunk.len()) {
            Ok(media) => media,
            Err(reason) => {
                self.refuse(wire, reason);
                return false;
            }
        };
        let hashes: Vec<ChangeHash> = new.iter().map(|c| c.hash()).collect();
        self.outcome.changes_accepted += hashes.len() as u64;
        self.team_growth = self.team_growth.saturating_add(chunk.len() as u64);
        if let Some(resident) = id.resident_id()
            && self.working(id).facts.team.is_none()
        {
            self.register.insert(resident);
            // Later documents of the same resident in this request see the registration.
            let registered = ResidentFacts { team: Some(self.caller.team), assigned: true };
            for (other, w) in &mut self.docs {
                if other.resident_id() == Some(resident) {
                    w.facts = registered;
                }
            }
        }
        let heads = merged.get_heads();
        self.record_save(id, &chunk, base_heads, heads.clone(), hashes, media);
        let w = self.working(id);
        let mut bytes = w.stored.take().map(|s| s.bytes).unwrap_or_default();
        let compacted = bytes.is_empty();
        bytes.extend_from_slice(&chunk);
        w.stored = Some(StoredBytes { bytes, heads, compacted });
        w.doc = None;
        true
    }

    /// Adds a checked chunk to what this request saves for `id`.
    fn record_save(
        &mut self,
        id: DocumentId,
        chunk: &[u8],
        base_heads: Vec<ChangeHash>,
        heads: Vec<ChangeHash>,
        hashes: Vec<ChangeHash>,
        media: BTreeSet<BlobHash>,
    ) {
        match self.saves.get_mut(&id) {
            Some(save) => {
                save.bytes.extend_from_slice(chunk);
                save.heads = heads;
                save.new_changes.extend(hashes);
                save.media = media;
            }
            None => {
                let whole = base_heads.is_empty();
                let save =
                    super::DocSave { id, bytes: chunk.to_vec(), whole, base_heads, heads, new_changes: hashes, media };
                self.saves.insert(id, save);
            }
        }
    }

    /// The document a named document's changes merge into: the stored copy,
    /// or an empty one for a document the relay has never had. `None` (and
    /// the document refused) if the stored copy does not load.
    fn base_of(&mut self, id: DocumentId, wire: WireDocId) -> Option<(Automerge, bool, Option<Vec<u8>>)> {
        let w: &mut Working = self.working(id);
        let base = w.take_doc();
        if base.is_none() && w.stored.is_some() {
            self.refuse(wire, DAMAGED);
            return None;
        }
        let exists = base.is_some();
        Some((base.unwrap_or_default(), exists, w.sync_state.clone()))
    }

    fn upload(&mut self, up: &Upload) {
        let Some((id, access)) = self.admit(up.doc) else { return };
        let Some((base, exists, state_bytes)) = self.base_of(id, up.doc) else { return };
        if !exists && id.resident_id().is_none() {
            self.refuse(up.doc, "team documents are created by the relay");
            return;
        }
        let mut merged = base.clone();
        match self.decode_within(|| merged.load_incremental(&up.bytes)) {
            None => return self.refuse(up.doc, checks::TOO_BIG_TO_UNPACK),
            Some(Err(_)) => return self.refuse(up.doc, "the uploaded changes do not load"),
            Some(Ok(_)) => {}
        }
        let device_heads: Vec<ChangeHash> = up.heads.iter().map(|h| ChangeHash(*h)).collect();
        if !merged.get_missing_deps(&[]).is_empty()
            || device_heads.iter().any(|h| merged.get_change_by_hash(h).is_none())
        {
            // The upload builds on history the relay lacks (restored from a
            // backup, say): fall back to the sync protocol to fetch it.
            let mut state = if exists { decode_state(state_bytes.as_deref()) } else { sync::State::new() };
            state.shared_heads.clear();
            if let Some(msg) = base.generate_sync_message(&mut state) {
                self.response.messages.push(DocBytes { doc: up.doc, bytes: msg.encode() });
            }
            return;
        }
        if validate::id_of(&merged).ok() != Some(id) {
            self.refuse(up.doc, "the uploaded document is not the document it claims to be");
            return;
        }
        let merged_heads = sorted(&merged.get_heads());
        if !self.accept(id, &base, &merged, access) || self.working(id).stored.is_none() {
            return;
        }
        // The device holds `device_heads`; tell it anything else the relay has.
        let mut state = sync::State::new();
        state.shared_heads.clone_from(&device_heads);
        if merged_heads != sorted(&device_heads)
            && let Some(msg) = merged.generate_sync_message(&mut state)
        {
            self.response.messages.push(DocBytes { doc: up.doc, bytes: msg.encode() });
        }
        self.states.insert(id, (state.encode(), false));
        self.response.acks.push(Ack { doc: up.doc, heads: heads_bytes(&merged_heads) });
    }

    fn message(&mut self, m: &DocBytes) {
        let Some((id, access)) = self.admit(m.doc) else { return };
        let Ok(message) = sync::Message::decode(&m.bytes) else {
            self.refuse(m.doc, "the sync message is unreadable");
            return;
        };
        let Some((base, exists, state_bytes)) = self.base_of(id, m.doc) else { return };
        let mut state = if exists { decode_state(state_bytes.as_deref()) } else { sync::State::new() };
        let mut merged = base.clone();
        match self.decode_within(|| merged.receive_sync_message(&mut state, message)) {
            None => return self.refuse(m.doc, checks::TOO_BIG_TO_UNPACK),
            Some(Err(_)) => return self.refuse(m.doc, "the sync message does not apply"),
            Some(Ok(())) => {}
        }
        if !self.accept(id, &base, &merged, access) {
            return;
        }
        if let Some(reply) = merged.generate_sync_message(&mut state) {
            self.response.messages.push(DocBytes { doc: m.doc, bytes: reply.encode() });
        }
        let w = self.working(id);
        if w.stored.is_some() {
            let encoded = state.encode();
            w.sync_state = Some(encoded.clone());
            self.states.insert(id, (encoded, false));
            self.response.acks.push(Ack { doc: m.doc, heads: heads_bytes(&sorted(&merged.get_heads())) });
        }
    }

    fn missing(&mut self, wire: WireDocId) {
        let Ok(id) = DocumentId::try_from(wire) else {
            self.refuse(wire, "this app names a kind of document the relay does not know: update the relay");
            return;
        };
        self.handled.insert(id);
        let caller = self.caller;
        let w = self.working(id);
        if access(&caller, id, w.facts) == Access::None {
            return;
        }
        if w.stored.is_some() || w.doc.is_some() {
            self.snapshot(id);
        } else if w.erased {
            self.response.erased.push(wire);
        }
    }
}
