//! A relay for tests of what a device and its screens do (feature
//! `testing`): it counts syncs, and can be out of reach, refusing, or have
//! revoked the device, at the flip of a switch. It runs no sync protocol: a
//! sync it accepts changes nothing on the device. Tests of sync itself run a
//! real relay (the `connect-tests` harness).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use connect_model::history::AcceptedRecord;
use connect_model::{AuthorRole, DeviceId, ResidentId, TeamId, Timestamp};
use connect_sync::api::{
    AssignRequest, EnrolRequest, EnrolResponse, EraseResponse, InviteRequest, InviteResponse, PeopleResponse, Person,
};
use connect_sync::driver::AsyncSessionStore;
use connect_sync::{SyncError, SyncReport};

use crate::network::{Moment, Network, RelayAccess, Synced};

/// A relay that answers from switches the test flips.
#[derive(Clone, Default)]
pub struct FakeRelay {
    /// Sync sessions asked for.
    pub syncs: Arc<AtomicUsize>,
    /// Out of reach: every call fails as with no signal.
    pub down: Arc<AtomicBool>,
    /// Answering every call with "429: slow down".
    pub refusing: Arc<AtomicBool>,
    /// This device was revoked by the team.
    pub revoked: Arc<AtomicBool>,
    /// The invite code it issues.
    pub invite_code: Arc<Mutex<Option<String>>>,
}

impl FakeRelay {
    /// A relay that is up and accepts everything.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A relay that has revoked this device.
    #[must_use]
    pub fn revoking() -> Self {
        let relay = Self::default();
        relay.revoked.store(true, Ordering::SeqCst);
        relay
    }

    /// How many syncs were asked for.
    #[must_use]
    pub fn sync_count(&self) -> usize {
        self.syncs.load(Ordering::SeqCst)
    }

    /// Whether a call gets through, and if not, why.
    fn answer(&self) -> Result<(), SyncError> {
        if self.revoked.load(Ordering::SeqCst) {
            Err(SyncError::Revoked)
        } else if self.down.load(Ordering::SeqCst) {
            Err(SyncError::Unreachable("connection refused".into()))
        } else if self.refusing.load(Ordering::SeqCst) {
            Err(SyncError::Refused { status: 429, message: "slow down".into() })
        } else {
            Ok(())
        }
    }
}

fn person(team: TeamId, role: AuthorRole) -> Person {
    Person { person_id: uuid::Uuid::nil(), team, name: "Amara".into(), role, resident: None }
}

impl Network for FakeRelay {
    async fn sync(&self, _: &RelayAccess, store: &mut impl AsyncSessionStore, now: Moment) -> Synced {
        self.syncs.fetch_add(1, Ordering::SeqCst);
        self.answer()?;
        // Ends the session as a real one does: the time of the last sync kept.
        store.session_end(SyncReport::default(), now).await
    }

    async fn enrol(&self, _: &str, _: &EnrolRequest, _: bool) -> Result<EnrolResponse, SyncError> {
        self.answer()?;
        let team = TeamId::random();
        Ok(EnrolResponse { token: "token".into(), team, person: person(team, AuthorRole::Supporter) })
    }

    async fn invite(&self, _: &RelayAccess, request: &InviteRequest) -> Result<InviteResponse, SyncError> {
        self.answer()?;
        let code = self.invite_code.lock().unwrap_or_else(PoisonError::into_inner).clone();
        let code = code.ok_or_else(|| SyncError::Refused { status: 403, message: "no invites here".into() })?;
        Ok(InviteResponse {
            code,
            team: TeamId::random(),
            role: request.role,
            resident: request.resident,
            expires_at: Timestamp::from_millis(1_772_960_400_000),
        })
    }

    async fn history(&self, _: &RelayAccess, _: ResidentId) -> Result<Vec<AcceptedRecord>, SyncError> {
        self.answer().map(|()| Vec::new())
    }

    async fn erase(&self, _: &RelayAccess, _: ResidentId) -> Result<EraseResponse, SyncError> {
        self.answer().map(|()| 0)
    }

    async fn people(&self, _: &RelayAccess) -> Result<PeopleResponse, SyncError> {
        self.answer().map(|()| PeopleResponse { people: Vec::new(), devices: Vec::new() })
    }

    async fn assign(&self, _: &RelayAccess, _: &AssignRequest) -> Result<(), SyncError> {
        self.answer()
    }

    async fn revoke(&self, _: &RelayAccess, _: DeviceId) -> Result<(), SyncError> {
        self.answer()
    }
}
