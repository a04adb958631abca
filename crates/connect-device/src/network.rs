//! The team relay as a device reaches it: the async [`Network`] trait, and
//! [`HttpNetwork`], its one implementation, on reqwest's async client (tokio
//! on native platforms, `fetch` in the browser, where nothing may block).
//!
//! The trait is only transport: the device decides what to ask, reads where
//! the relay is from its store, records what comes back, and wipes itself when
//! an answer says the team revoked it. Tests plug in relays of their own.

use connect_model::history::AcceptedRecord;
use connect_model::media::BlobHash;
use connect_model::{DeviceId, DocumentId, ResidentId};
use connect_sync::api::{
    AssignRequest, EnrolRequest, EnrolResponse, EraseResponse, InviteRequest, InviteResponse, InvitesResponse,
    PeopleResponse, PersonRemovedResponse,
};
use connect_sync::driver::AsyncSessionStore;
use connect_sync::http::{AsyncHttpTransport, AsyncRelayClient};
use connect_sync::{SyncError, SyncReport};

/// A moment, as sync sessions are stamped.
pub type Moment = chrono::DateTime<chrono::Utc>;

/// What a sync session answers.
pub type Synced = Result<SyncReport, SyncError>;

/// Where this device's relay is and how it proves who it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayAccess {
    /// The relay's base address.
    pub url: String,
    /// This device's token.
    pub token: String,
    /// Plain HTTP to a relay that is not on this machine was explicitly allowed.
    pub allow_insecure_http: bool,
}

/// The team relay, as a device reaches it. Every call can answer
/// [`SyncError::Revoked`]; the device then deletes its store.
#[allow(async_fn_in_trait)] // Driven on one thread (a blocking thread, or the browser's): no `Send` needed.
pub trait Network {
    /// Runs one sync session against the relay, on `store`.
    async fn sync(&self, relay: &RelayAccess, store: &mut impl AsyncSessionStore, now: Moment) -> Synced;
    /// Exchanges an invite code for a device token.
    async fn enrol(
        &self,
        relay_url: &str,
        request: &EnrolRequest,
        allow_insecure_http: bool,
    ) -> Result<EnrolResponse, SyncError>;
    /// (Coordinator) Creates an invite.
    async fn invite(&self, relay: &RelayAccess, request: &InviteRequest) -> Result<InviteResponse, SyncError>;
    /// The relay's records of every change to a resident's documents the
    /// device may read: its half of the audit trail.
    async fn history(&self, relay: &RelayAccess, resident: ResidentId) -> Result<Vec<AcceptedRecord>, SyncError>;
    /// (Coordinator) Erases a resident on the relay, so every device deletes
    /// them at its next sync.
    async fn erase(&self, relay: &RelayAccess, resident: ResidentId) -> Result<EraseResponse, SyncError>;
    /// (Coordinator) The team's people and devices.
    async fn people(&self, relay: &RelayAccess) -> Result<PeopleResponse, SyncError>;
    /// (Coordinator) Assigns a resident to a supporter.
    async fn assign(&self, relay: &RelayAccess, request: &AssignRequest) -> Result<(), SyncError>;
    /// (Coordinator) Revokes a device.
    async fn revoke(&self, relay: &RelayAccess, device: DeviceId) -> Result<(), SyncError>;
    /// (Coordinator) The team's invites, newest first.
    async fn invites(&self, relay: &RelayAccess) -> Result<InvitesResponse, SyncError>;
    /// (Coordinator) Cancels an unused invite.
    async fn cancel_invite(&self, relay: &RelayAccess, invite: uuid::Uuid) -> Result<(), SyncError>;
    /// (Coordinator) Ends an assignment.
    async fn unassign(&self, relay: &RelayAccess, request: &AssignRequest) -> Result<(), SyncError>;
    /// (Coordinator) Takes a person off the team, revoking their devices.
    async fn remove_person(&self, relay: &RelayAccess, person: uuid::Uuid) -> Result<PersonRemovedResponse, SyncError>;
    /// How many bytes of media file `hash` of `doc` the relay holds (0: none).
    async fn media_held(&self, relay: &RelayAccess, doc: DocumentId, hash: BlobHash) -> Result<u64, SyncError>;
    /// Sends the bytes of a `length`-byte media file from `offset`; how many
    /// bytes the relay then holds (another amount than expected if a lost
    /// answer left it ahead: the device goes on from there).
    async fn media_send(&self, relay: &RelayAccess, part: MediaPart) -> Result<u64, SyncError>;
    /// At most `range.max` bytes of a complete media file, from `range.offset` on.
    async fn media_fetch(&self, relay: &RelayAccess, range: MediaRange) -> Result<Vec<u8>, SyncError>;
}

/// Which bytes of a complete media file to fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MediaRange {
    /// The document the file belongs to.
    pub doc: DocumentId,
    /// The file's SHA-256.
    pub hash: BlobHash,
    /// Where to start.
    pub offset: u64,
    /// At most this many bytes.
    pub max: u64,
}

/// One request's worth of a media file to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaPart {
    /// The document the file belongs to.
    pub doc: DocumentId,
    /// The file's SHA-256.
    pub hash: BlobHash,
    /// The whole file's length.
    pub length: u64,
    /// Where these bytes start.
    pub offset: u64,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// The relay over HTTPS (plain HTTP only to this machine, unless allowed).
#[derive(Debug, Clone, Copy, Default)]
pub struct HttpNetwork;

fn client(relay: &RelayAccess) -> Result<AsyncRelayClient, SyncError> {
    AsyncRelayClient::new(&relay.url, &relay.token, relay.allow_insecure_http)
}

impl Network for HttpNetwork {
    async fn sync(&self, relay: &RelayAccess, store: &mut impl AsyncSessionStore, now: Moment) -> Synced {
        let mut transport = AsyncHttpTransport::new(&relay.url, &relay.token, relay.allow_insecure_http)?;
        connect_sync::run_session_async(store, &mut transport, now).await
    }

    async fn enrol(
        &self,
        relay_url: &str,
        request: &EnrolRequest,
        allow_insecure_http: bool,
    ) -> Result<EnrolResponse, SyncError> {
        let EnrolRequest { invite, device_id, device_name, person_name } = request;
        connect_sync::http::enrol_async(relay_url, invite, *device_id, device_name, person_name, allow_insecure_http)
            .await
    }

    async fn invite(&self, relay: &RelayAccess, request: &InviteRequest) -> Result<InviteResponse, SyncError> {
        client(relay)?.invite(request).await
    }

    async fn history(&self, relay: &RelayAccess, resident: ResidentId) -> Result<Vec<AcceptedRecord>, SyncError> {
        client(relay)?.history(resident).await
    }

    async fn erase(&self, relay: &RelayAccess, resident: ResidentId) -> Result<EraseResponse, SyncError> {
        client(relay)?.erase(resident).await
    }

    async fn people(&self, relay: &RelayAccess) -> Result<PeopleResponse, SyncError> {
        client(relay)?.people().await
    }

    async fn assign(&self, relay: &RelayAccess, request: &AssignRequest) -> Result<(), SyncError> {
        client(relay)?.assign(request).await
    }

    async fn revoke(&self, relay: &RelayAccess, device: DeviceId) -> Result<(), SyncError> {
        client(relay)?.revoke(device).await
    }

    async fn invites(&self, relay: &RelayAccess) -> Result<InvitesResponse, SyncError> {
        client(relay)?.invites().await
    }

    async fn cancel_invite(&self, relay: &RelayAccess, invite: uuid::Uuid) -> Result<(), SyncError> {
        client(relay)?.cancel_invite(invite).await
    }

    async fn unassign(&self, relay: &RelayAccess, request: &AssignRequest) -> Result<(), SyncError> {
        client(relay)?.unassign(request).await
    }

    async fn remove_person(&self, relay: &RelayAccess, person: uuid::Uuid) -> Result<PersonRemovedResponse, SyncError> {
        client(relay)?.remove_person(person).await
    }

    async fn media_held(&self, relay: &RelayAccess, doc: DocumentId, hash: BlobHash) -> Result<u64, SyncError> {
        client(relay)?.media_held(doc, hash).await
    }

    async fn media_send(&self, relay: &RelayAccess, part: MediaPart) -> Result<u64, SyncError> {
        client(relay)?.media_send(part.doc, part.hash, part.length, part.offset, part.bytes).await
    }

    async fn media_fetch(&self, relay: &RelayAccess, r: MediaRange) -> Result<Vec<u8>, SyncError> {
        client(relay)?.media_fetch(r.doc, r.hash, r.offset, r.max).await
    }
}

/// A network that reaches no relay: every call answers that the relay is out
/// of reach. For a device that is never enrolled (tests, a demo), and as the
/// network of tests that do not sync.
#[derive(Debug, Clone, Copy, Default)]
pub struct Offline;

fn out_of_reach<T>() -> Result<T, SyncError> {
    Err(SyncError::Unreachable("this device has no network".into()))
}

impl Network for Offline {
    async fn sync(&self, _: &RelayAccess, _: &mut impl AsyncSessionStore, _: Moment) -> Synced {
        out_of_reach()
    }
    async fn enrol(&self, _: &str, _: &EnrolRequest, _: bool) -> Result<EnrolResponse, SyncError> {
        out_of_reach()
    }
    async fn invite(&self, _: &RelayAccess, _: &InviteRequest) -> Result<InviteResponse, SyncError> {
        out_of_reach()
    }
    async fn history(&self, _: &RelayAccess, _: ResidentId) -> Result<Vec<AcceptedRecord>, SyncError> {
        out_of_reach()
    }
    async fn erase(&self, _: &RelayAccess, _: ResidentId) -> Result<EraseResponse, SyncError> {
        out_of_reach()
    }
    async fn people(&self, _: &RelayAccess) -> Result<PeopleResponse, SyncError> {
        out_of_reach()
    }
    async fn assign(&self, _: &RelayAccess, _: &AssignRequest) -> Result<(), SyncError> {
        out_of_reach()
    }
    async fn invites(&self, _: &RelayAccess) -> Result<InvitesResponse, SyncError> {
        out_of_reach()
    }
    async fn cancel_invite(&self, _: &RelayAccess, _: uuid::Uuid) -> Result<(), SyncError> {
        out_of_reach()
    }
    async fn unassign(&self, _: &RelayAccess, _: &AssignRequest) -> Result<(), SyncError> {
        out_of_reach()
    }
    async fn remove_person(&self, _: &RelayAccess, _: uuid::Uuid) -> Result<PersonRemovedResponse, SyncError> {
        out_of_reach()
    }
    async fn revoke(&self, _: &RelayAccess, _: DeviceId) -> Result<(), SyncError> {
        out_of_reach()
    }
    async fn media_held(&self, _: &RelayAccess, _: DocumentId, _: BlobHash) -> Result<u64, SyncError> {
        out_of_reach()
    }
    async fn media_send(&self, _: &RelayAccess, _: MediaPart) -> Result<u64, SyncError> {
        out_of_reach()
    }
    async fn media_fetch(&self, _: &RelayAccess, _: MediaRange) -> Result<Vec<u8>, SyncError> {
        out_of_reach()
    }
}
