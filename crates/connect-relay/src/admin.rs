//! Team administration shared by the `connect-relay` command and the
//! coordinator API: teams, invites (made, listed, cancelled), assignments
//! (made and ended), people taken off a team.

use chrono::Duration;
use connect_model::{Author, AuthorRole, DeviceId, EditContext, ResidentId, TeamId, Timestamp, directory};
use connect_relay_store::{Invite, InviteFrom, InviteRecord, PersonRemoved, RelayStore};
use connect_sync::api::{InviteInfo, InviteState};

use crate::RelayError;
use crate::auth;

/// How long an invite lasts unless told otherwise: three days.
pub const DEFAULT_INVITE_HOURS: i64 = 72;
/// The longest an invite may last: a week.
pub const MAX_INVITE_HOURS: i64 = 7 * 24;

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

/// Issues a one-time invite on the relay's command line, for a person the
/// enrolling device names.
pub fn create_invite(
    db: &(impl RelayStore + ?Sized),
    team: TeamId,
    role: AuthorRole,
    resident: Option<ResidentId>,
    hours: i64,
    now: Timestamp,
) -> Result<IssuedInvite, RelayError> {
    create_invite_from(db, team, role, resident, hours, &InviteFrom::default(), now)
}

/// Issues a one-time invite, for the person `from` names (if it does), made
/// by the device it says (if any).
pub fn create_invite_from(
    db: &(impl RelayStore + ?Sized),
    team: TeamId,
    role: AuthorRole,
    resident: Option<ResidentId>,
    hours: i64,
    from: &InviteFrom,
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
    if !(1..=MAX_INVITE_HOURS).contains(&hours) {
        return Err(RelayError::BadRequest("an invite lasts between 1 hour and 7 days (168 hours)".into()));
    }
    let name = from.name.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    let from = InviteFrom { name, created_by: from.created_by };
    if let Some(name) = &from.name {
        connect_model::limits::required("name", name, connect_model::limits::NAME_MAX)
            .map_err(|e| RelayError::BadRequest(e.to_string()))?;
    }
    let code = auth::new_invite_code();
    let expires_at = Timestamp::new(now.to_datetime() + Duration::hours(hours));
    let invite_id =
        db.create_invite_from(&auth::hash_invite(&code), &Invite { team, role, resident }, &from, now, expires_at)?;
    Ok(IssuedInvite { invite_id, code, team, role, resident, expires_at })
}

/// Where an invite stands at `now`.
#[must_use]
pub fn invite_state(invite: &InviteRecord, now: Timestamp) -> InviteState {
    match connect_relay_store::policy::check_invite(Some(invite), now) {
        Ok(_) => InviteState::Pending,
        Err(connect_relay_store::InviteProblem::Used) => InviteState::Used,
        Err(connect_relay_store::InviteProblem::Cancelled) => InviteState::Cancelled,
        Err(_) => InviteState::Expired,
    }
}

/// A team's invites as a coordinator sees them (never their codes), newest first.
pub fn invites(db: &(impl RelayStore + ?Sized), team: TeamId, now: Timestamp) -> Result<Vec<InviteInfo>, RelayError> {
    Ok(db.invites(team)?.into_iter().map(|i| InviteInfo { state: invite_state(&i, now), details: i.details }).collect())
}

/// Cancels an unused invite, of `team` if one is given (a coordinator may
/// cancel only their own team's).
pub fn cancel_invite(
    db: &(impl RelayStore + ?Sized),
    team: Option<TeamId>,
    id: uuid::Uuid,
    now: Timestamp,
) -> Result<(), RelayError> {
    let found = db.invite(id)?.filter(|i| team.is_none_or(|t| t == i.team));
    let Some(invite) = found else { return Err(RelayError::NotFound(format!("no invite {id}"))) };
    match invite_state(&invite, now) {
        InviteState::Pending | InviteState::Expired if db.cancel_invite(id, now)? => Ok(()),
        InviteState::Used => {
            Err(RelayError::BadRequest("that invite was used already: revoke the device instead".into()))
        }
        _ => Err(RelayError::BadRequest("that invite was cancelled already".into())),
    }
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
    if !db.people(team)?.iter().any(|p| p.person_id == person && p.role != AuthorRole::Resident && !p.removed) {
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

/// Ends an assignment of a resident to a person of the team. The person's
/// devices stop receiving the resident's documents.
pub fn unassign(
    db: &(impl RelayStore + ?Sized),
    team: TeamId,
    resident: ResidentId,
    person: uuid::Uuid,
) -> Result<(), RelayError> {
    if db.resident_team(resident)? != Some(team) {
        return Err(RelayError::NotFound(format!("resident {resident} is not on this team")));
    }
    if !db.unassign(resident, person)? {
        return Err(RelayError::NotFound(format!("{person} is not assigned to resident {resident}")));
    }
    Ok(())
}

/// Takes a person off the team: their devices are revoked (each wipes
/// itself at its next contact), the invites those made are cancelled,
/// their assignments end; their name stays in the audit trail.
pub fn remove_person(
    db: &(impl RelayStore + ?Sized),
    team: TeamId,
    person: uuid::Uuid,
    now: Timestamp,
) -> Result<PersonRemoved, RelayError> {
    if !db.people(team)?.iter().any(|p| p.person_id == person) {
        return Err(RelayError::NotFound(format!("no person {person} on this team")));
    }
    db.remove_person(person, now)?.ok_or_else(|| RelayError::NotFound(format!("no person {person} on this team")))
}
