//! Connect Companion's domain model.
//!
//! Every record the app keeps lives in an [Automerge](automerge) document, so
//! edits made offline on several devices merge without losing a word. This
//! crate knows the shape of each document kind, the edits a person can make,
//! how to validate input and how to score the check-in measures. It does no
//! I/O: it never touches a file, a socket or the clock (callers pass the time
//! in an [`EditContext`]).
//!
//! One document per resident per kind ([`DocKind`]); a document is created once
//! on one device and its bytes travel. Edits are plain functions that open one
//! Automerge transaction, check their input, change only what they must and
//! commit, for example:
//!
//! ```
//! use connect_model::{page, Author, AuthorRole, DeviceId, EditContext, ResidentId};
//! use connect_model::page::Category;
//!
//! let device = DeviceId::random();
//! let actor = connect_model::actor_for(device, 1);
//! let ctx = EditContext::new(Author::new(AuthorRole::Supporter, "Amara", device), chrono::Utc::now());
//! let mut doc = page::create(&actor, ResidentId::random(), "Doreen", &ctx).unwrap();
//! let by_doreen = ctx.by(Author::new(AuthorRole::Resident, "Doreen", device));
//! page::add_offer(&mut doc, &by_doreen, "I can teach knitting", Category::Creative).unwrap();
//! let page = page::read(&doc).unwrap();
//! assert!(page.offers[0].author.is_resident());
//! ```

mod author;
pub mod caseload;
pub mod checkin;
pub mod circle;
pub mod device;
pub mod directory;
pub mod document;
mod error;
pub mod heads;
pub mod history;
mod ids;
pub mod insights;
pub mod journal;
pub mod limits;
pub mod matching;
pub mod measures;
pub mod media;
pub mod page;
pub mod promise;
pub mod questions;
pub mod story;
mod string_enum;
pub mod team;
mod time;
pub mod today;
pub mod validate;

#[cfg(test)]
mod test_support;

pub use author::{Author, AuthorRole, EditContext};
pub use document::{CollabText, SCHEMA_VERSION};
pub use error::{ModelError, Result};
pub use ids::{DeviceId, DocKind, DocumentId, ItemId, ResidentId, TeamId};
pub use time::Timestamp;

/// Re-exported so dependants use the same Automerge as the model.
pub use automerge;

/// The Automerge actor id a device writes with in one session: the device id's
/// 16 bytes followed by 8 bytes naming the session (one open store).
///
/// Two sessions on one device (the app and the CLI on the same store, say)
/// must not share an actor: Automerge refuses two different changes with the
/// same actor and sequence number. The device prefix is what the relay checks
/// to verify authorship.
#[must_use]
pub fn actor_for(device: DeviceId, session: u64) -> automerge::ActorId {
    let mut bytes = device.uuid().as_bytes().to_vec();
    bytes.extend_from_slice(&session.to_be_bytes());
    automerge::ActorId::from(bytes)
}

/// The device an actor id belongs to, if it was made by [`actor_for`].
#[must_use]
pub fn device_of_actor(actor: &automerge::ActorId) -> Option<DeviceId> {
    let bytes = actor.to_bytes();
    let prefix: [u8; 16] = bytes.get(..16)?.try_into().ok()?;
    (bytes.len() == 24).then(|| DeviceId::from(uuid::Uuid::from_bytes(prefix)))
}
