//! The app's network side: sync (on `connect-sync`'s async driver, the same
//! core the browser drives over `fetch`), enrolment, invites, the audit trail
//! and erasure through `connect-sync`'s typed client, each on its own store
//! connection so editing never waits for the network.
//!
//! Any call can find this device revoked by the team: the store, its WAL and
//! its key are then deleted at once, whatever was asked.

use std::path::PathBuf;

use connect_model::history::AcceptedRecord;
use connect_model::{AuthorRole, ResidentId};
use connect_store::{DeviceIdentity, DocumentStore, SqliteStore, StoreKey, StoreOptions};
use connect_sync::api::InviteRequest;
use connect_sync::store::Inline;
use connect_sync::{SyncError, http};
use connect_ui::backend::{InviteInfo, SyncSummary};

use crate::local::relay::{record_enrolment, relay_settings, summary};
use crate::local::{Network, NetworkFailure};

/// Sync over HTTPS for the encrypted store at `path`, opened with `key`.
pub struct AppNetwork {
    /// Where the store lives.
    pub path: PathBuf,
    /// Its key.
    pub key: StoreKey,
}

impl AppNetwork {
    fn open(&self) -> Result<SqliteStore, NetworkFailure> {
        SqliteStore::open(&self.path, &StoreOptions { key: Some(self.key.clone()) })
            .map_err(|e| NetworkFailure::Failed(e.to_string()))
    }

    fn relay(store: &SqliteStore) -> Result<(String, String, bool), NetworkFailure> {
        relay_settings(store)
            .map_err(|e| NetworkFailure::Failed(e.to_string()))?
            .ok_or_else(|| NetworkFailure::Failed("This device is not connected to a team relay yet.".into()))
    }

    /// Runs `call` with a client for this device's relay. A revoked answer
    /// wipes the store (remote wipe) before it is reported.
    fn with_relay<T>(
        &self,
        call: impl FnOnce(&mut SqliteStore, &str, &str, bool) -> Result<T, SyncError>,
    ) -> Result<T, NetworkFailure> {
        let mut store = self.open()?;
        let (url, token, insecure) = Self::relay(&store)?;
        match call(&mut store, &url, &token, insecure) {
            Ok(value) => Ok(value),
            Err(SyncError::Revoked) => {
                store.destroy().map_err(|e| NetworkFailure::Failed(e.to_string()))?;
                Err(NetworkFailure::Revoked)
            }
            Err(e) => Err(NetworkFailure::from(&e)),
        }
    }
}

impl Network for AppNetwork {
    /// Runs the async driver (the one the browser runs over `fetch`) on the
    /// app's tokio runtime; `sync` is called on a blocking thread, so the
    /// store's calls block only that thread, never the screens.
    fn sync(&self) -> Result<SyncSummary, NetworkFailure> {
        let store = self.open()?;
        let (url, token, insecure) = Self::relay(&store)?;
        let mut store = Inline(store);
        let session = async {
            let mut transport = http::AsyncHttpTransport::new(&url, &token, insecure)?;
            connect_sync::run_session_async(&mut store, &mut transport, chrono::Utc::now()).await
        };
        let outcome = match tokio::runtime::Handle::try_current() {
            Ok(runtime) => runtime.block_on(session),
            Err(_) => tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| NetworkFailure::Failed(e.to_string()))?
                .block_on(session),
        };
        match outcome {
            Ok(r) => Ok(summary(&r)),
            Err(SyncError::Revoked) => {
                // Remote wipe: the store, its WAL and its key are deleted now.
                store.0.destroy().map_err(|e| NetworkFailure::Failed(e.to_string()))?;
                Err(NetworkFailure::Revoked)
            }
            Err(e) => Err(NetworkFailure::from(&e)),
        }
    }

    fn enrol(&self, relay: &str, code: &str) -> Result<(), NetworkFailure> {
        let failed = |e: String| NetworkFailure::Failed(e);
        let mut store = self.open()?;
        let me: DeviceIdentity =
            store.identity().map_err(|e| failed(e.to_string()))?.ok_or_else(|| failed("no identity".into()))?;
        let e = http::enrol(relay, code, me.device_id, &me.device_name, &me.person_name, false)
            .map_err(|e| failed(e.to_string()))?;
        record_enrolment(&mut store, relay, &e, me).map_err(|e| failed(e.to_string()))
    }

    fn resident_history(&self, resident: ResidentId) -> Result<Vec<AcceptedRecord>, NetworkFailure> {
        self.with_relay(|_, url, token, insecure| http::RelayClient::new(url, token, insecure)?.history(resident))
    }

    fn erase_resident(&self, resident: ResidentId) -> Result<(), NetworkFailure> {
        self.with_relay(|_, url, token, insecure| {
            http::RelayClient::new(url, token, insecure)?.erase(resident).map(drop)
        })
    }

    fn invite(&self, role: AuthorRole, resident: Option<ResidentId>) -> Result<InviteInfo, NetworkFailure> {
        self.with_relay(|_, url, token, insecure| {
            let issued = http::RelayClient::new(url, token, insecure)?.invite(&InviteRequest {
                role,
                resident,
                hours: None,
                name: None,
            })?;
            Ok(InviteInfo { code: issued.code, relay: url.to_owned(), expires_at: issued.expires_at.to_string() })
        })
    }
}
