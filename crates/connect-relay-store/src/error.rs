//! The one error type of `connect-relay-store`.

use connect_model::{DocumentId, ModelError};

/// Everything that can go wrong opening or using a relay store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RelayStoreError {
    /// The database was written by a newer relay.
    #[error("this relay database uses schema {found}, but this relay understands up to {supported}: update the relay")]
    NewerSchema {
        /// The database's schema version.
        found: i64,
        /// The newest this build understands.
        supported: i64,
    },
    /// The database cannot be opened or reached.
    #[error("cannot open the relay database {place}: {reason}")]
    CannotOpen {
        /// The file, or the PostgreSQL address without its password.
        place: String,
        /// Why.
        reason: String,
    },
    /// `--db` names neither a file nor a `postgres://` address this build can use.
    #[error("{0}")]
    BadAddress(String),
    /// Every pooled connection stayed busy for the pool's whole wait.
    #[error("the relay database {place} had no free connection: {reason}")]
    NoConnection {
        /// The file, or the PostgreSQL address without its password.
        place: String,
        /// What the pool said.
        reason: String,
    },
    /// The document was erased on request and may not be stored again.
    #[error("document {0} was erased and cannot be stored again")]
    Erased(DocumentId),
    /// A save would drop changes the relay already holds.
    #[error("refusing to save {0}: it lacks changes the relay already holds")]
    Stale(DocumentId),
    /// A document was stored under an id that does not match its contents.
    #[error("document {id} is not a {expected} document")]
    WrongKind {
        /// The id it was stored under.
        id: DocumentId,
        /// The kind the id names.
        expected: &'static str,
    },
    /// Stored bytes did not load as an Automerge document.
    #[error("stored document {id} is damaged")]
    Corrupt {
        /// Which document.
        id: DocumentId,
        /// What Automerge said.
        #[source]
        source: Box<connect_model::automerge::AutomergeError>,
    },
    /// A stored value is not what this relay wrote (an id that does not parse).
    #[error("the relay database holds a value it cannot read: {0}")]
    BadValue(String),
    /// A model rule refused a value (a name too long, say).
    #[error(transparent)]
    Model(#[from] ModelError),
    /// A backup could not be written.
    #[error("the backup could not be written: {0}")]
    Backup(String),
    /// SQLite failed.
    #[error("database error (SQLite)")]
    Sqlite(#[source] Box<rusqlite::Error>),
    /// PostgreSQL failed.
    #[cfg(feature = "postgres")]
    #[error("database error (PostgreSQL)")]
    Postgres(#[source] Box<postgres::Error>),
}

/// Shorthand for results in this crate.
pub type Result<T, E = RelayStoreError> = std::result::Result<T, E>;

impl From<rusqlite::Error> for RelayStoreError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Sqlite(Box::new(e))
    }
}

#[cfg(feature = "postgres")]
impl From<postgres::Error> for RelayStoreError {
    fn from(e: postgres::Error) -> Self {
        Self::Postgres(Box::new(e))
    }
}

impl RelayStoreError {
    pub(crate) fn corrupt(id: DocumentId) -> impl FnOnce(connect_model::automerge::AutomergeError) -> Self {
        move |source| Self::Corrupt { id, source: Box::new(source) }
    }
}
