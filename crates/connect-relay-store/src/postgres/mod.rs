//! The relay on PostgreSQL (feature `postgres`), for a team that outgrows one
//! machine: any number of relay processes share one database, and nothing
//! that matters lives in a process's memory.
//!
//! How concurrent writers stay correct without a store-wide lock:
//! - Every transaction that changes a team's documents or feed first locks
//!   that team's row (`SELECT … FOR UPDATE`). Writers of one team take turns;
//!   writers of different teams never wait for each other; and since the team
//!   lock always comes first, two writers cannot deadlock over documents.
//! - Feed numbers come from the team row (`feed_seq`), taken under that lock,
//!   so a number is handed out only after every smaller one has committed:
//!   the feed's order is the order of commits, and a polling reader never
//!   skips a late commit.
//! - A consistent read ([`RelayStore::read_docs`]) is one REPEATABLE READ
//!   transaction; the rest are single statements.
//! - Erasure deletes, commits, then `VACUUM FULL`s the tables that held the
//!   resident's words, so no old row version keeps them readable.
//!
//! Each pooled connection keeps its prepared statements, so a request costs
//! one round trip per statement after the first on that connection.
//!
//! This file connects, migrates and holds the [`RelayStore`] implementation,
//! which hands each call to the part that runs its SQL: `docs.rs`
//! (documents, the feed, a sync round's reads and commit) and `people.rs`
//! (invites, people, devices, erasure). `tls.rs` turns the URL's `sslmode`
//! and `sslrootcert` into the rustls connector every connection uses. What the SQL decides comes from
//! [`crate::policy`].

mod backup;
mod docs;
mod people;
mod sql;
mod tls;

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use connect_model::automerge::Automerge;
use connect_model::{DeviceId, DocumentId, ResidentId, TeamId, Timestamp};
use postgres::types::ToSql;
use postgres::{GenericClient, IsolationLevel, Row, Statement};
use tls::TlsOptions;
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::schema::Dialect;
use crate::shared::pool_builder;
use crate::{
    AcceptedChange, CommitOutcome, DeviceRecord, DocSave, DocView, FeedEntry, PoolState, RelayStore, RelayStoreError,
    Result, SyncCommit,
};

/// Taken (as a transaction-level advisory lock) while migrating, so relay
/// processes starting together on a new database migrate it once.
const MIGRATION_LOCK: i64 = 0x636f_6e6e_6563_7401;

/// One pooled connection and the statements it has prepared.
struct PgConnection {
    client: postgres::Client,
    statements: HashMap<&'static str, Statement>,
}

/// Opens the pool's connections.
struct Manager {
    config: postgres::Config,
    /// Used or not as the address's `sslmode` says.
    tls: MakeRustlsConnect,
}

impl std::fmt::Debug for Manager {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Manager").field("config", &self.config).finish_non_exhaustive()
    }
}

impl r2d2::ManageConnection for Manager {
    type Connection = PgConnection;
    type Error = postgres::Error;

    fn connect(&self) -> std::result::Result<PgConnection, postgres::Error> {
        Ok(PgConnection { client: self.config.connect(self.tls.clone())?, statements: HashMap::new() })
    }

    fn is_valid(&self, conn: &mut PgConnection) -> std::result::Result<(), postgres::Error> {
        conn.client.simple_query("").map(drop)
    }

    fn has_broken(&self, conn: &mut PgConnection) -> bool {
        conn.client.is_closed()
    }
}

type Pool = r2d2::Pool<Manager>;

/// The relay's PostgreSQL store: a cheap handle to a connection pool; clones
/// share the pool.
#[derive(Clone)]
pub struct PostgresRelayStore {
    pool: Pool,
    /// The address without its password, for logs and errors.
    place: String,
    /// How to connect, for `pg_dump` (through its environment).
    config: postgres::Config,
    tls: TlsOptions,
}

impl std::fmt::Debug for PostgresRelayStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresRelayStore").field("place", &self.place).finish_non_exhaustive()
    }
}

/// A connection, or one of its transactions.
trait Client {
    type Generic: GenericClient;
    fn generic(&mut self) -> &mut Self::Generic;
}

impl Client for &mut postgres::Client {
    type Generic = postgres::Client;
    fn generic(&mut self) -> &mut postgres::Client {
        self
    }
}

impl<'t> Client for postgres::Transaction<'t> {
    type Generic = postgres::Transaction<'t>;
    fn generic(&mut self) -> &mut Self {
        self
    }
}

/// Runs statements on a connection or in one of its transactions, preparing
/// each once per connection.
struct Db<'c, C: Client> {
    client: C,
    statements: &'c mut HashMap<&'static str, Statement>,
}

impl<C: Client> Db<'_, C> {
    fn statement(&mut self, sql: &'static str) -> Result<Statement> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let s = self.client.generic().prepare(sql)?;
        self.statements.insert(sql, s.clone());
        Ok(s)
    }

    fn all(&mut self, sql: &'static str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>> {
        let s = self.statement(sql)?;
        Ok(self.client.generic().query(&s, params)?)
    }

    fn opt(&mut self, sql: &'static str, params: &[&(dyn ToSql + Sync)]) -> Result<Option<Row>> {
        let s = self.statement(sql)?;
        Ok(self.client.generic().query_opt(&s, params)?)
    }

    fn one(&mut self, sql: &'static str, params: &[&(dyn ToSql + Sync)]) -> Result<Row> {
        let s = self.statement(sql)?;
        Ok(self.client.generic().query_one(&s, params)?)
    }

    fn exec(&mut self, sql: &'static str, params: &[&(dyn ToSql + Sync)]) -> Result<u64> {
        let s = self.statement(sql)?;
        Ok(self.client.generic().execute(&s, params)?)
    }
}

impl<'c> Db<'c, &'c mut postgres::Client> {
    /// Starts a transaction at `level`.
    fn begin(self, level: IsolationLevel) -> Result<Db<'c, postgres::Transaction<'c>>> {
        let tx = self.client.build_transaction().isolation_level(level).start()?;
        Ok(Db { client: tx, statements: self.statements })
    }
}

impl Db<'_, postgres::Transaction<'_>> {
    fn commit(self) -> Result<()> {
        Ok(self.client.commit()?)
    }
}

/// A pooled connection, checked out for one call.
struct Checkout(r2d2::PooledConnection<Manager>);

impl Checkout {
    fn db(&mut self) -> Db<'_, &mut postgres::Client> {
        let PgConnection { client, statements } = &mut *self.0;
        Db { client, statements }
    }
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// `postgres://user@host:port/db`, without the password.
fn place_of(config: &postgres::Config) -> String {
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
        None => "localhost".into(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    format!(
        "postgres://{}@{host}:{port}/{}",
        config.get_user().unwrap_or(""),
        config.get_dbname().unwrap_or(config.get_user().unwrap_or(""))
    )
}

impl PostgresRelayStore {
    /// Connects to the database at `address` (a `postgres://` URL), creates
    /// or migrates its tables, and keeps a pool of at most `pool_size`
    /// connections. The URL's `sslmode` and `sslrootcert` choose TLS as
    /// libpq's do (see [`tls`]).
    pub fn open(address: &str, pool_size: u32) -> Result<Self> {
        let (rest, mut tls) = TlsOptions::split(address)?;
        let mut config: postgres::Config = rest
            .parse()
            .map_err(|e| RelayStoreError::BadAddress(format!("{address:?} is not a PostgreSQL address: {e}")))?;
        tls.apply(&mut config, rest.starts_with("postgres"));
        let place = place_of(&config);
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        if config.get_application_name().is_none() {
            config.application_name("connect-relay");
        }
        let cannot = |reason: String| RelayStoreError::CannotOpen { place: place.clone(), reason };
        let manager = Manager { config: config.clone(), tls: tls.connector()? };
        // Connect once first, so a wrong address, password or certificate is
        // reported as PostgreSQL or rustls said it, not as a pool that timed out.
        let mut first = manager.connect_now().map_err(|e| cannot(describe(&e, &tls)))?;
        migrate(&mut first).map_err(|e| match e {
            RelayStoreError::Postgres(e) => cannot(describe(&e, &tls)),
            other => other,
        })?;
        drop(first);
        let pool = pool_builder(pool_size).build(manager).map_err(|e| cannot(e.to_string()))?;
        Ok(Self { pool, place, config, tls })
    }

    fn conn(&self) -> Result<Checkout> {
        self.pool
            .get()
            .map(Checkout)
            .map_err(|e| RelayStoreError::NoConnection { place: self.place.clone(), reason: e.to_string() })
    }
}

impl Manager {
    fn connect_now(&self) -> std::result::Result<PgConnection, postgres::Error> {
        r2d2::ManageConnection::connect(self)
    }
}

/// PostgreSQL's own words for an error, where it gave some, or what the
/// database's certificate failed.
fn describe(e: &postgres::Error, tls: &TlsOptions) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_owned(),
        None => tls::explain(e, tls).unwrap_or_else(|| e.to_string()),
    }
}

/// Applies the migrations this database lacks, once, under an advisory lock.
fn migrate(conn: &mut PgConnection) -> Result<()> {
    let mut tx = conn.client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS relay_schema (version INTEGER NOT NULL)")?;
    let version: i32 = tx.query_one("SELECT COALESCE(MAX(version), 0) FROM relay_schema", &[])?.try_get(0)?;
    // The version is kept in `relay_schema`.
    let migrations = Dialect::Postgres.migrations();
    let supported = i32::try_from(migrations.len()).unwrap_or(i32::MAX);
    if version > supported {
        return Err(RelayStoreError::NewerSchema { found: i64::from(version), supported: i64::from(supported) });
    }
    for (i, sql) in migrations.iter().enumerate().skip(usize::try_from(version).unwrap_or(0)) {
        tx.batch_execute(sql)?;
        tx.execute("INSERT INTO relay_schema (version) VALUES ($1)", &[&(i32::try_from(i + 1).unwrap_or(i32::MAX))])?;
    }
    tx.commit()?;
    Ok(())
}

impl RelayStore for PostgresRelayStore {
    fn create_team(&self, name: &str, directory: &Automerge, now: Timestamp) -> Result<TeamId> {
        self.create_team_in(name, directory, now)
    }

    fn device_by_token(&self, token_hash: &[u8], now: Timestamp) -> Result<Option<DeviceRecord>> {
        self.device_by_token_in(token_hash, now)
    }

    fn load(&self, id: DocumentId) -> Result<Option<Automerge>> {
        let mut conn = self.conn()?;
        docs::stored_bytes(&mut conn.db(), &id.to_string())?
            .map(|bytes| Automerge::load(&bytes).map_err(RelayStoreError::corrupt(id)))
            .transpose()
    }

    fn save(&self, save: DocSave<'_>) -> Result<u64> {
        self.save_doc(save)
    }

    fn touch(&self, id: DocumentId, now: Timestamp) -> Result<Option<u64>> {
        self.touch_in(id, now)
    }

    fn erase_resident(&self, resident: ResidentId, now: Timestamp) -> Result<Vec<DocumentId>> {
        self.erase_resident_in(resident, now)
    }

    fn feed_since(&self, team: TeamId, cursor: u64, limit: usize) -> Result<Vec<FeedEntry>> {
        let mut conn = self.conn()?;
        conn.db()
            .all(
                "SELECT seq, doc_id, kind FROM feed WHERE team_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                &[&team.to_string(), &to_i64(cursor), &i64::try_from(limit).unwrap_or(i64::MAX)],
            )?
            .iter()
            .map(|r| {
                Ok(FeedEntry {
                    seq: to_u64(r.try_get(0)?),
                    doc: r.try_get::<_, String>(1)?.parse()?,
                    erased: r.try_get::<_, &str>(2)? == "erase",
                })
            })
            .collect()
    }

    fn feed_head(&self, team: TeamId) -> Result<u64> {
        let mut conn = self.conn()?;
        let head = conn.db().opt("SELECT feed_seq FROM teams WHERE team_id = $1", &[&team.to_string()])?;
        Ok(head.map(|r| r.try_get::<_, i64>(0)).transpose()?.map_or(0, to_u64))
    }

    fn change_log(&self, id: DocumentId) -> Result<Vec<AcceptedChange>> {
        let mut conn = self.conn()?;
        conn.db()
            .all(
                "SELECT hash, device_id, at FROM change_log WHERE doc_id = $1 ORDER BY feed_seq, at, hash",
                &[&id.to_string()],
            )?
            .iter()
            .map(|r| {
                Ok(AcceptedChange {
                    hash: hex::encode(r.try_get::<_, &[u8]>(0)?),
                    device: r.try_get::<_, &str>(1)?.parse().unwrap_or_else(|_| DeviceId::from(uuid::Uuid::nil())),
                    at: Timestamp::from_millis(r.try_get(2)?),
                })
            })
            .collect()
    }

    fn read_docs(&self, device: DeviceId, ids: &[DocumentId]) -> Result<Vec<DocView>> {
        self.read_docs_in(device, ids)
    }

    fn last_round(&self, device: DeviceId) -> Result<u64> {
        let mut conn = self.conn()?;
        let found = conn.db().opt("SELECT last_round FROM devices WHERE device_id = $1", &[&device.to_string()])?;
        Ok(found.map(|r| r.try_get::<_, i64>(0)).transpose()?.map_or(0, to_u64))
    }

    fn commit_sync(&self, commit: &SyncCommit<'_>) -> Result<CommitOutcome> {
        self.commit_sync_in(commit)
    }

    fn check(&self) -> Result<()> {
        let mut conn = self.conn()?;
        conn.db().one("SELECT COUNT(*) FROM teams", &[])?;
        Ok(())
    }

    fn pool_state(&self) -> PoolState {
        let state = self.pool.state();
        PoolState { connections: state.connections, idle: state.idle_connections, max: self.pool.max_size() }
    }

    fn backup(&self, path: &Path) -> Result<()> {
        backup::dump(&self.config, &self.tls, path)
    }

    /// The address without its password, and how it is encrypted (the
    /// relay prints it as it starts).
    fn place(&self) -> String {
        format!("{} (sslmode={})", self.place, self.tls.mode.name())
    }
}
