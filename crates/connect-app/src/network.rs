//! The app's network side: sync, enrolment and invites through `connect-sync`,
//! each on its own store connection so editing never waits for the network.

use std::path::PathBuf;

use connect_model::history::AcceptedRecord;
use connect_model::{AuthorRole, ResidentId};
use connect_store::{DeviceIdentity, DocumentStore, SqliteStore, StoreKey, StoreOptions};
use connect_sync::http;
use connect_ui::backend::{InviteInfo, Network, SyncFailure, SyncSummary};

/// A sync error in words for the person holding the phone; the technical
/// detail of a failed connection helps nobody on a doorstep.
fn plain(e: &connect_sync::SyncError) -> String {
    match e {
        connect_sync::SyncError::Unreachable(_) => "No connection to the team relay right now.".into(),
        other => other.to_string(),
    }
}

/// Sync over HTTPS for the encrypted store at `path`, opened with `key`.
pub(crate) struct AppNetwork {
    pub(crate) path: PathBuf,
    pub(crate) key: StoreKey,
}

impl AppNetwork {
    fn open(&self) -> Result<SqliteStore, String> {
        SqliteStore::open(&self.path, &StoreOptions { key: Some(self.key.clone()) }).map_err(|e| e.to_string())
    }

    fn relay(store: &SqliteStore) -> Result<(String, String, bool), String> {
        let get = |k| store.setting(k).map_err(|e| e.to_string());
        match (get(http::RELAY_URL_SETTING)?, get(http::RELAY_TOKEN_SETTING)?) {
            (Some(u), Some(t)) => Ok((u, t, get(http::INSECURE_SETTING)?.as_deref() == Some("true"))),
            _ => Err("This device is not connected to a team relay yet.".into()),
        }
    }
}

impl Network for AppNetwork {
    fn sync(&self) -> Result<SyncSummary, SyncFailure> {
        let mut store = self.open().map_err(SyncFailure::Failed)?;
        let (url, token, insecure) = Self::relay(&store).map_err(SyncFailure::Failed)?;
        let mut transport =
            http::HttpTransport::new(&url, &token, insecure).map_err(|e| SyncFailure::Failed(e.to_string()))?;
        match connect_sync::run_session(&mut store, &mut transport, chrono::Utc::now()) {
            Ok(r) => Ok(SyncSummary {
                rounds: r.rounds,
                changed: r.documents_changed,
                pending: r.pending,
                refused: r.rejected.iter().map(|(id, why)| format!("{} was not accepted: {why}", id.kind())).collect(),
            }),
            Err(connect_sync::SyncError::Revoked) => {
                // Remote wipe: the store, its WAL and its key are deleted now.
                store.destroy().map_err(|e| SyncFailure::Failed(e.to_string()))?;
                Err(SyncFailure::Revoked)
            }
            Err(e) => Err(SyncFailure::Failed(plain(&e))),
        }
    }

    fn enrol(&self, relay: &str, code: &str) -> Result<(), String> {
        let mut store = self.open()?;
        let me: DeviceIdentity = store.identity().map_err(|e| e.to_string())?.ok_or("no identity")?;
        let e = http::enrol(relay, code, me.device_id, &me.device_name, &me.person_name, false)
            .map_err(|e| e.to_string())?;
        let set = |store: &mut SqliteStore, k, v: &str| store.set_setting(k, Some(v)).map_err(|e| e.to_string());
        set(&mut store, http::RELAY_URL_SETTING, relay.trim())?;
        set(&mut store, http::RELAY_TOKEN_SETTING, &e.token)?;
        set(&mut store, http::TEAM_SETTING, &e.team.to_string())?;
        set(&mut store, http::PERSON_SETTING, &e.person.person_id.to_string())?;
        store.set_identity(&DeviceIdentity { role: e.person.role, ..me }).map_err(|e| e.to_string())
    }

    fn resident_history(&self, resident: ResidentId) -> Result<Vec<AcceptedRecord>, String> {
        let store = self.open()?;
        let (url, token, insecure) = Self::relay(&store)?;
        http::resident_history(&url, &token, insecure, resident).map_err(|e| plain(&e))
    }

    fn erase_resident(&self, resident: ResidentId) -> Result<(), String> {
        let store = self.open()?;
        let (url, token, insecure) = Self::relay(&store)?;
        http::call_json(&url, &token, insecure, http::Method::POST, &format!("v1/residents/{resident}/erase"), None)
            .map(drop)
            .map_err(|e| plain(&e))
    }

    fn invite(&self, role: AuthorRole, resident: Option<ResidentId>) -> Result<InviteInfo, String> {
        let store = self.open()?;
        let (url, token, insecure) = Self::relay(&store)?;
        let body = serde_json::json!({ "role": role, "resident": resident });
        let v = http::call_json(&url, &token, insecure, http::Method::POST, "v1/invites", Some(body))
            .map_err(|e| e.to_string())?;
        Ok(InviteInfo {
            code: v["code"].as_str().unwrap_or_default().to_owned(),
            relay: url,
            expires_at: v["expires_at"].as_str().unwrap_or_default().to_owned(),
        })
    }
}
