//! Identifiers: residents, teams, items, devices and the documents they name.
//!
//! A [`DocumentId`] is `OWNER.KIND`, for example
//! `6f1c…-…-….page`. The owner is a resident (or, for the team directory, a team).
//! A document is created once, on one device, and its bytes travel; nobody
//! re-creates a document from its id, so two devices never hold rival roots.

use std::fmt;
use std::str::FromStr;

use uuid::Uuid;

use crate::ModelError;

macro_rules! uuid_id {
    ($(#[$meta:meta])* $name:ident, $what:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh random id.
            #[must_use]
            pub fn random() -> Self {
                Self(Uuid::new_v4())
            }

            /// The underlying UUID.
            #[must_use]
            pub fn uuid(self) -> Uuid {
                self.0
            }
        }

        impl autosurgeon::Reconcile for $name {
            type Key<'a> = autosurgeon::reconcile::NoKey;
            fn reconcile<R: autosurgeon::Reconciler>(&self, mut r: R) -> Result<(), R::Error> {
                r.str(self.to_string())
            }
        }

        impl autosurgeon::Hydrate for $name {
            fn hydrate_string(s: &str) -> Result<Self, autosurgeon::HydrateError> {
                s.parse().map_err(|e: ModelError| autosurgeon::HydrateError::unexpected($what, e.to_string()))
            }
        }

        impl From<Uuid> for $name {
            fn from(u: Uuid) -> Self {
                Self(u)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = ModelError;
            fn from_str(s: &str) -> Result<Self, ModelError> {
                Uuid::parse_str(s.trim()).map(Self).map_err(|_| ModelError::Invalid {
                    what: $what,
                    value: s.to_owned(),
                    hint: "expected a UUID such as 67e55044-10b1-426f-9247-bb680e5fe0c8".into(),
                })
            }
        }
    };
}

uuid_id!(
    /// Names one resident; every document about them starts with it.
    ResidentId,
    "resident id"
);
uuid_id!(
    /// Names one team; the team directory document starts with it.
    TeamId,
    "team id"
);
uuid_id!(
    /// Names one device (a phone, a laptop, a CLI store).
    DeviceId,
    "device id"
);
uuid_id!(
    /// Names one item inside a document: an offer, a person, a journal entry.
    ItemId,
    "item id"
);

/// The kinds of document the app keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// The resident's "what I can offer" page.
    Page,
    /// The resident's circle of care.
    Circle,
    /// Visit notes shared with the resident.
    Journal,
    /// Team-only notes (safeguarding); never sent to the resident's devices.
    TeamNotes,
    /// Check-ins: loneliness, wellbeing and the life map.
    Checkins,
    /// The resident's story and its consent history.
    Story,
    /// The team directory: places and helpers, life map areas.
    Directory,
}

impl DocKind {
    /// Every kind that belongs to a resident, in the order documents are created.
    pub const RESIDENT_KINDS: [DocKind; 6] =
        [DocKind::Page, DocKind::Circle, DocKind::Journal, DocKind::TeamNotes, DocKind::Checkins, DocKind::Story];

    /// The suffix used in document ids.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Page => "page",
            DocKind::Circle => "circle",
            DocKind::Journal => "journal",
            DocKind::TeamNotes => "team-notes",
            DocKind::Checkins => "checkins",
            DocKind::Story => "story",
            DocKind::Directory => "directory",
        }
    }

    /// Whether the resident themself may see documents of this kind.
    #[must_use]
    pub fn visible_to_resident(self) -> bool {
        !matches!(self, DocKind::TeamNotes | DocKind::Directory)
    }
}

impl fmt::Display for DocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DocKind {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, ModelError> {
        Ok(match s {
            "page" => DocKind::Page,
            "circle" => DocKind::Circle,
            "journal" => DocKind::Journal,
            "team-notes" => DocKind::TeamNotes,
            "checkins" => DocKind::Checkins,
            "story" => DocKind::Story,
            "directory" => DocKind::Directory,
            _ => {
                return Err(ModelError::Invalid {
                    what: "document kind",
                    value: s.to_owned(),
                    hint: "one of page, circle, journal, team-notes, checkins, story, directory".into(),
                });
            }
        })
    }
}

/// Names one document: whose it is and what kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocumentId {
    owner: Uuid,
    kind: DocKind,
}

impl DocumentId {
    /// The document of `kind` about `resident`.
    #[must_use]
    pub fn resident(resident: ResidentId, kind: DocKind) -> Self {
        Self { owner: resident.uuid(), kind }
    }

    /// The team directory of `team`.
    #[must_use]
    pub fn directory(team: TeamId) -> Self {
        Self { owner: team.uuid(), kind: DocKind::Directory }
    }

    /// What kind of document this is.
    #[must_use]
    pub fn kind(self) -> DocKind {
        self.kind
    }

    /// The resident this document is about, or `None` for team documents.
    #[must_use]
    pub fn resident_id(self) -> Option<ResidentId> {
        (self.kind != DocKind::Directory).then_some(ResidentId::from(self.owner))
    }

    /// The owner's UUID (a resident or a team).
    #[must_use]
    pub fn owner(self) -> Uuid {
        self.owner
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.owner.hyphenated(), self.kind)
    }
}

impl FromStr for DocumentId {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, ModelError> {
        let invalid = || ModelError::Invalid {
            what: "document id",
            value: s.to_owned(),
            hint: "expected UUID.KIND, for example 67e55044-10b1-426f-9247-bb680e5fe0c8.page".into(),
        };
        let (owner, kind) = s.split_once('.').ok_or_else(invalid)?;
        let owner = Uuid::parse_str(owner).map_err(|_| invalid())?;
        let kind = kind.parse().map_err(|_| invalid())?;
        Ok(Self { owner, kind })
    }
}

impl serde::Serialize for DocumentId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for DocumentId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_ids_round_trip_through_text() {
        let r = ResidentId::random();
        for kind in DocKind::RESIDENT_KINDS {
            let id = DocumentId::resident(r, kind);
            let parsed: DocumentId = id.to_string().parse().unwrap();
            assert_eq!(parsed, id);
            assert_eq!(parsed.resident_id(), Some(r));
        }
        let t = TeamId::random();
        let dir = DocumentId::directory(t);
        assert_eq!(dir.to_string().parse::<DocumentId>().unwrap(), dir);
        assert_eq!(dir.resident_id(), None);
    }

    #[test]
    fn malformed_document_ids_are_rejected_with_a_hint() {
        for bad in ["", "page", "not-a-uuid.page", "67e55044-10b1-426f-9247-bb680e5fe0c8.pages"] {
            let err = bad.parse::<DocumentId>().unwrap_err();
            assert!(err.to_string().contains("UUID.KIND"), "{err}");
        }
    }

    #[test]
    fn team_notes_are_never_visible_to_the_resident() {
        assert!(!DocKind::TeamNotes.visible_to_resident());
        assert!(DocKind::Journal.visible_to_resident());
        assert!(DocKind::Page.visible_to_resident());
    }
}
