//! A relay for tests of what a device and its screens do (feature
//! `testing`): it counts syncs, and can be out of reach, refusing, or have
//! revoked the device, at the flip of a switch. It runs no sync protocol: a
//! sync it accepts changes nothing on the device. Tests of sync itself run a
//! real relay (the `connect-tests` harness).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use connect_model::history::AcceptedRecord;
use connect_model::media::BlobHash;
use connect_model::{AuthorRole, DeviceId, DocumentId, ResidentId, TeamId, Timestamp};
use connect_sync::api::{
    AssignRequest, EnrolRequest, EnrolResponse, EraseResponse, InviteDetails, InviteInfo, InviteRequest,
    InviteResponse, InviteState, InvitesResponse, PeopleResponse, Person, PersonRemovedResponse,
};
use connect_sync::driver::AsyncSessionStore;
use connect_sync::{SyncError, SyncReport};

use crate::network::{MediaPart, MediaRange, Moment, Network, RelayAccess, Synced};

/// Media files a [`FakeRelay`] holds, by document and hash: each file's
/// length and the bytes it has of it.
pub type HeldMedia = BTreeMap<(DocumentId, BlobHash), (u64, Vec<u8>)>;

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
    /// Asking every call to wait this long (a 429 with `Retry-After`).
    pub throttling: Arc<Mutex<Option<std::time::Duration>>>,
    /// The invite code it issues.
    pub invite_code: Arc<Mutex<Option<String>>>,
    /// The invites it issued, newest first, as a coordinator lists them.
    pub invites: Arc<Mutex<Vec<InviteInfo>>>,
    /// The assignments made and not ended.
    pub assignments: Arc<Mutex<Vec<AssignRequest>>>,
    /// Media files it holds, whole or in part: their length and bytes.
    pub media: Arc<Mutex<HeldMedia>>,
    /// Media requests answered (sent, fetched, asked about).
    pub media_calls: Arc<AtomicUsize>,
    /// Taking media bytes without ever keeping them: an upload that never moves.
    pub media_stalls: Arc<AtomicBool>,
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
        } else if let Some(wait) = *lock(&self.throttling) {
            Err(SyncError::RateLimited { retry_after: Some(wait) })
        } else {
            Ok(())
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

fn person(team: TeamId, role: AuthorRole) -> Person {
    Person { person_id: uuid::Uuid::nil(), team, name: "Amara".into(), role, resident: None, removed: false }
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
        let code = lock(&self.invite_code).clone();
        let code = code.ok_or_else(|| SyncError::Refused { status: 403, message: "no invites here".into() })?;
        let made = Timestamp::new(chrono::Utc::now());
        let expires_at = Timestamp::from_millis(made.millis() + request.hours.unwrap_or(72) * 3_600_000);
        let invite_id = uuid::Uuid::new_v4();
        lock(&self.invites).insert(
            0,
            InviteInfo {
                details: InviteDetails {
                    invite_id,
                    role: request.role,
                    resident: request.resident,
                    name: request.name.clone(),
                    created_by: None,
                    created_at: made,
                    expires_at,
                },
                state: InviteState::Pending,
            },
        );
        Ok(InviteResponse {
            invite_id,
            code,
            team: TeamId::random(),
            role: request.role,
            resident: request.resident,
            expires_at,
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

    async fn assign(&self, _: &RelayAccess, request: &AssignRequest) -> Result<(), SyncError> {
        self.answer()?;
        lock(&self.assignments).push(request.clone());
        Ok(())
    }

    async fn revoke(&self, _: &RelayAccess, _: DeviceId) -> Result<(), SyncError> {
        self.answer()
    }

    async fn invites(&self, _: &RelayAccess) -> Result<InvitesResponse, SyncError> {
        self.answer()?;
        Ok(InvitesResponse { invites: lock(&self.invites).clone() })
    }

    async fn cancel_invite(&self, _: &RelayAccess, invite: uuid::Uuid) -> Result<(), SyncError> {
        self.answer()?;
        let mut invites = lock(&self.invites);
        let found = invites.iter_mut().find(|i| i.details.invite_id == invite && i.state == InviteState::Pending);
        let found = found.ok_or_else(|| SyncError::Refused { status: 404, message: "no such invite".into() })?;
        found.state = InviteState::Cancelled;
        Ok(())
    }

    async fn unassign(&self, _: &RelayAccess, request: &AssignRequest) -> Result<(), SyncError> {
        self.answer()?;
        lock(&self.assignments).retain(|a| a != request);
        Ok(())
    }

    async fn remove_person(&self, _: &RelayAccess, _: uuid::Uuid) -> Result<PersonRemovedResponse, SyncError> {
        self.answer()?;
        Ok(PersonRemovedResponse { devices_revoked: 1, invites_cancelled: 0 })
    }

    async fn media_held(&self, _: &RelayAccess, doc: DocumentId, hash: BlobHash) -> Result<u64, SyncError> {
        self.media_calls.fetch_add(1, Ordering::SeqCst);
        self.answer()?;
        Ok(lock(&self.media).get(&(doc, hash)).map_or(0, |(_, bytes)| bytes.len() as u64))
    }

    async fn media_send(&self, _: &RelayAccess, part: MediaPart) -> Result<u64, SyncError> {
        self.media_calls.fetch_add(1, Ordering::SeqCst);
        self.answer()?;
        let mut media = lock(&self.media);
        let (_, held) = media.entry((part.doc, part.hash)).or_insert_with(|| (part.length, Vec::new()));
        if part.offset != held.len() as u64 || self.media_stalls.load(Ordering::SeqCst) {
            return Ok(held.len() as u64);
        }
        held.extend_from_slice(&part.bytes);
        if held.len() as u64 == part.length && BlobHash::of(held) != part.hash {
            media.remove(&(part.doc, part.hash));
            return Err(SyncError::Refused { status: 422, message: "the bytes did not match".into() });
        }
        Ok(media.get(&(part.doc, part.hash)).map_or(0, |(_, b)| b.len() as u64))
    }

    async fn media_fetch(&self, _: &RelayAccess, range: MediaRange) -> Result<Vec<u8>, SyncError> {
        let MediaRange { doc, hash, offset, max } = range;
        self.media_calls.fetch_add(1, Ordering::SeqCst);
        self.answer()?;
        let media = lock(&self.media);
        let Some((length, bytes)) = media.get(&(doc, hash)).filter(|(l, b)| *l == b.len() as u64) else {
            return Err(SyncError::Refused { status: 404, message: "the relay has none of this file".into() });
        };
        let from = usize::try_from(offset.min(*length)).unwrap_or(usize::MAX);
        let to = usize::try_from(offset.saturating_add(max).min(*length)).unwrap_or(usize::MAX);
        Ok(bytes[from..to].to_vec())
    }
}
