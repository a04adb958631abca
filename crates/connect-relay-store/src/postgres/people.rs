//! Teams' people on PostgreSQL: invites (checked by [`crate::policy::check_invite`]),
//! devices and their tokens, people taken off a team, and erasure (as
//! [`crate::policy::plan_erasure`] plans it).

use connect_model::{DeviceId, DocumentId, ResidentId, Timestamp};
use postgres::{IsolationLevel, Row};

use super::docs::{feed_entry, lock_team};
use super::{Client, Db, PostgresRelayStore, bad, device_from};
use crate::policy::{check_invite, enrolled_name, plan_erasure};
use crate::shared::LAST_SEEN_EVERY_MS;
use crate::{
    DeviceRecord, ErasedResident, Invite, InviteFrom, InviteProblem, InviteRecord, PersonRemoved, Result, TeamId,
};

/// An invite's columns, as [`invite_from`] reads them, with its `WHERE` appended.
macro_rules! invite_select {
    ($tail:literal) => {
        concat!(
            "SELECT invite_id, team_id, role, resident_id, name, created_by, created_at, expires_at, used_at,
                    cancelled_at
             FROM invites ",
            $tail
        )
    };
}

fn invite_from(row: &Row) -> Result<InviteRecord> {
    Ok(InviteRecord {
        invite_id: row.try_get::<_, String>(0)?.parse().map_err(bad)?,
        team: row.try_get::<_, String>(1)?.parse()?,
        role: row.try_get::<_, String>(2)?.parse()?,
        resident: row.try_get::<_, Option<String>>(3)?.map(|r| r.parse()).transpose()?,
        name: row.try_get(4)?,
        created_by: row.try_get::<_, Option<String>>(5)?.map(|d| d.parse()).transpose()?,
        created_at: Timestamp::from_millis(row.try_get(6)?),
        expires_at: Timestamp::from_millis(row.try_get(7)?),
        used_at: row.try_get::<_, Option<i64>>(8)?.map(Timestamp::from_millis),
        cancelled_at: row.try_get::<_, Option<i64>>(9)?.map(Timestamp::from_millis),
    })
}

pub(super) fn find_invite(db: &mut Db<'_, impl Client>, code_hash: &[u8]) -> Result<Option<InviteRecord>> {
    db.opt(invite_select!("WHERE code_hash = $1"), &[&code_hash])?.map(|r| invite_from(&r)).transpose()
}

/// Revokes `devices`, forgets their sync states and cancels the unused
/// invites they made: (devices revoked now, invites cancelled).
pub(super) fn revoke(
    db: &mut Db<'_, postgres::Transaction<'_>>,
    devices: &[String],
    now: Timestamp,
) -> Result<(usize, usize)> {
    let (mut revoked, mut cancelled) = (0, 0);
    for device in devices {
        revoked += db.exec(
            "UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE device_id = $1",
            &[device, &now.millis()],
        )?;
        // Forget what the relay knew about the device's copies.
        db.exec("DELETE FROM sync_states WHERE device_id = $1", &[device])?;
        cancelled += db.exec(
            "UPDATE invites SET cancelled_at = $2 WHERE created_by = $1 AND used_at IS NULL AND cancelled_at IS NULL",
            &[device, &now.millis()],
        )?;
    }
    Ok((usize::try_from(revoked).unwrap_or(usize::MAX), usize::try_from(cancelled).unwrap_or(usize::MAX)))
}

impl PostgresRelayStore {
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
        let mut conn = self.conn()?;
        conn.db().exec(
            "INSERT INTO invites (invite_id, code_hash, team_id, role, resident_id, name, created_by, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[
                &id.to_string(),
                &code_hash,
                &invite.team.to_string(),
                &invite.role.as_str(),
                &invite.resident.map(|r| r.to_string()),
                &name,
                &from.created_by.map(|d| d.to_string()),
                &now.millis(),
                &expires_at.millis(),
            ],
        )?;
        Ok(id)
    }

    pub(super) fn invite_by_id(&self, id: uuid::Uuid) -> Result<Option<InviteRecord>> {
        let mut conn = self.conn()?;
        conn.db().opt(invite_select!("WHERE invite_id = $1"), &[&id.to_string()])?.map(|r| invite_from(&r)).transpose()
    }

    pub(super) fn team_invites(&self, team: TeamId) -> Result<Vec<InviteRecord>> {
        let mut conn = self.conn()?;
        conn.db()
            .all(invite_select!("WHERE team_id = $1 ORDER BY created_at DESC, invite_id"), &[&team.to_string()])?
            .iter()
            .map(invite_from)
            .collect()
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
        let mut conn = self.conn()?;
        let mut db = conn.db().begin(IsolationLevel::ReadCommitted)?;
        // FOR UPDATE: a second relay redeeming the same code at the same time
        // waits, then sees it used.
        let found = db
            .opt(invite_select!("WHERE code_hash = $1 FOR UPDATE"), &[&code_hash])?
            .map(|r| invite_from(&r))
            .transpose()?;
        let invite = match check_invite(found.as_ref(), now) {
            Ok(invite) => invite,
            Err(problem) => return Ok(Err(problem)),
        };
        let device_key = device_id.to_string();
        if db.opt("SELECT 1 FROM devices WHERE device_id = $1", &[&device_key])?.is_some() {
            return Ok(Err(InviteProblem::DeviceSeen));
        }
        let name = connect_model::limits::required(
            "name",
            enrolled_name(invite, person_name),
            connect_model::limits::NAME_MAX,
        )?;
        let (person_id, team) = (uuid::Uuid::new_v4().to_string(), invite.team.to_string());
        let resident = invite.resident.map(|r| r.to_string());
        db.exec("UPDATE invites SET used_at = $2 WHERE code_hash = $1", &[&code_hash, &now.millis()])?;
        db.exec(
            "INSERT INTO people (person_id, team_id, name, role, resident_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            &[&person_id, &team, &name, &invite.role.as_str(), &resident, &now.millis()],
        )?;
        db.exec(
            "INSERT INTO devices (device_id, person_id, team_id, name, token_hash, enrolled_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[&device_key, &person_id, &team, &device_name, &token_hash, &now.millis()],
        )?;
        let record = device_from(&db.one(super::device_select!("WHERE d.device_id = $1"), &[&device_key])?)?;
        db.commit()?;
        Ok(Ok(record))
    }

    pub(super) fn device_by_token_in(&self, token_hash: &[u8], now: Timestamp) -> Result<Option<DeviceRecord>> {
        let mut conn = self.conn()?;
        let mut db = conn.db();
        let Some(row) = db.opt(super::device_select!("WHERE d.token_hash = $1"), &[&token_hash])? else {
            return Ok(None);
        };
        // One read on every request: the device, its person and when it was last seen.
        let found = device_from(&row)?;
        let key = found.device_id.to_string();
        let last: Option<i64> = row.try_get(9)?;
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

    pub(super) fn remove_person_in(&self, person: uuid::Uuid, now: Timestamp) -> Result<Option<PersonRemoved>> {
        let p = person.to_string();
        let mut conn = self.conn()?;
        let mut db = conn.db().begin(IsolationLevel::ReadCommitted)?;
        if db.opt("SELECT 1 FROM people WHERE person_id = $1 FOR UPDATE", &[&p])?.is_none() {
            return Ok(None);
        }
        let devices: Vec<String> = db
            .all("SELECT device_id FROM devices WHERE person_id = $1", &[&p])?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<std::result::Result<_, _>>()?;
        let (devices_revoked, invites_cancelled) = revoke(&mut db, &devices, now)?;
        db.exec("DELETE FROM assignments WHERE person_id = $1", &[&p])?;
        db.exec("UPDATE people SET removed_at = COALESCE(removed_at, $2) WHERE person_id = $1", &[&p, &now.millis()])?;
        db.commit()?;
        Ok(Some(PersonRemoved { devices_revoked, invites_cancelled }))
    }

    pub(super) fn erased_resident_in(&self, resident: ResidentId) -> Result<Option<ErasedResident>> {
        let mut conn = self.conn()?;
        let mut db = conn.db();
        let r = resident.to_string();
        let Some(row) = db.opt("SELECT team_id FROM erased_residents WHERE resident_id = $1", &[&r])? else {
            return Ok(None);
        };
        let assigned = db
            .all("SELECT person_id FROM erased_access WHERE resident_id = $1", &[&r])?
            .iter()
            .map(|row| row.try_get::<_, String>(0)?.parse().map_err(bad))
            .collect::<Result<_>>()?;
        Ok(Some(ErasedResident { team: row.try_get::<_, String>(0)?.parse()?, assigned }))
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
