//! The relay's half of a sync round trip, as a state machine with no I/O.
//!
//! [`RelayRound`] takes one decoded [`SyncRequest`] from an authenticated
//! [`Caller`] and asks its driver, one [`RelayEffect`] at a time, for what it
//! needs: the stored state of the documents the request names, a page of the
//! team feed, the documents behind those entries. It answers with the writes
//! to commit (in one transaction) and then the [`SyncResponse`]. It opens no
//! file, holds no socket and never blocks, so the same code runs behind axum,
//! in the deterministic multi-device harness and under the fuzzer.
//!
//! ```text
//!  new(request) ──► Read(named docs) ──► ReadFeed ──► ReadFacts? ──► Read(feed docs)* ──► Commit? ──► Respond
//! ```
//!
//! Rules it keeps:
//! - Every document a device changes is merged into a copy first; only if every
//!   new change was authored by that device, the device may write the
//!   document, and the result still reads as a valid document of its kind, is
//!   the copy saved. Otherwise the document is refused with a reason.
//! - When the relay sends a whole document it records that the device holds
//!   it only as an assumption, tagged with the response's round
//!   ([`SyncResponse::round`]). The device echoes the round of the last
//!   response it committed ([`SyncRequest::applied`]). A request that echoes
//!   less than the relay's newest round lost a response (a cut connection, a
//!   crash before the commit): every assumption made after the echoed round
//!   is forgotten ([`RelayWrites::forget_assumed_after`]) and those documents
//!   are sent again. So no device is ever left without a document the relay
//!   thinks it has.
//! - A response never grows past its byte budget by more than one document, and
//!   its cursor never passes an entry it did not deliver.
//! - No input can make it panic: every index is checked, every decode is a
//!   refusal with a reason.

use std::collections::{BTreeMap, BTreeSet};

use connect_model::automerge::sync::{self, SyncDoc};
use connect_model::automerge::{Automerge, ChangeHash, ReadDoc};
use connect_model::heads::sorted;
use connect_model::{AuthorRole, DocumentId, ResidentId, validate};

use crate::SyncError;
use crate::access::{Access, Caller, ResidentFacts, access};
use crate::protocol::{Ack, DocBytes, Limits, Rejection, SyncRequest, SyncResponse, Upload, WireDocId};

/// What one relay accepts and sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelayLimits {
    /// Most documents (uploads, messages and missing) in one request.
    pub max_documents: usize,
    /// Most bytes in one request body (the HTTP body limit).
    pub max_request_bytes: usize,
    /// Stop adding documents to a response past this many bytes (and say `more`).
    pub response_budget: usize,
    /// Most feed entries considered per response.
    pub feed_page: usize,
}

impl Default for RelayLimits {
    fn default() -> Self {
        Self {
            // A thousand documents and 8 MiB: room for the largest resident
            // document many times over, small enough that no request needs
            // much of the relay's memory however large the caseload.
            max_documents: 1_000,
            max_request_bytes: 8 * 1024 * 1024,
            response_budget: 4 * 1024 * 1024,
            feed_page: 1_500,
        }
    }
}

impl RelayLimits {
    /// What the relay tells devices about itself.
    #[must_use]
    pub fn advertised(&self) -> Limits {
        Limits {
            max_documents: u32::try_from(self.max_documents).unwrap_or(u32::MAX),
            max_request_bytes: u64::try_from(self.max_request_bytes).unwrap_or(u64::MAX),
        }
    }
}

/// How many feed documents are read from the store at a time: enough to keep
/// the store busy, few enough that a response over budget reads little extra.
const FEED_READ_CHUNK: usize = 64;

/// What the relay's store holds about one document, as the driver read it.
#[derive(Debug, Clone)]
pub struct StoredDoc {
    /// Which document.
    pub id: DocumentId,
    /// The stored document, if the relay holds it.
    pub stored: Option<StoredBytes>,
    /// Whether it was erased on request.
    pub erased: bool,
    /// What access needs to know about its resident.
    pub facts: ResidentFacts,
    /// The saved sync state between the caller's device and this document.
    pub sync_state: Option<Vec<u8>>,
    /// If that state only assumes the device holds the document (it was sent
    /// whole), the round of the response that sent it.
    pub assumed_round: Option<u64>,
}

/// A stored document's bytes and heads.
#[derive(Debug, Clone, Default)]
pub struct StoredBytes {
    /// A saved document, optionally followed by change chunks: `Automerge::load` reads it.
    pub bytes: Vec<u8>,
    /// Its heads.
    pub heads: Vec<ChangeHash>,
    /// Whether `bytes` is one compacted snapshot (no chunks after it), so it
    /// can be sent as it is.
    pub compacted: bool,
}

/// One feed entry: a document that changed (or was erased) at a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedEntry {
    /// Position in the team's feed; commit order.
    pub seq: u64,
    /// Which document.
    pub doc: DocumentId,
    /// An erasure rather than a change.
    pub erased: bool,
}

/// One document's new changes, as bytes (so a round never holds a batch of
/// whole documents in memory), to be stored only if the stored heads are
/// still `base_heads`.
#[derive(Debug, Clone)]
pub struct DocSave {
    /// Which document.
    pub id: DocumentId,
    /// A whole saved document (`whole`: the relay had none), or change
    /// chunks since `base_heads`.
    pub bytes: Vec<u8>,
    /// Whether `bytes` is a whole document.
    pub whole: bool,
    /// The heads of the stored version the chunks build on (empty for a new document).
    pub base_heads: Vec<ChangeHash>,
    /// The heads after.
    pub heads: Vec<ChangeHash>,
    /// The changes this request added, for the change log.
    pub new_changes: Vec<ChangeHash>,
}

/// Everything one request writes, to commit in one transaction.
#[derive(Debug, Clone, Default)]
pub struct RelayWrites {
    /// Residents seen for the first time: register them to the caller's team
    /// and assign them to the caller's person.
    pub register: Vec<ResidentId>,
    /// Documents to store, each with one feed entry and its change log.
    pub saves: Vec<DocSave>,
    /// Sync states between the caller's device and documents, with the
    /// round whose response they are assumed from (`None`: confirmed by the
    /// device itself).
    pub sync_states: Vec<(DocumentId, Vec<u8>, Option<u64>)>,
    /// The round of this response: the device's newest, which the store keeps.
    pub round: u64,
    /// Forget, before writing `sync_states`, every sync state of the device
    /// assumed in a round after this one: the device never applied them.
    pub forget_assumed_after: Option<u64>,
}

impl RelayWrites {
    /// Whether there is nothing to commit.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.register.is_empty()
            && self.saves.is_empty()
            && self.sync_states.is_empty()
            && self.forget_assumed_after.is_none()
    }
}

/// What the round needs its driver to do next.
#[derive(Debug)]
pub enum RelayEffect {
    /// Read these documents' [`StoredDoc`]s; answer with [`RelayEvent::Read`].
    Read(Vec<DocumentId>),
    /// Read the caller's team feed after `after`, one entry per document (its
    /// latest), oldest first, at most `limit`; answer with [`RelayEvent::Feed`].
    ReadFeed {
        /// The device's cursor.
        after: u64,
        /// Most entries.
        limit: usize,
    },
    /// Read what access needs to know about these documents' residents;
    /// answer with [`RelayEvent::Facts`]. Asked before reading feed documents
    /// for a device that may not see them all.
    ReadFacts(Vec<DocumentId>),
    /// Commit these writes in one transaction; answer with [`RelayEvent::Committed`].
    /// If a document changed since it was read, roll back and run the round again.
    Commit(RelayWrites),
    /// Send this response. The round is over.
    Respond(SyncResponse, RelayOutcome),
}

/// What the driver did.
#[derive(Debug)]
pub enum RelayEvent {
    /// The documents asked for (any order; missing ones may be left out).
    Read(Vec<StoredDoc>),
    /// The feed page.
    Feed(Vec<FeedEntry>),
    /// The facts asked for (missing ones count as an unknown resident).
    Facts(Vec<(DocumentId, ResidentFacts)>),
    /// The writes are committed.
    Committed,
}

/// What a round did, for metrics and logs.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RelayOutcome {
    /// Changes accepted.
    pub changes_accepted: u64,
    /// Documents refused, with why (never resident text).
    pub refused: Vec<(WireDocId, &'static str)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Named,
    Feed,
    FeedFacts,
    FeedDocs { until: usize },
    Commit,
    Done,
}

/// A document being worked on in this round.
struct Working {
    doc: Option<Automerge>,
    stored: Option<StoredBytes>,
    erased: bool,
    facts: ResidentFacts,
    /// The sync state with the caller, if it can be trusted.
    sync_state: Option<Vec<u8>>,
}

impl Working {
    /// `applied` is the last round the device confirms it applied: a state
    /// assumed in a later round was never confirmed and is dropped.
    fn from_stored(s: StoredDoc, applied: u64) -> Self {
        let trusted = s.assumed_round.is_none_or(|round| round <= applied);
        let sync_state = if trusted { s.sync_state } else { None };
        Self { doc: None, stored: s.stored, erased: s.erased, facts: s.facts, sync_state }
    }

    /// The document, out of the cache (loaded from its bytes if not there):
    /// for a caller about to merge into it, so no copy is made.
    fn take_doc(&mut self) -> Option<Automerge> {
        self.doc.take().or_else(|| self.stored.as_ref().and_then(|s| Automerge::load(&s.bytes).ok()))
    }

    /// The document, loaded from its bytes on first use.
    fn doc(&mut self) -> Option<&Automerge> {
        if self.doc.is_none() {
            self.doc = self.stored.as_ref().and_then(|s| Automerge::load(&s.bytes).ok());
        }
        self.doc.as_ref()
    }

    fn heads(&self) -> Vec<ChangeHash> {
        match (&self.doc, &self.stored) {
            (Some(d), _) => sorted(&d.get_heads()),
            (None, Some(s)) => sorted(&s.heads),
            (None, None) => Vec::new(),
        }
    }
}

fn decode_state(bytes: Option<&[u8]>) -> sync::State {
    bytes.and_then(|b| sync::State::decode(b).ok()).unwrap_or_default()
}

fn heads_bytes(heads: &[ChangeHash]) -> Vec<[u8; 32]> {
    heads.iter().map(|h| h.0).collect()
}

/// One sync request being answered. It borrows the request, so a round run
/// again after a lost commit race needs no copy of it.
pub struct RelayRound<'a> {
    caller: Caller,
    request: &'a SyncRequest,
    limits: RelayLimits,
    /// The device's newest round before this request.
    last_round: u64,
    /// Whether this response sends a whole document (and so starts a new round).
    sends_whole: bool,
    phase: Phase,
    docs: BTreeMap<DocumentId, Working>,
    handled: BTreeSet<DocumentId>,
    feed: Vec<FeedEntry>,
    feed_pos: usize,
    response: SyncResponse,
    saves: BTreeMap<DocumentId, DocSave>,
    states: BTreeMap<DocumentId, (Vec<u8>, bool)>,
    register: BTreeSet<ResidentId>,
    budget_used: usize,
    outcome: RelayOutcome,
}

impl std::fmt::Debug for RelayRound<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RelayRound").field("caller", &self.caller).field("phase", &self.phase).finish_non_exhaustive()
    }
}

impl<'a> RelayRound<'a> {
    /// Starts answering `request`. `last_round` is the newest round the
    /// relay has numbered for this device. Refuses a request over the
    /// document limit before reading anything.
    pub fn new(
        caller: Caller,
        request: &'a SyncRequest,
        last_round: u64,
        limits: RelayLimits,
    ) -> Result<(Self, RelayEffect), SyncError> {
        let count = request.uploads.len() + request.messages.len() + request.missing.len();
        if count > limits.max_documents {
            return Err(SyncError::TooManyDocuments { documents: count, limit: limits.max_documents });
        }
        let round = Self {
            caller,
            last_round,
            sends_whole: false,
            limits,
            phase: Phase::Named,
            docs: BTreeMap::new(),
            handled: BTreeSet::new(),
            feed: Vec::new(),
            feed_pos: 0,
            response: SyncResponse {
                cursor: request.cursor,
                round: last_round,
                limits: limits.advertised(),
                ..SyncResponse::default()
            },
            saves: BTreeMap::new(),
            states: BTreeMap::new(),
            register: BTreeSet::new(),
            budget_used: 0,
            outcome: RelayOutcome::default(),
            request,
        };
        let wires = request.uploads.iter().map(|u| u.doc);
        let wires = wires.chain(request.messages.iter().map(|m| m.doc)).chain(request.missing.iter().copied());
        let named: BTreeSet<DocumentId> = wires.filter_map(|w| DocumentId::try_from(w).ok()).collect();
        Ok((round, RelayEffect::Read(named.into_iter().collect())))
    }

    /// Takes the driver's answer to the last effect and returns the next one.
    pub fn handle(&mut self, event: RelayEvent) -> Result<RelayEffect, SyncError> {
        match (self.phase, event) {
            (Phase::Named, RelayEvent::Read(docs)) => {
                self.take(docs);
                self.answer_named();
                self.phase = Phase::Feed;
                Ok(RelayEffect::ReadFeed { after: self.request.cursor, limit: self.limits.feed_page.saturating_add(1) })
            }
            (Phase::Feed, RelayEvent::Feed(entries)) => {
                self.feed = entries;
                if self.caller.role == AuthorRole::Coordinator {
                    // A coordinator may see every team document: no need to ask.
                    return self.next_feed_read();
                }
                let ids: Vec<DocumentId> = self
                    .feed
                    .iter()
                    .take(self.limits.feed_page)
                    .filter(|e| !e.erased && !self.handled.contains(&e.doc) && !self.docs.contains_key(&e.doc))
                    .map(|e| e.doc)
                    .collect();
                if ids.is_empty() {
                    return self.next_feed_read();
                }
                self.phase = Phase::FeedFacts;
                Ok(RelayEffect::ReadFacts(ids))
            }
            (Phase::FeedFacts, RelayEvent::Facts(facts)) => {
                // Entries this device may not see are passed over without
                // reading their documents: a supporter's first sync on a large
                // team reads only its own residents' bytes.
                for (id, facts) in facts {
                    if access(&self.caller, id, facts) == Access::None {
                        self.handled.insert(id);
                    }
                }
                self.next_feed_read()
            }
            (Phase::FeedDocs { until }, RelayEvent::Read(docs)) => {
                self.take(docs);
                if self.answer_feed(until) { self.finish() } else { self.next_feed_read() }
            }
            (Phase::Commit, RelayEvent::Committed) => {
                self.phase = Phase::Done;
                Ok(self.respond())
            }
            (phase, event) => Err(SyncError::OutOfOrder(format!("{event:?} while {phase:?}"))),
        }
    }

    fn take(&mut self, docs: Vec<StoredDoc>) {
        let applied = self.request.applied;
        for d in docs {
            self.docs.entry(d.id).or_insert_with(|| Working::from_stored(d, applied));
        }
    }

    fn working(&mut self, id: DocumentId) -> &mut Working {
        self.docs.entry(id).or_insert_with(|| Working {
            doc: None,
            stored: None,
            erased: false,
            facts: ResidentFacts::default(),
            sync_state: None,
        })
    }

    fn refuse(&mut self, wire: WireDocId, reason: &'static str) {
        self.outcome.refused.push((wire, reason));
        self.response.rejected.push(Rejection { doc: wire, reason: reason.to_owned() });
    }

    fn answer_named(&mut self) {
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
        let new = merged.get_changes(&base.get_heads());
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
        if validate::check_document(id, merged).is_err() {
            self.refuse(wire, "the changes would leave the document unreadable");
            return false;
        }
        let hashes: Vec<ChangeHash> = new.iter().map(|c| c.hash()).collect();
        self.outcome.changes_accepted += hashes.len() as u64;
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
        let base_heads = base.get_heads();
        let heads = merged.get_heads();
        let chunk = if base_heads.is_empty() { merged.save() } else { merged.save_after(&base_heads) };
        match self.saves.get_mut(&id) {
            Some(save) => {
                save.bytes.extend_from_slice(&chunk);
                save.heads.clone_from(&heads);
                save.new_changes.extend(hashes);
            }
            None => {
                let whole = base_heads.is_empty();
                let save =
                    DocSave { id, bytes: chunk.clone(), whole, base_heads, heads: heads.clone(), new_changes: hashes };
                self.saves.insert(id, save);
            }
        }
        let w = self.working(id);
        let mut bytes = w.stored.take().map(|s| s.bytes).unwrap_or_default();
        let compacted = bytes.is_empty();
        bytes.extend_from_slice(&chunk);
        w.stored = Some(StoredBytes { bytes, heads, compacted });
        w.doc = None;
        true
    }

    fn upload(&mut self, up: &Upload) {
        let Some((id, access)) = self.admit(up.doc) else { return };
        let w = self.working(id);
        let base = w.take_doc();
        if base.is_none() && w.stored.is_some() {
            self.refuse(up.doc, "the relay's copy of this document is damaged; tell your coordinator");
            return;
        }
        let exists = base.is_some();
        let state_bytes = w.sync_state.clone();
        if !exists && id.resident_id().is_none() {
            self.refuse(up.doc, "team documents are created by the relay");
            return;
        }
        let base = base.unwrap_or_default();
        let mut merged = base.clone();
        if merged.load_incremental(&up.bytes).is_err() {
            self.refuse(up.doc, "the uploaded changes do not load");
            return;
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
        let w = self.working(id);
        let base = w.take_doc();
        if base.is_none() && w.stored.is_some() {
            self.refuse(m.doc, "the relay's copy of this document is damaged; tell your coordinator");
            return;
        }
        let exists = base.is_some();
        let mut state = if exists { decode_state(w.sync_state.as_deref()) } else { sync::State::new() };
        let base = base.unwrap_or_default();
        let mut merged = base.clone();
        if merged.receive_sync_message(&mut state, message).is_err() {
            self.refuse(m.doc, "the sync message does not apply");
            return;
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

    /// Sends a whole document, and records that the device now holds its heads.
    fn snapshot(&mut self, id: DocumentId) {
        let w = self.working(id);
        let heads = w.heads();
        let bytes = match (&w.doc, &w.stored) {
            (None, Some(s)) if s.compacted => s.bytes.clone(),
            _ => match w.doc() {
                Some(doc) => doc.save(),
                None => return,
            },
        };
        self.budget_used = self.budget_used.saturating_add(bytes.len());
        let mut state = sync::State::new();
        state.shared_heads = heads;
        // Only assumed until the device confirms this round.
        self.states.insert(id, (state.encode(), true));
        self.sends_whole = true;
        // No ack: the snapshot's own heads say what the relay holds.
        self.response.snapshots.push(DocBytes { doc: id.into(), bytes });
    }

    /// Asks for the next chunk of feed documents, or finishes if none are needed.
    fn next_feed_read(&mut self) -> Result<RelayEffect, SyncError> {
        let mut ids = Vec::new();
        let mut until = self.feed_pos;
        while until < self.feed.len() && until < self.limits.feed_page && ids.len() < FEED_READ_CHUNK {
            let e = self.feed[until];
            if !e.erased && !self.handled.contains(&e.doc) && !self.docs.contains_key(&e.doc) {
                ids.push(e.doc);
            }
            until += 1;
        }
        if ids.is_empty() {
            // Nothing left on the page needs reading, so the rest of it is
            // answered now (up to the page or budget limit) and the round ends.
            self.answer_feed(self.feed.len());
            return self.finish();
        }
        self.phase = Phase::FeedDocs { until };
        Ok(RelayEffect::Read(ids))
    }

    /// Answers feed entries up to `until`; returns whether the response is complete.
    fn answer_feed(&mut self, until: usize) -> bool {
        let until = until.min(self.feed.len());
        while self.feed_pos < until {
            let i = self.feed_pos;
            if i >= self.limits.feed_page || self.budget_used > self.limits.response_budget {
                self.stop_at(i);
                return true;
            }
            let entry = self.feed[i];
            self.feed_pos += 1;
            if self.handled.contains(&entry.doc) {
                continue;
            }
            self.handled.insert(entry.doc);
            if entry.erased {
                self.response.erased.push(entry.doc.into());
                continue;
            }
            self.offer(entry);
        }
        if self.feed_pos >= self.feed.len() {
            self.response.cursor = self.feed.last().map_or(self.response.cursor, |e| e.seq).max(self.request.cursor);
            return true;
        }
        if self.feed_pos >= self.limits.feed_page {
            self.stop_at(self.feed_pos);
            return true;
        }
        false
    }

    /// The response is full before entry `i`: the cursor stops at the last
    /// entry answered, never past one that was not.
    fn stop_at(&mut self, i: usize) {
        self.response.more = true;
        let last = i.checked_sub(1).and_then(|j| self.feed.get(j)).map_or(0, |e| e.seq);
        self.response.cursor = last.max(self.request.cursor);
    }

    /// Tells the device about one changed document it may see.
    fn offer(&mut self, entry: FeedEntry) {
        let caller = self.caller;
        let w = self.working(entry.doc);
        if w.stored.is_none() || access(&caller, entry.doc, w.facts) == Access::None {
            return;
        }
        let Some(state) = w.sync_state.clone() else {
            self.snapshot(entry.doc);
            return;
        };
        let mut state = decode_state(Some(&state));
        if sorted(&state.shared_heads) == w.heads() {
            return;
        }
        // The device holds the shared heads (the state is trusted), so say so
        // to Automerge: it then sends the changes since them at once, instead
        // of first asking what the device has (one round trip saved per edit).
        let shared = state.shared_heads.clone();
        state.their_heads = Some(shared.clone());
        state.their_need = Some(Vec::new());
        state.their_have = Some(vec![sync::Have { last_sync: shared, bloom: sync::BloomFilter::default() }]);
        let Some(doc) = w.doc() else { return };
        if let Some(msg) = doc.generate_sync_message(&mut state) {
            let bytes = msg.encode();
            self.budget_used = self.budget_used.saturating_add(bytes.len());
            self.response.messages.push(DocBytes { doc: entry.doc.into(), bytes });
        }
        self.states.insert(entry.doc, (state.encode(), false));
    }

    fn finish(&mut self) -> Result<RelayEffect, SyncError> {
        let round = if self.sends_whole { self.last_round.saturating_add(1) } else { self.last_round };
        self.response.round = round;
        let writes = RelayWrites {
            register: std::mem::take(&mut self.register).into_iter().collect(),
            saves: std::mem::take(&mut self.saves).into_values().collect(),
            sync_states: std::mem::take(&mut self.states)
                .into_iter()
                .map(|(id, (state, assumed))| (id, state, assumed.then_some(round)))
                .collect(),
            round,
            forget_assumed_after: (self.request.applied < self.last_round).then_some(self.request.applied),
        };
        if writes.is_empty() {
            self.phase = Phase::Done;
            return Ok(self.respond());
        }
        self.phase = Phase::Commit;
        Ok(RelayEffect::Commit(writes))
    }

    fn respond(&mut self) -> RelayEffect {
        RelayEffect::Respond(std::mem::take(&mut self.response), std::mem::take(&mut self.outcome))
    }
}
