//! Who may read and write which document. One function each, used by every
//! endpoint, and tested cell by cell in the access matrix test.

use connect_model::{AuthorRole, DocKind, DocumentId, ResidentId};
use connect_store::relay::{DeviceRecord, RelayStore};

use crate::RelayError;

/// What a device may do with a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Nothing: it is not told the document exists.
    None,
    /// It receives the document but its changes are refused.
    Read,
    /// It may change the document.
    Write,
}

/// The access `device` has to `doc`. A resident document whose resident the
/// relay has never seen may be created by a supporter or coordinator.
pub fn access(db: &impl RelayStore, device: &DeviceRecord, doc: DocumentId) -> Result<Access, RelayError> {
    let person = &device.person;
    let Some(resident) = doc.resident_id() else {
        // The team directory.
        let own_team = doc.owner() == person.team.uuid();
        return Ok(if own_team && person.role != AuthorRole::Resident { Access::Write } else { Access::None });
    };
    match db.resident_team(resident)? {
        Some(team) if team != person.team => return Ok(Access::None),
        None => {
            return Ok(if matches!(person.role, AuthorRole::Supporter | AuthorRole::Coordinator) {
                Access::Write
            } else {
                Access::None
            });
        }
        Some(_) => {}
    }
    Ok(match person.role {
        AuthorRole::Coordinator => Access::Write,
        AuthorRole::Supporter => {
            if db.assignments(person.person_id)?.contains(&resident) {
                Access::Write
            } else {
                Access::None
            }
        }
        AuthorRole::Resident => resident_access(person.resident, resident, doc.kind()),
    })
}

/// A resident sees their own page, circle, story, check-ins and shared journal;
/// they edit all but the journal; they never see team-only notes.
fn resident_access(own: Option<ResidentId>, resident: ResidentId, kind: DocKind) -> Access {
    if own != Some(resident) {
        return Access::None;
    }
    match kind {
        DocKind::Page | DocKind::Circle | DocKind::Story | DocKind::Checkins => Access::Write,
        DocKind::Journal => Access::Read,
        DocKind::TeamNotes | DocKind::Directory => Access::None,
    }
}
