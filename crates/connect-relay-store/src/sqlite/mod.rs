//! The relay's embedded default: one SQLite file (WAL, `synchronous = FULL`,
//! `secure_delete` so erased text is overwritten, not just unlinked), behind
//! a pool of connections.
//!
//! There is no store-wide lock: readers run on their own connections beside
//! the writer (WAL lets them), and writers take SQLite's write lock with
//! `BEGIN IMMEDIATE`, waiting for each other through the busy timeout. A
//! panic in one request drops its connection's transaction (rolled back) and
//! returns the connection, so it cannot affect the next request.
//!
//! This file opens and migrates the database and holds the [`RelayStore`]
//! implementation, which only hands each call to the part that runs its SQL:
//! `docs.rs` (documents, the feed, a sync round's reads and commit) and
//! `people.rs` (teams, invites, people, devices, assignments, erasure). What
//! the SQL decides comes from [`crate::policy`].

mod docs;
mod people;

use std::path::{Path, PathBuf};

use connect_model::automerge::Automerge;
use connect_model::{DeviceId, DocumentId, ResidentId, TeamId, Timestamp};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use crate::schema::Dialect;
use crate::shared::pool_builder;
use crate::sql::{Cell, Param, Sql, SqlRunner, sqlite_placeholders};
use crate::{
    AcceptedChange, CommitOutcome, DeviceRecord, DocSave, DocView, FeedEntry, POOL_SIZE, PoolState, RelayStore,
    RelayStoreError, Result, SyncCommit,
};
use rusqlite::types::{ToSqlOutput, ValueRef};

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

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
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
        let migrations = Dialect::Sqlite.migrations();
        let supported = i64::try_from(migrations.len()).unwrap_or(i64::MAX);
        if version > supported {
            return Err(RelayStoreError::NewerSchema { found: version, supported });
        }
        if version < supported {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
            for (i, sql) in migrations.iter().enumerate().skip(usize::try_from(version).unwrap_or(0)) {
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

    /// A write transaction's connection: `f` runs inside `BEGIN IMMEDIATE`,
    /// and what it returns is committed unless it fails.
    fn write<T>(&self, f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.conn()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Where the database lives.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }
}

fn to_sqlite<'a>(p: &'a Param<'a>) -> ToSqlOutput<'a> {
    match *p {
        Param::Int(n) => ToSqlOutput::Owned(rusqlite::types::Value::Integer(n)),
        Param::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
        Param::Bytes(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
        Param::NullText => ToSqlOutput::Borrowed(ValueRef::Null),
    }
}

impl SqlRunner for SqliteRelayStore {
    fn in_write(&self, f: &mut dyn FnMut(&mut dyn Sql) -> Result<()>) -> Result<()> {
        self.write(|tx| {
            // A transaction is its connection, for statements.
            f(&mut ConnRef(tx))
        })
    }

    fn in_read(&self, f: &mut dyn FnMut(&mut dyn Sql) -> Result<()>) -> Result<()> {
        let conn = self.conn()?;
        f(&mut ConnRef(&conn))
    }
}

/// A shared connection (a transaction's) as [`Sql`].
pub(crate) struct ConnRef<'c>(pub(crate) &'c Connection);

impl Sql for ConnRef<'_> {
    fn is_postgres(&self) -> bool {
        false
    }

    fn exec(&mut self, sql: &'static str, params: &[Param<'_>]) -> Result<u64> {
        let mut stmt = self.0.prepare_cached(&sqlite_placeholders(sql))?;
        Ok(stmt.execute(rusqlite::params_from_iter(params.iter().map(to_sqlite)))? as u64)
    }

    fn rows(&mut self, sql: &'static str, params: &[Param<'_>]) -> Result<Vec<Vec<Cell>>> {
        let mut stmt = self.0.prepare_cached(&sqlite_placeholders(sql))?;
        let columns = stmt.column_count();
        let rows = stmt.query_map(rusqlite::params_from_iter(params.iter().map(to_sqlite)), |row| {
            (0..columns)
                .map(|i| {
                    Ok(match row.get_ref(i)? {
                        ValueRef::Integer(n) => Cell::Int(n),
                        ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                        ValueRef::Blob(b) => Cell::Bytes(b.to_vec()),
                        ValueRef::Null | ValueRef::Real(_) => Cell::Null,
                    })
                })
                .collect::<rusqlite::Result<Vec<Cell>>>()
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl RelayStore for SqliteRelayStore {
    fn create_team(&self, name: &str, directory: &Automerge, now: Timestamp) -> Result<TeamId> {
        self.create_team_in(name, directory, now)
    }

    fn device_by_token(&self, token_hash: &[u8], now: Timestamp) -> Result<Option<DeviceRecord>> {
        self.device_by_token_in(token_hash, now)
    }

    fn load(&self, id: DocumentId) -> Result<Option<Automerge>> {
        docs::load_in(&*self.conn()?, id)
    }

    fn save(&self, save: DocSave<'_>) -> Result<u64> {
        self.save_doc(save)
    }

    fn touch(&self, id: DocumentId, now: Timestamp) -> Result<Option<u64>> {
        self.write(|tx| docs::touch_in(tx, id, now))
    }

    fn erase_resident(&self, resident: ResidentId, now: Timestamp) -> Result<Vec<DocumentId>> {
        self.erase_resident_in(resident, now)
    }

    fn feed_since(&self, team: TeamId, cursor: u64, limit: usize) -> Result<Vec<FeedEntry>> {
        docs::feed_since(&*self.conn()?, team, cursor, limit)
    }

    fn feed_head(&self, team: TeamId) -> Result<u64> {
        let conn = self.conn()?;
        let head: Option<i64> =
            conn.query_row("SELECT MAX(seq) FROM feed WHERE team_id = ?1", [team.to_string()], |r| r.get(0))?;
        Ok(head.map_or(0, to_u64))
    }

    fn change_log(&self, id: DocumentId) -> Result<Vec<AcceptedChange>> {
        docs::change_log(&*self.conn()?, id)
    }

    fn read_docs(&self, device: DeviceId, ids: &[DocumentId]) -> Result<Vec<DocView>> {
        self.read_docs_in(device, ids)
    }

    fn last_round(&self, device: DeviceId) -> Result<u64> {
        let conn = self.conn()?;
        let found: Option<i64> = conn
            .prepare_cached("SELECT last_round FROM devices WHERE device_id = ?1")?
            .query_row([device.to_string()], |r| r.get(0))
            .optional()?;
        Ok(found.map_or(0, to_u64))
    }

    fn commit_sync(&self, commit: &SyncCommit<'_>) -> Result<CommitOutcome> {
        self.commit_sync_in(commit)
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
        crate::shared::create_private(path)
            .map_err(|e| RelayStoreError::Backup(format!("cannot create {}: {e}", path.display())))?;
        let mut dest = Connection::open(path)?;
        let backup = rusqlite::backup::Backup::new(&conn, &mut dest)?;
        backup.run_to_completion(256, std::time::Duration::from_millis(5), None)?;
        Ok(())
    }
}
