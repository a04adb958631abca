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
use connect_model::today::PromiseRow;
use connect_model::{AuthorRole, DocKind, DocumentId, ResidentId, Timestamp};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use crate::index::{self, CaseloadRow, ItemRow, SearchHit, StoryRow};
use crate::keys::StoreKey;
use crate::store::{SyncBatch, SyncBatchOutcome};
use crate::{DeviceIdentity, DocumentStore, Result, StoreError};
use connect_model::heads::{self, sorted};
pub use files::destroy_files;
use index_tables::{delete_index, parse_resident, write_index};

mod files;
mod index_tables;
mod media;
mod opening;

#[cfg(test)]
mod durability_tests;
#[cfg(test)]
mod erasure_tests;

/// Schema migrations, applied in order; `PRAGMA user_version` counts how many ran.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_insights.sql"),
    include_str!("../migrations/0003_fts_secure_delete.sql"),
    include_str!("../migrations/0004_promises.sql"),
    include_str!("../migrations/0005_media.sql"),
];

/// The index tables keyed by document, every one derived by `index::derive`.
const INDEX_TABLES: [&str; 9] = [
    "idx_page",
    "idx_items",
    "idx_circle",
    "idx_contact",
    "idx_checkin",
    "idx_story",
    "idx_facts",
    "idx_promises",
    "idx_visit",
];

/// The schema whose migration last added an index table: a store made
/// before it has that table empty, so it derives every row again once.
const LAST_NEW_INDEX: i64 = 4;

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
    media::erase_media(tx, &key)?;
    tx.execute("INSERT OR IGNORE INTO erased (doc_id, erased_at) VALUES (?1, ?2)", params![key, now_millis()])?;
    Ok(())
}

fn compact(tx: &Transaction<'_>, id: DocumentId, doc: &Automerge) -> Result<()> {
    let key = id.to_string();
    tx.execute("DELETE FROM chunks WHERE doc_id = ?1", [&key])?;
    tx.execute("UPDATE documents SET snapshot = ?2, chunk_bytes = 0 WHERE doc_id = ?1", params![key, doc.save()])?;
    Ok(())
}

fn now_millis() -> i64 {
    chrono::Utc::now().timestamp_millis()
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
            return Err(StoreError::IdentityConflict { existing: existing.device_id });
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
        index_tables::caseload(&self.conn)
    }

    fn items(&self, resident: ResidentId) -> Result<Vec<ItemRow>> {
        index_tables::items(&self.conn, resident)
    }

    fn search(&self, query: &str) -> Result<Vec<SearchHit>> {
        index_tables::search(&self.conn, query)
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
            facts.push(
                serde_json::from_str::<ResidentFacts>(&json).map_err(|e| StoreError::DamagedIndex(e.to_string()))?,
            );
        }
        Ok(index::join_facts(facts.iter()))
    }

    fn open_promises(&self) -> Result<Vec<PromiseRow>> {
        index_tables::open_promises(&self.conn)
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
