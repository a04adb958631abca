//! The one error type of `connect-store`.

use connect_model::{DocumentId, ModelError};

/// Everything that can go wrong opening or using a store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The file was written by a newer version of the app.
    #[error("this store uses schema {found}, but this app understands up to {supported}: update the app")]
    NewerSchema {
        /// The file's schema version.
        found: i64,
        /// The newest this build understands.
        supported: i64,
    },
    /// The file is not a store, is damaged, or needs a key that was not given.
    #[error("cannot open the store at {path}: {reason}")]
    CannotOpen {
        /// Where the store was looked for.
        path: String,
        /// Why it could not be opened.
        reason: String,
    },
    /// An encryption key was given but this build cannot encrypt.
    #[error("this build cannot encrypt the store; open it without a key")]
    EncryptionUnavailable,
    /// No document with this id is stored.
    #[error("no document {0} on this device")]
    NotFound(DocumentId),
    /// The document was erased on request and may not be stored again.
    #[error("document {0} was erased and cannot be stored again")]
    Erased(DocumentId),
    /// A document was stored under an id that does not match its contents.
    #[error("document {id} is not a {expected} document")]
    WrongKind {
        /// The id it was stored under.
        id: DocumentId,
        /// The kind the id names.
        expected: &'static str,
    },
    /// The store has no device identity yet (run `connect init`).
    #[error("this store has no device identity yet; initialise it first")]
    NoIdentity,
    /// Stored bytes did not load as an Automerge document.
    #[error("stored document {id} is damaged")]
    Corrupt {
        /// Which document.
        id: DocumentId,
        /// What Automerge said.
        #[source]
        source: Box<automerge::AutomergeError>,
    },
    /// A model rule refused an edit, or a document could not be read.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// SQLite failed.
    #[error("database error")]
    Sqlite(#[source] Box<rusqlite::Error>),
}

/// Shorthand for results in this crate.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Sqlite(Box::new(e))
    }
}

impl StoreError {
    pub(crate) fn corrupt(id: DocumentId) -> impl FnOnce(automerge::AutomergeError) -> Self {
        move |source| Self::Corrupt { id, source: Box::new(source) }
    }
}
