//! Connect Companion's on-device store.
//!
//! Every record lives in an Automerge document (see `connect-model`); this
//! crate keeps those documents durably in SQLite, as a compacted snapshot plus
//! the change chunks appended since, and maintains index tables derived from
//! them so list screens and search never load a document. It also keeps the
//! bookkeeping sync needs: which documents have changes the relay has not
//! acknowledged, and the Automerge sync state per peer.
//!
//! This is the device's store only: the relay's lives in `connect-relay-store`,
//! and what a device does with its documents (edits, exports, team views, the
//! demo caseload) lives in `connect-device`. The store knows SQL and nothing
//! of what the documents are for.
//! Voice notes and photos are kept beside the documents, in chunks
//! ([`media`]).
//! The [`DocumentStore`] trait has two
//! implementations, [`SqliteStore`] and [`MemoryStore`], and both pass the
//! shared [`conformance`] suite.

pub mod conformance;
mod error;
mod identity;
pub mod index;
pub mod keys;
pub mod media;
mod memory;
mod residents;
mod sqlite;
mod store;

pub use error::{Result, StoreError};
pub use identity::DeviceIdentity;
pub use index::{CaseloadRow, ItemRow, SearchHit, StoryRow, SyncStatus};
pub use keys::{KeyFile, LockNotes, LockStatus, StoreKey, Unlocking};
pub use media::{MediaFile, MediaOrigin, MediaStore, MediaWrite};
pub use memory::MemoryStore;
pub use residents::{create_resident, resident_documents};
pub use sqlite::{SqliteStore, StoreOptions, destroy_files};
pub use store::{DocumentStore, SyncBatch, SyncBatchOutcome};
