//! Documents on SQLite: saving (as [`crate::policy::plan_save`] plans it),
//! loading, the feed, and a sync round's one consistent read and one commit.

use connect_model::automerge::{Automerge, ChangeHash};
use connect_model::heads::{decode as decode_heads, encode as encode_heads};
use connect_model::{DeviceId, DocKind, DocumentId, TeamId, Timestamp};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::{SqliteRelayStore, bad, to_i64, to_u64};
use crate::policy::{SavePlan, Saving, StoredRow, growth, plan_save};
use crate::shared::{Saved, Upload};
use crate::{
    AcceptedChange, CommitOutcome, DocSave, DocView, FeedEntry, RelayStoreError, Result, StoredDocument, SyncCommit,
};

/// A stored document's snapshot and chunks, as one byte string.
fn stored_bytes(conn: &Connection, key: &str) -> Result<Option<Vec<u8>>> {
    let Some(mut bytes) = conn
        .prepare_cached("SELECT snapshot FROM documents WHERE doc_id = ?1")?
        .query_row([key], |r| r.get::<_, Vec<u8>>(0))
        .optional()?
    else {
        return Ok(None);
    };
    append_chunks(conn, key, &mut bytes)?;
    Ok(Some(bytes))
}

fn append_chunks(conn: &Connection, key: &str, bytes: &mut Vec<u8>) -> Result<()> {
    let mut stmt = conn.prepare_cached("SELECT bytes FROM chunks WHERE doc_id = ?1 ORDER BY seq")?;
    let mut rows = stmt.query([key])?;
    while let Some(row) = rows.next()? {
        bytes.extend_from_slice(row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?);
    }
    Ok(())
}

pub(super) fn load_in(conn: &Connection, id: DocumentId) -> Result<Option<Automerge>> {
    stored_bytes(conn, &id.to_string())?.map(|b| Automerge::load(&b).map_err(RelayStoreError::corrupt(id))).transpose()
}

/// Adds `delta` bytes to a team's stored total.
fn grow_team(tx: &rusqlite::Transaction<'_>, team: &str, delta: i64) -> Result<()> {
    tx.prepare_cached("UPDATE teams SET stored_bytes = MAX(0, stored_bytes + ?2) WHERE team_id = ?1")?
        .execute(params![team, delta])?;
    Ok(())
}

/// Saves a document's new changes inside `tx`, with one feed entry (replacing
/// the document's older one) and the change log, as the policy plans it.
fn save_in(tx: &rusqlite::Transaction<'_>, team: TeamId, saving: &Saving<'_>) -> Result<Saved> {
    let Saving { id, ref new, new_changes, device, now } = *saving;
    let key = id.to_string();
    let team_key = team.to_string();
    let erased =
        tx.prepare_cached("SELECT 1 FROM erased WHERE doc_id = ?1")?.query_row([&key], |_| Ok(())).optional()?;
    let existing: Option<StoredRow> = tx
        .prepare_cached("SELECT heads, length(snapshot), chunk_bytes FROM documents WHERE doc_id = ?1")?
        .query_row([&key], |r| {
            Ok(StoredRow {
                heads: decode_heads(&r.get::<_, Vec<u8>>(0)?),
                snapshot_len: to_u64(r.get(1)?),
                chunk_bytes: to_u64(r.get(2)?),
            })
        })
        .optional()?;
    let len = i64::try_from(new.bytes.len()).unwrap_or(i64::MAX);
    match plan_save(erased.is_some(), existing.as_ref(), new) {
        SavePlan::Erased => return Ok(Saved::Erased),
        SavePlan::Stale => return Ok(Saved::Stale),
        SavePlan::Insert => {
            tx.execute(
                "INSERT INTO documents (doc_id, team_id, resident_id, kind, snapshot, heads) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    key,
                    team_key,
                    id.resident_id().map(|r| r.to_string()),
                    id.kind().as_str(),
                    new.bytes,
                    encode_heads(new.heads)
                ],
            )?;
            grow_team(tx, &team_key, len)?;
        }
        SavePlan::Append => {
            tx.execute(
                "INSERT INTO chunks (doc_id, seq, bytes) VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM chunks WHERE doc_id = ?1), ?2)",
                params![key, new.bytes],
            )?;
            tx.execute(
                "UPDATE documents SET chunk_bytes = chunk_bytes + ?2, heads = ?3 WHERE doc_id = ?1",
                params![key, len, encode_heads(new.heads)],
            )?;
            grow_team(tx, &team_key, len)?;
        }
        SavePlan::Fold => {
            let mut all = stored_bytes(tx, &key)?.unwrap_or_default();
            let before = u64::try_from(all.len()).unwrap_or(u64::MAX);
            all.extend_from_slice(new.bytes);
            let doc = Automerge::load(&all).map_err(RelayStoreError::corrupt(id))?;
            let snapshot = doc.save();
            tx.execute("DELETE FROM chunks WHERE doc_id = ?1", [&key])?;
            tx.execute(
                "UPDATE documents SET snapshot = ?2, chunk_bytes = 0, heads = ?3 WHERE doc_id = ?1",
                params![key, snapshot, encode_heads(&doc.get_heads())],
            )?;
            grow_team(tx, &team_key, growth(before, u64::try_from(snapshot.len()).unwrap_or(u64::MAX)))?;
        }
    }
    let device_str = device.map(|d| d.to_string());
    // The feed keeps one entry per document, its latest, so a reader's
    // page is a plain range of the team's index.
    tx.prepare_cached("DELETE FROM feed WHERE doc_id = ?1")?.execute([&key])?;
    tx.prepare_cached("INSERT INTO feed (team_id, doc_id, kind, device_id, at) VALUES (?1, ?2, 'change', ?3, ?4)")?
        .execute(params![team_key, key, device_str, now.millis()])?;
    let seq = to_u64(tx.last_insert_rowid());
    let mut log = tx.prepare_cached(
        "INSERT OR IGNORE INTO change_log (hash, doc_id, device_id, feed_seq, at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for h in new_changes {
        log.execute(params![h.0.as_slice(), key, device_str.as_deref().unwrap_or("relay"), to_i64(seq), now.millis()])?;
    }
    Ok(Saved::At(seq))
}

/// Puts an existing document back at the head of the feed.
pub(super) fn touch_in(tx: &rusqlite::Transaction<'_>, id: DocumentId, now: Timestamp) -> Result<Option<u64>> {
    let key = id.to_string();
    let team: Option<String> =
        tx.query_row("SELECT team_id FROM documents WHERE doc_id = ?1", [&key], |r| r.get(0)).optional()?;
    let Some(team) = team else { return Ok(None) };
    tx.execute("DELETE FROM feed WHERE doc_id = ?1", [&key])?;
    tx.execute(
        "INSERT INTO feed (team_id, doc_id, kind, at) VALUES (?1, ?2, 'change', ?3)",
        params![team, key, now.millis()],
    )?;
    Ok(Some(to_u64(tx.last_insert_rowid())))
}

pub(super) fn feed_since(conn: &Connection, team: TeamId, cursor: u64, limit: usize) -> Result<Vec<FeedEntry>> {
    let mut stmt = conn
        .prepare_cached("SELECT seq, doc_id, kind FROM feed WHERE team_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3")?;
    let rows =
        stmt.query_map(params![team.to_string(), to_i64(cursor), i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
            let doc: String = r.get(1)?;
            let kind: String = r.get(2)?;
            Ok(FeedEntry { seq: to_u64(r.get(0)?), doc: doc.parse().map_err(bad)?, erased: kind == "erase" })
        })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn change_log(conn: &Connection, id: DocumentId) -> Result<Vec<AcceptedChange>> {
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

/// One document's view for a sync round, inside a read transaction.
fn view_in(tx: &rusqlite::Transaction<'_>, device: &str, id: DocumentId) -> Result<DocView> {
    let key = id.to_string();
    let row: Option<(Vec<u8>, Vec<u8>, i64)> = tx
        .prepare_cached("SELECT snapshot, heads, chunk_bytes FROM documents WHERE doc_id = ?1")?
        .query_row([&key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let stored = match row {
        None => None,
        Some((mut bytes, heads, chunk_bytes)) => {
            if chunk_bytes > 0 {
                append_chunks(tx, &key, &mut bytes)?;
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
        .query_row([device, &key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (sync_state, assumed_round) = match state {
        Some((s, round)) => (Some(s), round.map(to_u64)),
        None => (None, None),
    };
    Ok(DocView { id, stored, erased, resident_team, sync_state, assumed_round })
}

/// Registers the commit's new residents; whether one was already
/// registered to another team (a conflict).
fn register(tx: &rusqlite::Transaction<'_>, commit: &SyncCommit<'_>) -> Result<bool> {
    let (team, person) = (commit.team.to_string(), commit.person.to_string());
    for resident in commit.register {
        let r = resident.to_string();
        tx.prepare_cached(
            "INSERT OR IGNORE INTO residents (resident_id, team_id, created_by, created_at) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![r, team, person, commit.now.millis()])?;
        let registered: String =
            tx.query_row("SELECT team_id FROM residents WHERE resident_id = ?1", [&r], |row| row.get(0))?;
        if registered != team {
            return Ok(false);
        }
        tx.prepare_cached("INSERT OR IGNORE INTO assignments (resident_id, person_id) VALUES (?1, ?2)")?
            .execute([&r, &person])?;
    }
    Ok(true)
}

/// Writes the commit's sync states and the device's round.
fn write_states(tx: &rusqlite::Transaction<'_>, commit: &SyncCommit<'_>) -> Result<()> {
    let device = commit.device.to_string();
    if let Some(after) = commit.forget_assumed_after {
        tx.prepare_cached("DELETE FROM sync_states WHERE device_id = ?1 AND assumed_round > ?2")?
            .execute(params![device, to_i64(after)])?;
    }
    for (id, state, assumed) in commit.sync_states {
        let key = id.to_string();
        let exists =
            tx.prepare_cached("SELECT 1 FROM documents WHERE doc_id = ?1")?.query_row([&key], |_| Ok(())).optional()?;
        if exists.is_some() {
            tx.prepare_cached(
                "INSERT INTO sync_states (device_id, doc_id, state, assumed_round) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (device_id, doc_id) DO UPDATE SET state = ?3, assumed_round = ?4",
            )?
            .execute(params![device, key, state, assumed.map(to_i64)])?;
        }
    }
    tx.prepare_cached("UPDATE devices SET last_round = MAX(last_round, ?2) WHERE device_id = ?1")?
        .execute(params![device, to_i64(commit.round)])?;
    Ok(())
}

impl SqliteRelayStore {
    pub(super) fn create_team_in(&self, name: &str, directory: &Automerge, now: Timestamp) -> Result<TeamId> {
        let name = connect_model::limits::required("team name", name, connect_model::limits::NAME_MAX)?;
        let team = match connect_model::validate::id_of(directory)? {
            id if id.kind() == DocKind::Directory => TeamId::from(id.owner()),
            id => return Err(RelayStoreError::WrongKind { id, expected: "directory" }),
        };
        self.write(|tx| {
            tx.execute(
                "INSERT INTO teams (team_id, name, created_at) VALUES (?1, ?2, ?3)",
                params![team.to_string(), name, now.millis()],
            )?;
            let id = DocumentId::directory(team);
            let upload = Upload::over(id, directory, None)?;
            save_in(tx, team, &Saving { id, new: upload.new_bytes(), new_changes: upload.heads(), device: None, now })?
                .feed_position(id)?;
            Ok(team)
        })
    }

    pub(super) fn save_doc(&self, save: DocSave<'_>) -> Result<u64> {
        let DocSave { id, team, doc, new_changes, device, now } = save;
        self.write(|tx| {
            let stored: Option<Vec<ChangeHash>> = tx
                .query_row("SELECT heads FROM documents WHERE doc_id = ?1", [id.to_string()], |r| {
                    r.get::<_, Vec<u8>>(0)
                })
                .optional()?
                .map(|h| decode_heads(&h));
            let upload = Upload::over(id, doc, stored)?;
            save_in(tx, team, &Saving { id, new: upload.new_bytes(), new_changes, device, now })?.feed_position(id)
        })
    }

    pub(super) fn read_docs_in(&self, device: DeviceId, ids: &[DocumentId]) -> Result<Vec<DocView>> {
        let mut conn = self.conn()?;
        // One read transaction: every row comes from the same snapshot.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
        let device = device.to_string();
        let out = ids.iter().map(|id| view_in(&tx, &device, *id)).collect::<Result<Vec<_>>>()?;
        tx.finish()?;
        Ok(out)
    }

    pub(super) fn commit_sync_in(&self, commit: &SyncCommit<'_>) -> Result<CommitOutcome> {
        let mut conn = self.conn()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !register(&tx, commit)? {
            // Rolled back as `tx` drops: nothing of this request is stored.
            return Ok(CommitOutcome::Conflict);
        }
        for save in commit.saves {
            match save_in(&tx, commit.team, &Saving::of_commit(save, commit))? {
                Saved::At(_) => crate::blobs::set_doc_media(&mut super::ConnRef(&tx), save.id, save.media)?,
                Saved::Erased | Saved::Stale => return Ok(CommitOutcome::Conflict),
            }
        }
        write_states(&tx, commit)?;
        tx.commit()?;
        Ok(CommitOutcome::Committed)
    }
}
