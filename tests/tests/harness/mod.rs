//! A relay and several devices in one process, no sockets: the deterministic
//! multi-device harness. Responses can be dropped after the relay has acted on
//! the request, as when a connection is cut mid-body.

#![allow(dead_code, unreachable_pub)]

use std::sync::{Arc, Mutex};

use connect_device::session::run_session;
use connect_model::{AuthorRole, DeviceId, ResidentId, TeamId, Timestamp};
use connect_relay::admin;
use connect_relay::sync::{SyncLimits, handle_sync};
use connect_relay_store::{DeviceRecord, RelayStore, SqliteRelayStore};
use connect_store::{DeviceIdentity, DocumentStore, MemoryStore};
use connect_sync::protocol::SyncRequest;
use connect_sync::{SyncError, SyncReport, Transport};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

pub fn at(minutes: i64) -> Timestamp {
    Timestamp::from_millis(1_772_355_600_000 + minutes * 60_000)
}

pub struct Relay {
    pub db: Arc<Mutex<SqliteRelayStore>>,
    pub team: TeamId,
    /// The limits its sync handler runs with.
    pub limits: SyncLimits,
    /// Every sync request it handled: (documents named, body bytes).
    pub seen: Arc<Mutex<Vec<(usize, usize)>>>,
}

impl Relay {
    pub fn new() -> Self {
        Self::with_store(SqliteRelayStore::open_in_memory().unwrap())
    }

    /// A relay keeping its database in a file, for tests that read the file.
    pub fn on_disk(path: &std::path::Path) -> Self {
        Self::with_store(SqliteRelayStore::open(path).unwrap())
    }

    fn with_store(db: SqliteRelayStore) -> Self {
        let invite = admin::create_team(&db, "Connect East", at(0)).unwrap();
        Self {
            db: Arc::new(Mutex::new(db)),
            team: invite.team,
            limits: SyncLimits::default(),
            seen: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// Enrols a new device with `role`, keeping its documents in memory.
    pub fn enrol(&self, name: &str, role: AuthorRole, resident: Option<ResidentId>) -> Device {
        self.enrol_with(MemoryStore::new(), name, role, resident)
    }

    /// Enrols a new device with `role`, keeping its documents in `store`.
    pub fn enrol_with<S: DocumentStore>(
        &self,
        mut store: S,
        name: &str,
        role: AuthorRole,
        resident: Option<ResidentId>,
    ) -> Device<S> {
        let db = self.db.lock().unwrap();
        let invite = admin::create_invite(&*db, self.team, role, resident, 24, at(0)).unwrap();
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
        store.set_identity(&identity).unwrap();
        Device { store, identity, record, token, relay: self.db.clone(), limits: self.limits, seen: self.seen.clone() }
    }
}

pub struct Device<S = MemoryStore> {
    pub store: S,
    pub identity: DeviceIdentity,
    pub record: DeviceRecord,
    /// The bearer token the relay issued, for calls to its HTTP surface.
    pub token: String,
    relay: Arc<Mutex<SqliteRelayStore>>,
    limits: SyncLimits,
    seen: Arc<Mutex<Vec<(usize, usize)>>>,
}

/// Calls the relay's sync handler in-process; may drop the response after the
/// relay has acted on the request.
pub struct InProcess<'a> {
    relay: Arc<Mutex<SqliteRelayStore>>,
    device: DeviceRecord,
    rng: Option<&'a mut StdRng>,
    drop_chance: f64,
    now: Timestamp,
    limits: SyncLimits,
    seen: Arc<Mutex<Vec<(usize, usize)>>>,
}

impl Transport for InProcess<'_> {
    fn exchange(&mut self, body: Vec<u8>) -> Result<Vec<u8>, SyncError> {
        let request = SyncRequest::decode(&body)?;
        let named = request.uploads.len() + request.messages.len() + request.missing.len();
        self.seen.lock().unwrap().push((named, body.len()));
        if body.len() > self.limits.max_request_bytes {
            return Err(SyncError::Refused { status: 413, message: "body over the limit".into() });
        }
        let db = self.relay.lock().unwrap();
        if db.device(self.device.device_id).unwrap().is_some_and(|d| d.revoked) {
            return Err(SyncError::Revoked);
        }
        let (response, _) = handle_sync(&*db, &self.device, &request, self.now, self.limits)
            .map_err(|e| SyncError::Refused { status: 500, message: e.to_string() })?;
        if let Some(rng) = self.rng.as_deref_mut()
            && rng.random_bool(self.drop_chance)
        {
            return Err(SyncError::Unreachable("response cut off (simulated)".into()));
        }
        Ok(response.encode())
    }
}

impl<S: DocumentStore> Device<S> {
    fn transport<'a>(&self, rng: Option<&'a mut StdRng>, drop_chance: f64) -> InProcess<'a> {
        InProcess {
            relay: self.relay.clone(),
            device: self.record.clone(),
            rng,
            drop_chance,
            now: at(10),
            limits: self.limits,
            seen: self.seen.clone(),
        }
    }

    pub fn sync(&mut self, rng: Option<&mut StdRng>, drop_chance: f64) -> Result<SyncReport, SyncError> {
        let mut transport = self.transport(rng, drop_chance);
        run_session(&mut self.store, &mut transport, chrono::Utc::now())
    }

    /// A sync whose responses may be lost and which may stop dead before or
    /// after any of its commits, as a killed app or a flat battery would.
    /// Returns whether it crashed (the caller then reopens the store).
    pub fn sync_or_crash(&mut self, rng: &mut StdRng, drop_chance: f64, crash_chance: f64) -> bool {
        let crash_at: Vec<bool> = (0..64).map(|_| rng.random_bool(crash_chance)).collect();
        let mut step = 0usize;
        let mut crashed = false;
        let mut observe = |_: connect_sync::driver::Step| {
            step += 1;
            if crash_at.get(step).copied().unwrap_or(false) {
                crashed = true;
                return Err(SyncError::Unreachable("crashed (simulated)".into()));
            }
            Ok(())
        };
        let mut sub = StdRng::seed_from_u64(rng.random());
        let mut transport = self.transport(Some(&mut sub), drop_chance);
        let _ = connect_device::session::run_session_observed(
            &mut self.store,
            &mut transport,
            chrono::Utc::now(),
            &mut observe,
        );
        crashed
    }

    pub fn sync_ok(&mut self) -> SyncReport {
        self.sync(None, 0.0).unwrap()
    }

    /// A new resident named `name`, with an offer and a team-only visit note
    /// written here at minute 2 (not yet synced).
    pub fn resident_with_offer_and_team_note(&mut self, name: &str, offer: &str, note: &str) -> ResidentId {
        use connect_model::page::{self, Category};
        use connect_model::{DocKind, DocumentId, journal};
        let resident = connect_store::create_resident(&mut self.store, &self.identity, name, at(1)).unwrap();
        let ctx = self.identity.context(at(2));
        self.store
            .edit(DocumentId::resident(resident, DocKind::Page), |d| page::add_offer(d, &ctx, offer, Category::Caring))
            .unwrap();
        self.store
            .edit(DocumentId::resident(resident, DocKind::TeamNotes), |d| {
                let e = journal::NewEntry {
                    happened_at: at(2),
                    marker: journal::Marker::Visit,
                    text: note,
                    mood: None,
                    reason: None,
                };
                journal::add_entry(d, &ctx, &e)
            })
            .unwrap();
        resident
    }
}

/// A team of Amara (supporter) and Chloe (coordinator), and the two
/// residents Amara added (Doreen and Kwame), synced by both.
pub fn amara_and_chloe_with_two_residents(relay: &Relay) -> (Device, Device, ResidentId, ResidentId) {
    let mut amara = relay.enrol("Amara", AuthorRole::Supporter, None);
    let mut chloe = relay.enrol("Chloe", AuthorRole::Coordinator, None);
    let me = amara.identity.clone();
    let doreen = connect_store::create_resident(&mut amara.store, &me, "Doreen", at(1)).unwrap();
    let kwame = connect_store::create_resident(&mut amara.store, &me, "Kwame", at(1)).unwrap();
    amara.sync_ok();
    chloe.sync_ok();
    (amara, chloe, doreen, kwame)
}
