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

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use connect_model::automerge::{Automerge, ChangeHash, ReadDoc};
use connect_model::heads::{decode as decode_heads, encode as encode_heads};
use connect_model::{DeviceId, DocKind, DocumentId, ResidentId, TeamId, Timestamp};
use postgres::types::ToSql;
use postgres::{GenericClient, IsolationLevel, NoTls, Row, Statement};

use crate::shared::{LAST_SEEN_EVERY_MS, NewBytes, Saved, bytes_for, pool_builder};
use crate::{
    AcceptedChange, CommitOutcome, DeviceRecord, DocView, FeedEntry, Invite, InviteProblem, Person, PoolState,
    RelayStore, RelayStoreError, Result, StoredDocument, SyncCommit,
};

/// Numbered migrations, applied in order; the version is kept in `relay_schema`.
const MIGRATIONS: &[&str] = &[include_str!("../migrations/postgres/0001_relay.sql")];

/// Taken (as a transaction-level advisory lock) while migrating, so relay
/// processes starting together on a new database migrate it once.
const MIGRATION_LOCK: i64 = 0x636f_6e6e_6563_7401;

/// One pooled connection and the statements it has prepared.
struct PgConnection {
    client: postgres::Client,
    statements: HashMap<&'static str, Statement>,
}

/// Opens the pool's connections.
#[derive(Debug)]
struct Manager {
    config: postgres::Config,
}

impl r2d2::ManageConnection for Manager {
    type Connection = PgConnection;
    type Error = postgres::Error;

    fn connect(&self) -> std::result::Result<PgConnection, postgres::Error> {
        Ok(PgConnection { client: self.config.connect(NoTls)?, statements: HashMap::new() })
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
    /// The whole address, for `pg_dump`.
    address: String,
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

fn bad(e: impl std::fmt::Display) -> RelayStoreError {
    RelayStoreError::BadValue(e.to_string())
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// The columns of a person, from `at` on: id, team, name, role, resident.
fn person_from(row: &Row, at: usize) -> Result<Person> {
    let resident: Option<String> = row.try_get(at + 4)?;
    Ok(Person {
        person_id: row.try_get::<_, String>(at)?.parse().map_err(bad)?,
        team: row.try_get::<_, String>(at + 1)?.parse()?,
        name: row.try_get(at + 2)?,
        role: row.try_get::<_, String>(at + 3)?.parse()?,
        resident: resident.map(|r| r.parse()).transpose()?,
    })
}

/// A device and its person, as [`device_select!`] reads them.
fn device_from(row: &Row) -> Result<DeviceRecord> {
    Ok(DeviceRecord {
        device_id: row.try_get::<_, String>(0)?.parse()?,
        name: row.try_get(1)?,
        revoked: row.try_get::<_, Option<i64>>(2)?.is_some(),
        person: person_from(row, 3)?,
    })
}

/// The device query, with its `WHERE` (and `ORDER BY`) appended; column 8
/// is the device's "last seen", for authentication.
macro_rules! device_select {
    ($tail:literal) => {
        concat!(
            "SELECT d.device_id, d.name, d.revoked_at, p.person_id, p.team_id, p.name, p.role, p.resident_id,
                    d.last_seen
             FROM devices d JOIN people p ON p.person_id = d.person_id ",
            $tail
        )
    };
}

/// Locks the team's row for the rest of the transaction: every writer of a
/// team's documents or feed takes it first (see the module docs).
fn lock_team(db: &mut Db<'_, postgres::Transaction<'_>>, team: &str) -> Result<()> {
    match db.opt("SELECT 1 FROM teams WHERE team_id = $1 FOR UPDATE", &[&team])? {
        Some(_) => Ok(()),
        None => Err(RelayStoreError::BadValue(format!("no team {team}"))),
    }
}

/// Puts `doc` at the head of its team's feed with the next feed number
/// (the team's row is locked by the caller), replacing its older entry.
fn feed_entry(
    db: &mut Db<'_, postgres::Transaction<'_>>,
    team: &str,
    doc: &str,
    kind: &str,
    device: Option<&str>,
    now: Timestamp,
) -> Result<u64> {
    let seq: i64 = db
        .one("UPDATE teams SET feed_seq = feed_seq + 1 WHERE team_id = $1 RETURNING feed_seq", &[&team])?
        .try_get(0)?;
    db.exec(
        "INSERT INTO feed (doc_id, team_id, seq, kind, device_id, at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (doc_id) DO UPDATE SET team_id = EXCLUDED.team_id, seq = EXCLUDED.seq, kind = EXCLUDED.kind,
             device_id = EXCLUDED.device_id, at = EXCLUDED.at",
        &[&doc, &team, &seq, &kind, &device, &now.millis()],
    )?;
    Ok(to_u64(seq))
}

/// The snapshot and chunks of a stored document, as one byte string.
fn stored_bytes(db: &mut Db<'_, impl Client>, key: &str) -> Result<Option<Vec<u8>>> {
    let Some(row) = db.opt("SELECT snapshot FROM documents WHERE doc_id = $1", &[&key])? else { return Ok(None) };
    let mut bytes: Vec<u8> = row.try_get(0)?;
    for chunk in db.all("SELECT bytes FROM chunks WHERE doc_id = $1 ORDER BY seq", &[&key])? {
        bytes.extend_from_slice(chunk.try_get::<_, &[u8]>(0)?);
    }
    Ok(Some(bytes))
}

/// Saves a document's new changes inside a transaction that holds the team's
/// lock, with one feed entry and the change log. Nothing is stored unless the
/// stored heads are exactly the ones the new bytes build on.
fn save_in(
    db: &mut Db<'_, postgres::Transaction<'_>>,
    id: DocumentId,
    team: &str,
    new: &NewBytes<'_>,
    new_changes: &[ChangeHash],
    device: Option<DeviceId>,
    now: Timestamp,
) -> Result<Saved> {
    let key = id.to_string();
    if db.opt("SELECT 1 FROM erased WHERE doc_id = $1", &[&key])?.is_some() {
        return Ok(Saved::Erased);
    }
    let existing = db.opt(
        "SELECT heads, octet_length(snapshot)::BIGINT, chunk_bytes FROM documents WHERE doc_id = $1 FOR UPDATE",
        &[&key],
    )?;
    match existing {
        None if new.whole => {
            let resident = id.resident_id().map(|r| r.to_string());
            let inserted = db.exec(
                "INSERT INTO documents (doc_id, team_id, resident_id, kind, snapshot, heads)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (doc_id) DO NOTHING",
                &[&key, &team, &resident, &id.kind().as_str(), &new.bytes, &encode_heads(new.heads)],
            )?;
            if inserted == 0 {
                return Ok(Saved::Stale);
            }
        }
        None => return Ok(Saved::Stale),
        Some(_) if new.whole => return Ok(Saved::Stale),
        Some(row) => {
            let (heads, snapshot_len, chunk_bytes): (Vec<u8>, i64, i64) =
                (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
            if heads != encode_heads(new.base_heads) {
                return Ok(Saved::Stale);
            }
            let len = i64::try_from(new.bytes.len()).unwrap_or(i64::MAX);
            if chunk_bytes + len > snapshot_len {
                // The chunks outgrew the snapshot: fold them in.
                let mut all = stored_bytes(db, &key)?.unwrap_or_default();
                all.extend_from_slice(new.bytes);
                let doc = Automerge::load(&all).map_err(RelayStoreError::corrupt(id))?;
                db.exec("DELETE FROM chunks WHERE doc_id = $1", &[&key])?;
                db.exec(
                    "UPDATE documents SET snapshot = $2, chunk_bytes = 0, heads = $3 WHERE doc_id = $1",
                    &[&key, &doc.save(), &encode_heads(&doc.get_heads())],
                )?;
            } else {
                db.exec(
                    "INSERT INTO chunks (doc_id, seq, bytes)
                     VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM chunks WHERE doc_id = $1), $2)",
                    &[&key, &new.bytes],
                )?;
                db.exec(
                    "UPDATE documents SET chunk_bytes = chunk_bytes + $2, heads = $3 WHERE doc_id = $1",
                    &[&key, &len, &encode_heads(new.heads)],
                )?;
            }
        }
    }
    let device = device.map(|d| d.to_string());
    let seq = feed_entry(db, team, &key, "change", device.as_deref(), now)?;
    let sender = device.as_deref().unwrap_or("relay");
    // Every change in one statement, however many a save brings.
    let hashes: Vec<&[u8]> = new_changes.iter().map(|h| h.0.as_slice()).collect();
    db.exec(
        "INSERT INTO change_log (hash, doc_id, device_id, feed_seq, at)
         SELECT h, $2, $3, $4, $5 FROM UNNEST($1::BYTEA[]) AS h
         ON CONFLICT (hash) DO NOTHING",
        &[&hashes, &key, &sender, &to_i64(seq), &now.millis()],
    )?;
    Ok(Saved::At(seq))
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

/// The `pg_dump` to run: on PATH, or in Debian's versioned directory.
fn pg_dump_program() -> std::path::PathBuf {
    let mut found: Vec<_> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("bin/pg_dump"))
        .filter(|p| p.exists())
        .collect();
    found.sort();
    found.pop().unwrap_or_else(|| "pg_dump".into())
}

impl PostgresRelayStore {
    /// Connects to the database at `address` (a `postgres://` URL), creates
    /// or migrates its tables, and keeps a pool of at most `pool_size`
    /// connections.
    pub fn open(address: &str, pool_size: u32) -> Result<Self> {
        let mut config: postgres::Config = address
            .parse()
            .map_err(|e| RelayStoreError::BadAddress(format!("{address:?} is not a PostgreSQL address: {e}")))?;
        let place = place_of(&config);
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        if config.get_application_name().is_none() {
            config.application_name("connect-relay");
        }
        let cannot = |reason: String| RelayStoreError::CannotOpen { place: place.clone(), reason };
        // Connect once first, so a wrong address or password is reported as
        // PostgreSQL said it, not as a pool that timed out.
        let mut first = Manager { config: config.clone() }.connect_now().map_err(|e| cannot(describe(&e)))?;
        migrate(&mut first).map_err(|e| match e {
            RelayStoreError::Postgres(e) => cannot(describe(&e)),
            other => other,
        })?;
        drop(first);
        let pool = pool_builder(pool_size).build(Manager { config }).map_err(|e| cannot(e.to_string()))?;
        Ok(Self { pool, place, address: address.to_owned() })
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

/// PostgreSQL's own words for an error, where it gave some.
fn describe(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_owned(),
        None => e.to_string(),
    }
}

/// Applies the migrations this database lacks, once, under an advisory lock.
fn migrate(conn: &mut PgConnection) -> Result<()> {
    let mut tx = conn.client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS relay_schema (version INTEGER NOT NULL)")?;
    let version: i32 = tx.query_one("SELECT COALESCE(MAX(version), 0) FROM relay_schema", &[])?.try_get(0)?;
    let supported = i32::try_from(MIGRATIONS.len()).unwrap_or(i32::MAX);
    if version > supported {
        return Err(RelayStoreError::NewerSchema { found: i64::from(version), supported: i64::from(supported) });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(usize::try_from(version).unwrap_or(0)) {
        tx.batch_execute(sql)?;
        tx.execute("INSERT INTO relay_schema (version) VALUES ($1)", &[&(i32::try_from(i + 1).unwrap_or(i32::MAX))])?;
    }
    tx.commit()?;
    Ok(())
}

impl RelayStore for PostgresRelayStore {
    fn create_team(&self, name: &str, directory: &Automerge, now: Timestamp) -> Result<TeamId> {
        let name = connect_model::limits::required("team name", name, connect_model::limits::NAME_MAX)?;
        let team = match connect_model::validate::id_of(directory)? {
            id if id.kind() == DocKind::Directory => TeamId::from(id.owner()),
            id => return Err(RelayStoreError::WrongKind { id, expected: "directory" }),
        };
        let mut conn = self.conn()?;
        let mut db = conn.db().begin(IsolationLevel::ReadCommitted)?;
        let key = team.to_string();
        db.exec("INSERT INTO teams (team_id, name, created_at) VALUES ($1, $2, $3)", &[&key, &name, &now.millis()])?;
        let heads = directory.get_heads();
        let bytes = directory.save();
        let new = NewBytes { bytes: &bytes, whole: true, base_heads: &[], heads: &heads };
        match save_in(&mut db, DocumentId::directory(team), &key, &new, &heads, None, now)? {
            Saved::At(_) => db.commit()?,
            Saved::Erased | Saved::Stale => return Err(RelayStoreError::Stale(DocumentId::directory(team))),
        }
        Ok(team)
    }

    fn teams(&self) -> Result<Vec<(TeamId, String)>> {
        let mut conn = self.conn()?;
        conn.db()
            .all("SELECT team_id, name FROM teams ORDER BY created_at, team_id", &[])?
            .iter()
            .map(|r| Ok((r.try_get::<_, String>(0)?.parse()?, r.try_get(1)?)))
            .collect()
    }

    fn create_invite(&self, code_hash: &[u8], invite: &Invite, now: Timestamp, expires_at: Timestamp) -> Result<()> {
        let mut conn = self.conn()?;
        conn.db().exec(
            "INSERT INTO invites (code_hash, team_id, role, resident_id, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                &code_hash,
                &invite.team.to_string(),
                &invite.role.as_str(),
                &invite.resident.map(|r| r.to_string()),
                &now.millis(),
                &expires_at.millis(),
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
        let person_name = connect_model::limits::required("name", person_name, connect_model::limits::NAME_MAX)?;
        let device_name = connect_model::limits::optional("device name", device_name, connect_model::limits::NAME_MAX)?;
        let mut conn = self.conn()?;
        let mut db = conn.db().begin(IsolationLevel::ReadCommitted)?;
        // FOR UPDATE: a second relay redeeming the same code at the same time
        // waits, then sees it used.
        let Some(found) = db.opt(
            "SELECT team_id, role, resident_id, expires_at, used_at FROM invites WHERE code_hash = $1 FOR UPDATE",
            &[&code_hash],
        )?
        else {
            return Ok(Err(InviteProblem::Unknown));
        };
        let (team, role, resident): (String, String, Option<String>) =
            (found.try_get(0)?, found.try_get(1)?, found.try_get(2)?);
        if found.try_get::<_, Option<i64>>(4)?.is_some() {
            return Ok(Err(InviteProblem::Used));
        }
        if now.millis() > found.try_get::<_, i64>(3)? {
            return Ok(Err(InviteProblem::Expired));
        }
        let person_id = uuid::Uuid::new_v4().to_string();
        let device_key = device_id.to_string();
        db.exec("UPDATE invites SET used_at = $2 WHERE code_hash = $1", &[&code_hash, &now.millis()])?;
        db.exec(
            "INSERT INTO people (person_id, team_id, name, role, resident_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            &[&person_id, &team, &person_name, &role, &resident, &now.millis()],
        )?;
        db.exec(
            "INSERT INTO devices (device_id, person_id, team_id, name, token_hash, enrolled_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[&device_key, &person_id, &team, &device_name, &token_hash, &now.millis()],
        )?;
        let record = device_from(&db.one(device_select!("WHERE d.device_id = $1"), &[&device_key])?)?;
        db.commit()?;
        Ok(Ok(record))
    }

    fn device_by_token(&self, token_hash: &[u8], now: Timestamp) -> Result<Option<DeviceRecord>> {
        let mut conn = self.conn()?;
        let mut db = conn.db();
        let Some(row) = db.opt(device_select!("WHERE d.token_hash = $1"), &[&token_hash])? else { return Ok(None) };
        // One read on every request: the device, its person and when it was last seen.
        let found = device_from(&row)?;
        let key = found.device_id.to_string();
        let last: Option<i64> = row.try_get(8)?;
        // "Last seen" is a coarse, best-effort note, written at most every few
        // minutes, and skipped if another transaction holds the row, so that
        // authenticating a request never waits for a writer.
        if last.is_none_or(|l| now.millis() - l > LAST_SEEN_EVERY_MS) {
            db.exec(
                "UPDATE devices SET last_seen = $2 WHERE device_id IN
                     (SELECT device_id FROM devices WHERE device_id = $1 FOR UPDATE SKIP LOCKED)",
                &[&key, &now.millis()],
            )?;
        }
        Ok(Some(found))
    }

    fn device(&self, device: DeviceId) -> Result<Option<DeviceRecord>> {
        let mut conn = self.conn()?;
        conn.db()
            .opt(device_select!("WHERE d.device_id = $1"), &[&device.to_string()])?
            .map(|r| device_from(&r))
            .transpose()
    }

    fn revoke_device(&self, device: DeviceId, now: Timestamp) -> Result<bool> {
        let mut conn = self.conn()?;
        let mut db = conn.db().begin(IsolationLevel::ReadCommitted)?;
        let key = device.to_string();
        let n = db.exec(
            "UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE device_id = $1",
            &[&key, &now.millis()],
        )?;
        // Forget what the relay knew about the device's copies.
        db.exec("DELETE FROM sync_states WHERE device_id = $1", &[&key])?;
        db.commit()?;
        Ok(n > 0)
    }

    fn people(&self, team: TeamId) -> Result<Vec<Person>> {
        let mut conn = self.conn()?;
        conn.db()
            .all(
                "SELECT person_id, team_id, name, role, resident_id FROM people WHERE team_id = $1
                 ORDER BY created_at, person_id",
                &[&team.to_string()],
            )?
            .iter()
            .map(|r| person_from(r, 0))
            .collect()
    }

    fn devices(&self, team: TeamId) -> Result<Vec<DeviceRecord>> {
        let mut conn = self.conn()?;
        conn.db()
            .all(device_select!("WHERE d.team_id = $1 ORDER BY d.enrolled_at, d.device_id"), &[&team.to_string()])?
            .iter()
            .map(device_from)
            .collect()
    }

    fn assign(&self, resident: ResidentId, person: uuid::Uuid) -> Result<()> {
        let mut conn = self.conn()?;
        conn.db().exec(
            "INSERT INTO assignments (resident_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[&resident.to_string(), &person.to_string()],
        )?;
        Ok(())
    }

    fn assignments(&self, person: uuid::Uuid) -> Result<Vec<ResidentId>> {
        let mut conn = self.conn()?;
        conn.db()
            .all("SELECT resident_id FROM assignments WHERE person_id = $1", &[&person.to_string()])?
            .iter()
            .map(|r| Ok(r.try_get::<_, String>(0)?.parse()?))
            .collect()
    }

    fn resident_team(&self, resident: ResidentId) -> Result<Option<TeamId>> {
        let mut conn = self.conn()?;
        conn.db()
            .opt("SELECT team_id FROM residents WHERE resident_id = $1", &[&resident.to_string()])?
            .map(|r| Ok(r.try_get::<_, String>(0)?.parse()?))
            .transpose()
    }

    fn register_resident(&self, resident: ResidentId, team: TeamId, person: uuid::Uuid, now: Timestamp) -> Result<()> {
        let mut conn = self.conn()?;
        let mut db = conn.db().begin(IsolationLevel::ReadCommitted)?;
        let (r, p) = (resident.to_string(), person.to_string());
        db.exec(
            "INSERT INTO residents (resident_id, team_id, created_by, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
            &[&r, &team.to_string(), &p, &now.millis()],
        )?;
        db.exec("INSERT INTO assignments (resident_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", &[&r, &p])?;
        db.commit()
    }

    fn load(&self, id: DocumentId) -> Result<Option<Automerge>> {
        let mut conn = self.conn()?;
        stored_bytes(&mut conn.db(), &id.to_string())?
            .map(|bytes| Automerge::load(&bytes).map_err(RelayStoreError::corrupt(id)))
            .transpose()
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
        let mut db = conn.db().begin(IsolationLevel::ReadCommitted)?;
        let team = team.to_string();
        lock_team(&mut db, &team)?;
        let stored: Option<Vec<ChangeHash>> = db
            .opt("SELECT heads FROM documents WHERE doc_id = $1", &[&id.to_string()])?
            .map(|r| r.try_get::<_, Vec<u8>>(0).map(|h| decode_heads(&h)))
            .transpose()?;
        if stored.as_ref().is_some_and(|s| s.iter().any(|h| doc.get_change_by_hash(h).is_none())) {
            return Err(RelayStoreError::Stale(id));
        }
        let bytes = bytes_for(doc, stored.as_deref());
        let heads = doc.get_heads();
        let new = NewBytes {
            bytes: &bytes,
            whole: stored.is_none(),
            base_heads: stored.as_deref().unwrap_or_default(),
            heads: &heads,
        };
        match save_in(&mut db, id, &team, &new, new_changes, device, now)? {
            Saved::At(seq) => {
                db.commit()?;
                Ok(seq)
            }
            Saved::Erased => Err(RelayStoreError::Erased(id)),
            Saved::Stale => Err(RelayStoreError::Stale(id)),
        }
    }

    fn touch(&self, id: DocumentId, now: Timestamp) -> Result<Option<u64>> {
        let mut conn = self.conn()?;
        let key = id.to_string();
        let mut db = conn.db().begin(IsolationLevel::ReadCommitted)?;
        let Some(row) = db.opt("SELECT team_id FROM documents WHERE doc_id = $1", &[&key])? else { return Ok(None) };
        let team: String = row.try_get(0)?;
        lock_team(&mut db, &team)?;
        let seq = feed_entry(&mut db, &team, &key, "change", None, now)?;
        db.commit()?;
        Ok(Some(seq))
    }

    fn is_erased(&self, id: DocumentId) -> Result<bool> {
        let mut conn = self.conn()?;
        Ok(conn.db().opt("SELECT 1 FROM erased WHERE doc_id = $1", &[&id.to_string()])?.is_some())
    }

    fn erase_resident(&self, resident: ResidentId, now: Timestamp) -> Result<Vec<DocumentId>> {
        let mut conn = self.conn()?;
        let r = resident.to_string();
        let mut db = conn.db().begin(IsolationLevel::ReadCommitted)?;
        let team = match db.opt("SELECT team_id FROM residents WHERE resident_id = $1", &[&r])? {
            Some(row) => row.try_get::<_, String>(0)?,
            None => match db.opt("SELECT team_id FROM documents WHERE resident_id = $1 LIMIT 1", &[&r])? {
                Some(row) => row.try_get::<_, String>(0)?,
                None => return Ok(Vec::new()),
            },
        };
        lock_team(&mut db, &team)?;
        let ids: Vec<DocumentId> = DocKind::RESIDENT_KINDS.iter().map(|k| DocumentId::resident(resident, *k)).collect();
        for id in &ids {
            let key = id.to_string();
            db.exec("DELETE FROM change_log WHERE doc_id = $1", &[&key])?;
            db.exec("DELETE FROM documents WHERE doc_id = $1", &[&key])?;
            db.exec(
                "INSERT INTO erased (doc_id, team_id, erased_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                &[&key, &team, &now.millis()],
            )?;
            feed_entry(&mut db, &team, &key, "erase", None, now)?;
        }
        db.exec("DELETE FROM assignments WHERE resident_id = $1", &[&r])?;
        db.exec("DELETE FROM residents WHERE resident_id = $1", &[&r])?;
        // The resident's own devices: revoked (so their next contact wipes
        // them), and the resident's name goes from every row that held it.
        db.exec(
            "UPDATE devices SET revoked_at = COALESCE(revoked_at, $2), name = 'erased'
             WHERE person_id IN (SELECT person_id FROM people WHERE resident_id = $1)",
            &[&r, &now.millis()],
        )?;
        db.exec("UPDATE people SET name = 'erased resident' WHERE resident_id = $1", &[&r])?;
        db.exec("DELETE FROM invites WHERE resident_id = $1", &[&r])?;
        db.commit()?;
        // Deleted and updated rows stay in the table files as dead versions
        // until rewritten: VACUUM FULL rewrites every table that held the
        // resident's words (their TOAST and indexes with them). It cannot run
        // in a transaction, and holds each table's lock while it runs.
        conn.0.client.batch_execute("VACUUM FULL documents, chunks, sync_states, people, devices, invites")?;
        Ok(ids)
    }

    fn sync_state(&self, device: DeviceId, id: DocumentId) -> Result<Option<Vec<u8>>> {
        let mut conn = self.conn()?;
        conn.db()
            .opt(
                "SELECT state FROM sync_states WHERE device_id = $1 AND doc_id = $2",
                &[&device.to_string(), &id.to_string()],
            )?
            .map(|r| Ok(r.try_get(0)?))
            .transpose()
    }

    fn set_sync_state(&self, device: DeviceId, id: DocumentId, state: Option<&[u8]>) -> Result<()> {
        let mut conn = self.conn()?;
        let (d, k) = (device.to_string(), id.to_string());
        match state {
            Some(s) => conn.db().exec(
                "INSERT INTO sync_states (device_id, doc_id, state, assumed_round) VALUES ($1, $2, $3, NULL)
                 ON CONFLICT (device_id, doc_id) DO UPDATE SET state = EXCLUDED.state, assumed_round = NULL",
                &[&d, &k, &s],
            )?,
            None => conn.db().exec("DELETE FROM sync_states WHERE device_id = $1 AND doc_id = $2", &[&d, &k])?,
        };
        Ok(())
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

    fn counts(&self) -> Result<(u64, u64, u64)> {
        let mut conn = self.conn()?;
        let row = conn.db().one(
            "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM devices WHERE revoked_at IS NULL),
                    (SELECT COUNT(*) FROM teams)",
            &[],
        )?;
        Ok((to_u64(row.try_get(0)?), to_u64(row.try_get(1)?), to_u64(row.try_get(2)?)))
    }

    fn read_docs(&self, device: DeviceId, ids: &[DocumentId]) -> Result<Vec<DocView>> {
        let mut conn = self.conn()?;
        // One snapshot for every row, and five statements however many documents.
        let mut db = conn.db().begin(IsolationLevel::RepeatableRead)?;
        let keys: Vec<String> = ids.iter().map(ToString::to_string).collect();
        let residents: Vec<String> = ids.iter().filter_map(|id| id.resident_id()).map(|r| r.to_string()).collect();
        let device = device.to_string();
        let mut stored: HashMap<String, (Vec<u8>, Vec<u8>, i64)> = HashMap::new();
        for r in
            db.all("SELECT doc_id, snapshot, heads, chunk_bytes FROM documents WHERE doc_id = ANY($1)", &[&keys])?
        {
            stored.insert(r.try_get(0)?, (r.try_get(1)?, r.try_get(2)?, r.try_get(3)?));
        }
        for r in db.all("SELECT doc_id, bytes FROM chunks WHERE doc_id = ANY($1) ORDER BY doc_id, seq", &[&keys])? {
            if let Some((bytes, _, _)) = stored.get_mut(r.try_get::<_, &str>(0)?) {
                bytes.extend_from_slice(r.try_get::<_, &[u8]>(1)?);
            }
        }
        let erased: std::collections::HashSet<String> = db
            .all("SELECT doc_id FROM erased WHERE doc_id = ANY($1)", &[&keys])?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<std::result::Result<_, _>>()?;
        let mut teams: HashMap<String, String> = HashMap::new();
        for r in db.all("SELECT resident_id, team_id FROM residents WHERE resident_id = ANY($1)", &[&residents])? {
            teams.insert(r.try_get(0)?, r.try_get(1)?);
        }
        let mut states: HashMap<String, (Vec<u8>, Option<i64>)> = HashMap::new();
        for r in db.all(
            "SELECT doc_id, state, assumed_round FROM sync_states WHERE device_id = $1 AND doc_id = ANY($2)",
            &[&device, &keys],
        )? {
            states.insert(r.try_get(0)?, (r.try_get(1)?, r.try_get(2)?));
        }
        db.commit()?;
        ids.iter()
            .zip(&keys)
            .map(|(id, key)| {
                let state = states.remove(key);
                Ok(DocView {
                    id: *id,
                    stored: stored.remove(key).map(|(bytes, heads, chunk_bytes)| StoredDocument {
                        bytes,
                        heads: decode_heads(&heads),
                        compacted: chunk_bytes == 0,
                    }),
                    erased: erased.contains(key),
                    resident_team: id
                        .resident_id()
                        .and_then(|r| teams.get(&r.to_string()))
                        .map(|t| t.parse())
                        .transpose()?,
                    assumed_round: state.as_ref().and_then(|(_, round)| round.map(to_u64)),
                    sync_state: state.map(|(s, _)| s),
                })
            })
            .collect()
    }

    fn last_round(&self, device: DeviceId) -> Result<u64> {
        let mut conn = self.conn()?;
        let found = conn.db().opt("SELECT last_round FROM devices WHERE device_id = $1", &[&device.to_string()])?;
        Ok(found.map(|r| r.try_get::<_, i64>(0)).transpose()?.map_or(0, to_u64))
    }

    fn commit_sync(&self, commit: &SyncCommit<'_>) -> Result<CommitOutcome> {
        let mut conn = self.conn()?;
        let mut db = conn.db().begin(IsolationLevel::ReadCommitted)?;
        let team = commit.team.to_string();
        let person = commit.person.to_string();
        if !commit.saves.is_empty() || !commit.register.is_empty() {
            lock_team(&mut db, &team)?;
        }
        for resident in commit.register {
            let r = resident.to_string();
            db.exec(
                "INSERT INTO residents (resident_id, team_id, created_by, created_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT DO NOTHING",
                &[&r, &team, &person, &commit.now.millis()],
            )?;
            let registered: String =
                db.one("SELECT team_id FROM residents WHERE resident_id = $1", &[&r])?.try_get(0)?;
            if registered != team {
                // Rolled back as the transaction drops: nothing of this request is stored.
                return Ok(CommitOutcome::Conflict);
            }
            db.exec(
                "INSERT INTO assignments (resident_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &[&r, &person],
            )?;
        }
        for save in commit.saves {
            let new = NewBytes { bytes: save.bytes, whole: save.whole, base_heads: save.base_heads, heads: save.heads };
            match save_in(&mut db, save.id, &team, &new, save.new_changes, Some(commit.device), commit.now)? {
                Saved::At(_) => {}
                Saved::Erased | Saved::Stale => return Ok(CommitOutcome::Conflict),
            }
        }
        let device = commit.device.to_string();
        if let Some(after) = commit.forget_assumed_after {
            db.exec("DELETE FROM sync_states WHERE device_id = $1 AND assumed_round > $2", &[&device, &to_i64(after)])?;
        }
        // Every sync state in one statement (a fresh device's first round
        // has one per document). The last state for a document wins, as one
        // statement may not update a row twice.
        let mut latest: HashMap<String, (&[u8], Option<i64>)> = HashMap::new();
        for (id, state, assumed) in commit.sync_states {
            latest.insert(id.to_string(), (state.as_slice(), assumed.map(to_i64)));
        }
        if !latest.is_empty() {
            let mut ids = Vec::with_capacity(latest.len());
            let mut states: Vec<&[u8]> = Vec::with_capacity(latest.len());
            let mut assumed: Vec<Option<i64>> = Vec::with_capacity(latest.len());
            for (id, (state, round)) in latest {
                ids.push(id);
                states.push(state);
                assumed.push(round);
            }
            db.exec(
                "INSERT INTO sync_states (device_id, doc_id, state, assumed_round)
                 SELECT $1, t.doc_id, t.state, t.assumed
                 FROM UNNEST($2::TEXT[], $3::BYTEA[], $4::BIGINT[]) AS t(doc_id, state, assumed)
                 WHERE EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = t.doc_id)
                 ON CONFLICT (device_id, doc_id) DO UPDATE SET state = EXCLUDED.state,
                     assumed_round = EXCLUDED.assumed_round",
                &[&device, &ids, &states, &assumed],
            )?;
        }
        db.exec(
            "UPDATE devices SET last_round = GREATEST(last_round, $2) WHERE device_id = $1",
            &[&device, &to_i64(commit.round)],
        )?;
        db.commit()?;
        Ok(CommitOutcome::Committed)
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
        let program = pg_dump_program();
        let out = std::process::Command::new(&program)
            .arg("--format=custom")
            .arg("--no-owner")
            .arg("--file")
            .arg(path)
            .arg("--dbname")
            .arg(&self.address)
            .output()
            .map_err(|e| {
                RelayStoreError::Backup(format!(
                    "cannot run {} ({e}): install PostgreSQL's client programs (Debian: postgresql-client)",
                    program.display()
                ))
            })?;
        if out.status.success() {
            Ok(())
        } else {
            Err(RelayStoreError::Backup(format!("pg_dump failed: {}", String::from_utf8_lossy(&out.stderr).trim())))
        }
    }

    fn place(&self) -> String {
        self.place.clone()
    }
}
