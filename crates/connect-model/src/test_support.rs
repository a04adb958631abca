//! Fixtures shared by this crate's unit tests.

use automerge::ActorId;

use crate::{Author, AuthorRole, DeviceId, EditContext, Timestamp};

const DAY_MS: i64 = 86_400_000;
// 2026-01-01T00:00:00Z: fixed so tests never depend on the clock.
const EPOCH_MS: i64 = 1_767_225_600_000;

pub(crate) fn supporter_actor() -> ActorId {
    ActorId::random()
}

fn at(day: i64) -> Timestamp {
    Timestamp::from_millis(EPOCH_MS + day * DAY_MS)
}

pub(crate) fn ctx(day: i64) -> EditContext {
    EditContext::new(Author::new(AuthorRole::Supporter, "Amara", DeviceId::random()), at(day))
}

pub(crate) fn resident_ctx(day: i64) -> EditContext {
    EditContext::new(Author::new(AuthorRole::Resident, "Doreen", DeviceId::random()), at(day))
}
