//! Documents on PostgreSQL: saving (as [`crate::policy::plan_save`] plans
//! it) under the team's row lock, loading, the feed, and a sync round's one
//! consistent read and one commit.

use std::collections::HashMap;

use connect_model::automerge::{Automerge, ChangeHash};
use connect_model::heads::{decode as decode_heads, encode as encode_heads};
use connect_model::{DeviceId, DocKind, DocumentId, TeamId, Timestamp};
use postgres::IsolationLevel;

use super::{Client, Db, PostgresRelayStore, to_i64, to_u64};
use crate::policy::{SavePlan, Saving, StoredRow, growth, plan_save};
use crate::shared::{Saved, Upload};
use crate::{CommitOutcome, DocSave, DocView, RelayStoreError, Result, StoredDocument, SyncCommit};

/// Locks the team's row for the rest of the transaction: every writer of a
/// team's documents or feed takes it first (see the module docs).
pub(super) fn lock_team(db: &mut Db<'_, postgres::Transaction<'_>>, team: &str) -> Result<()> {
    match db.opt("SELECT 1 FROM teams WHERE team_id = $1 FOR UPDATE", &[&team])? {
        Some(_) => Ok(()),
        None => Err(RelayStoreError::BadValue(format!("no team {team}"))),
    }
}

/// Puts `doc` at the head of its team's feed with the next feed number
/// (the team's row is locked by the caller), replacing its older entry.
pub(super) fn feed_entry(
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
pub(super) fn stored_bytes(db: &mut Db<'_, impl Client>, key: &str) -> Result<Option<Vec<u8>>> {
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
fn save_in(db: &mut Db<'_, postgres::Transaction<'_>>, team: &str, saving: &Saving<'_>) -> Result<Saved> {
    let Saving { id, ref new, new_changes, device, now } = *saving;
    let key = id.to_string();
    let erased = db.opt("SELECT 1 FROM erased WHERE doc_id = $1", &[&key])?.is_some();
    let existing = match db.opt(
        "SELECT heads, octet_length(snapshot)::BIGINT, chunk_bytes FROM documents WHERE doc_id = $1 FOR UPDATE",
        &[&key],
    )? {
        None => None,
        Some(row) => Some(StoredRow {
            heads: decode_heads(&row.try_get::<_, Vec<u8>>(0)?),
            snapshot_len: to_u64(row.try_get(1)?),
            chunk_bytes: to_u64(row.try_get(2)?),
        }),
    };
    let len = i64::try_from(new.bytes.len()).unwrap_or(i64::MAX);
    let grew = match plan_save(erased, existing.as_ref(), new) {
        SavePlan::Erased => return Ok(Saved::Erased),
        SavePlan::Stale => return Ok(Saved::Stale),
        SavePlan::Insert => {
            let resident = id.resident_id().map(|r| r.to_string());
            let inserted = db.exec(
                "INSERT INTO documents (doc_id, team_id, resident_id, kind, snapshot, heads)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (doc_id) DO NOTHING",
                &[&key, &team, &resident, &id.kind().as_str(), &new.bytes, &encode_heads(new.heads)],
            )?;
            if inserted == 0 {
                return Ok(Saved::Stale);
            }
            len
        }
        SavePlan::Append => {
            db.exec(
                "INSERT INTO chunks (doc_id, seq, bytes)
                 VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM chunks WHERE doc_id = $1), $2)",
                &[&key, &new.bytes],
            )?;
            db.exec(
                "UPDATE documents SET chunk_bytes = chunk_bytes + $2, heads = $3 WHERE doc_id = $1",
                &[&key, &len, &encode_heads(new.heads)],
            )?;
            len
        }
        SavePlan::Fold => {
            let mut all = stored_bytes(db, &key)?.unwrap_or_default();
            let before = u64::try_from(all.len()).unwrap_or(u64::MAX);
            all.extend_from_slice(new.bytes);
            let doc = Automerge::load(&all).map_err(RelayStoreError::corrupt(id))?;
            let snapshot = doc.save();
            db.exec("DELETE FROM chunks WHERE doc_id = $1", &[&key])?;
            db.exec(
                "UPDATE documents SET snapshot = $2, chunk_bytes = 0, heads = $3 WHERE doc_id = $1",
                &[&key, &snapshot, &encode_heads(&doc.get_heads())],
            )?;
            growth(before, u64::try_from(snapshot.len()).unwrap_or(u64::MAX))
        }
    };
    db.exec("UPDATE teams SET stored_bytes = GREATEST(0, stored_bytes + $2) WHERE team_id = $1", &[&team, &grew])?;
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

impl PostgresRelayStore {
    pub(super) fn create_team_in(&self, name: &str, directory: &Automerge, now: Timestamp) -> Result<TeamId> {
        let name = connect_model::limits::required("team name", name, connect_model::limits::NAME_MAX)?;
        let team = match connect_model::validate::id_of(directory)? {
            id if id.kind() == DocKind::Directory => TeamId::from(id.owner()),
            id => return Err(RelayStoreError::WrongKind { id, expected: "directory" }),
        };
        let mut conn = self.conn()?;
        let mut db = conn.db().begin(IsolationLevel::ReadCommitted)?;
        let key = team.to_string();
        db.exec("INSERT INTO teams (team_id, name, created_at) VALUES ($1, $2, $3)", &[&key, &name, &now.millis()])?;
        let id = DocumentId::directory(team);
        let upload = Upload::over(id, directory, None)?;
        save_in(
            &mut db,
            &key,
            &Saving { id, new: upload.new_bytes(), new_changes: upload.heads(), device: None, now },
        )?
        .feed_position(id)?;
        db.commit()?;
        Ok(team)
    }

    pub(super) fn save_doc(&self, save: DocSave<'_>) -> Result<u64> {
        let DocSave { id, team, doc, new_changes, device, now } = save;
        let mut conn = self.conn()?;
        let mut db = conn.db().begin(IsolationLevel::ReadCommitted)?;
        let team = team.to_string();
        lock_team(&mut db, &team)?;
        let stored: Option<Vec<ChangeHash>> = db
            .opt("SELECT heads FROM documents WHERE doc_id = $1", &[&id.to_string()])?
            .map(|r| r.try_get::<_, Vec<u8>>(0).map(|h| decode_heads(&h)))
            .transpose()?;
        let upload = Upload::over(id, doc, stored)?;
        let seq = save_in(&mut db, &team, &Saving { id, new: upload.new_bytes(), new_changes, device, now })?
            .feed_position(id)?;
        db.commit()?;
        Ok(seq)
    }

    pub(super) fn touch_in(&self, id: DocumentId, now: Timestamp) -> Result<Option<u64>> {
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

    pub(super) fn read_docs_in(&self, device: DeviceId, ids: &[DocumentId]) -> Result<Vec<DocView>> {
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

    pub(super) fn commit_sync_in(&self, commit: &SyncCommit<'_>) -> Result<CommitOutcome> {
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
            match save_in(&mut db, &team, &Saving::of_commit(save, commit))? {
                Saved::At(_) => crate::blobs::set_doc_media(&mut db, save.id, save.media)?,
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
}
