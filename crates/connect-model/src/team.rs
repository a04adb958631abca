//! A team's people, as the relay keeps them and the team's devices see them
//! (the coordinator's People screen, enrolment's answer): one type for both,
//! so the relay's record and what it sends cannot drift apart.

use crate::{AuthorRole, ResidentId, TeamId};

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
