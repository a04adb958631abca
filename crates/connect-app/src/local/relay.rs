//! What every platform's network side does with the store around a call to
//! the relay: read where the relay is, record an enrolment, put a sync's
//! report in the screens' words, and share the open store with a sync
//! session (in the browser, one connection per database is all OPFS allows,
//! so a sync there runs on the screens' own).

use connect_model::DocumentId;
use connect_store::{DeviceIdentity, DocumentStore, StoreError};
use connect_sync::api::EnrolResponse;
use connect_sync::device::{DeviceWrite, LoadedDoc, Written};
use connect_sync::driver::{AsyncSessionStore, SessionStart, SessionStore};
use connect_sync::{SyncError, SyncReport, http};
use connect_ui::backend::{BackendError, SyncSummary};

use super::{StoreBackend, store_error};

/// The relay this store is enrolled with: its address, the device's token,
/// and whether plain HTTP was allowed. `None` before enrolment.
pub fn relay_settings(store: &impl DocumentStore) -> Result<Option<(String, String, bool)>, StoreError> {
    match (store.setting(http::RELAY_URL_SETTING)?, store.setting(http::RELAY_TOKEN_SETTING)?) {
        (Some(url), Some(token)) => {
            Ok(Some((url, token, store.setting(http::INSECURE_SETTING)?.as_deref() == Some("true"))))
        }
        _ => Ok(None),
    }
}

/// Records an enrolment: the relay, the token, the team and person, the role
/// the invite gave, and (for a resident invite) whose own phone this now is.
pub fn record_enrolment(
    store: &mut impl DocumentStore,
    relay: &str,
    enrolled: &EnrolResponse,
    me: DeviceIdentity,
) -> Result<(), StoreError> {
    store.set_setting(http::RELAY_URL_SETTING, Some(relay.trim()))?;
    store.set_setting(http::RELAY_TOKEN_SETTING, Some(&enrolled.token))?;
    store.set_setting(http::TEAM_SETTING, Some(&enrolled.team.to_string()))?;
    store.set_setting(http::PERSON_SETTING, Some(&enrolled.person.person_id.to_string()))?;
    if let Some(resident) = enrolled.person.resident {
        // A resident's own phone: it opens on their screens from now on.
        store.set_setting(http::OWN_RESIDENT_SETTING, Some(&resident.to_string()))?;
    }
    store.set_identity(&DeviceIdentity { role: enrolled.person.role, ..me })
}

/// A sync's report as the screens show it.
#[must_use]
pub fn summary(report: &SyncReport) -> SyncSummary {
    SyncSummary {
        rounds: report.rounds,
        changed: report.documents_changed,
        pending: report.pending,
        refused: report.rejected.iter().map(|(id, why)| format!("{} was not accepted: {why}", id.kind())).collect(),
    }
}

/// A sync error in words for the person holding the phone; the technical
/// detail of a failed connection helps nobody on a doorstep.
#[must_use]
pub fn plain(e: &SyncError) -> String {
    match e {
        SyncError::Unreachable(_) => "No connection to the team relay right now.".into(),
        other => other.to_string(),
    }
}

/// A relay call's failure as the screens take it: no connection at all, or
/// the relay answered with an error (the auto-sync probes only after the
/// first). Callers wipe a revoked device before they get here.
#[must_use]
pub fn relay_failure(e: &SyncError) -> BackendError {
    super::NetworkFailure::from(e).into()
}

/// The screens' open store, lent to a sync session one step at a time: each
/// step takes the store's lock and gives it back, so the screens go on
/// reading and writing while the session waits for the relay.
pub struct SharedSession<'a, S>(pub &'a StoreBackend<S>);

impl<S: DocumentStore> SharedSession<'_, S> {
    fn step<T>(&self, f: impl FnOnce(&mut S) -> Result<T, SyncError>) -> Result<T, SyncError> {
        let mut store = self.0.store.lock().map_err(|_| SyncError::Store("the store is unavailable".into()))?;
        match store.as_mut() {
            Some(s) => f(s),
            None => Err(SyncError::Store("this device's store was deleted".into())),
        }
    }
}

impl<S: DocumentStore> AsyncSessionStore for SharedSession<'_, S> {
    async fn session_start(&mut self) -> Result<SessionStart, SyncError> {
        self.step(SessionStore::session_start)
    }

    async fn load_documents(&mut self, ids: Vec<DocumentId>) -> Result<Vec<LoadedDoc>, SyncError> {
        self.step(|s| SessionStore::load_documents(s, &ids))
    }

    async fn write_round(&mut self, write: DeviceWrite) -> Result<Written, SyncError> {
        self.step(|s| SessionStore::write_round(s, write))
    }

    async fn session_end(
        &mut self,
        report: SyncReport,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<SyncReport, SyncError> {
        self.step(|s| SessionStore::session_end(s, report, now))
    }
}

impl<S: DocumentStore + Send> StoreBackend<S> {
    /// Runs `f` on the open store, its errors in the screens' words.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut S) -> Result<T, StoreError>) -> Result<T, BackendError> {
        self.with(|s| f(s).map_err(store_error))
    }

    /// The team revoked this device and its files are deleted: forget the store.
    pub fn wiped_by_the_team(&self) {
        self.forget_store();
    }
}
