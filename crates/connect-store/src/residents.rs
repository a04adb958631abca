//! Creating a resident: the one place their documents are born.

use connect_model::{DocKind, DocumentId, ResidentId, checkin, circle, journal, page, story};

use crate::{DeviceIdentity, DocumentStore, Result};

/// Every document of a resident, in creation order.
#[must_use]
pub fn resident_documents(resident: ResidentId) -> [DocumentId; 6] {
    DocKind::RESIDENT_KINDS.map(|k| DocumentId::resident(resident, k))
}

/// Creates a new resident's documents on this device and stores them. This is
/// the only place a resident's documents are created: other devices receive
/// their bytes, so no two devices ever hold rival roots.
pub fn create_resident(
    store: &mut impl DocumentStore,
    identity: &DeviceIdentity,
    preferred_name: &str,
    now: impl Into<connect_model::Timestamp>,
) -> Result<ResidentId> {
    let resident = ResidentId::random();
    let ctx = identity.context(now);
    let actor = store.session_actor()?;
    // Build all six first, so a refused name stores nothing.
    let mut docs = [
        page::create(&actor, resident, preferred_name, &ctx)?,
        circle::create(&actor, resident, &ctx)?,
        journal::create(&actor, resident, journal::Visibility::Shared, &ctx)?,
        journal::create(&actor, resident, journal::Visibility::TeamOnly, &ctx)?,
        checkin::create(&actor, resident, &ctx)?,
        story::create(&actor, resident, &ctx)?,
    ];
    for (id, doc) in resident_documents(resident).into_iter().zip(docs.iter_mut()) {
        store.save(id, doc)?;
    }
    Ok(resident)
}
