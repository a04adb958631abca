//! A team's people, as the relay keeps them and the team's devices see them
//! (the coordinator's People screen, enrolment's answer), and the invites
//! that bring them in: one type each for the relay's record and what it
//! sends, so the two cannot drift apart.

use crate::{AuthorRole, DeviceId, ResidentId, TeamId, Timestamp};

/// A person on a team.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Person {
    /// Stable id.
    pub person_id: uuid::Uuid,
    /// Team.
    pub team: TeamId,
    /// Name as the team knows them.
    pub name: String,
    /// Role.
    pub role: AuthorRole,
    /// For a resident: which resident they are.
    pub resident: Option<ResidentId>,
    /// Taken off the team: their devices are revoked; what they did stays
    /// in the audit trail under their name.
    #[serde(default)]
    pub removed: bool,
}

/// An invite as its team sees it (never its code): what it grants, who it is
/// for, who made it and when. The relay keeps this with the team and what
/// became of the invite; a coordinator's list shows it with where it stands.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InviteDetails {
    /// Its id (the code itself is kept only as a hash).
    pub invite_id: uuid::Uuid,
    /// The role it grants.
    pub role: AuthorRole,
    /// For a resident invite: which resident.
    pub resident: Option<ResidentId>,
    /// Who it is for, if the coordinator named them.
    pub name: Option<String>,
    /// The device that made it (`None`: the relay's command line).
    pub created_by: Option<DeviceId>,
    /// When it was made.
    pub created_at: Timestamp,
    /// When it stops working.
    pub expires_at: Timestamp,
}
