//! The store-backed side of the screens: answers every
//! [`connect_ui::Request`] from a [`DocumentStore`], with the relay reached
//! through a [`Network`] the launcher plugs in. On native platforms it runs
//! in-process on the blocking pool ([`crate::blocking::InProcess`]); in the
//! web app it is what the store's worker runs.
//!
//! By area: [`residents`] (the caseload, one resident, edits), [`record`]
//! (audit trail, subject access, erasure) and [`team`] (matches, directory,
//! insights, stories); relay calls and settings are here, and [`relay`] is
//! what every platform's network side does with the store around them.

pub mod record;
pub mod relay;
mod residents;
mod team;

use std::sync::Mutex;

use connect_model::history::AcceptedRecord;
use connect_model::{AuthorRole, ResidentId, Timestamp};
use connect_store::{CaseloadRow, DeviceIdentity, DocumentStore, SearchHit, StoreError};
use connect_ui::backend::{BackendError, InviteInfo, Opened, SyncOverview, SyncSummary};
use connect_ui::{Reply, Request};

/// Why a call to the relay did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetworkFailure {
    /// The team revoked this device; the network side has deleted its store.
    /// Any call can answer this, not only a sync.
    Revoked,
    /// The relay could not be reached at all, in words. Nothing is lost.
    Unreachable(String),
    /// Anything else, in words for the person holding the phone. Nothing is lost.
    Failed(String),
}

impl From<&connect_sync::SyncError> for NetworkFailure {
    fn from(e: &connect_sync::SyncError) -> Self {
        use connect_sync::SyncError;
        match e {
            SyncError::Revoked => NetworkFailure::Revoked,
            SyncError::Unreachable(_) => NetworkFailure::Unreachable(relay::plain(e)),
            other => NetworkFailure::Failed(relay::plain(other)),
        }
    }
}

impl From<NetworkFailure> for BackendError {
    /// The screens' view: a revoked device is wiped (its store is gone by now).
    fn from(failure: NetworkFailure) -> Self {
        match failure {
            NetworkFailure::Revoked => BackendError::Wiped,
            NetworkFailure::Unreachable(why) => BackendError::Unreachable(why),
            NetworkFailure::Failed(why) => BackendError::Network(why),
        }
    }
}

impl From<String> for NetworkFailure {
    fn from(words: String) -> Self {
        NetworkFailure::Failed(words)
    }
}

/// The network side, supplied by the launcher. Every call that reaches the
/// relay can find the device revoked; the launcher then wipes the store and
/// answers [`NetworkFailure::Revoked`].
pub trait Network: Send + Sync {
    /// Runs a sync session (on its own store connection, so editing never waits).
    fn sync(&self) -> Result<SyncSummary, NetworkFailure>;
    /// Enrols this device with a relay.
    fn enrol(&self, relay: &str, code: &str) -> Result<(), NetworkFailure>;
    /// (Coordinator) Creates an invite.
    fn invite(&self, role: AuthorRole, resident: Option<ResidentId>) -> Result<InviteInfo, NetworkFailure>;
    /// The relay's records of every change to a resident's documents this
    /// device may read: its half of the audit trail.
    fn resident_history(&self, resident: ResidentId) -> Result<Vec<AcceptedRecord>, NetworkFailure>;
    /// (Coordinator) Erases a resident on the relay, so every device deletes
    /// them at its next sync.
    fn erase_resident(&self, resident: ResidentId) -> Result<(), NetworkFailure>;
}

/// Store setting: the resident this device is handed to.
pub const RESIDENT_LOCK_SETTING: &str = "resident_lock";
/// How often the open app syncs, in minutes (absent: the default; 0: never).
pub const AUTO_SYNC_SETTING: &str = "auto_sync_minutes";
/// The longest regular period Settings offers, in minutes.
const AUTO_SYNC_MAX_MINUTES: u32 = 24 * 60;

use connect_sync::http;
pub use connect_sync::http::OWN_RESIDENT_SETTING;

/// The screens' backend over any document store, with an optional network.
pub struct StoreBackend<S> {
    /// `None` once the device was wiped.
    store: Mutex<Option<S>>,
    network: Option<Box<dyn Network>>,
}

/// A store error as the screens report it: what the person asked for that
/// cannot be (a word limit, a resident not here) is a refusal; the rest is
/// the store's own failure.
pub(crate) fn store_error(e: StoreError) -> BackendError {
    match e {
        StoreError::Model(m) => BackendError::Refused(crate::sentence(m)),
        StoreError::NotFound(_) => BackendError::refused("That is not on this device."),
        other => BackendError::store(crate::sentence(other)),
    }
}

/// Now, for stamping edits.
pub(crate) fn now() -> Timestamp {
    Timestamp::new(chrono::Utc::now())
}

impl<S: DocumentStore + Send> StoreBackend<S> {
    /// A backend over `store`; without a network, sync says the device is not enrolled.
    pub fn new(store: S, network: Option<Box<dyn Network>>) -> Self {
        Self { store: Mutex::new(Some(store)), network }
    }

    /// Runs `f` on the store, unless the device was wiped.
    pub(crate) fn with<T>(&self, f: impl FnOnce(&mut S) -> Result<T, BackendError>) -> Result<T, BackendError> {
        let mut store = self.store.lock().map_err(|_| BackendError::Unavailable)?;
        match store.as_mut() {
            Some(s) => f(s),
            None => Err(BackendError::Wiped),
        }
    }

    /// Forgets the store: the network side deleted its files.
    fn forget_store(&self) {
        if let Ok(mut store) = self.store.lock() {
            *store = None;
        }
    }

    /// Whether the store was deleted after the team revoked this device.
    #[must_use]
    pub fn wiped(&self) -> bool {
        self.store.lock().map(|s| s.is_none()).unwrap_or(false)
    }

    /// Runs one network call; a revoked device forgets its (already deleted) store.
    pub(crate) fn reach<T>(&self, call: Result<T, NetworkFailure>) -> Result<T, BackendError> {
        match call {
            Ok(value) => Ok(value),
            Err(NetworkFailure::Revoked) => {
                self.forget_store();
                Err(BackendError::Wiped)
            }
            Err(failure) => Err(failure.into()),
        }
    }

    /// The network, if this device is enrolled with a relay.
    pub(crate) fn enrolled_network(&self) -> Option<&dyn Network> {
        self.network.as_deref().filter(|_| self.enrolled().unwrap_or(false))
    }

    /// Whether this device holds a relay token (one setting; not the whole
    /// overview, which counts every document waiting).
    fn enrolled(&self) -> Result<bool, BackendError> {
        self.with(|s| Ok(s.setting(http::RELAY_TOKEN_SETTING).map_err(store_error)?.is_some()))
    }

    /// This device's identity.
    pub fn me(&self) -> Result<DeviceIdentity, BackendError> {
        self.with(|s| s.identity().map_err(store_error)?.ok_or(BackendError::Store("no device identity".into())))
    }

    /// What the screens know at once when the store opens.
    pub fn opened(&self) -> Result<Opened, BackendError> {
        let own = self.with(|s| s.setting(OWN_RESIDENT_SETTING).map_err(store_error))?;
        let own_resident = own.and_then(|r| r.parse().ok());
        Ok(Opened { me: self.me()?, resident_lock: self.resident_lock()?, own_resident })
    }

    /// Answers one request.
    pub fn handle(&self, request: Request) -> Result<Reply, BackendError> {
        let done = |()| Reply::Done;
        Ok(match request {
            Request::Me => Reply::Me(self.me()?),
            Request::Caseload => Reply::Caseload(self.caseload()?),
            Request::Search(query) => Reply::Hits(self.search(&query)?),
            Request::Resident(r) => Reply::Resident(Box::new(self.resident(r)?)),
            Request::CreateResident(name) => Reply::Created(self.create_resident(&name)?),
            Request::Edit(r, edit) => done(self.edit(r, edit)?),
            Request::Overview => Reply::Overview(self.overview()?),
            Request::SyncNow => Reply::Synced(self.sync_now()?),
            Request::Enrol { relay, code } => Reply::Opened(self.enrol(&relay, &code)?),
            Request::Invite { role, resident } => Reply::Invite(self.invite(role, resident)?),
            Request::SetDeviceName(name) => Reply::Me(self.set_device_name(&name)?),
            Request::ResidentLock => Reply::ResidentLock(self.resident_lock()?),
            Request::SetResidentLock(r) => done(self.set_resident_lock(r)?),
            Request::SetAutoSync(minutes) => done(self.set_auto_sync(minutes)?),
            Request::Audit(r) => Reply::Audit(self.audit(r)?),
            Request::SubjectAccess(r) => Reply::SubjectAccess(self.subject_access(r)?),
            Request::EraseResident(r) => done(self.erase_resident(r)?),
            Request::Suggestions => Reply::Suggestions(self.suggestions()?),
            Request::Introduce(s) => done(self.introduce(&s)?),
            Request::Introductions => Reply::Introductions(self.introductions()?),
            Request::Directory => Reply::Directory(self.directory()?),
            Request::AddPlace(place) => done(self.add_place(&place)?),
            Request::Insights => Reply::Insights(Box::new(self.insights()?)),
            Request::InsightCsvs => {
                let (figures, residents) = self.insight_csvs()?;
                Reply::Csvs(figures, residents)
            }
            Request::ShareableStories => Reply::Stories(self.shareable_stories()?),
        })
    }

    /// The caseload, sorted by name.
    pub fn caseload(&self) -> Result<Vec<CaseloadRow>, BackendError> {
        self.with(|s| s.caseload().map_err(store_error))
    }

    /// Search names, offers, asks and goals.
    pub fn search(&self, query: &str) -> Result<Vec<SearchHit>, BackendError> {
        self.with(|s| s.search(query).map_err(store_error))
    }

    /// The status bar's numbers.
    pub fn overview(&self) -> Result<SyncOverview, BackendError> {
        self.with(|s| {
            Ok(SyncOverview {
                pending: s.pending().map_err(store_error)?.len(),
                last_sync: s.setting(connect_sync::driver::LAST_SYNC_SETTING).map_err(store_error)?,
                enrolled: s.setting(http::RELAY_TOKEN_SETTING).map_err(store_error)?.is_some(),
                relay: s.setting(http::RELAY_URL_SETTING).map_err(store_error)?,
                demo: s.setting(connect_store::demo::DEMO_SETTING).map_err(store_error)?.is_some(),
                auto_sync_minutes: s
                    .setting(AUTO_SYNC_SETTING)
                    .map_err(store_error)?
                    .and_then(|m| m.parse().ok())
                    .unwrap_or(connect_ui::backend::DEFAULT_AUTO_SYNC_MINUTES),
            })
        })
    }

    /// Syncs now (blocking).
    pub fn sync_now(&self) -> Result<SyncSummary, BackendError> {
        let Some(network) = self.enrolled_network() else {
            return Err(BackendError::NotEnrolled);
        };
        self.reach(network.sync())
    }

    /// Enrols with a relay; answers what the app now knows: the role the
    /// invite gave, and whether this became a resident's own phone.
    pub fn enrol(&self, relay: &str, code: &str) -> Result<Opened, BackendError> {
        match &self.network {
            Some(n) => self.reach(n.enrol(relay, code))?,
            None => return Err(BackendError::refused("This build cannot reach a relay.")),
        }
        self.opened()
    }

    /// (Coordinator) Creates an invite.
    pub fn invite(&self, role: AuthorRole, resident: Option<ResidentId>) -> Result<InviteInfo, BackendError> {
        match self.enrolled_network() {
            Some(n) => self.reach(n.invite(role, resident)),
            None => Err(BackendError::NotEnrolled),
        }
    }

    /// The resident this device is handed to, if any.
    pub fn resident_lock(&self) -> Result<Option<ResidentId>, BackendError> {
        let value = self.with(|s| s.setting(RESIDENT_LOCK_SETTING).map_err(store_error))?;
        Ok(value.and_then(|r| r.parse().ok()))
    }

    /// Hands the device to a resident, or takes it back.
    pub fn set_resident_lock(&self, resident: Option<ResidentId>) -> Result<(), BackendError> {
        let value = resident.map(|r| r.to_string());
        self.with(|s| s.set_setting(RESIDENT_LOCK_SETTING, value.as_deref()).map_err(store_error))
    }

    /// Sets how often the open app syncs, in minutes (0: never).
    pub fn set_auto_sync(&self, minutes: u32) -> Result<(), BackendError> {
        if minutes > AUTO_SYNC_MAX_MINUTES {
            return Err(BackendError::refused(format!(
                "Sync at least once a day while the app is open ({AUTO_SYNC_MAX_MINUTES} minutes), or turn it off."
            )));
        }
        self.with(|s| s.set_setting(AUTO_SYNC_SETTING, Some(&minutes.to_string())).map_err(store_error))
    }

    /// Renames this device.
    pub fn set_device_name(&self, name: &str) -> Result<DeviceIdentity, BackendError> {
        let name = connect_model::limits::required("device name", name, connect_model::limits::NAME_MAX)
            .map_err(|e| BackendError::Refused(crate::sentence(e)))?;
        let me = DeviceIdentity { device_name: name, ..self.me()? };
        self.with(|s| s.set_identity(&me).map_err(store_error))?;
        Ok(me)
    }
}
