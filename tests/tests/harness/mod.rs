//! A relay and several devices in one process, no sockets: the deterministic
//! multi-device harness. Responses can be dropped after the relay has acted on
//! the request, as when a connection is cut mid-body.

#![allow(dead_code, unreachable_pub)]

use std::sync::{Arc, Mutex};

use connect_model::{AuthorRole, DeviceId, ResidentId, TeamId, Timestamp};
use connect_relay::admin;
use connect_relay::sync::{SyncLimits, handle_sync};
use connect_store::relay::{DeviceRecord, RelayStore, SqliteRelayStore};
use connect_store::{DeviceIdentity, DocumentStore, MemoryStore};
use connect_sync::protocol::SyncRequest;
use connect_sync::{SyncError, SyncReport, Transport, run_session};
use rand::Rng;
use rand::rngs::StdRng;

pub fn at(minutes: i64) -> Timestamp {
    Timestamp::from_millis(1_772_355_600_000 + minutes * 60_000)
}

pub struct Relay {
    pub db: Arc<Mutex<SqliteRelayStore>>,
    pub team: TeamId,
}

impl Relay {
    pub fn new() -> Self {
        Self::with_store(SqliteRelayStore::open_in_memory().unwrap())
    }

    /// A relay keeping its database in a file, for tests that read the file.
    pub fn on_disk(path: &std::path::Path) -> Self {
        Self::with_store(SqliteRelayStore::open(path).unwrap())
    }

    fn with_store(mut db: SqliteRelayStore) -> Self {
        let invite = admin::create_team(&mut db, "Connect East", at(0)).unwrap();
        Self { db: Arc::new(Mutex::new(db)), team: invite.team }
    }

    /// Enrols a new device with `role`.
    pub fn enrol(&self, name: &str, role: AuthorRole, resident: Option<ResidentId>) -> Device {
        let mut db = self.db.lock().unwrap();
        let invite = admin::create_invite(&mut *db, self.team, role, resident, 24, at(0)).unwrap();
        let device_id = DeviceId::random();
        let token = connect_relay::auth::new_token();
        let record = db
            .redeem_invite(
                &connect_relay::auth::hash_invite(&invite.code),
                name,
                device_id,
                "phone",
                &connect_relay::auth::hash_token(&token),
                at(0),
            )
            .unwrap()
            .unwrap();
        let identity = DeviceIdentity {
            device_id,
            device_name: "phone".into(),
            person_name: name.into(),
            role,
            created_at: at(0),
        };
        let mut store = MemoryStore::new();
        store.set_identity(&identity).unwrap();
        Device { store, identity, record, token, relay: self.db.clone() }
    }
}

pub struct Device {
    pub store: MemoryStore,
    pub identity: DeviceIdentity,
    pub record: DeviceRecord,
    /// The bearer token the relay issued, for calls to its HTTP surface.
    pub token: String,
    relay: Arc<Mutex<SqliteRelayStore>>,
}

/// Calls the relay's sync handler in-process; may drop the response after the
/// relay has acted on the request.
pub struct InProcess<'a> {
    relay: Arc<Mutex<SqliteRelayStore>>,
    device: DeviceRecord,
    rng: Option<&'a mut StdRng>,
    drop_chance: f64,
    now: Timestamp,
}

impl Transport for InProcess<'_> {
    fn exchange(&mut self, body: Vec<u8>) -> Result<Vec<u8>, SyncError> {
        let request = SyncRequest::decode(&body)?;
        let mut db = self.relay.lock().unwrap();
        if db.device(self.device.device_id).unwrap().is_some_and(|d| d.revoked) {
            return Err(SyncError::Revoked);
        }
        let (response, _) = handle_sync(&mut *db, &self.device, &request, self.now, SyncLimits::default())
            .map_err(|e| SyncError::Refused { status: 500, message: e.to_string() })?;
        if let Some(rng) = self.rng.as_deref_mut()
            && rng.random_bool(self.drop_chance)
        {
            return Err(SyncError::Unreachable("response cut off (simulated)".into()));
        }
        Ok(response.encode())
    }
}

impl Device {
    pub fn sync(&mut self, rng: Option<&mut StdRng>, drop_chance: f64) -> Result<SyncReport, SyncError> {
        let mut transport =
            InProcess { relay: self.relay.clone(), device: self.record.clone(), rng, drop_chance, now: at(10) };
        run_session(&mut self.store, &mut transport, chrono::Utc::now())
    }

    pub fn sync_ok(&mut self) -> SyncReport {
        self.sync(None, 0.0).unwrap()
    }
}
