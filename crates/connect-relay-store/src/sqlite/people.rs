//! Teams' people on SQLite: invites (checked by [`crate::policy::check_invite`]),
//! devices and their tokens, people taken off a team, and erasure (as
//! [`crate::policy::plan_erasure`] plans it).

use connect_model::{DeviceId, ResidentId, Timestamp};
use rusqlite::{Connection, OptionalExtension, params};

use super::{DEVICE_SELECT, SqliteRelayStore, bad, device_from};
use crate::policy::{check_invite, enrolled_name, plan_erasure};
use crate::shared::LAST_SEEN_EVERY_MS;
use crate::{
    DeviceRecord, ErasedResident, Invite, InviteFrom, InviteProblem, InviteRecord, PersonRemoved, Result, TeamId,
};

/// An invite's columns, as [`invite_from`] reads them.
const INVITE_SELECT: &str = "SELECT invite_id, team_id, role, resident_id, name, created_by, created_at, expires_at,
            used_at, cancelled_at
     FROM invites";

fn invite_from(row: &rusqlite::Row<'_>) -> rusqlite::Result<InviteRecord> {
    Ok(InviteRecord {
        invite_id: row.get::<_, String>(0)?.parse().map_err(bad)?,
        team: row.get::<_, String>(1)?.parse().map_err(bad)?,
        role: row.get::<_, String>(2)?.parse().map_err(bad)?,
        resident: row.get::<_, Option<String>>(3)?.map(|v| v.parse().map_err(bad)).transpose()?,
        name: row.get(4)?,
        created_by: row.get::<_, Option<String>>(5)?.map(|v| v.parse().map_err(bad)).transpose()?,
        created_at: Timestamp::from_millis(row.get(6)?),
        expires_at: Timestamp::from_millis(row.get(7)?),
        used_at: row.get::<_, Option<i64>>(8)?.map(Timestamp::from_millis),
        cancelled_at: row.get::<_, Option<i64>>(9)?.map(Timestamp::from_millis),
    })
}

pub(super) fn find_invite(conn: &Connection, code_hash: &[u8]) -> Result<Option<InviteRecord>> {
    Ok(conn
        .prepare_cached(&format!("{INVITE_SELECT} WHERE code_hash = ?1"))?
        .query_row([code_hash], invite_from)
        .optional()?)
}

/// Revokes `devices`, forgets their sync states and cancels the unused
/// invites they made: (devices revoked now, invites cancelled).
pub(super) fn revoke(tx: &rusqlite::Transaction<'_>, devices: &[String], now: Timestamp) -> Result<(usize, usize)> {
    let (mut revoked, mut cancelled) = (0, 0);
    for device in devices {
        revoked += tx.execute(
            "UPDATE devices SET revoked_at = COALESCE(revoked_at, ?2) WHERE device_id = ?1",
            params![device, now.millis()],
        )?;
        // Forget what the relay knew about the device's copies.
        tx.execute("DELETE FROM sync_states WHERE device_id = ?1", [device])?;
        cancelled += tx.execute(
            "UPDATE invites SET cancelled_at = ?2 WHERE created_by = ?1 AND used_at IS NULL AND cancelled_at IS NULL",
            params![device, now.millis()],
        )?;
    }
    Ok((revoked, cancelled))
}

pub(super) fn erased_resident(conn: &Connection, resident: ResidentId) -> Result<Option<ErasedResident>> {
    let r = resident.to_string();
    let Some(team) = conn
        .prepare_cached("SELECT team_id FROM erased_residents WHERE resident_id = ?1")?
        .query_row([&r], |row| row.get::<_, String>(0))
        .optional()?
    else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached("SELECT person_id FROM erased_access WHERE resident_id = ?1")?;
    let assigned = stmt.query_map([&r], |row| row.get::<_, String>(0)?.parse().map_err(bad))?;
    Ok(Some(ErasedResident { team: team.parse()?, assigned: assigned.collect::<rusqlite::Result<_>>()? }))
}

impl SqliteRelayStore {
    pub(super) fn create_invite_in(
        &self,
        code_hash: &[u8],
        invite: &Invite,
        from: &InviteFrom,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> Result<uuid::Uuid> {
        let name = from
            .name
            .as_deref()
            .map(|n| connect_model::limits::required("name", n, connect_model::limits::NAME_MAX))
            .transpose()?;
        let id = uuid::Uuid::new_v4();
        self.conn()?.execute(
            "INSERT INTO invites (invite_id, code_hash, team_id, role, resident_id, name, created_by, created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                id.to_string(),
                code_hash,
                invite.team.to_string(),
                invite.role.as_str(),
                invite.resident.map(|r| r.to_string()),
                name,
                from.created_by.map(|d| d.to_string()),
                now.millis(),
                expires_at.millis()
            ],
        )?;
        Ok(id)
    }

    pub(super) fn invite_by_id(&self, id: uuid::Uuid) -> Result<Option<InviteRecord>> {
        let conn = self.conn()?;
        Ok(conn
            .query_row(&format!("{INVITE_SELECT} WHERE invite_id = ?1"), [id.to_string()], invite_from)
            .optional()?)
    }

    pub(super) fn team_invites(&self, team: TeamId) -> Result<Vec<InviteRecord>> {
        let conn = self.conn()?;
        let mut stmt =
            conn.prepare(&format!("{INVITE_SELECT} WHERE team_id = ?1 ORDER BY created_at DESC, invite_id"))?;
        let rows = stmt.query_map([team.to_string()], invite_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(super) fn redeem_invite_in(
        &self,
        code_hash: &[u8],
        person_name: &str,
        device_id: DeviceId,
        device_name: &str,
        token_hash: &[u8],
        now: Timestamp,
    ) -> Result<std::result::Result<DeviceRecord, InviteProblem>> {
        let device_name = connect_model::limits::optional("device name", device_name, connect_model::limits::NAME_MAX)?;
        self.write(|tx| {
            let found = find_invite(tx, code_hash)?;
            let invite = match check_invite(found.as_ref(), now) {
                Ok(invite) => invite,
                Err(problem) => return Ok(Err(problem)),
            };
            let device_key = device_id.to_string();
            let seen = tx.query_row("SELECT 1 FROM devices WHERE device_id = ?1", [&device_key], |_| Ok(())).optional()?;
            if seen.is_some() {
                return Ok(Err(InviteProblem::DeviceSeen));
            }
            let name = connect_model::limits::required(
                "name",
                enrolled_name(invite, person_name),
                connect_model::limits::NAME_MAX,
            )?;
            let (person_id, team) = (uuid::Uuid::new_v4().to_string(), invite.team.to_string());
            tx.execute("UPDATE invites SET used_at = ?2 WHERE code_hash = ?1", params![code_hash, now.millis()])?;
            tx.execute(
                "INSERT INTO people (person_id, team_id, name, role, resident_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![person_id, team, name, invite.role.as_str(), invite.resident.map(|r| r.to_string()), now.millis()],
            )?;
            tx.execute(
                "INSERT INTO devices (device_id, person_id, team_id, name, token_hash, enrolled_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![device_key, person_id, team, device_name, token_hash, now.millis()],
            )?;
            Ok(Ok(tx.query_row(&format!("{DEVICE_SELECT} WHERE d.device_id = ?1"), [&device_key], device_from)?))
        })
    }

    pub(super) fn device_by_token_in(&self, token_hash: &[u8], now: Timestamp) -> Result<Option<DeviceRecord>> {
        let conn = self.conn()?;
        // One read on every request: the device, its person and when it was last seen.
        let found = conn
            .prepare_cached(&format!("{DEVICE_SELECT} WHERE d.token_hash = ?1"))?
            .query_row([token_hash], |r| Ok((device_from(r)?, r.get::<_, Option<i64>>(9)?)))
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

    pub(super) fn remove_person_in(&self, person: uuid::Uuid, now: Timestamp) -> Result<Option<PersonRemoved>> {
        let p = person.to_string();
        self.write(|tx| {
            let found = tx.query_row("SELECT 1 FROM people WHERE person_id = ?1", [&p], |_| Ok(())).optional()?;
            if found.is_none() {
                return Ok(None);
            }
            let devices: Vec<String> = tx
                .prepare("SELECT device_id FROM devices WHERE person_id = ?1")?
                .query_map([&p], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let (devices_revoked, invites_cancelled) = revoke(tx, &devices, now)?;
            tx.execute("DELETE FROM assignments WHERE person_id = ?1", [&p])?;
            tx.execute(
                "UPDATE people SET removed_at = COALESCE(removed_at, ?2) WHERE person_id = ?1",
                params![p, now.millis()],
            )?;
            Ok(Some(PersonRemoved { devices_revoked, invites_cancelled }))
        })
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
