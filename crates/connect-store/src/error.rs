//! The one error type of `connect-store`.

use std::time::Duration;

use connect_model::{DocumentId, ModelError};

use crate::keys::Weakness;

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
    /// The store's files could not be deleted (after a forgotten PIN, or
    /// when the team revoked the device).
    #[error("cannot delete {path}: {reason}")]
    CannotDelete {
        /// The file that stayed.
        path: String,
        /// Why.
        reason: String,
    },
    /// Encrypting a store kept in clear could not be finished; the store
    /// in clear is kept, and running `connect encrypt` again finishes it.
    #[error("cannot encrypt the store at {path}: {reason}")]
    CannotEncrypt {
        /// Where the store is.
        path: String,
        /// Why.
        reason: String,
    },
    /// The store already holds another device's identity.
    #[error("this store already belongs to another device ({existing})")]
    IdentityConflict {
        /// The device it belongs to.
        existing: connect_model::DeviceId,
    },
    /// An index row could not be read back or written: the documents are
    /// intact, and rebuilding the index (`connect reindex`) mends it.
    #[error("an index row is damaged ({0}); run `connect reindex`")]
    DamagedIndex(String),
    /// The store is encrypted and was opened without its key.
    #[error("the store at {path} is encrypted and needs its passphrase")]
    NeedsPassphrase {
        /// Where the store is.
        path: String,
    },
    /// The key given does not open this store.
    #[error("the key does not open the store at {path}")]
    WrongKey {
        /// Where the store is.
        path: String,
    },
    /// A key was given for a store that is not encrypted yet.
    #[error("the store at {path} is not encrypted yet; encrypt it first (`connect encrypt`)")]
    NotEncrypted {
        /// Where the store is.
        path: String,
    },
    /// The PIN or passphrase is wrong; the wrong guess was counted.
    #[error("{}", wrong_passphrase_words(*.failed_attempts, *.wait, *.erase_in))]
    WrongPassphrase {
        /// Wrong guesses in a row, this one included.
        failed_attempts: u32,
        /// No guess is tried until this much time has passed.
        wait: Option<Duration>,
        /// Where the team chose it, the wrong guesses left before the key is erased.
        erase_in: Option<u32>,
    },
    /// Too many wrong guesses: no guess is tried until the wait is served.
    #[error("too many wrong PINs or passphrases: try again in {}", words_for(*.wait))]
    TryLater {
        /// How much longer.
        wait: Duration,
    },
    /// A new PIN or passphrase is one anyone would try early, or too short or long.
    #[error(transparent)]
    WeakPassphrase(#[from] Weakness),
    /// This store opens with the PIN, and none was given.
    #[error("the PIN is needed as well")]
    NeedsPin,
    /// This store opens with the phone's fingerprint (or face) unlock, and
    /// the phone gave none: a copy of its files opens nowhere else.
    #[error("this phone's fingerprint or face unlock is needed to open it; the PIN alone cannot")]
    NeedsFingerprint,
    /// The key was erased after the wrong guesses the team allows: the
    /// store can never be opened again.
    #[error("{} wrong PINs in a row erased this phone's key, so its records can never be opened; set it up again", after.map_or_else(|| "too many".to_owned(), |n| n.to_string()))]
    KeyErased {
        /// The wrong guesses it took.
        after: Option<u32>,
    },
    /// The key file beside an encrypted store is missing, damaged or cannot be written.
    #[error("the key file {path}: {reason}")]
    KeyFile {
        /// Where the key file is.
        path: String,
        /// What is wrong.
        reason: String,
    },
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
    /// Media bytes written out of step with what is stored of the file:
    /// not where its stored bytes end, past its length, or with another length.
    #[error("media file {hash}: {detail}")]
    MediaOutOfStep {
        /// The file.
        hash: String,
        /// What was out of step.
        detail: String,
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
    /// The device's storage is full: the save was rolled back whole.
    #[error(
        "this change was not saved, because this device's storage is full; everything saved before is safe. \
         To save it, free some space (delete photos, videos or apps you no longer need) and try again"
    )]
    DiskFull,
    /// SQLite failed.
    #[error("database error")]
    Sqlite(#[source] Box<rusqlite::Error>),
}

/// Shorthand for results in this crate.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        // A full disk (SQLITE_FULL) rolls the transaction back: nothing of
        // the change is kept and nothing saved before is touched.
        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) {
            return Self::DiskFull;
        }
        Self::Sqlite(Box::new(e))
    }
}

impl StoreError {
    pub(crate) fn corrupt(id: DocumentId) -> impl FnOnce(automerge::AutomergeError) -> Self {
        move |source| Self::Corrupt { id, source: Box::new(source) }
    }
}

/// A wait in words: seconds under a minute, else whole minutes (rounded up).
fn words_for(wait: Duration) -> String {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    match seconds {
        0..=1 => "1 second".to_owned(),
        2..=59 => format!("{seconds} seconds"),
        _ => match seconds.div_ceil(60) {
            1 => "1 minute".to_owned(),
            minutes => format!("{minutes} minutes"),
        },
    }
}

fn wrong_passphrase_words(failed: u32, wait: Option<Duration>, erase_in: Option<u32>) -> String {
    let guesses = if failed == 1 { "1 wrong guess".to_owned() } else { format!("{failed} wrong guesses in a row") };
    let mut words = format!("wrong PIN or passphrase ({guesses})");
    if let Some(wait) = wait {
        words.push_str(&format!("; wait {} before trying again", words_for(wait)));
    }
    match erase_in {
        Some(1) => words.push_str("; one more wrong PIN erases this phone"),
        Some(n) => words.push_str(&format!("; {n} more wrong PINs erase this phone")),
        None => {}
    }
    words
}
