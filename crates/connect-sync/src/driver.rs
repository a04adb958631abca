//! The drivers that run [`DeviceSync`] against a store and a transport: one
//! blocking (the `connect` command, the tests), one async (the app, and the
//! browser over `fetch`). Both are a loop over the core's effects; neither
//! holds any sync logic of its own.
//!
//! The store side is the small [`SessionStore`] trait (four calls), so the
//! drivers need no store crate: `connect-device` implements it (and
//! [`AsyncSessionStore`]) over any device store.

use connect_model::DocumentId;

use crate::SyncError;
use crate::device::{DeviceEffect, DeviceEvent, DeviceSync, DeviceWrite, LoadedDoc, SyncReport, Written};
use crate::protocol::Limits;

/// The peer name sync states are stored under.
pub const RELAY_PEER: &str = "relay";
/// Store setting: the feed cursor.
pub const CURSOR_SETTING: &str = "sync_cursor";
/// Store setting: when the last sync completed (RFC 3339).
pub const LAST_SYNC_SETTING: &str = "last_sync";
/// Store setting: the relay's limits, as it last advertised them.
pub const LIMITS_SETTING: &str = "relay_limits";
/// Store setting: the round of the last relay response committed here.
pub const ROUND_SETTING: &str = "sync_round";
/// Store setting: documents mid-conversation when the last round was written
/// (space-separated ids), for the next session to resume.
pub const TALK_SETTING: &str = "sync_talk";

/// Sends one request body and returns the response body.
pub trait Transport {
    /// One round trip.
    fn exchange(&mut self, body: Vec<u8>) -> Result<Vec<u8>, SyncError>;
}

/// The same, for an async host.
#[allow(async_fn_in_trait)] // Driven on one thread (the UI's, or the browser's): no `Send` needed.
pub trait AsyncTransport {
    /// One round trip.
    async fn exchange(&mut self, body: Vec<u8>) -> Result<Vec<u8>, SyncError>;
}

/// Where a session starts: what the store remembers of the last one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionStart {
    /// The feed cursor.
    pub cursor: u64,
    /// The round of the last response committed.
    pub applied: u64,
    /// The relay's limits, as last heard.
    pub limits: Limits,
    /// Documents with changes the relay has not acknowledged.
    pub pending: Vec<DocumentId>,
    /// Documents a session left mid-conversation (it was cut off).
    pub talk: Vec<DocumentId>,
}

/// What a sync session needs from a device store.
pub trait SessionStore {
    /// Reads the cursor, the limits and the pending documents.
    fn session_start(&mut self) -> Result<SessionStart, SyncError>;
    /// Loads documents with their sync state and acknowledged heads.
    fn load_documents(&mut self, ids: &[DocumentId]) -> Result<Vec<LoadedDoc>, SyncError>;
    /// Writes one round's [`DeviceWrite`] in one transaction.
    fn write_round(&mut self, write: DeviceWrite) -> Result<Written, SyncError>;
    /// Records the end of a session and fills in what is still pending.
    fn session_end(&mut self, report: SyncReport, now: chrono::DateTime<chrono::Utc>) -> Result<SyncReport, SyncError>;
}

/// The same, for an async host.
#[allow(async_fn_in_trait)] // See `AsyncTransport`.
pub trait AsyncSessionStore {
    /// See [`SessionStore::session_start`].
    async fn session_start(&mut self) -> Result<SessionStart, SyncError>;
    /// See [`SessionStore::load_documents`].
    async fn load_documents(&mut self, ids: Vec<DocumentId>) -> Result<Vec<LoadedDoc>, SyncError>;
    /// See [`SessionStore::write_round`].
    async fn write_round(&mut self, write: DeviceWrite) -> Result<Written, SyncError>;
    /// See [`SessionStore::session_end`].
    async fn session_end(
        &mut self,
        report: SyncReport,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<SyncReport, SyncError>;
}

/// A point in a session at which a test may stop it, as a crash or a dead
/// battery would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A round's write is about to commit.
    BeforeWrite,
    /// A round's write (with its cursor) has committed.
    AfterWrite,
}

/// Runs one sync session to completion.
pub fn run_session(
    store: &mut impl SessionStore,
    transport: &mut impl Transport,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<SyncReport, SyncError> {
    run_session_observed(store, transport, now, &mut |_| Ok(()))
}

/// [`run_session`], calling `observe` at each [`Step`]; an error from it
/// stops the session there (the harness uses this to crash devices).
pub fn run_session_observed(
    store: &mut impl SessionStore,
    transport: &mut impl Transport,
    now: chrono::DateTime<chrono::Utc>,
    observe: &mut dyn FnMut(Step) -> Result<(), SyncError>,
) -> Result<SyncReport, SyncError> {
    let start = store.session_start()?;
    let (mut session, mut effect) = DeviceSync::new(start);
    loop {
        let event = match effect {
            DeviceEffect::Load(ids) => DeviceEvent::Loaded(store.load_documents(&ids)?),
            DeviceEffect::Send(body) => DeviceEvent::Received(transport.exchange(body)?),
            DeviceEffect::Write(write) => {
                observe(Step::BeforeWrite)?;
                let written = store.write_round(write)?;
                observe(Step::AfterWrite)?;
                DeviceEvent::Written(written)
            }
            DeviceEffect::Done(report) => return store.session_end(report, now),
        };
        effect = session.handle(event)?;
    }
}

/// Runs one sync session to completion on an async host.
pub async fn run_session_async(
    store: &mut impl AsyncSessionStore,
    transport: &mut impl AsyncTransport,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<SyncReport, SyncError> {
    let start = store.session_start().await?;
    let (mut session, mut effect) = DeviceSync::new(start);
    loop {
        let event = match effect {
            DeviceEffect::Load(ids) => DeviceEvent::Loaded(store.load_documents(ids).await?),
            DeviceEffect::Send(body) => DeviceEvent::Received(transport.exchange(body).await?),
            DeviceEffect::Write(write) => DeviceEvent::Written(store.write_round(write).await?),
            DeviceEffect::Done(report) => return store.session_end(report, now).await,
        };
        effect = session.handle(event)?;
    }
}
