//! The coordinator's endpoints: invites (made for a named person, listed,
//! cancelled), assignments (made and ended), people (listed, taken off the
//! team) and devices (revoked). Each answers only within the caller's team.

use axum::Json;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use connect_model::{AuthorRole, DeviceId};
use connect_relay_store::{DeviceRecord, InviteFrom};
use connect_sync::api::{
    AssignRequest, InviteRequest, InviteResponse, InvitesResponse, PeopleResponse, PersonRemovedResponse,
};

use crate::api::{AppState, device_body, now};
use crate::{RelayError, admin};

/// The caller's device, which must be a coordinator's: every endpoint here
/// answers only a coordinator, and only within their own team. Read from the
/// device the token middleware found (no device there: not signed in).
pub(crate) struct Coordinator(DeviceRecord);

impl<S: Send + Sync> FromRequestParts<S> for Coordinator {
    type Rejection = RelayError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, RelayError> {
        let device = parts.extensions.get::<DeviceRecord>().cloned().ok_or(RelayError::Unauthorised)?;
        if device.person.role == AuthorRole::Coordinator {
            Ok(Self(device))
        } else {
            Err(RelayError::Forbidden("only a coordinator can do this".into()))
        }
    }
}

fn parse<T: std::str::FromStr>(what: &str, id: &str) -> Result<T, RelayError> {
    id.parse().map_err(|_| RelayError::BadRequest(format!("{id:?} is not a {what} id")))
}

/// `POST /v1/invites`: an invite for the person the coordinator names.
pub(crate) async fn invite(
    State(state): State<AppState>,
    Coordinator(device): Coordinator,
    Json(req): Json<InviteRequest>,
) -> Result<Json<InviteResponse>, RelayError> {
    // The coordinator names the person: the enrolling phone never names
    // itself in the team's records.
    let name = connect_sync::api::invite_name(req.name.as_deref());
    if name.is_none() {
        return Err(RelayError::BadRequest(connect_sync::api::INVITE_NEEDS_A_NAME.into()));
    }
    let team = device.person.team;
    let from = InviteFrom { name, created_by: Some(device.device_id) };
    let hours = req.hours.unwrap_or(admin::DEFAULT_INVITE_HOURS);
    let issued = state
        .with_db(move |db| admin::create_invite_from(db, team, req.role, req.resident, hours, &from, now()))
        .await?;
    tracing::info!(invite = %issued.invite_id, by = %device.device_id, role = %issued.role, "invite made");
    Ok(Json(issued))
}

/// `GET /v1/invites`: the team's invites, newest first, never their codes.
pub(crate) async fn invites(
    State(state): State<AppState>,
    Coordinator(device): Coordinator,
) -> Result<Json<InvitesResponse>, RelayError> {
    let team = device.person.team;
    let invites = state.with_db(move |db| admin::invites(db, team, now())).await?;
    Ok(Json(InvitesResponse { invites }))
}

/// `POST /v1/invites/{id}/cancel`.
pub(crate) async fn cancel_invite(
    State(state): State<AppState>,
    Coordinator(device): Coordinator,
    Path(id): Path<String>,
) -> Result<StatusCode, RelayError> {
    let id: uuid::Uuid = parse("invite", &id)?;
    let team = device.person.team;
    state.with_db(move |db| admin::cancel_invite(db, Some(team), id, now())).await?;
    tracing::info!(invite = %id, by = %device.device_id, "invite cancelled");
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /v1/assignments`.
pub(crate) async fn assign(
    State(state): State<AppState>,
    Coordinator(device): Coordinator,
    Json(req): Json<AssignRequest>,
) -> Result<StatusCode, RelayError> {
    let team = device.person.team;
    state.with_db(move |db| admin::assign(db, team, req.resident, req.person, now())).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /v1/assignments/remove`.
pub(crate) async fn unassign(
    State(state): State<AppState>,
    Coordinator(device): Coordinator,
    Json(req): Json<AssignRequest>,
) -> Result<StatusCode, RelayError> {
    let team = device.person.team;
    state.with_db(move |db| admin::unassign(db, team, req.resident, req.person)).await?;
    tracing::info!(resident = %req.resident, person = %req.person, by = %device.device_id, "assignment ended");
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /v1/people`.
pub(crate) async fn people(
    State(state): State<AppState>,
    Coordinator(device): Coordinator,
) -> Result<Json<PeopleResponse>, RelayError> {
    let team = device.person.team;
    let (people, devices) = state.with_db(move |db| Ok((db.people(team)?, db.devices(team)?))).await?;
    Ok(Json(PeopleResponse { people, devices: devices.into_iter().map(device_body).collect() }))
}

/// `POST /v1/people/{id}/remove`.
pub(crate) async fn remove_person(
    State(state): State<AppState>,
    Coordinator(device): Coordinator,
    Path(id): Path<String>,
) -> Result<Json<PersonRemovedResponse>, RelayError> {
    let person: uuid::Uuid = parse("person", &id)?;
    if person == device.person.person_id {
        return Err(RelayError::BadRequest("a coordinator cannot take themselves off the team".into()));
    }
    let team = device.person.team;
    let gone = state.with_db(move |db| admin::remove_person(db, team, person, now())).await?;
    tracing::info!(%person, by = %device.device_id, devices = gone.devices_revoked, "person removed");
    Ok(Json(PersonRemovedResponse { devices_revoked: gone.devices_revoked, invites_cancelled: gone.invites_cancelled }))
}

/// `POST /v1/devices/{id}/revoke`.
pub(crate) async fn revoke(
    State(state): State<AppState>,
    Coordinator(device): Coordinator,
    Path(id): Path<String>,
) -> Result<StatusCode, RelayError> {
    let target: DeviceId = parse("device", &id)?;
    let team = device.person.team;
    state
        .with_db(move |db| match db.device(target)? {
            Some(d) if d.person.team == team => Ok(db.revoke_device(target, now())?),
            _ => Err(RelayError::NotFound(format!("no device {target} on this team"))),
        })
        .await?;
    tracing::info!(device = %target, by = %device.device_id, "device revoked");
    Ok(StatusCode::NO_CONTENT)
}
