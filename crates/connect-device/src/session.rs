//! The sync drivers' store side over any `connect-store` [`DocumentStore`]:
//! the only place sync touches a device store, so `connect-sync` needs none.
//!
//! [`StoreSession`] lends a store to a session outright (the command line,
//! tests, benchmarks); [`SharedSession`] lends a [`Device`]'s open store one
//! step at a time, so the screens go on reading and writing while the session
//! waits for the relay (and, in the browser, because OPFS allows one
//! connection per database).

use connect_model::DocumentId;
use connect_store::{DocumentStore, StoreError, SyncBatch};
use connect_sync::device::{DeviceWrite, LoadedDoc, SyncReport, Written};
use connect_sync::driver::{
    AsyncSessionStore, CURSOR_SETTING, LAST_SYNC_SETTING, LIMITS_SETTING, RELAY_PEER, ROUND_SETTING, SessionStart,
    SessionStore, Step, TALK_SETTING, Transport,
};
use connect_sync::protocol::Limits;
use connect_sync::{SyncError, driver};

use crate::device::Device;
use crate::network::Network;

/// A store failure, as a sync session reports it.
fn failed(e: StoreError) -> SyncError {
    SyncError::Store(Box::new(e))
}

/// A store lent to one sync session.
#[derive(Debug)]
pub struct StoreSession<'a, S>(pub &'a mut S);

/// Runs one sync session on `store` to completion (blocking).
pub fn run_session<S: DocumentStore>(
    store: &mut S,
    transport: &mut impl Transport,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<SyncReport, SyncError> {
    driver::run_session(&mut StoreSession(store), transport, now)
}

/// [`run_session`], calling `observe` at each [`Step`] (the harness crashes
/// devices there).
pub fn run_session_observed<S: DocumentStore>(
    store: &mut S,
    transport: &mut impl Transport,
    now: chrono::DateTime<chrono::Utc>,
    observe: &mut dyn FnMut(Step) -> Result<(), SyncError>,
) -> Result<SyncReport, SyncError> {
    driver::run_session_observed(&mut StoreSession(store), transport, now, observe)
}

fn session_start(store: &impl DocumentStore) -> Result<SessionStart, StoreError> {
    Ok(SessionStart {
        cursor: store.setting(CURSOR_SETTING)?.and_then(|c| c.parse().ok()).unwrap_or(0),
        applied: store.setting(ROUND_SETTING)?.and_then(|c| c.parse().ok()).unwrap_or(0),
        limits: store.setting(LIMITS_SETTING)?.map_or(Limits::FLOOR, |l| Limits::from_setting(&l)),
        pending: store.pending()?,
        talk: store
            .setting(TALK_SETTING)?
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|id| id.parse().ok())
            .collect(),
    })
}

fn load_documents(store: &impl DocumentStore, ids: &[DocumentId]) -> Result<Vec<LoadedDoc>, StoreError> {
    let mut out = Vec::with_capacity(ids.len());
    for &id in ids {
        let doc = match store.load(id) {
            Ok(doc) => Some(doc),
            Err(StoreError::NotFound(_)) => None,
            Err(e) => return Err(e),
        };
        let (sync_state, synced_heads) =
            if doc.is_some() { (store.sync_state(RELAY_PEER, id)?, store.synced_heads(id)?) } else { (None, None) };
        out.push(LoadedDoc { id, doc, sync_state, synced_heads });
    }
    Ok(out)
}

fn write_round(store: &mut impl DocumentStore, mut write: DeviceWrite) -> Result<Written, StoreError> {
    let settings = [
        (CURSOR_SETTING, Some(write.cursor.to_string())),
        (ROUND_SETTING, Some(write.round.to_string())),
        (LIMITS_SETTING, Some(write.limits.to_setting())),
        (TALK_SETTING, (!write.talk.is_empty()).then(|| ids_text(&write.talk))),
    ];
    let outcome = store.write_sync(SyncBatch {
        peer: RELAY_PEER,
        saves: &mut write.saves,
        erase: &write.erase,
        sync_states: &write.sync_states,
        synced: &write.synced,
        settings: &settings,
    })?;
    Ok(Written { saved: write.saves, changed: outcome.changed, erased: outcome.erased, round: write.round })
}

fn session_end(
    store: &mut impl DocumentStore,
    mut report: SyncReport,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<SyncReport, StoreError> {
    store.set_setting(LAST_SYNC_SETTING, Some(&now.to_rfc3339()))?;
    // Every conversation ended with the session.
    store.set_setting(TALK_SETTING, None)?;
    report.pending = store.pending()?.len();
    Ok(report)
}

fn ids_text(ids: &[DocumentId]) -> String {
    ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ")
}

impl<S: DocumentStore> SessionStore for StoreSession<'_, S> {
    fn session_start(&mut self) -> Result<SessionStart, SyncError> {
        session_start(self.0).map_err(failed)
    }

    fn load_documents(&mut self, ids: &[DocumentId]) -> Result<Vec<LoadedDoc>, SyncError> {
        load_documents(self.0, ids).map_err(failed)
    }

    fn write_round(&mut self, write: DeviceWrite) -> Result<Written, SyncError> {
        write_round(self.0, write).map_err(failed)
    }

    fn session_end(&mut self, report: SyncReport, now: chrono::DateTime<chrono::Utc>) -> Result<SyncReport, SyncError> {
        session_end(self.0, report, now).map_err(failed)
    }
}

/// The same store, in an async session: each step runs at once.
impl<S: DocumentStore> AsyncSessionStore for StoreSession<'_, S> {
    async fn session_start(&mut self) -> Result<SessionStart, SyncError> {
        SessionStore::session_start(self)
    }
    async fn load_documents(&mut self, ids: Vec<DocumentId>) -> Result<Vec<LoadedDoc>, SyncError> {
        SessionStore::load_documents(self, &ids)
    }
    async fn write_round(&mut self, write: DeviceWrite) -> Result<Written, SyncError> {
        SessionStore::write_round(self, write)
    }
    async fn session_end(
        &mut self,
        report: SyncReport,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<SyncReport, SyncError> {
        SessionStore::session_end(self, report, now)
    }
}

/// A device's open store, lent to a sync session one step at a time: each
/// step takes the store's lock and gives it back.
pub struct SharedSession<'a, S, N>(pub &'a Device<S, N>);

impl<S: DocumentStore, N: Network> SharedSession<'_, S, N> {
    fn step<T>(&self, f: impl FnOnce(&mut S) -> Result<T, StoreError>) -> Result<T, SyncError> {
        self.0.with_store(f).map_err(|e| SyncError::Store(Box::new(e)))
    }
}

impl<S: DocumentStore, N: Network> AsyncSessionStore for SharedSession<'_, S, N> {
    async fn session_start(&mut self) -> Result<SessionStart, SyncError> {
        self.step(|s| session_start(s))
    }

    async fn load_documents(&mut self, ids: Vec<DocumentId>) -> Result<Vec<LoadedDoc>, SyncError> {
        self.step(|s| load_documents(s, &ids))
    }

    async fn write_round(&mut self, write: DeviceWrite) -> Result<Written, SyncError> {
        self.step(|s| write_round(s, write))
    }

    async fn session_end(
        &mut self,
        report: SyncReport,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<SyncReport, SyncError> {
        self.step(|s| session_end(s, report, now))
    }
}
