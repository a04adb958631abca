//! A device's identity: who uses it and which Automerge actor it writes as.

use crate::automerge::ActorId;
use crate::{Author, AuthorRole, DeviceId, EditContext, Timestamp};

/// The identity a store is initialised with.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DeviceIdentity {
    /// This device.
    pub device_id: DeviceId,
    /// A name for the device ("Amara's phone").
    pub device_name: String,
    /// The person who uses it.
    pub person_name: String,
    /// Their role.
    pub role: AuthorRole,
    /// When the store was initialised.
    pub created_at: Timestamp,
}

impl DeviceIdentity {
    /// The author stamped on this person's edits.
    #[must_use]
    pub fn author(&self) -> Author {
        Author::new(self.role, self.person_name.clone(), self.device_id)
    }

    /// The Automerge actor this device writes as in session `session`.
    #[must_use]
    pub fn actor(&self, session: u64) -> ActorId {
        crate::actor_for(self.device_id, session)
    }

    /// An edit by this person at `now`.
    #[must_use]
    pub fn context(&self, now: impl Into<Timestamp>) -> EditContext {
        EditContext::new(self.author(), now)
    }
}
