//! Connect Companion's on-device store.
//!
//! Every record lives in an Automerge document (see `connect-model`); this
//! crate keeps those documents durably in SQLite, as a compacted snapshot plus
//! the change chunks appended since, and maintains index tables derived from
//! them so list screens and search never load a document. It also keeps the
//! bookkeeping sync needs: which documents have changes the relay has not
//! acknowledged, and the Automerge sync state per peer.
//!
//! This is the device's store only: the relay's lives in `connect-relay-store`.
//! The [`DocumentStore`] trait has two
//! implementations, [`SqliteStore`] and [`MemoryStore`], and both pass the
//! shared [`conformance`] suite.

pub mod conformance;
pub mod demo;
mod error;
pub mod export;
mod identity;
pub mod index;
pub mod keys;
mod memory;
mod residents;
mod sqlite;
mod store;
pub mod team;

pub use error::{Result, StoreError};
pub use identity::DeviceIdentity;
pub use index::{CaseloadRow, ItemRow, SearchHit, StoryRow, SyncStatus};
pub use keys::{KeyFile, LockStatus, StoreKey};
pub use memory::MemoryStore;
pub use residents::{create_resident, resident_documents};
pub use sqlite::{SqliteStore, StoreOptions, destroy_files};
pub use store::{DocumentStore, SyncBatch, SyncBatchOutcome};
