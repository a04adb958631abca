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
//!   document, every author the changes record is one the device may speak
//!   for, the result still reads as a valid document of its kind with every
//!   text within the app's limits, and it fits the relay's byte quotas, is the
//!   copy saved. Otherwise the document is refused with a plain reason and the
//!   rest of the request goes on ([`named`], [`checks`]).
//! - Nothing a device sends can make the round hold more than a fixed budget:
//!   its bytes are decoded within a budget of bytes inflated and operations
//!   read, per document and per request ([`RelayLimits`]), and a document over
//!   it is refused like any other.
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
//!   its cursor never passes an entry it did not deliver ([`feed`]).
//! - A tombstone goes only to a device that could see the erased resident
//!   (or that names the document itself).
//! - No input can make it panic: every index is checked, every decode is a
//!   refusal with a reason.

mod checks;
mod feed;
mod named;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use connect_model::automerge::sync;
use connect_model::automerge::{Automerge, ChangeHash};
use connect_model::heads::sorted;
use connect_model::media::BlobHash;
use connect_model::{AuthorRole, DocumentId, ResidentId};

use crate::SyncError;
use crate::access::{Access, Caller, ResidentFacts, access};
use crate::protocol::{Limits, Rejection, SyncRequest, SyncResponse, WireDocId};

pub use checks::DecodeBudget;

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
    /// How much decoding what one request sends may cost.
    pub decode: DecodeBudget,
    /// Most bytes one resident document may take on the relay.
    pub document_bytes: usize,
    /// Most bytes the team directory may take on the relay.
    pub directory_bytes: usize,
    /// Most bytes one team's documents may take on the relay together.
    pub team_bytes: u64,
    /// Most bytes one team's media (voice notes, photos) may take.
    pub team_media_bytes: u64,
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
            decode: DecodeBudget::default(),
            // A resident's document is tens of kilobytes after years of
            // visits; the directory, a few hundred entries.
            document_bytes: 4 * 1024 * 1024,
            directory_bytes: 2 * 1024 * 1024,
            team_bytes: 2 * 1024 * 1024 * 1024,
            // A few hundred residents with a few dozen photos and voice
            // notes each, at a few hundred kilobytes apiece.
            team_media_bytes: 10 * 1024 * 1024 * 1024,
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

    /// The same request and response sizes with no decoding budget and no
    /// quotas: only for measuring what the limits cost (BENCHMARKS.md).
    #[must_use]
    pub fn without_budgets(self) -> Self {
        Self {
            decode: DecodeBudget::unbounded(),
            document_bytes: usize::MAX,
            directory_bytes: usize::MAX,
            team_bytes: u64::MAX,
            team_media_bytes: u64::MAX,
            ..self
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
    /// The media the document references after: the relay keeps these
    /// files' bytes for it and deletes any it referenced before.
    pub media: BTreeSet<BlobHash>,
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
    /// for a device that may not see them all, erased ones included (their
    /// facts say whether the caller could see the resident before).
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
    pub refused: Vec<(WireDocId, String)>,
    /// What decoding the device's bytes cost.
    pub decoded: connect_model::automerge::decode_budget::Budget,
}

/// What the driver knows before the round starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoundStart {
    /// The newest round the relay has numbered for this device.
    pub last_round: u64,
    /// The bytes the caller's team's documents take on the relay now.
    pub team_bytes: u64,
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

    /// The bytes the document takes on the relay now.
    fn stored_len(&self) -> usize {
        self.stored.as_ref().map_or(0, |s| s.bytes.len())
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
    start: RoundStart,
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
    /// What is left of this request's decoding budget.
    decode_left: connect_model::automerge::decode_budget::Budget,
    /// Bytes this round's accepted saves add to the team's total.
    team_growth: u64,
    outcome: RelayOutcome,
}

impl std::fmt::Debug for RelayRound<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RelayRound").field("caller", &self.caller).field("phase", &self.phase).finish_non_exhaustive()
    }
}

impl<'a> RelayRound<'a> {
    /// Starts answering `request`, given what the driver knows before it
    /// starts. Refuses a request over the document limit before reading anything.
    pub fn new(
        caller: Caller,
        request: &'a SyncRequest,
        start: RoundStart,
        limits: RelayLimits,
    ) -> Result<(Self, RelayEffect), SyncError> {
        let count = request.uploads.len() + request.messages.len() + request.missing.len();
        if count > limits.max_documents {
            return Err(SyncError::TooManyDocuments { documents: count, limit: limits.max_documents });
        }
        let round = Self {
            caller,
            start,
            sends_whole: false,
            limits,
            phase: Phase::Named,
            docs: BTreeMap::new(),
            handled: BTreeSet::new(),
            feed: Vec::new(),
            feed_pos: 0,
            response: SyncResponse {
                cursor: request.cursor,
                round: start.last_round,
                limits: limits.advertised(),
                ..SyncResponse::default()
            },
            saves: BTreeMap::new(),
            states: BTreeMap::new(),
            register: BTreeSet::new(),
            budget_used: 0,
            decode_left: limits.decode.for_request(request),
            team_growth: 0,
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
                    .filter(|e| !self.handled.contains(&e.doc) && !self.docs.contains_key(&e.doc))
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
                // team reads only its own residents' bytes, and a tombstone
                // goes only to a device that could see the resident.
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

    fn refuse(&mut self, wire: WireDocId, reason: impl Into<String>) {
        let reason = reason.into();
        self.outcome.refused.push((wire, reason.clone()));
        self.response.rejected.push(Rejection { doc: wire, reason });
    }

    fn finish(&mut self) -> Result<RelayEffect, SyncError> {
        let last_round = self.start.last_round;
        let round = if self.sends_whole { last_round.saturating_add(1) } else { last_round };
        self.response.round = round;
        let writes = RelayWrites {
            register: std::mem::take(&mut self.register).into_iter().collect(),
            saves: std::mem::take(&mut self.saves).into_values().collect(),
            sync_states: std::mem::take(&mut self.states)
                .into_iter()
                .map(|(id, (state, assumed))| (id, state, assumed.then_some(round)))
                .collect(),
            round,
            forget_assumed_after: (self.request.applied < last_round).then_some(self.request.applied),
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
