//! A device's half of sync, as a state machine with no I/O.
//!
//! [`DeviceSync`] plans one session: it asks its driver to load the documents
//! it needs, hands it request bodies to send, and hands back what to write,
//! one [`DeviceEffect`] at a time, until both sides have nothing more to say.
//! It opens no file, holds no socket and never blocks, so one core serves the
//! blocking driver (the `connect` command, the tests) and the async one (the
//! app, and the browser over `fetch`).
//!
//! ```text
//!  new ─► Load(pending)* ─► Send ─► Received ─► Load(named)? ─► Write ─► Written ─┐
//!          ▲                                                                       │
//!          └──────────────── more to upload, to answer, or `more` in the feed ─────┘ ─► Done
//! ```
//!
//! Rules it keeps:
//! - Batches are planned from the relay's own [`Limits`]: never more documents
//!   or bytes in one request than the relay accepts. A caseload of any size
//!   syncs in one session, in as many round trips as it needs. Until the
//!   relay's limits are heard, the floor every relay accepts is used.
//! - Everything one response brings is written in one transaction together
//!   with the new cursor ([`DeviceWrite`]), so the cursor never passes a
//!   document that was not saved, and a crash loses nothing the relay sent.
//! - A conversation outlives a crash: the documents mid-conversation are
//!   written with the cursor ([`DeviceWrite::talk`]), and the next session
//!   picks them up first, so the cursor never leaves a document behind whose
//!   changes were announced but not yet exchanged.
//! - A document counts as "on the relay" only when the relay's acknowledged
//!   heads equal this device's heads after the write ([`DeviceWrite::synced`]).
//! - Erased documents are deleted and can never be uploaded again.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use connect_model::DocumentId;
use connect_model::automerge::sync::{self, SyncDoc};
use connect_model::automerge::{Automerge, ChangeHash, ReadDoc};
use connect_model::heads::sorted;

use crate::SyncError;
use crate::driver::SessionStart;
use crate::protocol::{Ack, DocBytes, Limits, SyncRequest, SyncResponse, Upload, WireDocId};

/// A session that goes this many round trips without progress (no upload,
/// no new feed position, no document received) stops with an error.
pub const MAX_IDLE_ROUNDS: usize = 32;

/// How many pending documents are loaded at a time while planning uploads.
const LOAD_CHUNK: usize = 256;

/// Room kept in each request for its framing, so a planned batch never
/// crosses the relay's byte limit.
const REQUEST_OVERHEAD: u64 = 4 * 1024;

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

/// A document as the driver loaded it.
#[derive(Debug, Clone)]
pub struct LoadedDoc {
    /// Which document.
    pub id: DocumentId,
    /// The document, or `None` if it is not on this device.
    pub doc: Option<Automerge>,
    /// The saved sync state with the relay.
    pub sync_state: Option<Vec<u8>>,
    /// The heads the relay last acknowledged.
    pub synced_heads: Option<Vec<ChangeHash>>,
}

/// Everything one round writes to the device, in one transaction.
#[derive(Debug, Clone, Default)]
pub struct DeviceWrite {
    /// Documents to save (merged with anything stored meanwhile). Erased
    /// documents are skipped. Each comes back, merged, in [`DeviceEvent::Written`].
    pub saves: Vec<(DocumentId, Automerge)>,
    /// Documents to delete for ever.
    pub erase: Vec<DocumentId>,
    /// Sync states with the relay.
    pub sync_states: Vec<(DocumentId, Vec<u8>)>,
    /// Mark a document as on the relay, only if its heads after this write are exactly these.
    pub synced: Vec<(DocumentId, Vec<ChangeHash>)>,
    /// The new feed cursor.
    pub cursor: u64,
    /// The round of the response this write applies (see [`SyncRequest::applied`]).
    pub round: u64,
    /// Documents mid-conversation after this round: the next session resumes them.
    pub talk: Vec<DocumentId>,
    /// The relay's limits, to keep for the next session.
    pub limits: Limits,
}

/// What the session needs its driver to do next.
#[derive(Debug)]
pub enum DeviceEffect {
    /// Load these documents; answer with [`DeviceEvent::Loaded`].
    Load(Vec<DocumentId>),
    /// Send this request body to the relay; answer with [`DeviceEvent::Received`].
    Send(Vec<u8>),
    /// Write this in one transaction; answer with [`DeviceEvent::Written`].
    Write(DeviceWrite),
    /// The session is over. The driver records the time and counts what is still pending.
    Done(SyncReport),
}

/// What the driver did.
#[derive(Debug)]
pub enum DeviceEvent {
    /// The documents asked for, in any order.
    Loaded(Vec<LoadedDoc>),
    /// The relay's response body.
    Received(Vec<u8>),
    /// The write committed.
    Written(Written),
}

/// The result of a [`DeviceWrite`].
#[derive(Debug, Default)]
pub struct Written {
    /// The saved documents, merged with what the store held.
    pub saved: Vec<(DocumentId, Automerge)>,
    /// How many saves changed the stored document.
    pub changed: usize,
    /// How many erased documents were on this device.
    pub erased: usize,
    /// The round that was written.
    pub round: u64,
}

struct Open {
    doc: Automerge,
    state: sync::State,
    synced_heads: Option<Vec<ChangeHash>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Resume,
    LoadPending,
    Sent,
    LoadNamed,
    Writing,
    Done,
}

fn decode_state(bytes: Option<&[u8]>) -> sync::State {
    bytes.and_then(|b| sync::State::decode(b).ok()).unwrap_or_default()
}

/// One device sync session.
pub struct DeviceSync {
    cursor: u64,
    /// The round of the last response committed here.
    applied: u64,
    limits: Limits,
    phase: Phase,
    /// Pending documents not loaded yet.
    to_load: VecDeque<DocumentId>,
    /// Loaded pending documents waiting for room in a request.
    staged: VecDeque<DocumentId>,
    /// Documents in memory: staged, in flight, or mid-conversation.
    open: BTreeMap<DocumentId, Open>,
    /// Documents with something to say in the next request.
    talk: BTreeSet<DocumentId>,
    /// Documents the relay talked about that this device lacks.
    missing: BTreeSet<DocumentId>,
    refused: BTreeSet<DocumentId>,
    /// The response waiting for documents to be loaded.
    received: Option<SyncResponse>,
    more: bool,
    /// The last request carried pending documents: progress, whatever the answer.
    sent_work: bool,
    idle_rounds: usize,
    report: SyncReport,
}

impl std::fmt::Debug for DeviceSync {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceSync")
            .field("cursor", &self.cursor)
            .field("phase", &self.phase)
            .field("to_load", &self.to_load.len())
            .finish_non_exhaustive()
    }
}

impl DeviceSync {
    /// Starts a session from what the store remembers of the last one.
    #[must_use]
    pub fn new(start: SessionStart) -> (Self, DeviceEffect) {
        let SessionStart { cursor, applied, limits, pending, talk } = start;
        let mut session = Self {
            cursor,
            applied,
            limits,
            phase: Phase::LoadPending,
            to_load: pending.into(),
            staged: VecDeque::new(),
            open: BTreeMap::new(),
            talk: BTreeSet::new(),
            missing: BTreeSet::new(),
            refused: BTreeSet::new(),
            received: None,
            more: true,
            sent_work: false,
            idle_rounds: 0,
            report: SyncReport::default(),
        };
        if !talk.is_empty() {
            session.phase = Phase::Resume;
            return (session, DeviceEffect::Load(talk));
        }
        let effect = session.next_request();
        (session, effect)
    }

    /// Takes the driver's answer to the last effect and returns the next one.
    pub fn handle(&mut self, event: DeviceEvent) -> Result<DeviceEffect, SyncError> {
        match (self.phase, event) {
            (Phase::Resume, DeviceEvent::Loaded(docs)) => {
                for d in docs {
                    if let Some(id) = self.open_loaded(d) {
                        self.talk.insert(id);
                    }
                }
                Ok(self.next_request())
            }
            (Phase::LoadPending, DeviceEvent::Loaded(docs)) => {
                for d in docs {
                    if let Some(id) = self.open_loaded(d) {
                        self.staged.push_back(id);
                    }
                }
                Ok(self.next_request())
            }
            (Phase::Sent, DeviceEvent::Received(body)) => {
                self.report.bytes_down += body.len();
                let response = SyncResponse::decode(&body)?;
                let unknown: Vec<DocumentId> = response
                    .messages
                    .iter()
                    .filter_map(|m| DocumentId::try_from(m.doc).ok())
                    .filter(|id| !self.open.contains_key(id))
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect();
                self.received = Some(response);
                if unknown.is_empty() {
                    self.apply(Vec::new())
                } else {
                    self.phase = Phase::LoadNamed;
                    Ok(DeviceEffect::Load(unknown))
                }
            }
            (Phase::LoadNamed, DeviceEvent::Loaded(docs)) => self.apply(docs),
            (Phase::Writing, DeviceEvent::Written(written)) => {
                self.applied = written.round;
                self.report.documents_changed += written.changed;
                self.report.documents_erased += written.erased;
                for (id, doc) in written.saved {
                    // The merged copy: it may hold changes saved meanwhile.
                    if let Some(open) = self.open.get_mut(&id) {
                        open.doc = doc;
                    }
                }
                self.close_settled();
                Ok(self.next_request())
            }
            (phase, event) => Err(SyncError::OutOfOrder(format!("{event:?} while {phase:?}"))),
        }
    }

    /// Keeps a loaded document in memory; `None` if it is not on this device.
    fn open_loaded(&mut self, d: LoadedDoc) -> Option<DocumentId> {
        let doc = d.doc?;
        let state = decode_state(d.sync_state.as_deref());
        self.open.insert(d.id, Open { doc, state, synced_heads: d.synced_heads });
        Some(d.id)
    }

    /// Drops the documents with nothing more to say from memory: only those
    /// mid-conversation or waiting to be uploaded stay.
    fn close_settled(&mut self) {
        let staged: BTreeSet<DocumentId> = self.staged.iter().copied().collect();
        let talk = &self.talk;
        self.open.retain(|id, _| talk.contains(id) || staged.contains(id));
    }

    /// Applies the response waiting in `received`, with `loaded` documents it named.
    fn apply(&mut self, loaded: Vec<LoadedDoc>) -> Result<DeviceEffect, SyncError> {
        let response = self.received.take().unwrap_or_default();
        for d in loaded {
            let id = d.id;
            if self.open_loaded(d).is_none() {
                self.missing.insert(id);
            }
        }
        let mut write = DeviceWrite {
            cursor: response.cursor,
            round: response.round,
            limits: response.limits,
            ..DeviceWrite::default()
        };
        let progressed = !response.snapshots.is_empty() || response.cursor != self.cursor;

        for wire in &response.erased {
            let id = DocumentId::try_from(*wire)?;
            write.erase.push(id);
            self.open.remove(&id);
            self.talk.remove(&id);
            self.staged.retain(|s| *s != id);
            self.missing.remove(&id);
        }
        let erased: BTreeSet<DocumentId> = write.erase.iter().copied().collect();
        for rejection in &response.rejected {
            let Ok(id) = DocumentId::try_from(rejection.doc) else { continue };
            self.refused.insert(id);
            self.talk.remove(&id);
            self.report.rejected.push((id, rejection.reason.clone()));
        }
        let mut saves: BTreeMap<DocumentId, Automerge> = BTreeMap::new();
        self.apply_snapshots(&response.snapshots, &erased, &mut saves, &mut write)?;
        self.apply_messages(&response.messages, &erased, &mut saves, &mut write)?;
        self.apply_acks(&response.acks, &mut write);
        write.saves = saves.into_iter().collect();
        write.talk = self.talk.iter().copied().collect();
        self.idle_rounds = if progressed || self.sent_work { 0 } else { self.idle_rounds + 1 };
        if self.idle_rounds > MAX_IDLE_ROUNDS {
            return Err(SyncError::DidNotSettle(MAX_IDLE_ROUNDS));
        }
        let nothing_to_write = write.saves.is_empty()
            && write.erase.is_empty()
            && write.sync_states.is_empty()
            && write.synced.is_empty()
            && write.talk.is_empty()
            && response.cursor == self.cursor
            && response.round == self.applied
            && response.limits == self.limits;
        self.cursor = response.cursor;
        self.more = response.more;
        self.limits = response.limits;
        if nothing_to_write {
            // An idle round: nothing to commit, so no fsync.
            self.close_settled();
            return Ok(self.next_request());
        }
        self.phase = Phase::Writing;
        Ok(DeviceEffect::Write(write))
    }

    /// Whole documents the relay sent (new to this device, or resent):
    /// saved, merged with any copy here, and marked with the relay's heads.
    fn apply_snapshots(
        &mut self,
        snapshots: &[DocBytes],
        erased: &BTreeSet<DocumentId>,
        saves: &mut BTreeMap<DocumentId, Automerge>,
        write: &mut DeviceWrite,
    ) -> Result<(), SyncError> {
        for snap in snapshots {
            let id = DocumentId::try_from(snap.doc)?;
            if erased.contains(&id) {
                continue;
            }
            let mut doc = Automerge::load(&snap.bytes)
                .map_err(|e| SyncError::BadRelayData(format!("snapshot of {id} does not load: {e}")))?;
            let relay_heads = sorted(&doc.get_heads());
            if let Some(open) = self.open.get_mut(&id) {
                // This device had it after all (a resend): merge, never replace.
                open.doc.merge(&mut doc).map_err(|e| SyncError::BadRelayData(format!("snapshot of {id}: {e}")))?;
                saves.insert(id, open.doc.clone());
            } else {
                saves.insert(id, doc);
            }
            let mut state = sync::State::new();
            state.shared_heads.clone_from(&relay_heads);
            write.sync_states.push((id, state.encode()));
            write.synced.push((id, relay_heads));
            self.missing.remove(&id);
        }
        Ok(())
    }

    /// Sync messages the relay sent: each received into its document here
    /// (which carries the conversation on), or the document asked for whole.
    fn apply_messages(
        &mut self,
        messages: &[DocBytes],
        erased: &BTreeSet<DocumentId>,
        saves: &mut BTreeMap<DocumentId, Automerge>,
        write: &mut DeviceWrite,
    ) -> Result<(), SyncError> {
        for msg in messages {
            let id = DocumentId::try_from(msg.doc)?;
            if erased.contains(&id) {
                continue;
            }
            let Some(entry) = self.open.get_mut(&id) else {
                // Not on this device: ask for the whole document.
                self.missing.insert(id);
                continue;
            };
            let message = sync::Message::decode(&msg.bytes)
                .map_err(|e| SyncError::BadRelayData(format!("sync message for {id}: {e}")))?;
            let before = sorted(&entry.doc.get_heads());
            entry
                .doc
                .receive_sync_message(&mut entry.state, message)
                .map_err(|e| SyncError::BadRelayData(format!("sync message for {id}: {e}")))?;
            if sorted(&entry.doc.get_heads()) != before {
                saves.insert(id, entry.doc.clone());
            }
            write.sync_states.push((id, entry.state.encode()));
            self.talk.insert(id);
        }
        Ok(())
    }

    /// The relay's acknowledgements: a document whose heads here equal the
    /// acknowledged ones is on the relay.
    fn apply_acks(&mut self, acks: &[Ack], write: &mut DeviceWrite) {
        for ack in acks {
            let Ok(id) = DocumentId::try_from(ack.doc) else { continue };
            let Some(entry) = self.open.get_mut(&id) else { continue };
            let relay = sorted(&ack.change_hashes());
            if sorted(&entry.doc.get_heads()) == relay {
                // Both sides hold exactly these heads: remember it, so the next
                // edit's first message carries a one-change summary, not the history.
                entry.synced_heads = Some(relay.clone());
                write.synced.push((id, relay.clone()));
                if sorted(&entry.state.shared_heads) != relay {
                    entry.state.shared_heads = relay;
                    write.sync_states.push((id, entry.state.encode()));
                }
            }
        }
    }

    /// Plans the next request, loading more pending documents first if there
    /// is room for them; or ends the session.
    fn next_request(&mut self) -> DeviceEffect {
        let max_docs = usize::try_from(self.limits.max_documents).unwrap_or(usize::MAX);
        let budget = self.limits.max_request_bytes.saturating_sub(REQUEST_OVERHEAD).max(1);
        let room = max_docs.saturating_sub(self.talk.len() + self.missing.len());
        if self.staged.len() < room && !self.to_load.is_empty() {
            let n = LOAD_CHUNK.min(room - self.staged.len()).max(1);
            let ids: Vec<DocumentId> = (0..n).filter_map(|_| self.to_load.pop_front()).collect();
            self.phase = Phase::LoadPending;
            return DeviceEffect::Load(ids);
        }

        let mut batch = Batch {
            request: SyncRequest { cursor: self.cursor, applied: self.applied, ..SyncRequest::default() },
            count: 0,
            bytes: 0,
            max_docs,
            budget,
        };
        while let Some(id) = self.missing.first().copied() {
            if !batch.fits(20) {
                break;
            }
            self.missing.remove(&id);
            batch.request.missing.push(WireDocId::from(id));
            batch.add(20);
        }
        self.plan_messages(&mut batch);
        let sent_work = self.plan_uploads(&mut batch);
        let Batch { request, count, .. } = batch;
        let has_documents = count > 0;
        let first = self.report.rounds == 0;
        let work_left = !self.to_load.is_empty() || !self.staged.is_empty();
        if !has_documents && !self.more && !first && !work_left {
            self.phase = Phase::Done;
            return DeviceEffect::Done(std::mem::take(&mut self.report));
        }
        self.sent_work = sent_work;
        self.report.rounds += 1;
        let body = request.encode();
        self.report.bytes_up += body.len();
        self.phase = Phase::Sent;
        DeviceEffect::Send(body)
    }

    /// Carries on every conversation that has something to say, while it fits.
    fn plan_messages(&mut self, batch: &mut Batch) {
        let talking: Vec<DocumentId> = self.talk.iter().copied().collect();
        for id in talking {
            if self.refused.contains(&id) {
                self.talk.remove(&id);
                continue;
            }
            let Some(entry) = self.open.get_mut(&id) else {
                self.talk.remove(&id);
                continue;
            };
            let mut state = entry.state.clone();
            let Some(msg) = entry.doc.generate_sync_message(&mut state) else {
                self.talk.remove(&id);
                continue;
            };
            let encoded = msg.encode();
            if !batch.fits(encoded.len()) {
                break;
            }
            entry.state = state;
            self.talk.remove(&id);
            batch.add(encoded.len());
            batch.request.messages.push(DocBytes { doc: id.into(), bytes: encoded });
        }
    }

    /// Sends pending documents, while they fit: whole when the relay never
    /// had them, as the changes since its acknowledged heads when it did, or
    /// as a sync message otherwise. Answers whether any went.
    fn plan_uploads(&mut self, batch: &mut Batch) -> bool {
        let mut sent_work = false;
        while let Some(id) = self.staged.front().copied() {
            let Some(entry) = self.open.get_mut(&id) else {
                self.staged.pop_front();
                continue;
            };
            let heads: Vec<[u8; 32]> = entry.doc.get_heads().iter().map(|h| h.0).collect();
            let item = match &entry.synced_heads {
                // Never on the relay: the whole document, one round trip.
                None => Some(Upload { doc: id.into(), heads, bytes: entry.doc.save() }),
                // The relay holds these heads: just the changes since, one round trip.
                Some(acked) if acked.iter().all(|h| entry.doc.get_change_by_hash(h).is_some()) => {
                    Some(Upload { doc: id.into(), heads, bytes: entry.doc.save_after(acked) })
                }
                // Otherwise let the sync protocol work out what each side lacks.
                Some(_) => None,
            };
            match item {
                Some(up) => {
                    let size = up.bytes.len() + 32 * up.heads.len() + 20;
                    if !batch.fits(size) {
                        break;
                    }
                    batch.bytes += size as u64;
                    batch.request.uploads.push(up);
                }
                None => {
                    let mut state = entry.state.clone();
                    if let Some(msg) = entry.doc.generate_sync_message(&mut state) {
                        let encoded = msg.encode();
                        if !batch.fits(encoded.len()) {
                            break;
                        }
                        entry.state = state;
                        batch.bytes += encoded.len() as u64;
                        batch.request.messages.push(DocBytes { doc: id.into(), bytes: encoded });
                    }
                }
            }
            batch.count += 1;
            sent_work = true;
            self.staged.pop_front();
            self.report.documents_sent += 1;
        }
        sent_work
    }
}

/// One request being filled, within the relay's limits.
struct Batch {
    request: SyncRequest,
    /// Documents in it.
    count: usize,
    /// Bytes of documents in it.
    bytes: u64,
    max_docs: usize,
    budget: u64,
}

impl Batch {
    /// Whether one more document of `extra` bytes fits (the first always does).
    fn fits(&self, extra: usize) -> bool {
        self.count == 0 || (self.count < self.max_docs && self.bytes.saturating_add(extra as u64) <= self.budget)
    }

    /// Counts one more document of `extra` bytes.
    fn add(&mut self, extra: usize) {
        self.count += 1;
        self.bytes += extra as u64;
    }
}
