//! A device's sync session: round trips with the relay until both sides have
//! nothing more to say.
//!
//! The session talks to the store through the [`DocumentStore`] trait and to
//! the relay through the [`Transport`] trait, so the same code runs against a
//! real relay over HTTPS and against an in-process relay in deterministic tests.
//!
//! Safety rules it keeps:
//! - The store is the source of truth. Everything received is saved (merged)
//!   before the cursor moves, so a crash or a cut connection mid-session just
//!   means the next session asks again; Automerge makes re-applying harmless.
//! - A document counts as "on the relay" only when the relay's acknowledged
//!   heads equal this device's heads.
//! - Erased documents are deleted here and can never be uploaded again.

use std::collections::{BTreeMap, BTreeSet};

use connect_model::DocumentId;
use connect_model::automerge::sync::{self, SyncDoc};
use connect_model::automerge::{Automerge, ChangeHash, ReadDoc};
use connect_store::{DocumentStore, StoreError};

use crate::SyncError;
use crate::protocol::{DocBytes, SyncRequest, SyncResponse, Upload, WireDocId};

/// The peer name sync states are stored under.
pub const RELAY_PEER: &str = "relay";
/// Store setting: the feed cursor.
pub const CURSOR_SETTING: &str = "sync_cursor";
/// Store setting: when the last sync completed (RFC 3339).
pub const LAST_SYNC_SETTING: &str = "last_sync";

/// A session that has not settled after this many round trips stops with an error.
pub const MAX_ROUNDS: usize = 32;

/// Sends one request body and returns the response body.
pub trait Transport {
    /// One round trip.
    fn exchange(&mut self, body: Vec<u8>) -> Result<Vec<u8>, SyncError>;
}

/// What a session did, for people and for `connect sync --json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct SyncReport {
    /// Round trips made.
    pub rounds: usize,
    /// Request bytes sent.
    pub bytes_up: usize,
    /// Response bytes received.
    pub bytes_down: usize,
    /// Documents that changed on this device because of the sync.
    pub documents_changed: usize,
    /// Documents this device sent changes for.
    pub documents_sent: usize,
    /// Documents deleted because they were erased on request.
    pub documents_erased: usize,
    /// Documents the relay refused, with its reasons.
    pub rejected: Vec<(DocumentId, String)>,
    /// Documents with changes the relay has not acknowledged after the session.
    pub pending: usize,
}

struct Open {
    doc: Automerge,
    state: sync::State,
}

fn decode_state(bytes: Option<Vec<u8>>) -> sync::State {
    bytes.and_then(|b| sync::State::decode(&b).ok()).unwrap_or_default()
}

fn sorted(mut heads: Vec<ChangeHash>) -> Vec<ChangeHash> {
    heads.sort();
    heads
}

/// Runs one sync session to completion.
pub fn run_session(
    store: &mut impl DocumentStore,
    transport: &mut impl Transport,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<SyncReport, SyncError> {
    let mut report = SyncReport::default();
    let mut cursor: u64 = store.setting(CURSOR_SETTING)?.and_then(|c| c.parse().ok()).unwrap_or(0);
    let mut open: BTreeMap<DocumentId, Open> = BTreeMap::new();
    let mut refused: BTreeSet<DocumentId> = BTreeSet::new();

    // First round: every document with changes the relay has not acknowledged.
    let mut request = SyncRequest { cursor, ..SyncRequest::default() };
    for id in store.pending()? {
        let doc = store.load(id)?;
        let state = decode_state(store.sync_state(RELAY_PEER, id)?);
        let heads: Vec<[u8; 32]> = doc.get_heads().iter().map(|h| h.0).collect();
        match store.synced_heads(id)? {
            // Never on the relay: the whole document, one round trip.
            None => request.uploads.push(Upload { doc: id.into(), heads, bytes: doc.save() }),
            // The relay holds these heads: just the changes since, one round trip.
            Some(acked) if acked.iter().all(|h| doc.get_change_by_hash(h).is_some()) => {
                request.uploads.push(Upload { doc: id.into(), heads, bytes: doc.save_after(&acked) });
            }
            // Otherwise let the sync protocol work out what each side lacks.
            Some(_) => {
                let mut state = state.clone();
                if let Some(msg) = doc.generate_sync_message(&mut state) {
                    request.messages.push(DocBytes { doc: id.into(), bytes: msg.encode() });
                }
                open.insert(id, Open { doc, state });
                report.documents_sent += 1;
                continue;
            }
        }
        open.insert(id, Open { doc, state });
        report.documents_sent += 1;
    }

    loop {
        report.rounds += 1;
        if report.rounds > MAX_ROUNDS {
            return Err(SyncError::DidNotSettle(MAX_ROUNDS));
        }
        let body = request.encode();
        report.bytes_up += body.len();
        let reply = transport.exchange(body)?;
        report.bytes_down += reply.len();
        let response = SyncResponse::decode(&reply)?;

        let mut touched: BTreeSet<DocumentId> = BTreeSet::new();
        let mut missing = Vec::new();

        for wire in &response.erased {
            let id = DocumentId::try_from(*wire)?;
            if store.contains(id)? {
                report.documents_erased += 1;
            }
            store.erase(id)?;
            open.remove(&id);
        }
        for rejection in &response.rejected {
            let id = DocumentId::try_from(rejection.doc)?;
            refused.insert(id);
            report.rejected.push((id, rejection.reason.clone()));
        }
        for snap in &response.snapshots {
            let id = DocumentId::try_from(snap.doc)?;
            if store.is_erased(id)? {
                continue;
            }
            let mut doc = Automerge::load(&snap.bytes)
                .map_err(|e| SyncError::BadRelayData(format!("snapshot of {id} does not load: {e}")))?;
            let relay_heads = doc.get_heads();
            let before = store.contains(id)?.then(|| store.load(id)).transpose()?.map(|d| sorted(d.get_heads()));
            store.save(id, &mut doc)?;
            let doc = store.load(id)?;
            let now_heads = sorted(doc.get_heads());
            if before.as_ref() != Some(&now_heads) {
                report.documents_changed += 1;
            }
            if now_heads == sorted(relay_heads.clone()) {
                store.mark_synced(id, &now_heads)?;
            }
            let mut state = sync::State::new();
            state.shared_heads = relay_heads;
            store.set_sync_state(RELAY_PEER, id, &state.encode())?;
            open.insert(id, Open { doc, state });
        }
        for msg in &response.messages {
            let id = DocumentId::try_from(msg.doc)?;
            if store.is_erased(id)? {
                continue;
            }
            let entry = match open.entry(id) {
                std::collections::btree_map::Entry::Occupied(o) => o.into_mut(),
                std::collections::btree_map::Entry::Vacant(v) => match store.load(id) {
                    Ok(doc) => v.insert(Open { doc, state: decode_state(store.sync_state(RELAY_PEER, id)?) }),
                    Err(StoreError::NotFound(_)) => {
                        missing.push(WireDocId::from(id));
                        continue;
                    }
                    Err(e) => return Err(e.into()),
                },
            };
            let message = sync::Message::decode(&msg.bytes)
                .map_err(|e| SyncError::BadRelayData(format!("sync message for {id}: {e}")))?;
            let before = sorted(entry.doc.get_heads());
            entry
                .doc
                .receive_sync_message(&mut entry.state, message)
                .map_err(|e| SyncError::BadRelayData(format!("sync message for {id}: {e}")))?;
            if sorted(entry.doc.get_heads()) != before {
                store.save(id, &mut entry.doc)?;
                report.documents_changed += 1;
            }
            store.set_sync_state(RELAY_PEER, id, &entry.state.encode())?;
            touched.insert(id);
        }
        for ack in &response.acks {
            let id = DocumentId::try_from(ack.doc)?;
            let Some(entry) = open.get_mut(&id) else { continue };
            let relay = sorted(ack.change_hashes());
            if sorted(entry.doc.get_heads()) == relay {
                // Both sides hold exactly these heads: remember it, so the next
                // edit's first message carries a one-change summary, not the history.
                store.mark_synced(id, &relay)?;
                if sorted(entry.state.shared_heads.clone()) != relay {
                    entry.state.shared_heads = relay;
                    store.set_sync_state(RELAY_PEER, id, &entry.state.encode())?;
                }
            }
        }
        // Everything received is saved: now the cursor may move.
        cursor = response.cursor;
        store.set_setting(CURSOR_SETTING, Some(&cursor.to_string()))?;

        // Only documents mid-conversation (they received a message) have more to say.
        request = SyncRequest { cursor, missing, ..SyncRequest::default() };
        for id in &touched {
            if refused.contains(id) {
                continue;
            }
            if let Some(entry) = open.get_mut(id)
                && let Some(msg) = entry.doc.generate_sync_message(&mut entry.state)
            {
                request.messages.push(DocBytes { doc: (*id).into(), bytes: msg.encode() });
            }
        }
        if request.messages.is_empty() && request.missing.is_empty() && !response.more {
            break;
        }
    }
    store.set_setting(LAST_SYNC_SETTING, Some(&now.to_rfc3339()))?;
    report.pending = store.pending()?.len();
    Ok(report)
}
