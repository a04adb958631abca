//! Every JSON body the relay's HTTP API takes or gives, typed once and shared
//! by the relay, the `connect` command and the app, so no client reads JSON
//! by field name.
//!
//! The sync body itself is binary ([`crate::protocol`]); everything else is
//! JSON:
//!
//! | endpoint | request | response |
//! | --- | --- | --- |
//! | `POST /v1/enrol` | [`EnrolRequest`] | [`EnrolResponse`] |
//! | `GET /v1/me` | | [`Device`] |
//! | `GET /v1/limits` | | [`crate::protocol::Limits`] |
//! | `POST /v1/invites` | [`InviteRequest`] | [`InviteResponse`] |
//! | `GET /v1/invites` | | [`InvitesResponse`] |
//! | `POST /v1/invites/{id}/cancel` | | 204, no body |
//! | `POST /v1/assignments` | [`AssignRequest`] | 204, no body |
//! | `POST /v1/assignments/remove` | [`AssignRequest`] | 204, no body |
//! | `GET /v1/people` | | [`PeopleResponse`] |
//! | `POST /v1/people/{id}/remove` | | [`PersonRemovedResponse`] |
//! | `POST /v1/devices/{id}/revoke` | | 204, no body |
//! | `POST /v1/residents/{id}/erase` | | [`EraseResponse`] (a bare number) |
//! | `GET /v1/residents/{id}/history` | | [`HistoryResponse`] |
//! | `HEAD /v1/blobs/{sha256}?doc={id}` | | 200 with [`UPLOAD_OFFSET`] and [`UPLOAD_LENGTH`], or 404 |
//! | `PATCH /v1/blobs/{sha256}?doc={id}` | the bytes from [`UPLOAD_OFFSET`] on | 204 with [`UPLOAD_OFFSET`] |
//! | `GET /v1/blobs/{sha256}?doc={id}` | `Range` optional | the bytes (206 for a range) |
//! | any error | | [`ErrorBody`] with a code from [`codes`] (429 and 503 with `Retry-After`) |
//!
//! Media ([`blob_path`]) goes as tus does it: a device asks how much of a
//! file the relay has (`HEAD`) and sends the rest (`PATCH`, at most
//! [`BLOB_PATCH_BYTES`] a request, saying where its bytes start and the
//! whole file's length). A file belongs to a document, named by `doc`, and a
//! device may read or send it exactly as it may that document.
//!
//! Field names are a contract with scripts and older apps: add fields, never
//! rename them. The snapshot tests below pin every body's exact JSON.

use connect_model::history::AcceptedRecord;
use connect_model::{AuthorRole, DeviceId, ResidentId, TeamId, Timestamp};
use serde::{Deserialize, Serialize};

/// What a device sends to enrol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolRequest {
    /// The one-time invite code.
    pub invite: String,
    /// The device's own id (the prefix of its Automerge actors).
    pub device_id: DeviceId,
    /// A name for the device.
    pub device_name: String,
    /// The person's name.
    pub person_name: String,
}

pub use connect_model::team::{InviteDetails, Person};

/// An enrolled device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Device {
    /// The device.
    pub device_id: DeviceId,
    /// Its person.
    pub person: Person,
    /// Its name.
    pub name: String,
    /// Revoked devices are refused and told to wipe.
    pub revoked: bool,
}

/// The relay's answer to an enrolment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolResponse {
    /// The device token: keep it secret; it is shown only once.
    pub token: String,
    /// Team.
    pub team: TeamId,
    /// The person.
    pub person: Person,
}

/// Why a coordinator's invite for nobody is refused, by the device before it
/// asks and by the relay alike: the team's records show the name the
/// coordinator gives, never the one the enrolling phone calls its person.
pub const INVITE_NEEDS_A_NAME: &str =
    "name the person you are inviting: the team's records show that name, whatever their phone calls itself";

/// The header that says where a `PATCH`'s bytes start, and (in answers) how
/// many bytes of a file the relay holds.
pub const UPLOAD_OFFSET: &str = "upload-offset";
/// The header that says a media file's whole length.
pub const UPLOAD_LENGTH: &str = "upload-length";
/// The most bytes one media `PATCH` carries: a lost request costs little to
/// send again, and the relay holds no more than this per upload at once.
pub const BLOB_PATCH_BYTES: usize = 1024 * 1024;

/// The address of media file `hash` of document `doc`.
#[must_use]
pub fn blob_path(hash: connect_model::media::BlobHash, doc: connect_model::DocumentId) -> String {
    format!("/v1/blobs/{hash}?doc={doc}")
}

/// The name an invite is for, trimmed, or `None` when it names nobody.
#[must_use]
pub fn invite_name(name: Option<&str>) -> Option<String> {
    name.map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned)
}

/// A coordinator's request for an invite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteRequest {
    /// Role to grant.
    pub role: AuthorRole,
    /// For a resident invite.
    pub resident: Option<ResidentId>,
    /// Hours until it expires (at most a week; three days if not given).
    #[serde(default)]
    pub hours: Option<i64>,
    /// The person's name as the team will know them: what the audit trail
    /// shows, whatever the enrolling device calls its person. Without it,
    /// the enrolling device names them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A new invite, as shown to the person who asked for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteResponse {
    /// Its id, to cancel it by (the code itself is shown only once).
    #[serde(default)]
    pub invite_id: uuid::Uuid,
    /// The one-time code.
    pub code: String,
    /// Team.
    pub team: TeamId,
    /// Role it grants.
    pub role: AuthorRole,
    /// For a resident: which one.
    pub resident: Option<ResidentId>,
    /// When it stops working.
    pub expires_at: Timestamp,
}

/// What an invite stands at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InviteState {
    /// It can still be used.
    Pending,
    /// A device enrolled with it.
    Used,
    /// Past its expiry, unused.
    Expired,
    /// Cancelled unused (by a coordinator, or with the device that made it).
    Cancelled,
}

/// One of a team's invites, as a coordinator lists them (never the code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteInfo {
    /// What it grants, who it is for, who made it and when.
    #[serde(flatten)]
    pub details: InviteDetails,
    /// Where it stands.
    pub state: InviteState,
}

/// A team's invites, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitesResponse {
    /// The invites.
    pub invites: Vec<InviteInfo>,
}

/// What taking a person off the team did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRemovedResponse {
    /// Their devices, revoked.
    pub devices_revoked: usize,
    /// Unused invites those devices had made, cancelled.
    pub invites_cancelled: usize,
}

/// A coordinator's assignment of a resident to a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignRequest {
    /// The resident.
    pub resident: ResidentId,
    /// The supporter or coordinator.
    pub person: uuid::Uuid,
}

/// People and devices of the caller's team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleResponse {
    /// People.
    pub people: Vec<Person>,
    /// Devices.
    pub devices: Vec<Device>,
}

/// The relay's half of a resident's audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryResponse {
    /// Whose documents.
    pub resident: ResidentId,
    /// Every change the relay holds in the documents the caller may read.
    pub changes: Vec<AcceptedRecord>,
}

/// How many documents an erasure removed.
pub type EraseResponse = usize;

/// JSON error bodies the relay sends with 4xx/5xx statuses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// A stable code scripts and the app act on, e.g. `device_revoked`.
    pub error: String,
    /// A plain-words message for a person.
    pub message: String,
}

/// Error codes in [`ErrorBody::error`].
pub mod codes {
    /// The device was revoked: wipe local data.
    pub const DEVICE_REVOKED: &str = "device_revoked";
    /// The token is unknown.
    pub const UNAUTHORISED: &str = "unauthorised";
    /// The app is older than the relay: update the app.
    pub const UPDATE_APP: &str = "update_app";
    /// The relay is older than the app: update the relay.
    pub const UPDATE_RELAY: &str = "update_relay";
    /// Too many requests: wait and retry.
    pub const RATE_LIMITED: &str = "rate_limited";
    /// The body is too large.
    pub const TOO_LARGE: &str = "too_large";
    /// The request is malformed.
    pub const BAD_REQUEST: &str = "bad_request";
    /// The caller's role may not do this.
    pub const FORBIDDEN: &str = "forbidden";
    /// Something is missing (an invite, a person, a resident).
    pub const NOT_FOUND: &str = "not_found";
    /// The relay is busy; nothing was changed: retry after the `Retry-After` it sent.
    pub const BUSY: &str = "busy";
    /// The request's body came in too slowly; nothing was changed: retry.
    pub const TOO_SLOW: &str = "too_slow";
    /// The relay failed; nothing was changed.
    pub const INTERNAL: &str = "internal";
    /// A media upload's bytes did not start where the relay's copy ends: send
    /// from the `upload-offset` it answered.
    pub const WRONG_OFFSET: &str = "wrong_offset";
    /// A media file's bytes did not match its SHA-256: the relay kept none of
    /// it; send it again from the start.
    pub const HASH_MISMATCH: &str = "hash_mismatch";
    /// The team's media space on the relay is full.
    pub const MEDIA_FULL: &str = "media_full";
}

#[cfg(test)]
mod tests {
    //! The exact JSON of every body. A change here is a change to a contract
    //! that scripts and installed apps rely on.

    use super::*;

    fn team() -> TeamId {
        TeamId::from(uuid::Uuid::from_bytes([1; 16]))
    }

    fn person() -> Person {
        Person {
            person_id: uuid::Uuid::from_bytes([2; 16]),
            team: team(),
            name: "Amara".into(),
            role: AuthorRole::Supporter,
            resident: None,
            removed: false,
        }
    }

    fn resident() -> ResidentId {
        ResidentId::from(uuid::Uuid::from_bytes([3; 16]))
    }

    fn device() -> DeviceId {
        DeviceId::from(uuid::Uuid::from_bytes([4; 16]))
    }

    /// Serialises `value`, checks the exact text, and reads it back unchanged.
    fn pin<T: Serialize + for<'a> Deserialize<'a> + PartialEq + std::fmt::Debug>(value: &T, json: &str) {
        let text = serde_json::to_string(value).unwrap();
        assert_eq!(text, json);
        assert_eq!(&serde_json::from_str::<T>(&text).unwrap(), value);
    }

    #[test]
    fn enrolment_bodies_are_pinned() {
        pin(
            &EnrolRequest {
                invite: "ABCD-EFGH".into(),
                device_id: device(),
                device_name: "phone".into(),
                person_name: "Amara".into(),
            },
            r#"{"invite":"ABCD-EFGH","device_id":"04040404-0404-0404-0404-040404040404","device_name":"phone","person_name":"Amara"}"#,
        );
        pin(
            &EnrolResponse { token: "t0k".into(), team: team(), person: person() },
            r#"{"token":"t0k","team":"01010101-0101-0101-0101-010101010101","person":{"person_id":"02020202-0202-0202-0202-020202020202","team":"01010101-0101-0101-0101-010101010101","name":"Amara","role":"supporter","resident":null,"removed":false}}"#,
        );
    }

    #[test]
    fn coordinator_bodies_are_pinned() {
        pin(
            &InviteRequest { role: AuthorRole::Resident, resident: Some(resident()), hours: Some(48), name: None },
            r#"{"role":"resident","resident":"03030303-0303-0303-0303-030303030303","hours":48}"#,
        );
        pin(
            &InviteRequest { role: AuthorRole::Supporter, resident: None, hours: None, name: Some("Amara".into()) },
            r#"{"role":"supporter","resident":null,"hours":null,"name":"Amara"}"#,
        );
        // `hours` and `name` may be left out.
        let short: InviteRequest = serde_json::from_str(r#"{"role":"supporter","resident":null}"#).unwrap();
        assert_eq!((short.hours, short.name), (None, None));
        pin(
            &InviteResponse {
                invite_id: uuid::Uuid::from_bytes([5; 16]),
                code: "ABCD-EFGH-JKLM".into(),
                team: team(),
                role: AuthorRole::Coordinator,
                resident: None,
                expires_at: Timestamp::from_millis(1_767_225_600_000),
            },
            r#"{"invite_id":"05050505-0505-0505-0505-050505050505","code":"ABCD-EFGH-JKLM","team":"01010101-0101-0101-0101-010101010101","role":"coordinator","resident":null,"expires_at":"2026-01-01T00:00:00Z"}"#,
        );
        pin(
            &AssignRequest { resident: resident(), person: person().person_id },
            r#"{"resident":"03030303-0303-0303-0303-030303030303","person":"02020202-0202-0202-0202-020202020202"}"#,
        );
        pin(
            &PeopleResponse {
                people: vec![person()],
                devices: vec![Device { device_id: device(), person: person(), name: "phone".into(), revoked: true }],
            },
            r#"{"people":[{"person_id":"02020202-0202-0202-0202-020202020202","team":"01010101-0101-0101-0101-010101010101","name":"Amara","role":"supporter","resident":null,"removed":false}],"devices":[{"device_id":"04040404-0404-0404-0404-040404040404","person":{"person_id":"02020202-0202-0202-0202-020202020202","team":"01010101-0101-0101-0101-010101010101","name":"Amara","role":"supporter","resident":null,"removed":false},"name":"phone","revoked":true}]}"#,
        );
        pin(&(3 as EraseResponse), "3");
    }

    #[test]
    fn invite_list_and_person_removal_bodies_are_pinned() {
        pin(
            &InvitesResponse {
                invites: vec![InviteInfo {
                    details: InviteDetails {
                        invite_id: uuid::Uuid::from_bytes([5; 16]),
                        role: AuthorRole::Supporter,
                        resident: None,
                        name: Some("Amara".into()),
                        created_by: Some(device()),
                        created_at: Timestamp::from_millis(1_767_225_600_000),
                        expires_at: Timestamp::from_millis(1_767_484_800_000),
                    },
                    state: InviteState::Pending,
                }],
            },
            r#"{"invites":[{"invite_id":"05050505-0505-0505-0505-050505050505","role":"supporter","resident":null,"name":"Amara","created_by":"04040404-0404-0404-0404-040404040404","created_at":"2026-01-01T00:00:00Z","expires_at":"2026-01-04T00:00:00Z","state":"pending"}]}"#,
        );
        for (state, text) in [
            (InviteState::Used, "\"used\""),
            (InviteState::Expired, "\"expired\""),
            (InviteState::Cancelled, "\"cancelled\""),
        ] {
            pin(&state, text);
        }
        pin(
            &PersonRemovedResponse { devices_revoked: 2, invites_cancelled: 1 },
            r#"{"devices_revoked":2,"invites_cancelled":1}"#,
        );
    }

    #[test]
    fn history_and_error_bodies_are_pinned() {
        pin(
            &HistoryResponse { resident: resident(), changes: vec![] },
            r#"{"resident":"03030303-0303-0303-0303-030303030303","changes":[]}"#,
        );
        pin(
            &ErrorBody { error: codes::DEVICE_REVOKED.into(), message: "wipe".into() },
            r#"{"error":"device_revoked","message":"wipe"}"#,
        );
        pin(
            &crate::protocol::Limits { max_documents: 5000, max_request_bytes: 33_554_432 },
            r#"{"max_documents":5000,"max_request_bytes":33554432}"#,
        );
    }
}
