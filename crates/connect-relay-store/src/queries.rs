//! The [`RelayStore`](crate::RelayStore) calls that are the same SQL on both
//! backends, written once over [`Sql`]: the trait's default methods call
//! these, and neither backend implements them again.

use connect_model::{DeviceId, DocumentId, ResidentId, TeamId, Timestamp};

use crate::Result;
use crate::sql::{Cell, Param, Sql};

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// The first cell of the first row, if any.
fn first_cell(db: &mut dyn Sql, sql: &'static str, params: &[Param<'_>]) -> Result<Option<Cell>> {
    Ok(db.first(sql, params)?.and_then(|row| row.into_iter().next()))
}

pub(crate) fn teams(db: &mut dyn Sql) -> Result<Vec<(TeamId, String)>> {
    db.rows("SELECT team_id, name FROM teams ORDER BY created_at, team_id", &[])?
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter();
            let (Some(id), Some(name)) = (cells.next(), cells.next()) else {
                return Err(crate::RelayStoreError::BadValue("a team row without its columns".into()));
            };
            Ok((id.into_text()?.parse()?, name.into_text()?))
        })
        .collect()
}

pub(crate) fn cancel_invite(db: &mut dyn Sql, id: uuid::Uuid, now: Timestamp) -> Result<bool> {
    let n = db.exec(
        "UPDATE invites SET cancelled_at = $2 WHERE invite_id = $1 AND used_at IS NULL AND cancelled_at IS NULL",
        &[Param::Text(&id.to_string()), Param::Int(now.millis())],
    )?;
    Ok(n > 0)
}

pub(crate) fn assign(db: &mut dyn Sql, resident: ResidentId, person: uuid::Uuid) -> Result<()> {
    db.exec(
        "INSERT INTO assignments (resident_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        &[Param::Text(&resident.to_string()), Param::Text(&person.to_string())],
    )?;
    Ok(())
}

pub(crate) fn unassign(db: &mut dyn Sql, resident: ResidentId, person: uuid::Uuid) -> Result<bool> {
    let n = db.exec(
        "DELETE FROM assignments WHERE resident_id = $1 AND person_id = $2",
        &[Param::Text(&resident.to_string()), Param::Text(&person.to_string())],
    )?;
    Ok(n > 0)
}

pub(crate) fn assignments(db: &mut dyn Sql, person: uuid::Uuid) -> Result<Vec<ResidentId>> {
    db.rows("SELECT resident_id FROM assignments WHERE person_id = $1", &[Param::Text(&person.to_string())])?
        .into_iter()
        .filter_map(|row| row.into_iter().next())
        .map(|cell| Ok(cell.into_text()?.parse()?))
        .collect()
}

pub(crate) fn resident_team(db: &mut dyn Sql, resident: ResidentId) -> Result<Option<TeamId>> {
    first_cell(db, "SELECT team_id FROM residents WHERE resident_id = $1", &[Param::Text(&resident.to_string())])?
        .map(|cell| Ok(cell.into_text()?.parse()?))
        .transpose()
}

pub(crate) fn register_resident(
    db: &mut dyn Sql,
    resident: ResidentId,
    team: TeamId,
    person: uuid::Uuid,
    now: Timestamp,
) -> Result<()> {
    let (r, p) = (resident.to_string(), person.to_string());
    db.exec(
        "INSERT INTO residents (resident_id, team_id, created_by, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING",
        &[Param::Text(&r), Param::Text(&team.to_string()), Param::Text(&p), Param::Int(now.millis())],
    )?;
    assign(db, resident, person)
}

pub(crate) fn is_erased(db: &mut dyn Sql, id: DocumentId) -> Result<bool> {
    Ok(db.first("SELECT 1 FROM erased WHERE doc_id = $1", &[Param::Text(&id.to_string())])?.is_some())
}

pub(crate) fn sync_state(db: &mut dyn Sql, device: DeviceId, id: DocumentId) -> Result<Option<Vec<u8>>> {
    first_cell(
        db,
        "SELECT state FROM sync_states WHERE device_id = $1 AND doc_id = $2",
        &[Param::Text(&device.to_string()), Param::Text(&id.to_string())],
    )?
    .map(Cell::into_bytes)
    .transpose()
}

pub(crate) fn set_sync_state(db: &mut dyn Sql, device: DeviceId, id: DocumentId, state: Option<&[u8]>) -> Result<()> {
    let (d, k) = (device.to_string(), id.to_string());
    match state {
        Some(s) => db.exec(
            "INSERT INTO sync_states (device_id, doc_id, state, assumed_round) VALUES ($1, $2, $3, NULL)
             ON CONFLICT (device_id, doc_id) DO UPDATE SET state = EXCLUDED.state, assumed_round = NULL",
            &[Param::Text(&d), Param::Text(&k), Param::Bytes(s)],
        )?,
        None => db.exec(
            "DELETE FROM sync_states WHERE device_id = $1 AND doc_id = $2",
            &[Param::Text(&d), Param::Text(&k)],
        )?,
    };
    Ok(())
}

pub(crate) fn counts(db: &mut dyn Sql) -> Result<(u64, u64, u64)> {
    let row = db
        .first(
            "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM devices WHERE revoked_at IS NULL),
                    (SELECT COUNT(*) FROM teams)",
            &[],
        )?
        .unwrap_or_default();
    let at = |i: usize| row.get(i).map_or(Ok(0), Cell::int).map(count);
    Ok((at(0)?, at(1)?, at(2)?))
}

pub(crate) fn team_bytes(db: &mut dyn Sql, team: TeamId) -> Result<u64> {
    let found = first_cell(db, "SELECT stored_bytes FROM teams WHERE team_id = $1", &[Param::Text(&team.to_string())])?;
    Ok(found.map(|c| c.int()).transpose()?.map_or(0, count))
}
