//! Teams' people on SQLite: invites (checked by [`crate::policy::check_invite`]),
//! devices and their tokens, people taken off a team, and erasure (as
//! [`crate::policy::plan_erasure`] plans it).

use connect_model::{ResidentId, Timestamp};
use rusqlite::{OptionalExtension, params};

use super::SqliteRelayStore;
use crate::policy::plan_erasure;
use crate::shared::LAST_SEEN_EVERY_MS;
use crate::{DeviceRecord, Result};

impl SqliteRelayStore {
    pub(super) fn device_by_token_in(&self, token_hash: &[u8], now: Timestamp) -> Result<Option<DeviceRecord>> {
        let conn = self.conn()?;
        // One read on every request: the device, its person and when it was last seen.
        let found = crate::people::device_by_token(&mut super::ConnRef(&conn), token_hash)?;
        if let Some((d, last)) = &found {
            let (key, last) = (d.device_id.to_string(), *last);
            // "Last seen" is a coarse, best-effort note: written at most every
            // few minutes, and never by waiting for another writer, so that
            // authenticating a request stays a read.
            if last.is_none_or(|l| now.millis() - l > LAST_SEEN_EVERY_MS) {
                conn.busy_timeout(std::time::Duration::ZERO)?;
                let noted =
                    conn.execute("UPDATE devices SET last_seen = ?2 WHERE device_id = ?1", params![key, now.millis()]);
                conn.busy_timeout(super::BUSY_TIMEOUT)?;
                match noted {
                    Ok(_) => {}
                    Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::DatabaseBusy => {}
                    Err(e) => return Err(e.into()),
                }
            }
        }
        Ok(found.map(|(d, _)| d))
    }

    pub(super) fn erase_resident_in(
        &self,
        resident: ResidentId,
        now: Timestamp,
    ) -> Result<Vec<connect_model::DocumentId>> {
        let r = resident.to_string();
        let plan = plan_erasure(resident);
        let erased = self.write(|tx| {
            let team: Option<String> = tx
                .query_row(
                    "SELECT team_id FROM residents WHERE resident_id = ?1
                     UNION ALL SELECT team_id FROM documents WHERE resident_id = ?1 LIMIT 1",
                    [&r],
                    |row| row.get(0),
                )
                .optional()?;
            let Some(team) = team else { return Ok(Vec::new()) };
            let mut freed: i64 = 0;
            for id in &plan.documents {
                let key = id.to_string();
                freed += tx
                    .query_row("SELECT length(snapshot) + chunk_bytes FROM documents WHERE doc_id = ?1", [&key], |row| {
                        row.get::<_, i64>(0)
                    })
                    .optional()?
                    .unwrap_or(0);
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
            tx.execute("UPDATE teams SET stored_bytes = MAX(0, stored_bytes - ?2) WHERE team_id = ?1", params![team, freed])?;
            tx.execute("INSERT OR IGNORE INTO erased_residents (resident_id, team_id) VALUES (?1, ?2)", [&r, &team])?;
            tx.execute(
                "INSERT OR IGNORE INTO erased_access (resident_id, person_id) SELECT resident_id, person_id FROM assignments WHERE resident_id = ?1",
                [&r],
            )?;
            tx.execute("DELETE FROM assignments WHERE resident_id = ?1", [&r])?;
            tx.execute("DELETE FROM residents WHERE resident_id = ?1", [&r])?;
            crate::blobs::forget_docs(&mut super::ConnRef(tx), &plan.documents)?;
            // The resident's own devices: revoked (so their next contact wipes
            // them), and the resident's name goes from every row that held it.
            tx.execute(
                "UPDATE devices SET revoked_at = COALESCE(revoked_at, ?2), name = ?3
                 WHERE person_id IN (SELECT person_id FROM people WHERE resident_id = ?1)",
                params![r, now.millis(), plan.device_name],
            )?;
            tx.execute("UPDATE people SET name = ?2 WHERE resident_id = ?1", params![r, plan.person_name])?;
            tx.execute("DELETE FROM invites WHERE resident_id = ?1", [&r])?;
            Ok(plan.documents.clone())
        })?;
        if !erased.is_empty() {
            self.conn()?.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(erased)
    }
}
