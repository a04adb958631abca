//! The on-device store: one SQLite file holding every document as a compacted
//! snapshot plus incremental change chunks, and index tables derived from them.
//!
//! Durability: WAL with `synchronous = FULL` on every connection the store
//! opens (set and read back, never assumed from SQLite's default), so a save
//! that returned survives a crash or a flat battery. Each save is one `BEGIN IMMEDIATE` transaction
//! that appends the new changes and rewrites that document's index rows, so the
//! index can never disagree with the documents. `secure_delete` is on so
//! erased text is overwritten in the file, not just unlinked.
//!
//! Encryption at rest: opened with a key, the file is an SQLCipher database,
//! every page (documents, index tables, full-text index, WAL) encrypted; see
//! [`crate::keys`] for where the key comes from.

use std::path::Path;

use connect_model::automerge::{ActorId, Automerge, ChangeHash, ReadDoc};
use connect_model::insights::ResidentFacts;
use connect_model::{AuthorRole, DocKind, DocumentId, ItemId, ResidentId, Timestamp};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use crate::index::{self, CaseloadRow, IndexRows, ItemRow, SearchHit, StoryRow, SyncStatus};
use crate::keys::{KeyFile, StoreKey};
use crate::store::{SyncBatch, SyncBatchOutcome};
use crate::{DeviceIdentity, DocumentStore, Result, StoreError};
use connect_model::heads::{self, sorted};

#[cfg(test)]
mod durability_tests;
#[cfg(test)]
mod erasure_tests;

/// Schema migrations, applied in order; `PRAGMA user_version` counts how many ran.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_insights.sql"),
    include_str!("../migrations/0003_fts_secure_delete.sql"),
];

/// The index tables keyed by document, every one derived by `index::derive`.
const INDEX_TABLES: [&str; 7] =
    ["idx_page", "idx_items", "idx_circle", "idx_contact", "idx_checkin", "idx_story", "idx_facts"];

/// Compaction waits until chunks are at least this big, so tiny documents are
/// not rewritten on every edit.
const MIN_COMPACTION_BYTES: i64 = 4 * 1024;

/// How a store is opened.
#[derive(Debug, Clone, Default)]
pub struct StoreOptions {
    /// The key of an encrypted store (see [`crate::keys`]). Without one the
    /// store is kept in clear, which only tests and benchmarks do: the app and
    /// the `connect` command always open stores with a key.
    pub key: Option<StoreKey>,
}

/// The first 16 bytes of every SQLite file in clear; an encrypted file's
/// first bytes are its random salt.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// What is at a store's path before it is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OnDisk {
    /// No file, or an empty one: a new store.
    Nothing,
    /// An SQLite file in clear.
    Plain,
    /// Something else: an encrypted store, or a file that is not a store.
    Opaque,
}

fn on_disk(path: &Path) -> OnDisk {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else { return OnDisk::Nothing };
    let mut header = [0u8; 16];
    match file.read(&mut header) {
        Ok(0) | Err(_) => OnDisk::Nothing,
        Ok(16) if &header == PLAIN_HEADER => OnDisk::Plain,
        Ok(_) => OnDisk::Opaque,
    }
}

/// `path` with `suffix` appended to its file name.
fn beside(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    std::path::PathBuf::from(name)
}

/// Finishes an encryption that a crash interrupted after its encrypted copy
/// was complete: the copy replaces whatever is at `path`.
fn finish_interrupted_encryption(path: &Path) -> Result<()> {
    let ready = beside(path, ".encrypted");
    if ready.exists() {
        let cannot = |e: std::io::Error| StoreError::CannotOpen {
            path: path.display().to_string(),
            reason: format!("cannot finish encrypting it: {e}"),
        };
        for suffix in ["-wal", "-shm"] {
            remove_if_present(&beside(path, suffix)).map_err(cannot)?;
        }
        std::fs::rename(&ready, path).map_err(cannot)?;
    }
    Ok(())
}

fn remove_if_present(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Overwrites a file with zeros and flushes it, so its words do not linger
/// in the blocks it leaves behind (best effort: flash storage may still keep
/// old copies, which is why stores are encrypted from the start).
fn overwrite_with_zeros(path: &Path) -> std::io::Result<()> {
    use std::io::Write;
    let Ok(meta) = std::fs::metadata(path) else { return Ok(()) };
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    let zeros = vec![0u8; 64 * 1024];
    let mut left = meta.len();
    while left > 0 {
        let n = usize::try_from(left.min(zeros.len() as u64)).unwrap_or(zeros.len());
        file.write_all(&zeros[..n])?;
        left -= n as u64;
    }
    file.sync_all()
}

/// The SQLite-backed store.
pub struct SqliteStore {
    conn: Connection,
    session: u64,
    path: String,
    encrypted: bool,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .field("encrypted", &self.encrypted)
            .finish_non_exhaustive()
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the store at `path` and brings its schema up
    /// to date. With a key, the store is encrypted (a new one is created
    /// encrypted); without one, a store that has a key file is refused with
    /// [`StoreError::NeedsPassphrase`].
    pub fn open(path: impl AsRef<Path>, options: &StoreOptions) -> Result<Self> {
        let path = path.as_ref();
        let path_str = path.display().to_string();
        finish_interrupted_encryption(path)?;
        match (&options.key, on_disk(path)) {
            (None, _) if KeyFile::for_store(path).exists() => {
                return Err(StoreError::NeedsPassphrase { path: path_str });
            }
            (Some(_), OnDisk::Plain) => return Err(StoreError::NotEncrypted { path: path_str }),
            _ => {}
        }
        let conn = Connection::open(path)
            .map_err(|e| StoreError::CannotOpen { path: path_str.clone(), reason: e.to_string() })?;
        if let Some(key) = &options.key {
            apply_key(&conn, key, &path_str)?;
        }
        Self::setup(conn, path_str, options.key.is_some())
    }

    /// Opens the encrypted store at `path` with the person's PIN or
    /// passphrase, creating the store and its key file when neither exists
    /// yet. Wrong guesses are counted and back off (see [`crate::keys`]).
    /// Returns the key too, for a second connection (sync) to the same store.
    pub fn open_with_passphrase(path: impl AsRef<Path>, passphrase: &str, now: Timestamp) -> Result<(Self, StoreKey)> {
        let path = path.as_ref();
        finish_interrupted_encryption(path)?;
        let key_file = KeyFile::for_store(path);
        let key = if key_file.exists() {
            key_file.unlock(passphrase, now)?
        } else {
            match on_disk(path) {
                OnDisk::Nothing => key_file.create(passphrase)?,
                OnDisk::Plain => return Err(StoreError::NotEncrypted { path: path.display().to_string() }),
                // An encrypted store whose key file is gone: say so.
                OnDisk::Opaque => key_file.unlock(passphrase, now)?,
            }
        };
        let store = Self::open(path, &StoreOptions { key: Some(key.clone()) })?;
        Ok((store, key))
    }

    /// Encrypts a store kept in clear (made by an earlier version) in place,
    /// under a new key wrapped with `passphrase`: the store is copied into an
    /// encrypted file, the clear file is overwritten with zeros, and the
    /// encrypted copy takes its place. A crash at any point leaves either the
    /// clear store or the encrypted one, never neither.
    pub fn encrypt_in_place(path: impl AsRef<Path>, passphrase: &str, now: Timestamp) -> Result<StoreKey> {
        let path = path.as_ref();
        let path_str = path.display().to_string();
        finish_interrupted_encryption(path)?;
        if on_disk(path) != OnDisk::Plain {
            return Err(StoreError::CannotOpen {
                path: path_str,
                reason: "it is not a store kept in clear (already encrypted, or not a store)".into(),
            });
        }
        let key_file = KeyFile::for_store(path);
        // A key file left by an interrupted run is reused, so its passphrase stays the one to use.
        let key = if key_file.exists() { key_file.unlock(passphrase, now)? } else { key_file.create(passphrase)? };
        let staging = beside(path, ".encrypting");
        let ready = beside(path, ".encrypted");
        let io = |e: std::io::Error| StoreError::CannotOpen {
            path: path_str.clone(),
            reason: format!("cannot encrypt it: {e}"),
        };
        remove_if_present(&staging).map_err(io)?;
        {
            let conn = encrypting_connection(path, &staging, &key)?;
            let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            conn.query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))?;
            conn.execute_batch(&format!("PRAGMA encrypted.user_version = {version}; DETACH DATABASE encrypted;"))?;
        }
        std::fs::File::open(&staging).and_then(|f| f.sync_all()).map_err(io)?;
        std::fs::rename(&staging, &ready).map_err(io)?;
        for suffix in ["", "-wal"] {
            overwrite_with_zeros(&beside(path, suffix)).map_err(io)?;
        }
        finish_interrupted_encryption(path)?;
        Ok(key)
    }

    /// A private store in memory, for tests.
    pub fn open_in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?, ":memory:".into(), false)
    }

    /// Whether the store is encrypted at rest.
    #[must_use]
    pub fn is_encrypted(&self) -> bool {
        self.encrypted
    }

    fn setup(conn: Connection, path: String, encrypted: bool) -> Result<Self> {
        let cannot = |e: rusqlite::Error| StoreError::CannotOpen { path: path.clone(), reason: e.to_string() };
        conn.busy_timeout(std::time::Duration::from_secs(10)).map_err(cannot)?;
        // Reading the schema first tells a file that is not a database (or is
        // encrypted with another key) apart from one we can use.
        let version: i64 = match conn.query_row("PRAGMA user_version", [], |r| r.get(0)) {
            Ok(v) => v,
            Err(e) if encrypted && e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
                return Err(StoreError::WrongKey { path });
            }
            Err(e) => return Err(cannot(e)),
        };
        // Temporary tables and sorts stay in memory, so no page of resident
        // text is ever written to a temporary file. A 16 MiB page cache keeps
        // the index tables decrypted in memory once read.
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA foreign_keys = ON;
             PRAGMA secure_delete = ON;
             PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -16384;",
        )
        .map_err(cannot)?;
        make_durable(&conn, "main", &path)?;
        let mut store = Self { conn, session: crate::memory::rand_session(), path, encrypted };
        store.migrate(version)?;
        if version < 2 && version > 0 {
            store.backfill_facts()?;
        }
        Ok(store)
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        let supported = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
        if from > supported {
            return Err(StoreError::NewerSchema { found: from, supported });
        }
        if from == supported {
            return Ok(());
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(usize::try_from(from).unwrap_or(0)) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i64::try_from(i + 1).unwrap_or(i64::MAX))?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Deletes the store, its WAL and shared-memory files and its key file:
    /// what a revoked device does with its data. Consumes the store so nothing
    /// can use it after.
    pub fn destroy(self) -> Result<()> {
        let path = self.path.clone();
        drop(self.conn);
        if path != ":memory:" {
            destroy_files(Path::new(&path))?;
        }
        Ok(())
    }

    /// Where the store lives.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Total bytes stored for one document (snapshot plus chunks), for the size goal.
    pub fn stored_bytes(&self, id: DocumentId) -> Result<usize> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT length(snapshot) + chunk_bytes FROM documents WHERE doc_id = ?1",
                [id.to_string()],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound(id))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Runs SQLite's own integrity check; `Ok(())` when the file is sound.
    pub fn integrity_check(&self) -> Result<Result<(), String>> {
        let verdict: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(if verdict == "ok" { Ok(()) } else { Err(verdict) })
    }

    /// Folds every document's chunks into its snapshot now.
    pub fn compact_all(&mut self) -> Result<()> {
        for id in self.document_ids()? {
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let doc = load_in(&tx, id)?;
            compact(&tx, id, &doc)?;
            tx.commit()?;
        }
        Ok(())
    }
}

/// Deletes every file of the store at `path`: the database, its WAL,
/// shared-memory and journal files, an interrupted encryption's copies, and
/// the key file. Used by [`SqliteStore::destroy`] and by a device whose PIN
/// was forgotten (it cannot open the store to destroy it).
pub fn destroy_files(path: &Path) -> Result<()> {
    let fail = |e: std::io::Error| StoreError::CannotOpen {
        path: path.display().to_string(),
        reason: format!("cannot delete: {e}"),
    };
    for suffix in ["", "-wal", "-shm", "-journal", ".encrypting", ".encrypted"] {
        remove_if_present(&beside(path, suffix)).map_err(fail)?;
    }
    KeyFile::for_store(path).remove()
}

/// Sets `synchronous = FULL` on `schema` of `conn` and checks that SQLite took
/// it, so a save that returned survives a crash or a flat battery whatever
/// default this build of SQLite was compiled with.
fn make_durable(conn: &Connection, schema: &str, path: &str) -> Result<()> {
    conn.execute_batch(&format!("PRAGMA {schema}.synchronous = FULL;"))?;
    let level: i64 = conn.query_row(&format!("PRAGMA {schema}.synchronous"), [], |r| r.get(0))?;
    if level != 2 {
        return Err(StoreError::CannotOpen {
            path: path.to_owned(),
            reason: format!("saves cannot be made durable (synchronous is {level}, not FULL)"),
        });
    }
    Ok(())
}

/// The connection that copies the store kept in clear at `path` into an
/// encrypted file at `staging`, attached as `encrypted`; both durable.
fn encrypting_connection(path: &Path, staging: &Path, key: &StoreKey) -> Result<Connection> {
    let path_str = path.display().to_string();
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    make_durable(&conn, "main", &path_str)?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    conn.execute("ATTACH DATABASE ?1 AS encrypted KEY ?2", params![staging.display().to_string(), key.raw().as_str()])?;
    make_durable(&conn, "encrypted", &path_str)?;
    Ok(conn)
}

/// Hands `key` to SQLCipher, after checking this build has SQLCipher at all:
/// a plain SQLite would ignore the key and write in clear.
fn apply_key(conn: &Connection, key: &StoreKey, path: &str) -> Result<()> {
    let cipher: Option<String> = conn.query_row("PRAGMA cipher_version", [], |r| r.get(0)).optional()?;
    if cipher.is_none() {
        return Err(StoreError::CannotOpen {
            path: path.to_owned(),
            reason: "this build cannot encrypt stores".into(),
        });
    }
    // SQLCipher reports a failed page check on stderr; the caller gets a
    // clear error instead, so its log stays quiet.
    conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(())).optional()?;
    conn.execute_batch(&key.pragma())?;
    Ok(())
}

fn load_in(conn: &Connection, id: DocumentId) -> Result<Automerge> {
    let key = id.to_string();
    let mut bytes: Vec<u8> = conn
        .query_row("SELECT snapshot FROM documents WHERE doc_id = ?1", [&key], |r| r.get(0))
        .optional()?
        .ok_or(StoreError::NotFound(id))?;
    let mut stmt = conn.prepare_cached("SELECT bytes FROM chunks WHERE doc_id = ?1 ORDER BY seq")?;
    let mut rows = stmt.query([&key])?;
    while let Some(row) = rows.next()? {
        bytes.extend_from_slice(row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?);
    }
    // Automerge loads a snapshot followed by change chunks in one go.
    Automerge::load(&bytes).map_err(StoreError::corrupt(id))
}

fn set_setting_in(conn: &Connection, key: &str, value: Option<&str>) -> Result<()> {
    match value {
        Some(v) => conn
            .prepare_cached(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
            )?
            .execute([key, v])?,
        None => conn.prepare_cached("DELETE FROM settings WHERE key = ?1")?.execute([key])?,
    };
    Ok(())
}

fn is_erased_in(conn: &Connection, id: DocumentId) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM erased WHERE doc_id = ?1")?
        .query_row([id.to_string()], |_| Ok(()))
        .optional()?
        .is_some())
}

fn contains_in(conn: &Connection, id: DocumentId) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM documents WHERE doc_id = ?1")?
        .query_row([id.to_string()], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Saves `doc` inside `tx`: its new changes as a chunk (or the whole document
/// if it is new), its heads and its index rows. Changes stored by another
/// writer are merged into `doc` first. Returns whether anything changed.
fn save_in(tx: &Transaction<'_>, id: DocumentId, doc: &mut Automerge) -> Result<bool> {
    let key = id.to_string();
    let existing: Option<(Vec<u8>, i64, i64)> = tx
        .prepare_cached("SELECT heads, length(snapshot), chunk_bytes FROM documents WHERE doc_id = ?1")?
        .query_row([&key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    match existing {
        None => {
            let rows = index::derive(id, doc)?;
            tx.prepare_cached(
                "INSERT INTO documents (doc_id, kind, owner, snapshot, heads, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                key,
                id.kind().as_str(),
                id.owner().to_string(),
                doc.save(),
                heads::encode(&doc.get_heads()),
                now_millis()
            ])?;
            write_index(tx, id, &rows)?;
        }
        Some((stored_heads, snapshot_len, chunk_bytes)) => {
            let stored_heads = heads::decode(&stored_heads);
            if stored_heads.iter().any(|h| doc.get_change_by_hash(h).is_none()) {
                // Someone else saved changes this copy has not seen: take them in.
                let mut theirs = load_in(tx, id)?;
                doc.merge(&mut theirs).map_err(connect_model::ModelError::from)?;
            }
            if sorted(&stored_heads) == sorted(&doc.get_heads()) {
                return Ok(false);
            }
            let rows = index::derive(id, doc)?;
            let chunk = doc.save_after(&stored_heads);
            let chunk_len = i64::try_from(chunk.len()).unwrap_or(i64::MAX);
            tx.prepare_cached(
                "INSERT INTO chunks (doc_id, seq, bytes)
                 VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM chunks WHERE doc_id = ?1), ?2)",
            )?
            .execute(params![key, chunk])?;
            tx.prepare_cached(
                "UPDATE documents SET heads = ?2, chunk_bytes = chunk_bytes + ?3, updated_at = ?4 WHERE doc_id = ?1",
            )?
            .execute(params![key, heads::encode(&doc.get_heads()), chunk_len, now_millis()])?;
            let total_chunks = chunk_bytes + chunk_len;
            if total_chunks > snapshot_len && total_chunks > MIN_COMPACTION_BYTES {
                compact(tx, id, doc)?;
            }
            write_index(tx, id, &rows)?;
        }
    }
    Ok(true)
}

/// Deletes a document and everything derived from it inside `tx`, and
/// remembers the id so it can never be stored again.
fn erase_in(tx: &Transaction<'_>, id: DocumentId) -> Result<()> {
    let key = id.to_string();
    delete_index(tx, &key)?;
    tx.execute("DELETE FROM documents WHERE doc_id = ?1", [&key])?;
    tx.execute("INSERT OR IGNORE INTO erased (doc_id, erased_at) VALUES (?1, ?2)", params![key, now_millis()])?;
    Ok(())
}

fn compact(tx: &Transaction<'_>, id: DocumentId, doc: &Automerge) -> Result<()> {
    let key = id.to_string();
    tx.execute("DELETE FROM chunks WHERE doc_id = ?1", [&key])?;
    tx.execute("UPDATE documents SET snapshot = ?2, chunk_bytes = 0 WHERE doc_id = ?1", params![key, doc.save()])?;
    Ok(())
}

fn write_index(tx: &Transaction<'_>, id: DocumentId, rows: &IndexRows) -> Result<()> {
    let key = id.to_string();
    delete_index(tx, &key)?;
    match rows {
        IndexRows::Page { resident, preferred_name, created_at, items, .. } => {
            let r = resident.to_string();
            tx.execute(
                "INSERT INTO idx_page (doc_id, resident_id, preferred_name, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![key, r, preferred_name, created_at.millis()],
            )?;
            let mut fts = tx.prepare_cached(
                "INSERT INTO search_fts (text, doc_id, resident_id, field, item_id) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let mut map =
                tx.prepare_cached("INSERT INTO search_rows (fts_rowid, doc_id) VALUES (last_insert_rowid(), ?1)")?;
            fts.execute(params![preferred_name, key, r, "name", Option::<String>::None])?;
            map.execute([&key])?;
            let mut ins = tx.prepare_cached(
                "INSERT INTO idx_items (item_id, doc_id, resident_id, section, text, category, status, by_resident, archived, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for item in items {
                let item_id = item.item_id.to_string();
                ins.execute(params![
                    item_id,
                    key,
                    r,
                    item.section,
                    item.text,
                    item.category,
                    item.status.map(|s| s.as_str()),
                    item.by_resident,
                    item.archived,
                    item.created_at.millis()
                ])?;
                if !item.archived {
                    fts.execute(params![item.text, key, r, item.section, item_id])?;
                    map.execute([&key])?;
                }
            }
        }
        IndexRows::Circle { resident, summary, .. } => {
            let [i, f, p, e, pos] = summary.per_ring.map(|n| i64::try_from(n).unwrap_or(i64::MAX));
            tx.execute(
                "INSERT INTO idx_circle VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    key,
                    resident.to_string(),
                    i,
                    f,
                    p,
                    e,
                    pos,
                    i64::try_from(summary.in_circle).unwrap_or(i64::MAX),
                    i64::try_from(summary.two_way).unwrap_or(i64::MAX)
                ],
            )?;
        }
        IndexRows::Journal { resident, last_contact, .. } => {
            tx.execute(
                "INSERT INTO idx_contact VALUES (?1, ?2, ?3)",
                params![key, resident.to_string(), last_contact.map(Timestamp::millis)],
            )?;
        }
        IndexRows::Checkins { resident, count, latest, .. } => {
            let l = latest.as_ref();
            tx.execute(
                "INSERT INTO idx_checkin VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    key,
                    resident.to_string(),
                    i64::try_from(*count).unwrap_or(i64::MAX),
                    l.map(|l| l.taken_at.millis()),
                    l.and_then(|l| l.loneliness).map(|x| x.as_str()),
                    l.and_then(|l| l.ucla3_total),
                    l.and_then(|l| l.ons4[0]),
                    l.and_then(|l| l.ons4[1]),
                    l.and_then(|l| l.ons4[2]),
                    l.and_then(|l| l.ons4[3]),
                    l.map(|l| l.share_in_reports),
                ],
            )?;
        }
        IndexRows::Story { resident, consent, has_text } => {
            tx.execute(
                "INSERT INTO idx_story VALUES (?1, ?2, ?3, ?4)",
                params![key, resident.to_string(), consent.as_str(), has_text],
            )?;
        }
        IndexRows::None => {}
    }
    if let Some(facts) = rows.facts() {
        let json = serde_json::to_string(facts).map_err(|e| StoreError::CannotOpen {
            path: String::new(),
            reason: format!("cannot record the insight facts: {e}"),
        })?;
        tx.prepare_cached("INSERT INTO idx_facts (doc_id, resident_id, facts) VALUES (?1, ?2, ?3)")?
            .execute(params![key, facts.resident.map(|r| r.to_string()).unwrap_or_default(), json])?;
    }
    Ok(())
}

fn delete_index(tx: &Transaction<'_>, key: &str) -> Result<()> {
    for table in INDEX_TABLES {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE doc_id = ?1"))?.execute([key])?;
    }
    tx.prepare_cached("DELETE FROM search_fts WHERE rowid IN (SELECT fts_rowid FROM search_rows WHERE doc_id = ?1)")?
        .execute([key])?;
    tx.prepare_cached("DELETE FROM search_rows WHERE doc_id = ?1")?.execute([key])?;
    Ok(())
}

fn now_millis() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

fn parse_resident(s: &str) -> rusqlite::Result<ResidentId> {
    s.parse().map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

fn parse_item(s: &str) -> rusqlite::Result<ItemId> {
    s.parse().map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

impl DocumentStore for SqliteStore {
    fn identity(&self) -> Result<Option<DeviceIdentity>> {
        self.conn
            .query_row(
                "SELECT device_id, device_name, person_name, role, created_at FROM device WHERE singleton = 1",
                [],
                |r| {
                    let device_id: String = r.get(0)?;
                    let role: String = r.get(3)?;
                    Ok((device_id, r.get(1)?, r.get(2)?, role, r.get::<_, i64>(4)?))
                },
            )
            .optional()?
            .map(|(device_id, device_name, person_name, role, created_at)| {
                Ok(DeviceIdentity {
                    device_id: device_id.parse()?,
                    device_name,
                    person_name,
                    role: role.parse::<AuthorRole>()?,
                    created_at: Timestamp::from_millis(created_at),
                })
            })
            .transpose()
    }

    fn set_identity(&mut self, identity: &DeviceIdentity) -> Result<()> {
        if let Some(existing) = self.identity()?
            && existing.device_id != identity.device_id
        {
            return Err(StoreError::CannotOpen {
                path: self.path.clone(),
                reason: "this store already belongs to another device".into(),
            });
        }
        self.conn.execute(
            "INSERT INTO device (singleton, device_id, device_name, person_name, role, created_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (singleton) DO UPDATE SET device_name = ?2, person_name = ?3, role = ?4",
            params![
                identity.device_id.to_string(),
                identity.device_name,
                identity.person_name,
                identity.role.as_str(),
                identity.created_at.millis()
            ],
        )?;
        Ok(())
    }

    fn session_actor(&self) -> Result<ActorId> {
        Ok(self.identity()?.ok_or(StoreError::NoIdentity)?.actor(self.session))
    }

    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    fn set_setting(&mut self, key: &str, value: Option<&str>) -> Result<()> {
        set_setting_in(&self.conn, key, value)
    }

    fn load(&self, id: DocumentId) -> Result<Automerge> {
        let mut doc = load_in(&self.conn, id)?;
        if let Some(identity) = self.identity()? {
            doc.set_actor(identity.actor(self.session));
        }
        Ok(doc)
    }

    fn contains(&self, id: DocumentId) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM documents WHERE doc_id = ?1", [id.to_string()], |_| Ok(()))
            .optional()?
            .is_some())
    }

    fn save(&mut self, id: DocumentId, doc: &mut Automerge) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if is_erased_in(&tx, id)? {
            return Err(StoreError::Erased(id));
        }
        save_in(&tx, id, doc)?;
        tx.commit()?;
        Ok(())
    }

    fn erase(&mut self, id: DocumentId) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        erase_in(&tx, id)?;
        tx.commit()?;
        // Push the overwritten pages out of the WAL into the main file.
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    fn write_sync(&mut self, batch: SyncBatch<'_>) -> Result<SyncBatchOutcome> {
        let mut outcome = SyncBatchOutcome::default();
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for id in batch.erase {
            outcome.erased += usize::from(contains_in(&tx, *id)?);
            erase_in(&tx, *id)?;
        }
        for (id, doc) in batch.saves.iter_mut() {
            if is_erased_in(&tx, *id)? {
                continue;
            }
            outcome.changed += usize::from(save_in(&tx, *id, doc)?);
        }
        for (id, state) in batch.sync_states {
            if contains_in(&tx, *id)? {
                tx.prepare_cached(
                    "INSERT INTO sync_states (peer, doc_id, state) VALUES (?1, ?2, ?3)
                     ON CONFLICT (peer, doc_id) DO UPDATE SET state = ?3",
                )?
                .execute(params![batch.peer, id.to_string(), state])?;
            }
        }
        for (id, heads) in batch.synced {
            // Only if the relay's heads are exactly this device's, after the saves.
            let encoded = heads::encode(heads);
            tx.prepare_cached("UPDATE documents SET synced_heads = ?2 WHERE doc_id = ?1 AND heads = ?2")?
                .execute(params![id.to_string(), encoded])?;
        }
        for (key, value) in batch.settings {
            set_setting_in(&tx, key, value.as_deref())?;
        }
        tx.commit()?;
        if !batch.erase.is_empty() {
            self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(outcome)
    }

    fn is_erased(&self, id: DocumentId) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM erased WHERE doc_id = ?1", [id.to_string()], |_| Ok(()))
            .optional()?
            .is_some())
    }

    fn document_ids(&self) -> Result<Vec<DocumentId>> {
        let mut stmt = self.conn.prepare("SELECT doc_id FROM documents ORDER BY doc_id")?;
        let ids = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
        ids.iter().map(|s| s.parse().map_err(StoreError::from)).collect()
    }

    fn document_ids_of_kind(&self, kind: DocKind) -> Result<Vec<DocumentId>> {
        let mut stmt = self.conn.prepare_cached("SELECT doc_id FROM documents WHERE kind = ?1 ORDER BY doc_id")?;
        let ids = stmt.query_map([kind.as_str()], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
        ids.iter().map(|s| s.parse().map_err(StoreError::from)).collect()
    }

    fn caseload(&self) -> Result<Vec<CaseloadRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.resident_id, p.preferred_name, p.created_at,
                    (SELECT COUNT(*) FROM idx_items i WHERE i.resident_id = p.resident_id AND i.section = 'offer' AND NOT i.archived),
                    (SELECT COUNT(*) FROM idx_items i WHERE i.resident_id = p.resident_id AND i.status IN ('open', 'in-progress') AND NOT i.archived),
                    (SELECT COUNT(*) FROM idx_items i WHERE i.resident_id = p.resident_id AND i.status = 'met' AND NOT i.archived),
                    COALESCE(c.in_circle, 0), COALESCE(c.two_way, 0),
                    (SELECT MAX(last_contact) FROM idx_contact k WHERE k.resident_id = p.resident_id),
                    ch.taken_at,
                    (SELECT COUNT(*) FROM documents d WHERE d.owner = p.resident_id AND (d.synced_heads IS NULL OR d.synced_heads != d.heads)),
                    (SELECT COUNT(*) FROM documents d WHERE d.owner = p.resident_id AND d.synced_heads IS NULL)
             FROM idx_page p
             LEFT JOIN idx_circle c ON c.resident_id = p.resident_id
             LEFT JOIN idx_checkin ch ON ch.resident_id = p.resident_id
             ORDER BY lower(p.preferred_name), p.resident_id",
        )?;
        let rows = stmt.query_map([], |r| {
            let count = |i: usize| -> rusqlite::Result<usize> { Ok(usize::try_from(r.get::<_, i64>(i)?).unwrap_or(0)) };
            let pending = count(10)?;
            let never = count(11)?;
            Ok(CaseloadRow {
                resident: parse_resident(&r.get::<_, String>(0)?)?,
                preferred_name: r.get(1)?,
                created_at: Timestamp::from_millis(r.get(2)?),
                offers: count(3)?,
                asks_open: count(4)?,
                asks_met: count(5)?,
                circle_size: count(6)?,
                two_way: count(7)?,
                last_contact: r.get::<_, Option<i64>>(8)?.map(Timestamp::from_millis),
                latest_checkin: r.get::<_, Option<i64>>(9)?.map(Timestamp::from_millis),
                pending_documents: pending,
                sync: if never > 0 {
                    SyncStatus::OnlyOnThisDevice
                } else if pending > 0 {
                    SyncStatus::ChangesWaiting
                } else {
                    SyncStatus::OnRelay
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn items(&self, resident: ResidentId) -> Result<Vec<ItemRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT item_id, section, text, category, status, by_resident, archived, created_at
             FROM idx_items WHERE resident_id = ?1",
        )?;
        let rows = stmt.query_map([resident.to_string()], |r| {
            let section: String = r.get(1)?;
            let status: Option<String> = r.get(4)?;
            Ok(ItemRow {
                resident,
                item_id: parse_item(&r.get::<_, String>(0)?)?,
                section: match section.as_str() {
                    "offer" => "offer",
                    "ask" => "ask",
                    _ => "goal",
                },
                text: r.get(2)?,
                category: r.get(3)?,
                status: status.and_then(|s| s.parse().ok()),
                by_resident: r.get(5)?,
                archived: r.get(6)?,
                created_at: Timestamp::from_millis(r.get(7)?),
            })
        })?;
        let mut out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        out.sort_by(|a, b| {
            a.section.cmp(b.section).then(a.created_at.cmp(&b.created_at)).then(a.item_id.cmp(&b.item_id))
        });
        Ok(out)
    }

    fn search(&self, query: &str) -> Result<Vec<SearchHit>> {
        let words = index::query_words(query);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        // Each word becomes a quoted prefix term, so user input is never FTS syntax.
        let fts_query = words.iter().map(|w| format!("\"{}\"*", w.replace('"', ""))).collect::<Vec<_>>().join(" ");
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.resident_id, p.preferred_name, s.field, s.item_id, s.text
             FROM search_fts s JOIN idx_page p ON p.resident_id = s.resident_id
             WHERE search_fts MATCH ?1",
        )?;
        let rows = stmt.query_map([fts_query], |r| {
            let item: Option<String> = r.get(3)?;
            Ok(SearchHit {
                resident: parse_resident(&r.get::<_, String>(0)?)?,
                preferred_name: r.get(1)?,
                field: r.get(2)?,
                item_id: item.as_deref().map(parse_item).transpose()?,
                text: r.get(4)?,
            })
        })?;
        let mut hits = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        hits.sort();
        Ok(hits)
    }

    fn pending(&self) -> Result<Vec<DocumentId>> {
        let mut stmt = self.conn.prepare(
            "SELECT doc_id FROM documents WHERE synced_heads IS NULL OR synced_heads != heads ORDER BY doc_id",
        )?;
        let ids = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
        ids.iter().map(|s| s.parse().map_err(StoreError::from)).collect()
    }

    fn synced_heads(&self, id: DocumentId) -> Result<Option<Vec<ChangeHash>>> {
        let found: Option<Option<Vec<u8>>> = self
            .conn
            .query_row("SELECT synced_heads FROM documents WHERE doc_id = ?1", [id.to_string()], |r| r.get(0))
            .optional()?;
        Ok(found.flatten().map(|b| heads::decode(&b)))
    }

    fn mark_synced(&mut self, id: DocumentId, heads: &[ChangeHash]) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE documents SET synced_heads = ?2 WHERE doc_id = ?1",
            params![id.to_string(), heads::encode(heads)],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(id));
        }
        Ok(())
    }

    fn sync_state(&self, peer: &str, id: DocumentId) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .query_row("SELECT state FROM sync_states WHERE peer = ?1 AND doc_id = ?2", [peer, &id.to_string()], |r| {
                r.get(0)
            })
            .optional()?)
    }

    fn set_sync_state(&mut self, peer: &str, id: DocumentId, state: &[u8]) -> Result<()> {
        if !self.contains(id)? {
            return Err(StoreError::NotFound(id));
        }
        self.conn.execute(
            "INSERT INTO sync_states (peer, doc_id, state) VALUES (?1, ?2, ?3)
             ON CONFLICT (peer, doc_id) DO UPDATE SET state = ?3",
            params![peer, id.to_string(), state],
        )?;
        Ok(())
    }

    fn resident_facts(&self) -> Result<Vec<ResidentFacts>> {
        let mut stmt = self.conn.prepare_cached("SELECT facts FROM idx_facts")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut facts = Vec::new();
        for json in rows {
            let json = json?;
            facts.push(serde_json::from_str::<ResidentFacts>(&json).map_err(|e| StoreError::CannotOpen {
                path: self.path.clone(),
                reason: format!("an index row is damaged ({e}); run `connect reindex`"),
            })?);
        }
        Ok(index::join_facts(facts.iter()))
    }

    fn story_consents(&self) -> Result<Vec<StoryRow>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT resident_id, consent, has_text FROM idx_story ORDER BY resident_id")?;
        let rows = stmt.query_map([], |r| {
            let consent: String = r.get(1)?;
            Ok(StoryRow {
                resident: parse_resident(&r.get::<_, String>(0)?)?,
                consent: consent.parse().map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, Box::new(e))
                })?,
                has_text: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn rebuild_indexes(&mut self) -> Result<()> {
        let ids = self.document_ids()?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for table in INDEX_TABLES.iter().chain(&["search_fts", "search_rows"]) {
            tx.execute(&format!("DELETE FROM {table}"), [])?;
        }
        for id in ids {
            let doc = load_in(&tx, id)?;
            write_index(&tx, id, &index::derive(id, &doc)?)?;
        }
        tx.commit()?;
        Ok(())
    }
}

impl SqliteStore {
    /// The migration that added `idx_facts` leaves it empty for documents
    /// stored before it; this fills it the first time a store is opened
    /// after the upgrade (and is a no-op afterwards).
    fn backfill_facts(&mut self) -> Result<()> {
        let missing: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM documents d WHERE d.kind IN ('page', 'circle', 'journal', 'team-notes', 'checkins')
             AND NOT EXISTS (SELECT 1 FROM idx_facts f WHERE f.doc_id = d.doc_id)",
            [],
            |r| r.get(0),
        )?;
        if missing > 0 {
            self.rebuild_indexes()?;
        }
        Ok(())
    }

    /// Every index row as text, sorted: lets tests compare an index maintained
    /// edit by edit with one rebuilt from the documents.
    pub fn index_dump(&self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for table in INDEX_TABLES.iter().chain(&["search_fts"]) {
            let mut stmt = self.conn.prepare(&format!("SELECT * FROM {table}"))?;
            let columns = stmt.column_count();
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let mut line = format!("{table}:");
                for i in 0..columns {
                    line.push_str(&format!(" {:?}", row.get_ref(i)?));
                }
                out.push(line);
            }
        }
        out.sort();
        Ok(out)
    }
}
