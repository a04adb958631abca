//! Who made an edit, and when: carried on every item so a resident's own words
//! are marked as theirs.

use autosurgeon::{Hydrate, Reconcile};

use crate::ids::DeviceId;
use crate::string_enum::string_enum;
use crate::time::Timestamp;

string_enum! {
    /// The role of the person who wrote something.
    AuthorRole, "author role" {
        /// The resident, in their own words.
        Resident => "resident",
        /// A supporter, writing on the resident's behalf.
        Supporter => "supporter",
        /// A coordinator.
        Coordinator => "coordinator",
    }
}

/// The person and device behind an item.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, serde::Serialize, serde::Deserialize)]
pub struct Author {
    /// Whether this is the resident or a member of the team.
    pub role: AuthorRole,
    /// The person's name as the team knows it ("Amara", "the resident").
    pub name: String,
    /// The device the words were typed on.
    pub device: String,
    /// For the resident's words typed on a team member's device (the
    /// supporter's phone in "hand to resident" mode): that member's role.
    /// `None` when the words were recorded on the author's own device. The
    /// relay refuses a resident's words from a team member's device without
    /// it, so "the resident said so" always shows who recorded it.
    #[autosurgeon(missing = "Default::default")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_by: Option<AuthorRole>,
}

impl Author {
    /// An author on `device`.
    #[must_use]
    pub fn new(role: AuthorRole, name: impl Into<String>, device: DeviceId) -> Self {
        Self { role, name: name.into(), device: device.to_string(), recorded_by: None }
    }

    /// Whether these are the resident's own words.
    #[must_use]
    pub fn is_resident(&self) -> bool {
        self.role == AuthorRole::Resident
    }

    /// Whether these are the resident's words as a team member recorded
    /// them on their own device, rather than typed on the resident's.
    #[must_use]
    pub fn recorded_for_resident(&self) -> bool {
        self.is_resident() && self.recorded_by.is_some()
    }
}

/// The who and when of one edit. Model functions take it instead of reading the
/// clock, so they stay pure and tests are deterministic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditContext {
    /// Who is making the edit.
    pub author: Author,
    /// When the edit is made.
    pub now: Timestamp,
}

impl EditContext {
    /// An edit by `author` at `now`.
    #[must_use]
    pub fn new(author: Author, now: impl Into<Timestamp>) -> Self {
        Self { author, now: now.into() }
    }

    /// The same edit moment, but by someone else (for "hand to resident"
    /// mode). The resident's words on a team member's device are marked as
    /// recorded by that member ([`Author::recorded_by`]).
    #[must_use]
    pub fn by(&self, mut author: Author) -> Self {
        if author.is_resident() && !self.author.is_resident() && author.recorded_by.is_none() {
            author.recorded_by = Some(self.author.role);
        }
        Self { author, now: self.now }
    }
}
