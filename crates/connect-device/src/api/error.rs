//! Why something a person asked of the device did not happen, in words for
//! the person holding the phone. Nothing is ever lost when a call fails: a form
//! keeps its words, and the store keeps what it had.

use serde::{Deserialize, Serialize};

/// The one error type of `connect-device`: every device and vault call
/// answers with it, and it crosses to and from the web app's store worker as
/// JSON.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum DeviceError {
    /// The team revoked this device and everything about residents was
    /// deleted from it. Every call after that answers this.
    #[error("This phone was removed from the team, and everything about residents was deleted from it.")]
    Wiped,
    /// The call needs the team relay, and this device is not enrolled.
    #[error("This phone is not part of a team yet. Ask your coordinator for an invite, then add it in Settings.")]
    NotEnrolled,
    /// The request was refused as asked: a wrong PIN, a name too long, a
    /// resident not on this device, a step only a coordinator may take.
    #[error("{0}")]
    Refused(String),
    /// The device store failed (a full disk, say).
    #[error("{0}")]
    Store(String),
    /// The relay answered, with an error (it refused, or needs a newer app).
    #[error("{0}")]
    Network(String),
    /// The relay asked this device to wait `seconds` before it calls again
    /// (too many calls, or it is busy); nothing was changed. An automatic
    /// retry never comes sooner.
    #[error("{words}")]
    Wait {
        /// Why, in words.
        words: String,
        /// How long the relay asked for (0: it did not say).
        seconds: u64,
    },
    /// The relay could not be reached at all: no signal, or it is down. The
    /// only failure after which a native platform probes for the relay.
    #[error("{0}")]
    Unreachable(String),
    /// The side that holds the store stopped answering (the web app's worker
    /// died, or a thread panicked).
    #[error("The app's store stopped answering. Close the app and open it again; nothing was lost.")]
    Unavailable,
    /// The app is locked: its store is closed and its key forgotten, and
    /// nothing but unlocking is answered until the PIN is given again.
    #[error("The app is locked. Unlock it to go on; nothing was lost.")]
    Locked,
    /// The wrong PINs the team allows were used up, and this phone erased
    /// its key and its records.
    #[error(
        "Too many wrong PINs: this phone erased its records, as your team chose. What reached the team is safe with them: set the phone up again and join the team to get it back."
    )]
    Erased,
}

impl DeviceError {
    /// A refusal in words.
    pub fn refused(words: impl Into<String>) -> Self {
        Self::Refused(words.into())
    }

    /// A store failure, from any error.
    pub fn store(e: impl std::fmt::Display) -> Self {
        Self::Store(e.to_string())
    }
}
