//! Teams' people on PostgreSQL: invites (checked by [`crate::policy::check_invite`]),
//! devices and their tokens, people taken off a team, and erasure (as
//! [`crate::policy::plan_erasure`] plans it).

use connect_model::{DocumentId, ResidentId, Timestamp};
use postgres::IsolationLevel;

use super::PostgresRelayStore;
use super::docs::{feed_entry, lock_team};
use crate::policy::plan_erasure;
use crate::shared::LAST_SEEN_EVERY_MS;
use crate::{DeviceRecord, Result};

impl PostgresRelayStore {
    pub(super) fn device_by_token_in(&self, token_hash: &[u8], now: Timestamp) -> Result<Option<DeviceRecord>> {
        let mut conn = self.conn()?;
        let mut db = conn.db();
        // One read on every request: the device, its person and when it was last seen.
        let Some((found, last)) = crate::people::device_by_token(&mut db, token_hash)? else {
            return Ok(None);
        };
        let key = found.device_id.to_string();
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

    pub(super) fn erase_resident_in(&self, resident: ResidentId, now: Timestamp) -> Result<Vec<DocumentId>> {
        let mut conn = self.conn()?;
        let r = resident.to_string();
        let plan = plan_erasure(resident);
        let mut db = conn.db().begin(IsolationLevel::ReadCommitted)?;
        let team = match db.opt("SELECT team_id FROM residents WHERE resident_id = $1", &[&r])? {
            Some(row) => row.try_get::<_, String>(0)?,
            None => match db.opt("SELECT team_id FROM documents WHERE resident_id = $1 LIMIT 1", &[&r])? {
                Some(row) => row.try_get::<_, String>(0)?,
                None => return Ok(Vec::new()),
            },
        };
        lock_team(&mut db, &team)?;
        let mut freed: i64 = 0;
        for id in &plan.documents {
            let key = id.to_string();
            if let Some(row) =
                db.opt("SELECT octet_length(snapshot)::BIGINT + chunk_bytes FROM documents WHERE doc_id = $1", &[&key])?
            {
                freed += row.try_get::<_, i64>(0)?;
            }
            db.exec("DELETE FROM change_log WHERE doc_id = $1", &[&key])?;
            db.exec("DELETE FROM documents WHERE doc_id = $1", &[&key])?;
            db.exec(
                "INSERT INTO erased (doc_id, team_id, erased_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                &[&key, &team, &now.millis()],
            )?;
            feed_entry(&mut db, &team, &key, "erase", None, now)?;
        }
        db.exec("UPDATE teams SET stored_bytes = GREATEST(0, stored_bytes - $2) WHERE team_id = $1", &[&team, &freed])?;
        db.exec(
            "INSERT INTO erased_residents (resident_id, team_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[&r, &team],
        )?;
        db.exec(
            "INSERT INTO erased_access (resident_id, person_id)
             SELECT resident_id, person_id FROM assignments WHERE resident_id = $1 ON CONFLICT DO NOTHING",
            &[&r],
        )?;
        db.exec("DELETE FROM assignments WHERE resident_id = $1", &[&r])?;
        db.exec("DELETE FROM residents WHERE resident_id = $1", &[&r])?;
        // The resident's own devices: revoked (so their next contact wipes
        // them), and the resident's name goes from every row that held it.
        db.exec(
            "UPDATE devices SET revoked_at = COALESCE(revoked_at, $2), name = $3
             WHERE person_id IN (SELECT person_id FROM people WHERE resident_id = $1)",
            &[&r, &now.millis(), &plan.device_name],
        )?;
        db.exec("UPDATE people SET name = $2 WHERE resident_id = $1", &[&r, &plan.person_name])?;
        db.exec("DELETE FROM invites WHERE resident_id = $1", &[&r])?;
        crate::blobs::forget_docs(&mut db, &plan.documents)?;
        db.commit()?;
        // Deleted and updated rows stay in the table files as dead versions
        // until rewritten: VACUUM FULL rewrites every table that held the
        // resident's words or media (their TOAST and indexes with them). It cannot run
        // in a transaction, and holds each table's lock while it runs.
        conn.0
            .client
            .batch_execute("VACUUM FULL documents, chunks, sync_states, people, devices, invites, blob_chunks")?;
        Ok(plan.documents)
    }
}
