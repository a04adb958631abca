//! The relay's store-facing side of [`connect_sync::access`]: gathers the
//! facts the pure rule needs for one document and applies it.

use connect_model::DocumentId;
use connect_relay_store::{DeviceRecord, RelayStore};
pub use connect_sync::access::Access;
use connect_sync::access::{Caller, ResidentFacts};

use crate::RelayError;

/// The caller a device record stands for.
#[must_use]
pub fn caller(device: &DeviceRecord) -> Caller {
    Caller {
        device: device.device_id,
        person: device.person.person_id,
        team: device.person.team,
        role: device.person.role,
        resident: device.person.resident,
    }
}

/// The access `device` has to `doc`, reading what the rule needs from `db`.
pub fn access(db: &(impl RelayStore + ?Sized), device: &DeviceRecord, doc: DocumentId) -> Result<Access, RelayError> {
    let facts = match doc.resident_id() {
        None => ResidentFacts::default(),
        Some(resident) => ResidentFacts {
            team: db.resident_team(resident)?,
            assigned: db.assignments(device.person.person_id)?.contains(&resident),
        },
    };
    Ok(connect_sync::access::access(&caller(device), doc, facts))
}
