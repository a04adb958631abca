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
//! let actor = connect_model::actor_for(device);
//! let ctx = EditContext::new(Author::new(AuthorRole::Supporter, "Amara", device), chrono::Utc::now());
//! let mut doc = page::create(&actor, ResidentId::random(), "Doreen", &ctx).unwrap();
//! let by_doreen = ctx.by(Author::new(AuthorRole::Resident, "Doreen", device));
//! page::add_offer(&mut doc, &by_doreen, "I can teach knitting", Category::Creative).unwrap();
//! let page = page::read(&doc).unwrap();
//! assert!(page.offers[0].author.is_resident());
//! ```

mod author;
pub mod checkin;
pub mod circle;
pub mod directory;
pub mod document;
mod enums;
mod error;
mod ids;
pub mod journal;
pub mod limits;
pub mod measures;
pub mod page;
pub mod story;
mod time;

#[cfg(test)]
mod test_support;

pub use author::{Author, AuthorRole, EditContext};
pub use document::{CollabText, SCHEMA_VERSION};
pub use error::{ModelError, Result};
pub use ids::{DeviceId, DocKind, DocumentId, ItemId, ResidentId, TeamId};
pub use time::Timestamp;

/// Re-exported so dependants use the same Automerge as the model.
pub use automerge;

/// The Automerge actor id a device writes with: the device id's 16 bytes. The
/// relay registers it at enrolment, which is how authorship is verified.
#[must_use]
pub fn actor_for(device: DeviceId) -> automerge::ActorId {
    automerge::ActorId::from(device.uuid().as_bytes().as_slice())
}
