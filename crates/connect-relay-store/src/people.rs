//! Teams' people, written once over [`Sql`] for both backends: invites
//! (made, found, redeemed as [`crate::policy::check_invite`] allows),
//! devices and their people read back, a device revoked, a person taken off
//! their team. The [`RelayStore`](crate::RelayStore) trait's default methods
//! call these; the backends keep only what their databases do differently
//! (noting when a device was last seen without waiting for a writer).

use connect_model::{DeviceId, ResidentId, TeamId, Timestamp};

use crate::policy::{check_invite, enrolled_name};
use crate::sql::{Cell, Param, Sql};
use crate::{
    DeviceRecord, ErasedResident, Invite, InviteDetails, InviteFrom, InviteProblem, InviteRecord, Person,
    PersonRemoved, RelayStoreError, Result,
};

/// A device and its person, with `$tail` (its `WHERE`, and any `ORDER BY`)
/// appended; column 9 is the device's "last seen", for authentication.
macro_rules! device_select {
    ($tail:literal) => {
        concat!(
            "SELECT d.device_id, d.name, d.revoked_at, p.person_id, p.team_id, p.name, p.role, p.resident_id,
                    p.removed_at, d.last_seen
             FROM devices d JOIN people p ON p.person_id = d.person_id ",
            $tail
        )
    };
}

/// An invite's columns, as [`invite_from`] reads them, with `$tail` appended.
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

/// A row's cells, read in order, each as the type its column holds.
struct Cells(std::vec::IntoIter<Cell>);

impl Cells {
    fn next(&mut self) -> Result<Cell> {
        self.0.next().ok_or_else(|| RelayStoreError::BadValue("a row with fewer columns than asked for".into()))
    }

    fn text(&mut self) -> Result<String> {
        self.next()?.into_text()
    }

    fn opt_text(&mut self) -> Result<Option<String>> {
        match self.next()? {
            Cell::Null => Ok(None),
            cell => cell.into_text().map(Some),
        }
    }

    fn opt_int(&mut self) -> Result<Option<i64>> {
        match self.next()? {
            Cell::Null => Ok(None),
            cell => cell.int().map(Some),
        }
    }

    fn uuid(&mut self) -> Result<uuid::Uuid> {
        self.text()?.parse().map_err(|e: uuid::Error| RelayStoreError::BadValue(e.to_string()))
    }
}

/// A person's six columns: id, team, name, role, resident, removed.
fn person_from(cells: &mut Cells) -> Result<Person> {
    Ok(Person {
        person_id: cells.uuid()?,
        team: cells.text()?.parse()?,
        name: cells.text()?,
        role: cells.text()?.parse()?,
        resident: cells.opt_text()?.map(|r| r.parse()).transpose()?,
        removed: cells.opt_int()?.is_some(),
    })
}

/// A device and its person, as [`device_select!`] reads them, with when it was last seen.
fn device_from(row: Vec<Cell>) -> Result<(DeviceRecord, Option<i64>)> {
    let mut cells = Cells(row.into_iter());
    let device_id = cells.text()?.parse()?;
    let name = cells.text()?;
    let revoked = cells.opt_int()?.is_some();
    let person = person_from(&mut cells)?;
    Ok((DeviceRecord { device_id, person, name, revoked }, cells.opt_int()?))
}

fn invite_from(row: Vec<Cell>) -> Result<InviteRecord> {
    let mut cells = Cells(row.into_iter());
    let (invite_id, team) = (cells.uuid()?, cells.text()?.parse()?);
    let details = InviteDetails {
        invite_id,
        role: cells.text()?.parse()?,
        resident: cells.opt_text()?.map(|r| r.parse()).transpose()?,
        name: cells.opt_text()?,
        created_by: cells.opt_text()?.map(|d| d.parse()).transpose()?,
        created_at: Timestamp::from_millis(cells.next()?.int()?),
        expires_at: Timestamp::from_millis(cells.next()?.int()?),
    };
    Ok(InviteRecord {
        details,
        team,
        used_at: cells.opt_int()?.map(Timestamp::from_millis),
        cancelled_at: cells.opt_int()?.map(Timestamp::from_millis),
    })
}

/// Stores an invite (what it grants, and who it is for and from), made at
/// the first time given and working until the second.
pub(crate) fn create_invite(
    db: &mut dyn Sql,
    code_hash: &[u8],
    (invite, from): (&Invite, &InviteFrom),
    (now, expires_at): (Timestamp, Timestamp),
) -> Result<uuid::Uuid> {
    let name = from
        .name
        .as_deref()
        .map(|n| connect_model::limits::required("name", n, connect_model::limits::NAME_MAX))
        .transpose()?;
    let id = uuid::Uuid::new_v4();
    let (team, resident, created_by) =
        (invite.team.to_string(), invite.resident.map(|r| r.to_string()), from.created_by.map(|d| d.to_string()));
    db.exec(
        "INSERT INTO invites (invite_id, code_hash, team_id, role, resident_id, name, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        &[
            Param::Text(&id.to_string()),
            Param::Bytes(code_hash),
            Param::Text(&team),
            Param::Text(invite.role.as_str()),
            Param::opt_text(resident.as_deref()),
            Param::opt_text(name.as_deref()),
            Param::opt_text(created_by.as_deref()),
            Param::Int(now.millis()),
            Param::Int(expires_at.millis()),
        ],
    )?;
    Ok(id)
}

pub(crate) fn find_invite(db: &mut dyn Sql, code_hash: &[u8]) -> Result<Option<InviteRecord>> {
    db.first(invite_select!("WHERE code_hash = $1"), &[Param::Bytes(code_hash)])?.map(invite_from).transpose()
}

pub(crate) fn invite(db: &mut dyn Sql, id: uuid::Uuid) -> Result<Option<InviteRecord>> {
    db.first(invite_select!("WHERE invite_id = $1"), &[Param::Text(&id.to_string())])?.map(invite_from).transpose()
}

pub(crate) fn invites(db: &mut dyn Sql, team: TeamId) -> Result<Vec<InviteRecord>> {
    db.rows(
        invite_select!("WHERE team_id = $1 ORDER BY created_at DESC, invite_id"),
        &[Param::Text(&team.to_string())],
    )?
    .into_iter()
    .map(invite_from)
    .collect()
}

/// What a device enrolling brings ([`redeem_invite`]).
pub(crate) struct Enrolling<'a> {
    pub(crate) code_hash: &'a [u8],
    pub(crate) person_name: &'a str,
    pub(crate) device_id: DeviceId,
    pub(crate) device_name: &'a str,
    pub(crate) token_hash: &'a [u8],
    pub(crate) now: Timestamp,
}

/// Redeems an invite in one transaction (`db`): the person and the device
/// are made, and the invite is used.
pub(crate) fn redeem_invite(
    db: &mut dyn Sql,
    e: &Enrolling<'_>,
) -> Result<std::result::Result<DeviceRecord, InviteProblem>> {
    let Enrolling { code_hash, person_name, device_id, device_name, token_hash, now } = *e;
    let device_name = connect_model::limits::optional("device name", device_name, connect_model::limits::NAME_MAX)?;
    // FOR UPDATE: a second relay redeeming the same code at the same time
    // waits, then sees it used (SQLite has one writer at a time already).
    let found = if db.is_postgres() {
        db.first(invite_select!("WHERE code_hash = $1 FOR UPDATE"), &[Param::Bytes(code_hash)])?
    } else {
        db.first(invite_select!("WHERE code_hash = $1"), &[Param::Bytes(code_hash)])?
    };
    let found = found.map(invite_from).transpose()?;
    let invite = match check_invite(found.as_ref(), now) {
        Ok(invite) => invite,
        Err(problem) => return Ok(Err(problem)),
    };
    let device_key = device_id.to_string();
    if db.first("SELECT 1 FROM devices WHERE device_id = $1", &[Param::Text(&device_key)])?.is_some() {
        return Ok(Err(InviteProblem::DeviceSeen));
    }
    let name =
        connect_model::limits::required("name", enrolled_name(invite, person_name), connect_model::limits::NAME_MAX)?;
    let (person_id, team) = (uuid::Uuid::new_v4().to_string(), invite.team.to_string());
    let resident = invite.details.resident.map(|r| r.to_string());
    db.exec(
        "UPDATE invites SET used_at = $2 WHERE code_hash = $1",
        &[Param::Bytes(code_hash), Param::Int(now.millis())],
    )?;
    db.exec(
        "INSERT INTO people (person_id, team_id, name, role, resident_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            Param::Text(&person_id),
            Param::Text(&team),
            Param::Text(&name),
            Param::Text(invite.details.role.as_str()),
            Param::opt_text(resident.as_deref()),
            Param::Int(now.millis()),
        ],
    )?;
    db.exec(
        "INSERT INTO devices (device_id, person_id, team_id, name, token_hash, enrolled_at) VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            Param::Text(&device_key),
            Param::Text(&person_id),
            Param::Text(&team),
            Param::Text(&device_name),
            Param::Bytes(token_hash),
            Param::Int(now.millis()),
        ],
    )?;
    let record =
        device(db, device_id)?.ok_or_else(|| RelayStoreError::BadValue("the new device did not read back".into()))?;
    Ok(Ok(record))
}

pub(crate) fn device(db: &mut dyn Sql, device: DeviceId) -> Result<Option<DeviceRecord>> {
    Ok(db
        .first(device_select!("WHERE d.device_id = $1"), &[Param::Text(&device.to_string())])?
        .map(device_from)
        .transpose()?
        .map(|(d, _)| d))
}

/// The device a token belongs to, and when it was last seen (milliseconds).
pub(crate) fn device_by_token(db: &mut dyn Sql, token_hash: &[u8]) -> Result<Option<(DeviceRecord, Option<i64>)>> {
    db.first(device_select!("WHERE d.token_hash = $1"), &[Param::Bytes(token_hash)])?.map(device_from).transpose()
}

pub(crate) fn people(db: &mut dyn Sql, team: TeamId) -> Result<Vec<Person>> {
    db.rows(
        "SELECT person_id, team_id, name, role, resident_id, removed_at FROM people WHERE team_id = $1
         ORDER BY created_at, person_id",
        &[Param::Text(&team.to_string())],
    )?
    .into_iter()
    .map(|row| person_from(&mut Cells(row.into_iter())))
    .collect()
}

pub(crate) fn devices(db: &mut dyn Sql, team: TeamId) -> Result<Vec<DeviceRecord>> {
    db.rows(
        device_select!("WHERE d.team_id = $1 ORDER BY d.enrolled_at, d.device_id"),
        &[Param::Text(&team.to_string())],
    )?
    .into_iter()
    .map(|row| device_from(row).map(|(d, _)| d))
    .collect()
}

/// Revokes `devices`, forgets their sync states and cancels the unused
/// invites they made: (devices revoked now, invites cancelled).
pub(crate) fn revoke(db: &mut dyn Sql, devices: &[String], now: Timestamp) -> Result<(usize, usize)> {
    let (mut revoked, mut cancelled) = (0, 0);
    for device in devices {
        let (device, now) = (Param::Text(device), Param::Int(now.millis()));
        revoked +=
            db.exec("UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE device_id = $1", &[device, now])?;
        // Forget what the relay knew about the device's copies.
        db.exec("DELETE FROM sync_states WHERE device_id = $1", &[device])?;
        cancelled += db.exec(
            "UPDATE invites SET cancelled_at = $2 WHERE created_by = $1 AND used_at IS NULL AND cancelled_at IS NULL",
            &[device, now],
        )?;
    }
    let count = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    Ok((count(revoked), count(cancelled)))
}

pub(crate) fn revoke_device(db: &mut dyn Sql, device: DeviceId, now: Timestamp) -> Result<bool> {
    let (revoked, _) = revoke(db, &[device.to_string()], now)?;
    Ok(revoked > 0)
}

pub(crate) fn remove_person(db: &mut dyn Sql, person: uuid::Uuid, now: Timestamp) -> Result<Option<PersonRemoved>> {
    let p = person.to_string();
    let found = if db.is_postgres() {
        db.first("SELECT 1 FROM people WHERE person_id = $1 FOR UPDATE", &[Param::Text(&p)])?
    } else {
        db.first("SELECT 1 FROM people WHERE person_id = $1", &[Param::Text(&p)])?
    };
    if found.is_none() {
        return Ok(None);
    }
    let devices: Vec<String> = db
        .rows("SELECT device_id FROM devices WHERE person_id = $1", &[Param::Text(&p)])?
        .into_iter()
        .map(|row| Cells(row.into_iter()).text())
        .collect::<Result<_>>()?;
    let (devices_revoked, invites_cancelled) = revoke(db, &devices, now)?;
    db.exec("DELETE FROM assignments WHERE person_id = $1", &[Param::Text(&p)])?;
    db.exec(
        "UPDATE people SET removed_at = COALESCE(removed_at, $2) WHERE person_id = $1",
        &[Param::Text(&p), Param::Int(now.millis())],
    )?;
    Ok(Some(PersonRemoved { devices_revoked, invites_cancelled }))
}

pub(crate) fn erased_resident(db: &mut dyn Sql, resident: ResidentId) -> Result<Option<ErasedResident>> {
    let r = resident.to_string();
    let Some(row) = db.first("SELECT team_id FROM erased_residents WHERE resident_id = $1", &[Param::Text(&r)])? else {
        return Ok(None);
    };
    let team = Cells(row.into_iter()).text()?.parse()?;
    let assigned = db
        .rows("SELECT person_id FROM erased_access WHERE resident_id = $1", &[Param::Text(&r)])?
        .into_iter()
        .map(|row| Cells(row.into_iter()).uuid())
        .collect::<Result<_>>()?;
    Ok(Some(ErasedResident { team, assigned }))
}
