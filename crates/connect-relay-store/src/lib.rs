//! The relay's storage: teams, people, devices, invites, assignments, the
//! team documents, per-(device, document) sync states, the change feed and
//! the accepted-change log.
//!
//! [`RelayStore`] is the trait a backend implements. [`SqliteRelayStore`] is
//! the embedded default: one file, in clear (the relay holds no device's
//! key, and its disk is the team's to protect). [`PostgresRelayStore`]
//! (feature `postgres`) is for a team that outgrows one machine: several
//! relay processes share one database. Both pass the [`conformance`] suite
//! (feature `testing`). [`open`] picks the backend from the address `--db` was
//! given.
//!
//! Only this crate knows the relay's SQL; `connect-relay` knows only the trait.
//! What the SQL decides is not in the backends: [`policy`] holds it as pure
//! functions (plan a save, check an invite, plan an erasure), so both backends
//! keep the same rules by calling the same code.

pub mod blobs;
#[cfg(feature = "testing")]
pub mod conformance;
mod error;
mod people;
pub mod policy;
#[cfg(feature = "postgres")]
mod postgres;
mod queries;
mod schema;
mod shared;
pub mod sql;
mod sqlite;
#[cfg(feature = "testing")]
pub mod testing;

use std::sync::Arc;

use connect_model::automerge::{Automerge, ChangeHash};
use connect_model::{AuthorRole, DeviceId, DocumentId, ResidentId, TeamId, Timestamp};

pub use error::{RelayStoreError, Result};
#[cfg(feature = "postgres")]
pub use postgres::PostgresRelayStore;
pub use sqlite::SqliteRelayStore;

/// Connections a store's pool opens at most, unless told otherwise.
pub const POOL_SIZE: u32 = 8;

pub use connect_model::team::{InviteDetails, Person};

/// What an invite grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invite {
    /// Team.
    pub team: TeamId,
    /// Role the new device's person gets.
    pub role: AuthorRole,
    /// For a resident invite: which resident.
    pub resident: Option<ResidentId>,
}

/// Who an invite is for and who made it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InviteFrom {
    /// The person's name, as the coordinator gave it: the name the audit
    /// trail shows, whatever the enrolling device calls its person. `None`
    /// for an invite made without one (the enrolling device names them).
    pub name: Option<String>,
    /// The device that made it; `None` for the relay's own command line.
    pub created_by: Option<DeviceId>,
}

/// An invite as the relay keeps it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InviteRecord {
    /// What it grants, who it is for, who made it and when.
    #[serde(flatten)]
    pub details: InviteDetails,
    /// The team it enrols into.
    pub team: TeamId,
    /// When it was used, if it was.
    pub used_at: Option<Timestamp>,
    /// When it was cancelled, if it was.
    pub cancelled_at: Option<Timestamp>,
}

impl InviteRecord {
    /// What it grants.
    #[must_use]
    pub fn invite(&self) -> Invite {
        Invite { team: self.team, role: self.details.role, resident: self.details.resident }
    }
}

/// What taking a person off a team did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PersonRemoved {
    /// Their devices revoked now (some may have been already).
    pub devices_revoked: usize,
    /// Unused invites their devices had made, cancelled.
    pub invites_cancelled: usize,
}

/// Who could see a resident before they were erased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasedResident {
    /// Their team.
    pub team: TeamId,
    /// The people who were assigned to them.
    pub assigned: Vec<uuid::Uuid>,
}

/// An enrolled device as the relay sees it on each request.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DeviceRecord {
    /// The device.
    pub device_id: DeviceId,
    /// Its person.
    pub person: Person,
    /// Its name.
    pub name: String,
    /// Revoked devices are refused and told to wipe.
    pub revoked: bool,
}

/// A document's new changes, to save ([`RelayStore::save`]).
#[derive(Debug, Clone, Copy)]
pub struct DocSave<'a> {
    /// The document.
    pub id: DocumentId,
    /// Its team.
    pub team: TeamId,
    /// The whole document, the new changes in it.
    pub doc: &'a Automerge,
    /// The changes to save and log.
    pub new_changes: &'a [ChangeHash],
    /// The device they came from; `None` for the relay's own.
    pub device: Option<DeviceId>,
    /// When.
    pub now: Timestamp,
}

/// One feed entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEntry {
    /// Position in the feed.
    pub seq: u64,
    /// Document.
    pub doc: DocumentId,
    /// An erasure rather than a change.
    pub erased: bool,
}

/// One accepted change, for the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AcceptedChange {
    /// The change.
    pub hash: String,
    /// Which device sent it.
    pub device: DeviceId,
    /// When the relay accepted it.
    pub at: Timestamp,
}

/// Why an invite could not be redeemed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InviteProblem {
    /// No such code.
    Unknown,
    /// Already used.
    Used,
    /// Past its expiry.
    Expired,
    /// Cancelled by a coordinator (or with the device that made it).
    Cancelled,
    /// The enrolling device's id is one the relay has already seen.
    DeviceSeen,
}

/// A stored document's bytes, as sync sends them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument {
    /// A saved document followed by any change chunks (`Automerge::load` reads it).
    pub bytes: Vec<u8>,
    /// Its heads.
    pub heads: Vec<ChangeHash>,
    /// Whether `bytes` is a single compacted snapshot.
    pub compacted: bool,
}

/// What sync needs to know about one document, read in one go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocView {
    /// Which document.
    pub id: DocumentId,
    /// The document, if stored.
    pub stored: Option<StoredDocument>,
    /// Whether it was erased.
    pub erased: bool,
    /// The team its resident is registered to.
    pub resident_team: Option<TeamId>,
    /// The sync state between the reading device and this document.
    pub sync_state: Option<Vec<u8>>,
    /// If that state is only assumed (the document was sent whole), the
    /// round of the response that sent it.
    pub assumed_round: Option<u64>,
}

/// One document to store in a [`SyncCommit`], as bytes: the relay never
/// holds a whole batch of documents in memory.
#[derive(Debug, Clone, Copy)]
pub struct CommitSave<'a> {
    /// Which document.
    pub id: DocumentId,
    /// A whole saved document (`whole`), or change chunks since `base_heads`.
    pub bytes: &'a [u8],
    /// Whether `bytes` is a whole document, for a document the relay has not stored.
    pub whole: bool,
    /// The stored heads the chunks build on: the commit is a conflict unless
    /// the document's stored heads are exactly these.
    pub base_heads: &'a [ChangeHash],
    /// The document's heads after.
    pub heads: &'a [ChangeHash],
    /// The changes this request added, for the change log.
    pub new_changes: &'a [ChangeHash],
    /// The media the document references after ([`blobs::set_doc_media`]).
    pub media: &'a std::collections::BTreeSet<connect_model::media::BlobHash>,
}

/// Everything one sync request writes, committed in one transaction by
/// [`RelayStore::commit_sync`].
#[derive(Debug, Clone, Copy)]
pub struct SyncCommit<'a> {
    /// The device's team.
    pub team: TeamId,
    /// The device's person.
    pub person: uuid::Uuid,
    /// The device.
    pub device: DeviceId,
    /// When.
    pub now: Timestamp,
    /// New residents: registered to `team`, assigned to `person`.
    pub register: &'a [ResidentId],
    /// Documents to store, each with a feed entry and its change log.
    pub saves: &'a [CommitSave<'a>],
    /// Sync states between `device` and documents, each with the round it
    /// is assumed from (`None`: confirmed).
    pub sync_states: &'a [(DocumentId, Vec<u8>, Option<u64>)],
    /// The round of this response; the store keeps the device's highest.
    pub round: u64,
    /// First forget the device's sync states assumed in rounds after this one.
    pub forget_assumed_after: Option<u64>,
}

/// Whether a [`SyncCommit`] was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitOutcome {
    /// All of it.
    Committed,
    /// None of it: a document changed or was erased, or a resident was
    /// registered elsewhere, since it was read. Read again and retry.
    Conflict,
}

/// How a store's connection pool stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PoolState {
    /// Connections open.
    pub connections: u32,
    /// Of those, idle.
    pub idle: u32,
    /// Most connections the pool opens.
    pub max: u32,
}

/// Storage for a relay. Methods take `&self`: a store is shared by every
/// request at once and keeps its own connections. Methods block: call them
/// from a blocking thread, never on an async task. Media ([`blobs`]) and
/// the calls that are the same SQL on both backends (the default methods,
/// in `queries.rs`) are written once over the SQL both run ([`sql::SqlRunner`]).
pub trait RelayStore: sql::SqlRunner {
    /// Creates a team and its directory document (created here, once, by the relay).
    fn create_team(&self, name: &str, directory: &Automerge, now: Timestamp) -> Result<TeamId>;
    /// Team names by id.
    fn teams(&self) -> Result<Vec<(TeamId, String)>> {
        sql::read(self, queries::teams)
    }
    /// Stores a one-time invite code (hashed by the caller) made on the
    /// relay's command line, for a person the enrolling device names; returns its id.
    fn create_invite(
        &self,
        code_hash: &[u8],
        invite: &Invite,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> Result<uuid::Uuid> {
        self.create_invite_from(code_hash, invite, &InviteFrom::default(), now, expires_at)
    }
    /// Stores a one-time invite code (hashed by the caller), with who it is
    /// for and who made it; returns its id.
    fn create_invite_from(
        &self,
        code_hash: &[u8],
        invite: &Invite,
        from: &InviteFrom,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> Result<uuid::Uuid> {
        sql::write(self, |db| people::create_invite(db, code_hash, (invite, from), (now, expires_at)))
    }
    /// The invite a code's hash belongs to, read without taking a write lock.
    fn find_invite(&self, code_hash: &[u8]) -> Result<Option<InviteRecord>> {
        sql::read(self, |db| people::find_invite(db, code_hash))
    }
    /// An invite by id.
    fn invite(&self, id: uuid::Uuid) -> Result<Option<InviteRecord>> {
        sql::read(self, |db| people::invite(db, id))
    }
    /// A team's invites, newest first.
    fn invites(&self, team: TeamId) -> Result<Vec<InviteRecord>> {
        sql::read(self, |db| people::invites(db, team))
    }
    /// Cancels an unused invite; returns whether it was one.
    fn cancel_invite(&self, id: uuid::Uuid, now: Timestamp) -> Result<bool> {
        sql::write(self, |db| queries::cancel_invite(db, id, now))
    }
    /// Redeems an invite ([`policy::check_invite`]): creates the person
    /// (named as the invite says, or `person_name` if it names no one) and
    /// the device in one transaction. The invite can never be used again.
    #[allow(clippy::too_many_arguments)]
    fn redeem_invite(
        &self,
        code_hash: &[u8],
        person_name: &str,
        device_id: DeviceId,
        device_name: &str,
        token_hash: &[u8],
        now: Timestamp,
    ) -> Result<std::result::Result<DeviceRecord, InviteProblem>> {
        sql::write(self, |db| {
            people::redeem_invite(
                db,
                &people::Enrolling { code_hash, person_name, device_id, device_name, token_hash, now },
            )
        })
    }
    /// The device a token belongs to; records it as seen.
    fn device_by_token(&self, token_hash: &[u8], now: Timestamp) -> Result<Option<DeviceRecord>>;
    /// A device by id.
    fn device(&self, device: DeviceId) -> Result<Option<DeviceRecord>> {
        sql::read(self, |db| people::device(db, device))
    }
    /// Revokes a device and cancels the unused invites it made; returns
    /// whether it existed.
    fn revoke_device(&self, device: DeviceId, now: Timestamp) -> Result<bool> {
        sql::write(self, |db| people::revoke_device(db, device, now))
    }
    /// Takes a person off their team: revokes their devices, cancels the
    /// invites those made, removes their assignments, and keeps their name
    /// for the audit trail. `None` if there is no such person.
    fn remove_person(&self, person: uuid::Uuid, now: Timestamp) -> Result<Option<PersonRemoved>> {
        sql::write(self, |db| people::remove_person(db, person, now))
    }
    /// People on a team.
    fn people(&self, team: TeamId) -> Result<Vec<Person>> {
        sql::read(self, |db| people::people(db, team))
    }
    /// Devices on a team.
    fn devices(&self, team: TeamId) -> Result<Vec<DeviceRecord>> {
        sql::read(self, |db| people::devices(db, team))
    }
    /// Assigns a resident to a person.
    fn assign(&self, resident: ResidentId, person: uuid::Uuid) -> Result<()> {
        sql::write(self, |db| queries::assign(db, resident, person))
    }
    /// Ends an assignment; returns whether there was one.
    fn unassign(&self, resident: ResidentId, person: uuid::Uuid) -> Result<bool> {
        sql::write(self, |db| queries::unassign(db, resident, person))
    }
    /// Residents a person is assigned to (including those they created).
    fn assignments(&self, person: uuid::Uuid) -> Result<Vec<ResidentId>> {
        sql::read(self, |db| queries::assignments(db, person))
    }
    /// The team a resident belongs to, if known.
    fn resident_team(&self, resident: ResidentId) -> Result<Option<TeamId>> {
        sql::read(self, |db| queries::resident_team(db, resident))
    }
    /// Records a new resident, created by `person` (who is assigned to them).
    fn register_resident(&self, resident: ResidentId, team: TeamId, person: uuid::Uuid, now: Timestamp) -> Result<()> {
        sql::write(self, |db| queries::register_resident(db, resident, team, person, now))
    }
    /// Loads a document.
    fn load(&self, id: DocumentId) -> Result<Option<Automerge>>;
    /// Saves a document's new changes, appends one feed entry and logs each
    /// accepted change, in one transaction. Returns the feed position.
    fn save(&self, save: DocSave<'_>) -> Result<u64>;
    /// Puts an existing document back at the head of the feed without changing
    /// it, so devices that can newly see it (after an assignment) receive it.
    fn touch(&self, id: DocumentId, now: Timestamp) -> Result<Option<u64>>;
    /// Whether a document was erased.
    fn is_erased(&self, id: DocumentId) -> Result<bool> {
        sql::read(self, |db| queries::is_erased(db, id))
    }
    /// Who could see a resident before they were erased (`None` if they were not).
    fn erased_resident(&self, resident: ResidentId) -> Result<Option<ErasedResident>> {
        sql::read(self, |db| people::erased_resident(db, resident))
    }
    /// Erases every document of a resident, with their sync states, change log
    /// and assignments ([`policy::plan_erasure`]), remembers who could see
    /// them, and puts tombstones in the feed. Returns the ids erased.
    fn erase_resident(&self, resident: ResidentId, now: Timestamp) -> Result<Vec<DocumentId>>;
    /// The sync state between a device and a document.
    fn sync_state(&self, device: DeviceId, id: DocumentId) -> Result<Option<Vec<u8>>> {
        sql::read(self, |db| queries::sync_state(db, device, id))
    }
    /// Saves (or clears, with `None`) that sync state, as confirmed.
    fn set_sync_state(&self, device: DeviceId, id: DocumentId, state: Option<&[u8]>) -> Result<()> {
        sql::write(self, |db| queries::set_sync_state(db, device, id, state))
    }
    /// Feed entries of a team after `cursor`, one per document (its latest), oldest first, at most `limit`.
    fn feed_since(&self, team: TeamId, cursor: u64, limit: usize) -> Result<Vec<FeedEntry>>;
    /// The latest feed position of a team.
    fn feed_head(&self, team: TeamId) -> Result<u64>;
    /// Accepted changes of a document, oldest first.
    fn change_log(&self, id: DocumentId) -> Result<Vec<AcceptedChange>>;
    /// Counts for metrics: (documents, devices, teams).
    fn counts(&self) -> Result<(u64, u64, u64)> {
        sql::read(self, queries::counts)
    }
    /// The bytes a team's documents take.
    fn team_bytes(&self, team: TeamId) -> Result<u64> {
        sql::read(self, |db| queries::team_bytes(db, team))
    }
    /// What sync needs about `ids`, as one consistent read, with the sync
    /// states between `device` and each.
    fn read_docs(&self, device: DeviceId, ids: &[DocumentId]) -> Result<Vec<DocView>>;
    /// The newest round numbered for `device` (0 if none).
    fn last_round(&self, device: DeviceId) -> Result<u64>;
    /// Stores a sync request's writes in one transaction, or nothing.
    fn commit_sync(&self, commit: &SyncCommit<'_>) -> Result<CommitOutcome>;
    /// Reads the store, to show whether it is healthy.
    fn check(&self) -> Result<()>;
    /// How its connection pool stands, for metrics.
    fn pool_state(&self) -> PoolState;
    /// Writes a consistent copy of the whole store to `path` (online backup):
    /// a SQLite file, or for PostgreSQL a `pg_dump` archive.
    fn backup(&self, path: &std::path::Path) -> Result<()>;
    /// Where the store lives, to show in logs: a file path, or a PostgreSQL
    /// address without its password.
    fn place(&self) -> String;
}

/// A store shared by every request of a relay.
pub type SharedRelayStore = Arc<dyn RelayStore + Send + Sync>;

/// Whether `address` names a PostgreSQL database rather than a SQLite file.
#[must_use]
pub fn is_postgres_address(address: &str) -> bool {
    address.starts_with("postgres://") || address.starts_with("postgresql://")
}

/// Opens (creating and migrating if needed) the store `address` names: a
/// `postgres://` or `postgresql://` URL for PostgreSQL, anything else a
/// SQLite file path. Its pool opens at most `pool_size` connections.
pub fn open(address: &str, pool_size: u32) -> Result<SharedRelayStore> {
    if is_postgres_address(address) {
        #[cfg(feature = "postgres")]
        return Ok(Arc::new(PostgresRelayStore::open(address, pool_size)?));
        #[cfg(not(feature = "postgres"))]
        return Err(RelayStoreError::BadAddress(
            "this relay was built without PostgreSQL support (feature `postgres`)".into(),
        ));
    }
    Ok(Arc::new(SqliteRelayStore::open_with_pool(address, pool_size)?))
}
