//! Team administration shared by the `connect-relay` command and the
//! coordinator API: teams, invites, assignments, revocation, erasure.

use chrono::Duration;
use connect_model::{Author, AuthorRole, DeviceId, EditContext, ResidentId, TeamId, Timestamp, directory};
use connect_relay_store::{Invite, RelayStore};

use crate::RelayError;
use crate::auth;

/// How long an invite lasts unless told otherwise.
pub const DEFAULT_INVITE_HOURS: i64 = 7 * 24;

/// A new invite, as shown to the person who asked for it.
pub type IssuedInvite = connect_sync::api::InviteResponse;

/// A team by id, by name (any letter case), by the start of its name, or by
/// an id prefix, as `connect` finds residents: the most specific reading
/// wins, and a name more than one team has is refused with each listed.
pub fn find_team(db: &(impl RelayStore + ?Sized), given: &str) -> Result<TeamId, RelayError> {
    if let Ok(id) = given.parse::<TeamId>() {
        return Ok(id);
    }
    let teams = db.teams()?;
    let wanted = given.trim().to_lowercase();
    let exact: Vec<_> = teams.iter().filter(|(_, name)| name.trim().to_lowercase() == wanted).collect();
    let starts: Vec<_> = teams
        .iter()
        .filter(|(_, name)| !wanted.is_empty() && name.trim().to_lowercase().starts_with(&wanted))
        .collect();
    let id_prefix: Vec<_> =
        teams.iter().filter(|(id, _)| !wanted.is_empty() && id.to_string().starts_with(&wanted)).collect();
    let matches = [exact, starts, id_prefix].into_iter().find(|m| !m.is_empty()).unwrap_or_default();
    match matches.as_slice() {
        [(id, _)] => Ok(*id),
        [] => Err(RelayError::NotFound(format!("no team {given:?}; `connect-relay team list` shows the teams"))),
        many => Err(RelayError::BadRequest(format!(
            "{given:?} matches {} teams ({}); use the id",
            many.len(),
            many.iter().map(|(id, name)| format!("{name} {id}")).collect::<Vec<_>>().join(", ")
        ))),
    }
}

/// Creates a team with its directory document and a first coordinator invite.
pub fn create_team(db: &(impl RelayStore + ?Sized), name: &str, now: Timestamp) -> Result<IssuedInvite, RelayError> {
    let team = TeamId::random();
    // The relay creates the directory itself, once, so devices never race to.
    let relay_device = DeviceId::from(uuid::Uuid::nil());
    let ctx = EditContext::new(Author::new(AuthorRole::Coordinator, "relay", relay_device), now);
    let dir = directory::create(&connect_model::actor_for(relay_device, 0), team, &ctx)
        .map_err(|e| RelayError::Internal(e.to_string()))?;
    db.create_team(name, &dir, now)?;
    create_invite(db, team, AuthorRole::Coordinator, None, DEFAULT_INVITE_HOURS, now)
}

/// Issues a one-time invite.
pub fn create_invite(
    db: &(impl RelayStore + ?Sized),
    team: TeamId,
    role: AuthorRole,
    resident: Option<ResidentId>,
    hours: i64,
    now: Timestamp,
) -> Result<IssuedInvite, RelayError> {
    if !db.teams()?.iter().any(|(t, _)| *t == team) {
        return Err(RelayError::NotFound(format!("no team {team}")));
    }
    match (role, resident) {
        (AuthorRole::Resident, None) => {
            return Err(RelayError::BadRequest("a resident invite must name the resident (--resident ID)".into()));
        }
        (AuthorRole::Resident, Some(r)) if db.resident_team(r)?.is_some_and(|t| t != team) => {
            return Err(RelayError::NotFound(format!("resident {r} is not on this team")));
        }
        (AuthorRole::Supporter | AuthorRole::Coordinator, Some(_)) => {
            return Err(RelayError::BadRequest("only resident invites name a resident".into()));
        }
        _ => {}
    }
    if !(1..=24 * 90).contains(&hours) {
        return Err(RelayError::BadRequest("an invite lasts between 1 hour and 90 days".into()));
    }
    let code = auth::new_invite_code();
    let expires_at = Timestamp::new(now.to_datetime() + Duration::hours(hours));
    db.create_invite(&auth::hash_invite(&code), &Invite { team, role, resident }, now, expires_at)?;
    Ok(IssuedInvite { code, team, role, resident, expires_at })
}

/// Assigns a resident to a person on the same team. The resident's documents
/// go back to the head of the feed so the person's devices receive them at
/// their next sync.
pub fn assign(
    db: &(impl RelayStore + ?Sized),
    team: TeamId,
    resident: ResidentId,
    person: uuid::Uuid,
    now: Timestamp,
) -> Result<(), RelayError> {
    if !db.people(team)?.iter().any(|p| p.person_id == person && p.role != AuthorRole::Resident) {
        return Err(RelayError::NotFound(format!("no supporter or coordinator {person} on this team")));
    }
    match db.resident_team(resident)? {
        Some(t) if t == team => {}
        _ => return Err(RelayError::NotFound(format!("resident {resident} is not on this team (has it synced yet?)"))),
    }
    db.assign(resident, person)?;
    for kind in connect_model::DocKind::RESIDENT_KINDS {
        db.touch(connect_model::DocumentId::resident(resident, kind), now)?;
    }
    Ok(())
}
