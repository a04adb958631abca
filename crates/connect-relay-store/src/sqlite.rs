//! The relay's embedded default: one SQLite file (WAL, `synchronous = FULL`,
//! `secure_delete` so erased text is overwritten, not just unlinked), behind
//! a pool of connections.
//!
//! There is no store-wide lock: readers run on their own connections beside
//! the writer (WAL lets them), and writers take SQLite's write lock with
//! `BEGIN IMMEDIATE`, waiting for each other through the busy timeout. A
//! panic in one request drops its connection's transaction (rolled back) and
//! returns the connection, so it cannot affect the next request.

use std::path::{Path, PathBuf};

use connect_model::automerge::{Automerge, ChangeHash, ReadDoc};
use connect_model::heads::{decode as decode_heads, encode as encode_heads};
use connect_model::{DeviceId, DocKind, DocumentId, ResidentId, TeamId, Timestamp};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::shared::{LAST_SEEN_EVERY_MS, NewBytes, Saved, bytes_for, pool_builder};
use crate::{
    AcceptedChange, CommitOutcome, DeviceRecord, DocView, FeedEntry, Invite, InviteProblem, POOL_SIZE, Person,
    PoolState, RelayStore, RelayStoreError, Result, StoredDocument, SyncCommit,
};

const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/sqlite/0001_relay.sql"),
    include_str!("../migrations/sqlite/0002_feed_and_rounds.sql"),
];

/// Settings every pooled connection gets before first use. Each keeps a
/// 1 MiB page cache, so the whole pool's caches stay under 8 MiB.
const CONNECTION_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; \
     PRAGMA secure_delete = ON; PRAGMA cache_size = -1024;";

type Pool = r2d2::Pool<Manager>;
type Conn = r2d2::PooledConnection<Manager>;

/// Opens the pool's connections: to one file, or (no path) each to a private
/// database in memory, and sets each up with [`init_connection`].
#[derive(Debug)]
struct Manager {
    path: Option<PathBuf>,
}

impl r2d2::ManageConnection for Manager {
    type Connection = Connection;
    type Error = rusqlite::Error;

    fn connect(&self) -> rusqlite::Result<Connection> {
        let mut conn = match &self.path {
            Some(path) => Connection::open(path)?,
            None => Connection::open_in_memory()?,
        };
        init_connection(&mut conn)?;
        Ok(conn)
    }

    fn is_valid(&self, conn: &mut Connection) -> rusqlite::Result<()> {
        conn.execute_batch("")
    }

    fn has_broken(&self, _: &mut Connection) -> bool {
        false
    }
}

/// The relay's SQLite store: a cheap handle to a connection pool; clones
/// share the pool.
#[derive(Clone)]
pub struct SqliteRelayStore {
    pool: Pool,
    path: String,
}

impl std::fmt::Debug for SqliteRelayStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteRelayStore").field("path", &self.path).finish_non_exhaustive()
    }
}

/// Saves a document's new changes inside `tx`, with one feed entry (replacing
/// the document's older one) and the change log. Nothing is stored if the
/// stored heads are not exactly the ones the new bytes build on.
fn save_in(
    tx: &rusqlite::Transaction<'_>,
    id: DocumentId,
    team: TeamId,
    new: &NewBytes<'_>,
    new_changes: &[ChangeHash],
    device: Option<DeviceId>,
    now: Timestamp,
) -> Result<Saved> {
    let key = id.to_string();
    if tx.query_row("SELECT 1 FROM erased WHERE doc_id = ?1", [&key], |_| Ok(())).optional()?.is_some() {
        return Ok(Saved::Erased);
    }
    let existing: Option<(Vec<u8>, i64, i64)> = tx
        .query_row("SELECT heads, length(snapshot), chunk_bytes FROM documents WHERE doc_id = ?1", [&key], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    match existing {
        None if new.whole => {
            tx.execute(
                "INSERT INTO documents (doc_id, team_id, resident_id, kind, snapshot, heads) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    key,
                    team.to_string(),
                    id.resident_id().map(|r| r.to_string()),
                    id.kind().as_str(),
                    new.bytes,
                    encode_heads(new.heads)
                ],
            )?;
        }
        // Chunks for a document that is not there, or a whole document for
        // one that now is: another writer got there first.
        None => return Ok(Saved::Stale),
        Some(_) if new.whole => return Ok(Saved::Stale),
        Some((heads, snapshot_len, chunk_bytes)) => {
            if heads != encode_heads(new.base_heads) {
                // Another writer stored changes these bytes do not build on.
                return Ok(Saved::Stale);
            }
            let len = i64::try_from(new.bytes.len()).unwrap_or(i64::MAX);
            if chunk_bytes + len > snapshot_len {
                // The chunks outgrew the snapshot: fold them in.
                let mut all = Vec::new();
                all.extend_from_slice(&tx.query_row(
                    "SELECT snapshot FROM documents WHERE doc_id = ?1",
                    [&key],
                    |r| r.get::<_, Vec<u8>>(0),
                )?);
                {
                    let mut stmt = tx.prepare_cached("SELECT bytes FROM chunks WHERE doc_id = ?1 ORDER BY seq")?;
                    let mut rows = stmt.query([&key])?;
                    while let Some(row) = rows.next()? {
                        all.extend_from_slice(row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?);
                    }
                }
                all.extend_from_slice(new.bytes);
                let doc = Automerge::load(&all).map_err(RelayStoreError::corrupt(id))?;
                tx.execute("DELETE FROM chunks WHERE doc_id = ?1", [&key])?;
                tx.execute(
                    "UPDATE documents SET snapshot = ?2, chunk_bytes = 0, heads = ?3 WHERE doc_id = ?1",
                    params![key, doc.save(), encode_heads(&doc.get_heads())],
                )?;
            } else {
                tx.execute(
                    "INSERT INTO chunks (doc_id, seq, bytes) VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM chunks WHERE doc_id = ?1), ?2)",
                    params![key, new.bytes],
                )?;
                tx.execute(
                    "UPDATE documents SET chunk_bytes = chunk_bytes + ?2, heads = ?3 WHERE doc_id = ?1",
                    params![key, len, encode_heads(new.heads)],
                )?;
            }
        }
    }
    let device_str = device.map(|d| d.to_string());
    // The feed keeps one entry per document, its latest, so a reader's
    // page is a plain range of the team's index.
    tx.prepare_cached("DELETE FROM feed WHERE doc_id = ?1")?.execute([&key])?;
    tx.execute(
        "INSERT INTO feed (team_id, doc_id, kind, device_id, at) VALUES (?1, ?2, 'change', ?3, ?4)",
        params![team.to_string(), key, device_str, now.millis()],
    )?;
    let seq = u64::try_from(tx.last_insert_rowid()).unwrap_or(0);
    {
        let mut log = tx.prepare_cached(
            "INSERT OR IGNORE INTO change_log (hash, doc_id, device_id, feed_seq, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for h in new_changes {
            log.execute(params![
                h.0.as_slice(),
                key,
                device_str.as_deref().unwrap_or("relay"),
                i64::try_from(seq).unwrap_or(i64::MAX),
                now.millis()
            ])?;
        }
    }
    Ok(Saved::At(seq))
}

/// How long a writer waits for another before giving up.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

fn init_connection(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.execute_batch(CONNECTION_PRAGMAS)?;
    // Durability is asserted, not assumed: a connection that would not fsync
    // every commit is refused.
    let synchronous: i64 = conn.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
    if synchronous == SYNCHRONOUS_FULL {
        Ok(())
    } else {
        Err(rusqlite::Error::InvalidParameterName(format!("synchronous is {synchronous}, not FULL")))
    }
}

/// `PRAGMA synchronous` reads 2 for FULL.
const SYNCHRONOUS_FULL: i64 = 2;

fn bad(e: impl std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.to_string().into())
}

fn person_from(row: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Person> {
    let id: String = row.get(at)?;
    let team: String = row.get(at + 1)?;
    let role: String = row.get(at + 3)?;
    let resident: Option<String> = row.get(at + 4)?;
    Ok(Person {
        person_id: id.parse().map_err(bad)?,
        team: team.parse().map_err(bad)?,
        name: row.get(at + 2)?,
        role: role.parse().map_err(bad)?,
        resident: resident.map(|r| r.parse().map_err(bad)).transpose()?,
    })
}

/// A device and its person (column 8 is its "last seen", for authentication).
const DEVICE_SELECT: &str =
    "SELECT d.device_id, d.name, d.revoked_at, p.person_id, p.team_id, p.name, p.role, p.resident_id, d.last_seen
     FROM devices d JOIN people p ON p.person_id = d.person_id";

fn device_from(row: &rusqlite::Row<'_>) -> rusqlite::Result<DeviceRecord> {
    let id: String = row.get(0)?;
    Ok(DeviceRecord {
        device_id: id.parse().map_err(bad)?,
        name: row.get(1)?,
        revoked: row.get::<_, Option<i64>>(2)?.is_some(),
        person: person_from(row, 3)?,
    })
}

impl SqliteRelayStore {
    /// Opens (creating if needed) the relay database at `path`, with a pool
    /// of [`POOL_SIZE`] connections.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::open_with_pool(path, POOL_SIZE)
    }

    /// Opens the relay database at `path` with a pool of at most `pool_size`
    /// connections (at least one).
    pub fn open_with_pool(path: impl AsRef<Path>, pool_size: u32) -> Result<Self> {
        let path_str = path.as_ref().display().to_string();
        Self::setup(Manager { path: Some(path.as_ref().to_owned()) }, pool_size.max(1), path_str)
    }

    /// A private relay database in memory, for tests: one connection, since
    /// every in-memory connection is a database of its own.
    pub fn open_in_memory() -> Result<Self> {
        Self::setup(Manager { path: None }, 1, ":memory:".into())
    }

    fn setup(manager: Manager, size: u32, path: String) -> Result<Self> {
        let cannot = |reason: String| RelayStoreError::CannotOpen { place: path.clone(), reason };
        let pool = pool_builder(size).build(manager).map_err(|e| cannot(e.to_string()))?;
        let store = Self { pool, path };
        let cannot = |reason: String| RelayStoreError::CannotOpen { place: store.path.clone(), reason };
        let mut conn = store.conn()?;
        let version: i64 =
            conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| cannot(e.to_string()))?;
        let supported = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
        if version > supported {
            return Err(RelayStoreError::NewerSchema { found: version, supported });
        }
        if version < supported {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(usize::try_from(version).unwrap_or(0)) {
                tx.execute_batch(sql)?;
                tx.pragma_update(None, "user_version", i64::try_from(i + 1).unwrap_or(i64::MAX))?;
            }
            tx.commit()?;
        }
        drop(conn);
        Ok(store)
    }

    /// `PRAGMA synchronous` on as many pooled connections as the pool
    /// holds, all checked out at once (so each is a different connection).
    pub fn synchronous_of_every_connection(&self) -> Result<Vec<i64>> {
        let size = self.pool.max_size();
        let conns = (0..size).map(|_| self.conn()).collect::<Result<Vec<_>>>()?;
        conns.iter().map(|c| Ok(c.query_row("PRAGMA synchronous", [], |r| r.get::<_, i64>(0))?)).collect()
    }

    /// A connection from the pool.
    fn conn(&self) -> Result<Conn> {
        self.pool.get().map_err(|e| RelayStoreError::NoConnection { place: self.path.clone(), reason: e.to_string() })
    }

    /// Where the database lives.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    fn load_in(conn: &Connection, id: DocumentId) -> Result<Option<Automerge>> {
        let key = id.to_string();
        let Some(mut bytes) = conn
            .query_row("SELECT snapshot FROM documents WHERE doc_id = ?1", [&key], |r| r.get::<_, Vec<u8>>(0))
            .optional()?
        else {
            return Ok(None);
        };
        let mut stmt = conn.prepare_cached("SELECT bytes FROM chunks WHERE doc_id = ?1 ORDER BY seq")?;
        let mut rows = stmt.query([&key])?;
        while let Some(row) = rows.next()? {
            bytes.extend_from_slice(row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?);
        }
        Automerge::load(&bytes).map(Some).map_err(RelayStoreError::corrupt(id))
    }
}

impl RelayStore for SqliteRelayStore {
    fn create_team(&self, name: &str, directory: &Automerge, now: Timestamp) -> Result<TeamId> {
        let mut conn = self.conn()?;
        let name = connect_model::limits::required("team name", name, connect_model::limits::NAME_MAX)?;
        let team = match connect_model::validate::id_of(directory)? {
            id if id.kind() == DocKind::Directory => TeamId::from(id.owner()),
            id => return Err(RelayStoreError::WrongKind { id, expected: "directory" }),
        };
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO teams (team_id, name, created_at) VALUES (?1, ?2, ?3)",
            params![team.to_string(), name, now.millis()],
        )?;
        tx.commit()?;
        drop(conn);
        self.save(DocumentId::directory(team), team, directory, &directory.get_heads(), None, now)?;
        Ok(team)
    }

    fn teams(&self) -> Result<Vec<(TeamId, String)>> {
        let conn = self.conn()?;
        let mut stmt = conn.prepare("SELECT team_id, name FROM teams ORDER BY created_at")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?.parse().map_err(bad)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn create_invite(&self, code_hash: &[u8], invite: &Invite, now: Timestamp, expires_at: Timestamp) -> Result<()> {
        let conn = self.conn()?;
        conn.execute(
            "INSERT INTO invites (code_hash, team_id, role, resident_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                code_hash,
                invite.team.to_string(),
                invite.role.as_str(),
                invite.resident.map(|r| r.to_string()),
                now.millis(),
                expires_at.millis()
            ],
        )?;
        Ok(())
    }

    fn redeem_invite(
        &self,
        code_hash: &[u8],
        person_name: &str,
        device_id: DeviceId,
        device_name: &str,
        token_hash: &[u8],
        now: Timestamp,
    ) -> Result<std::result::Result<DeviceRecord, InviteProblem>> {
        let mut conn = self.conn()?;
        let person_name = connect_model::limits::required("name", person_name, connect_model::limits::NAME_MAX)?;
        let device_name = connect_model::limits::optional("device name", device_name, connect_model::limits::NAME_MAX)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // (team, role, resident, expires_at, used_at)
        type InviteRow = (String, String, Option<String>, i64, Option<i64>);
        let found: Option<InviteRow> = tx
            .query_row(
                "SELECT team_id, role, resident_id, expires_at, used_at FROM invites WHERE code_hash = ?1",
                [code_hash],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((team, role, resident, expires_at, used_at)) = found else { return Ok(Err(InviteProblem::Unknown)) };
        if used_at.is_some() {
            return Ok(Err(InviteProblem::Used));
        }
        if now.millis() > expires_at {
            return Ok(Err(InviteProblem::Expired));
        }
        let person_id = uuid::Uuid::new_v4();
        tx.execute("UPDATE invites SET used_at = ?2 WHERE code_hash = ?1", params![code_hash, now.millis()])?;
        tx.execute(
            "INSERT INTO people (person_id, team_id, name, role, resident_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![person_id.to_string(), team, person_name, role, resident, now.millis()],
        )?;
        tx.execute(
            "INSERT INTO devices (device_id, person_id, team_id, name, token_hash, enrolled_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![device_id.to_string(), person_id.to_string(), team, device_name, token_hash, now.millis()],
        )?;
        let record =
            tx.query_row(&format!("{DEVICE_SELECT} WHERE d.device_id = ?1"), [device_id.to_string()], device_from)?;
        tx.commit()?;
        Ok(Ok(record))
    }

    fn device_by_token(&self, token_hash: &[u8], now: Timestamp) -> Result<Option<DeviceRecord>> {
        let conn = self.conn()?;
        // One read on every request: the device, its person and when it was last seen.
        let found = conn
            .prepare_cached(&format!("{DEVICE_SELECT} WHERE d.token_hash = ?1"))?
            .query_row([token_hash], |r| Ok((device_from(r)?, r.get::<_, Option<i64>>(8)?)))
            .optional()?;
        if let Some((d, last)) = &found {
            let (key, last) = (d.device_id.to_string(), *last);
            // "Last seen" is a coarse, best-effort note: written at most every
            // few minutes, and never by waiting for another writer, so that
            // authenticating a request stays a read.
            if last.is_none_or(|l| now.millis() - l > LAST_SEEN_EVERY_MS) {
                conn.busy_timeout(std::time::Duration::ZERO)?;
                let noted =
                    conn.execute("UPDATE devices SET last_seen = ?2 WHERE device_id = ?1", params![key, now.millis()]);
                conn.busy_timeout(BUSY_TIMEOUT)?;
                match noted {
                    Ok(_) => {}
                    Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::DatabaseBusy => {}
                    Err(e) => return Err(e.into()),
                }
            }
        }
        Ok(found.map(|(d, _)| d))
    }

    fn device(&self, device: DeviceId) -> Result<Option<DeviceRecord>> {
        let conn = self.conn()?;
        Ok(conn
            .query_row(&format!("{DEVICE_SELECT} WHERE d.device_id = ?1"), [device.to_string()], device_from)
            .optional()?)
    }

    fn revoke_device(&self, device: DeviceId, now: Timestamp) -> Result<bool> {
        let mut conn = self.conn()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = tx.execute(
            "UPDATE devices SET revoked_at = COALESCE(revoked_at, ?2) WHERE device_id = ?1",
            params![device.to_string(), now.millis()],
        )?;
        // Forget what the relay knew about the device's copies.
        tx.execute("DELETE FROM sync_states WHERE device_id = ?1", [device.to_string()])?;
        tx.commit()?;
        Ok(n > 0)
    }

    fn people(&self, team: TeamId) -> Result<Vec<Person>> {
        let conn = self.conn()?;
        let mut stmt = conn.prepare(
            "SELECT person_id, team_id, name, role, resident_id FROM people WHERE team_id = ?1 ORDER BY created_at",
        )?;
        let rows = stmt.query_map([team.to_string()], |r| person_from(r, 0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn devices(&self, team: TeamId) -> Result<Vec<DeviceRecord>> {
        let conn = self.conn()?;
        let mut stmt = conn.prepare(&format!("{DEVICE_SELECT} WHERE d.team_id = ?1 ORDER BY d.enrolled_at"))?;
        let rows = stmt.query_map([team.to_string()], device_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn assign(&self, resident: ResidentId, person: uuid::Uuid) -> Result<()> {
        let conn = self.conn()?;
        conn.execute(
            "INSERT OR IGNORE INTO assignments (resident_id, person_id) VALUES (?1, ?2)",
            [resident.to_string(), person.to_string()],
        )?;
        Ok(())
    }

    fn assignments(&self, person: uuid::Uuid) -> Result<Vec<ResidentId>> {
        let conn = self.conn()?;
        let mut stmt = conn.prepare_cached("SELECT resident_id FROM assignments WHERE person_id = ?1")?;
        let rows = stmt.query_map([person.to_string()], |r| r.get::<_, String>(0)?.parse().map_err(bad))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn resident_team(&self, resident: ResidentId) -> Result<Option<TeamId>> {
        let conn = self.conn()?;
        let found: Option<String> = conn
            .query_row("SELECT team_id FROM residents WHERE resident_id = ?1", [resident.to_string()], |r| r.get(0))
            .optional()?;
        Ok(found.map(|t| t.parse()).transpose()?)
    }

    fn register_resident(&self, resident: ResidentId, team: TeamId, person: uuid::Uuid, now: Timestamp) -> Result<()> {
        let mut conn = self.conn()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT OR IGNORE INTO residents (resident_id, team_id, created_by, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![resident.to_string(), team.to_string(), person.to_string(), now.millis()],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO assignments (resident_id, person_id) VALUES (?1, ?2)",
            [resident.to_string(), person.to_string()],
        )?;
        tx.commit()?;
        Ok(())
    }

    fn load(&self, id: DocumentId) -> Result<Option<Automerge>> {
        let conn = self.conn()?;
        Self::load_in(&conn, id)
    }

    fn save(
        &self,
        id: DocumentId,
        team: TeamId,
        doc: &Automerge,
        new_changes: &[ChangeHash],
        device: Option<DeviceId>,
        now: Timestamp,
    ) -> Result<u64> {
        let mut conn = self.conn()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let stored: Option<Vec<ChangeHash>> = tx
            .query_row("SELECT heads FROM documents WHERE doc_id = ?1", [id.to_string()], |r| r.get::<_, Vec<u8>>(0))
            .optional()?
            .map(|h| decode_heads(&h));
        let lacks = stored.as_ref().is_some_and(|s| s.iter().any(|h| doc.get_change_by_hash(h).is_none()));
        let bytes = bytes_for(doc, stored.as_deref());
        let heads = doc.get_heads();
        let new = NewBytes {
            bytes: &bytes,
            whole: stored.is_none(),
            base_heads: stored.as_deref().unwrap_or_default(),
            heads: &heads,
        };
        let outcome = if lacks { Saved::Stale } else { save_in(&tx, id, team, &new, new_changes, device, now)? };
        let seq = match outcome {
            Saved::At(seq) => seq,
            Saved::Erased => return Err(RelayStoreError::Erased(id)),
            Saved::Stale => return Err(RelayStoreError::Stale(id)),
        };
        tx.commit()?;
        Ok(seq)
    }

    fn touch(&self, id: DocumentId, now: Timestamp) -> Result<Option<u64>> {
        let mut conn = self.conn()?;
        let key = id.to_string();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let team: Option<String> =
            tx.query_row("SELECT team_id FROM documents WHERE doc_id = ?1", [&key], |r| r.get(0)).optional()?;
        let Some(team) = team else { return Ok(None) };
        tx.execute("DELETE FROM feed WHERE doc_id = ?1", [&key])?;
        tx.execute(
            "INSERT INTO feed (team_id, doc_id, kind, at) VALUES (?1, ?2, 'change', ?3)",
            params![team, key, now.millis()],
        )?;
        let seq = u64::try_from(tx.last_insert_rowid()).unwrap_or(0);
        tx.commit()?;
        Ok(Some(seq))
    }

    fn is_erased(&self, id: DocumentId) -> Result<bool> {
        let conn = self.conn()?;
        Ok(conn.query_row("SELECT 1 FROM erased WHERE doc_id = ?1", [id.to_string()], |_| Ok(())).optional()?.is_some())
    }

    fn erase_resident(&self, resident: ResidentId, now: Timestamp) -> Result<Vec<DocumentId>> {
        let team = self.resident_team(resident)?;
        let mut conn = self.conn()?;
        let r = resident.to_string();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let team = match team {
            Some(t) => t.to_string(),
            None => match tx
                .query_row("SELECT team_id FROM documents WHERE resident_id = ?1 LIMIT 1", [&r], |row| row.get(0))
                .optional()?
            {
                Some(t) => t,
                None => return Ok(Vec::new()),
            },
        };
        let ids: Vec<DocumentId> =
            connect_model::DocKind::RESIDENT_KINDS.iter().map(|k| DocumentId::resident(resident, *k)).collect();
        for id in &ids {
            let key = id.to_string();
            tx.execute("DELETE FROM change_log WHERE doc_id = ?1", [&key])?;
            tx.execute("DELETE FROM documents WHERE doc_id = ?1", [&key])?;
            tx.execute(
                "INSERT OR IGNORE INTO erased (doc_id, team_id, erased_at) VALUES (?1, ?2, ?3)",
                params![key, team, now.millis()],
            )?;
            tx.execute("DELETE FROM feed WHERE doc_id = ?1", [&key])?;
            tx.execute(
                "INSERT INTO feed (team_id, doc_id, kind, at) VALUES (?1, ?2, 'erase', ?3)",
                params![team, key, now.millis()],
            )?;
        }
        tx.execute("DELETE FROM assignments WHERE resident_id = ?1", [&r])?;
        tx.execute("DELETE FROM residents WHERE resident_id = ?1", [&r])?;
        // The resident's own devices: revoked (so their next contact wipes
        // them), and the resident's name goes from every row that held it.
        tx.execute(
            "UPDATE devices SET revoked_at = COALESCE(revoked_at, ?2), name = 'erased'
             WHERE person_id IN (SELECT person_id FROM people WHERE resident_id = ?1)",
            params![r, now.millis()],
        )?;
        tx.execute("UPDATE people SET name = 'erased resident' WHERE resident_id = ?1", [&r])?;
        tx.execute("DELETE FROM invites WHERE resident_id = ?1", [&r])?;
        tx.commit()?;
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(ids)
    }

    fn sync_state(&self, device: DeviceId, id: DocumentId) -> Result<Option<Vec<u8>>> {
        let conn = self.conn()?;
        Ok(conn
            .prepare_cached("SELECT state FROM sync_states WHERE device_id = ?1 AND doc_id = ?2")?
            .query_row([device.to_string(), id.to_string()], |r| r.get(0))
            .optional()?)
    }

    fn set_sync_state(&self, device: DeviceId, id: DocumentId, state: Option<&[u8]>) -> Result<()> {
        let conn = self.conn()?;
        match state {
            Some(s) => conn
                .prepare_cached(
                    "INSERT INTO sync_states (device_id, doc_id, state, assumed_round) VALUES (?1, ?2, ?3, NULL)
                 ON CONFLICT (device_id, doc_id) DO UPDATE SET state = ?3, assumed_round = NULL",
                )?
                .execute(params![device.to_string(), id.to_string(), s])?,
            None => conn.execute(
                "DELETE FROM sync_states WHERE device_id = ?1 AND doc_id = ?2",
                [device.to_string(), id.to_string()],
            )?,
        };
        Ok(())
    }

    fn feed_since(&self, team: TeamId, cursor: u64, limit: usize) -> Result<Vec<FeedEntry>> {
        let conn = self.conn()?;
        let mut stmt = conn.prepare_cached(
            "SELECT seq, doc_id, kind FROM feed WHERE team_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
        )?;
        let rows = stmt.query_map(
            params![
                team.to_string(),
                i64::try_from(cursor).unwrap_or(i64::MAX),
                i64::try_from(limit).unwrap_or(i64::MAX)
            ],
            |r| {
                let doc: String = r.get(1)?;
                let kind: String = r.get(2)?;
                Ok(FeedEntry {
                    seq: u64::try_from(r.get::<_, i64>(0)?).unwrap_or(0),
                    doc: doc.parse().map_err(bad)?,
                    erased: kind == "erase",
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn feed_head(&self, team: TeamId) -> Result<u64> {
        let conn = self.conn()?;
        let head: Option<i64> =
            conn.query_row("SELECT MAX(seq) FROM feed WHERE team_id = ?1", [team.to_string()], |r| r.get(0))?;
        Ok(head.and_then(|h| u64::try_from(h).ok()).unwrap_or(0))
    }

    fn change_log(&self, id: DocumentId) -> Result<Vec<AcceptedChange>> {
        let conn = self.conn()?;
        let mut stmt =
            conn.prepare("SELECT hash, device_id, at FROM change_log WHERE doc_id = ?1 ORDER BY feed_seq, at")?;
        let rows = stmt.query_map([id.to_string()], |r| {
            let hash: Vec<u8> = r.get(0)?;
            let device: String = r.get(1)?;
            Ok(AcceptedChange {
                hash: hex::encode(&hash),
                device: device.parse().unwrap_or_else(|_| DeviceId::from(uuid::Uuid::nil())),
                at: Timestamp::from_millis(r.get(2)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn counts(&self) -> Result<(u64, u64, u64)> {
        let conn = self.conn()?;
        let count = |sql: &str| -> Result<u64> {
            Ok(u64::try_from(conn.query_row(sql, [], |r| r.get::<_, i64>(0))?).unwrap_or(0))
        };
        Ok((
            count("SELECT COUNT(*) FROM documents")?,
            count("SELECT COUNT(*) FROM devices WHERE revoked_at IS NULL")?,
            count("SELECT COUNT(*) FROM teams")?,
        ))
    }

    fn read_docs(&self, device: DeviceId, ids: &[DocumentId]) -> Result<Vec<DocView>> {
        let mut conn = self.conn()?;
        // One read transaction: every row comes from the same snapshot.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
        let device = device.to_string();
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let key = id.to_string();
            let row: Option<(Vec<u8>, Vec<u8>, i64)> = tx
                .prepare_cached("SELECT snapshot, heads, chunk_bytes FROM documents WHERE doc_id = ?1")?
                .query_row([&key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            let stored = match row {
                None => None,
                Some((mut bytes, heads, chunk_bytes)) => {
                    if chunk_bytes > 0 {
                        let mut stmt = tx.prepare_cached("SELECT bytes FROM chunks WHERE doc_id = ?1 ORDER BY seq")?;
                        let mut rows = stmt.query([&key])?;
                        while let Some(row) = rows.next()? {
                            bytes.extend_from_slice(row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?);
                        }
                    }
                    Some(StoredDocument { bytes, heads: decode_heads(&heads), compacted: chunk_bytes == 0 })
                }
            };
            let erased = tx
                .prepare_cached("SELECT 1 FROM erased WHERE doc_id = ?1")?
                .query_row([&key], |_| Ok(()))
                .optional()?
                .is_some();
            let resident_team = match id.resident_id() {
                None => None,
                Some(r) => tx
                    .prepare_cached("SELECT team_id FROM residents WHERE resident_id = ?1")?
                    .query_row([r.to_string()], |row| row.get::<_, String>(0))
                    .optional()?
                    .map(|t| t.parse())
                    .transpose()?,
            };
            let state: Option<(Vec<u8>, Option<i64>)> = tx
                .prepare_cached("SELECT state, assumed_round FROM sync_states WHERE device_id = ?1 AND doc_id = ?2")?
                .query_row([&device, &key], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let (sync_state, assumed_round) = match state {
                Some((s, round)) => (Some(s), round.map(|r| u64::try_from(r).unwrap_or(0))),
                None => (None, None),
            };
            out.push(DocView { id: *id, stored, erased, resident_team, sync_state, assumed_round });
        }
        tx.finish()?;
        Ok(out)
    }

    fn last_round(&self, device: DeviceId) -> Result<u64> {
        let conn = self.conn()?;
        let found: Option<i64> = conn
            .prepare_cached("SELECT last_round FROM devices WHERE device_id = ?1")?
            .query_row([device.to_string()], |r| r.get(0))
            .optional()?;
        Ok(found.and_then(|c| u64::try_from(c).ok()).unwrap_or(0))
    }

    fn commit_sync(&self, commit: &SyncCommit<'_>) -> Result<CommitOutcome> {
        let mut conn = self.conn()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let team = commit.team.to_string();
        let person = commit.person.to_string();
        for resident in commit.register {
            let r = resident.to_string();
            tx.prepare_cached(
                "INSERT OR IGNORE INTO residents (resident_id, team_id, created_by, created_at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![r, team, person, commit.now.millis()])?;
            let registered: String =
                tx.query_row("SELECT team_id FROM residents WHERE resident_id = ?1", [&r], |row| row.get(0))?;
            if registered != team {
                return Ok(CommitOutcome::Conflict);
            }
            tx.prepare_cached("INSERT OR IGNORE INTO assignments (resident_id, person_id) VALUES (?1, ?2)")?
                .execute([&r, &person])?;
        }
        for save in commit.saves {
            let new = NewBytes { bytes: save.bytes, whole: save.whole, base_heads: save.base_heads, heads: save.heads };
            match save_in(&tx, save.id, commit.team, &new, save.new_changes, Some(commit.device), commit.now)? {
                Saved::At(_) => {}
                // Rolled back as `tx` drops: nothing of this request is stored.
                Saved::Erased | Saved::Stale => return Ok(CommitOutcome::Conflict),
            }
        }
        let device = commit.device.to_string();
        if let Some(after) = commit.forget_assumed_after {
            tx.prepare_cached("DELETE FROM sync_states WHERE device_id = ?1 AND assumed_round > ?2")?
                .execute(params![device, i64::try_from(after).unwrap_or(i64::MAX)])?;
        }
        for (id, state, assumed) in commit.sync_states {
            let key = id.to_string();
            let exists = tx
                .prepare_cached("SELECT 1 FROM documents WHERE doc_id = ?1")?
                .query_row([&key], |_| Ok(()))
                .optional()?;
            if exists.is_some() {
                let assumed = assumed.map(|r| i64::try_from(r).unwrap_or(i64::MAX));
                tx.prepare_cached(
                    "INSERT INTO sync_states (device_id, doc_id, state, assumed_round) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (device_id, doc_id) DO UPDATE SET state = ?3, assumed_round = ?4",
                )?
                .execute(params![device, key, state, assumed])?;
            }
        }
        tx.prepare_cached("UPDATE devices SET last_round = MAX(last_round, ?2) WHERE device_id = ?1")?
            .execute(params![device, i64::try_from(commit.round).unwrap_or(i64::MAX)])?;
        tx.commit()?;
        Ok(CommitOutcome::Committed)
    }

    fn pool_state(&self) -> PoolState {
        let state = self.pool.state();
        PoolState { connections: state.connections, idle: state.idle_connections, max: self.pool.max_size() }
    }

    fn check(&self) -> Result<()> {
        let conn = self.conn()?;
        conn.query_row("SELECT COUNT(*) FROM teams", [], |r| r.get::<_, i64>(0))?;
        Ok(())
    }

    fn place(&self) -> String {
        self.path.clone()
    }

    fn backup(&self, path: &Path) -> Result<()> {
        let conn = self.conn()?;
        let mut dest = Connection::open(path)?;
        let backup = rusqlite::backup::Backup::new(&conn, &mut dest)?;
        backup.run_to_completion(256, std::time::Duration::from_millis(5), None)?;
        Ok(())
    }
}
