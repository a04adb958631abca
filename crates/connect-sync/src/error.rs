//! The one error type of `connect-sync`.

use crate::protocol::ProtocolError;

/// Everything that can stop a sync. Every variant leaves the device's store
/// intact and consistent: sync never loses local data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SyncError {
    /// The relay could not be reached or the connection broke.
    #[error("could not reach the relay: {0}")]
    Unreachable(String),
    /// The relay revoked this device; its local data must be wiped.
    #[error("this device has been revoked by the team; its data will be removed from it")]
    Revoked,
    /// The relay does not know this device's token.
    #[error("the relay does not recognise this device; enrol it again")]
    Unauthorised,
    /// The relay is newer: update the app.
    #[error("the relay needs a newer app: update the app")]
    UpdateApp,
    /// The relay is older: update the relay.
    #[error("the relay is older than this app: ask your coordinator to update the relay")]
    UpdateRelay,
    /// The relay is asking this device to slow down: no sooner than
    /// `retry_after` (when it said).
    #[error("the relay asks this device to wait before it syncs again")]
    RateLimited {
        /// How long the relay asked for (its `Retry-After`).
        retry_after: Option<std::time::Duration>,
    },
    /// The relay is busy; nothing was changed: try again after `retry_after`.
    #[error("the relay is busy; nothing was changed; it will be tried again")]
    Busy {
        /// How long the relay asked for (its `Retry-After`).
        retry_after: Option<std::time::Duration>,
    },
    /// The relay refused the request.
    #[error("the relay refused the request ({status}): {message}")]
    Refused {
        /// HTTP status.
        status: u16,
        /// The relay's words.
        message: String,
    },
    /// The relay sent something that does not make sense.
    #[error("the relay sent something unreadable: {0}")]
    BadRelayData(String),
    /// The session kept going without settling.
    #[error("sync did not settle after {0} round trips without progress")]
    DidNotSettle(usize),
    /// The device is not enrolled with a relay.
    #[error("this device is not enrolled with a relay yet")]
    NotEnrolled,
    /// Plain HTTP to a non-loopback address was refused.
    #[error("refusing plain http:// to {0}: use https, or allow insecure http explicitly for testing")]
    InsecureUrl(String),
    /// A request named more documents than the relay takes at once.
    #[error("{documents} documents in one request; the limit is {limit}: sync in smaller batches")]
    TooManyDocuments {
        /// Documents named.
        documents: usize,
        /// The relay's limit.
        limit: usize,
    },
    /// A driver answered an effect with the wrong event: a bug in the driver.
    #[error("sync driver out of step: {0}")]
    OutOfOrder(String),
    /// The wire format was not understood.
    #[error(transparent)]
    Protocol(#[from] ProtocolError),
    /// The store a driver reads and writes failed.
    #[error("{0}")]
    Store(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl SyncError {
    /// Whether trying again later could succeed (signal came back, relay restarted).
    #[must_use]
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            SyncError::Unreachable(_)
                | SyncError::DidNotSettle(_)
                | SyncError::RateLimited { .. }
                | SyncError::Busy { .. }
        ) || matches!(self, SyncError::Refused { status, .. } if *status == 429 || *status >= 500)
    }

    /// How long the relay asked this device to wait before it tries again, if it did.
    #[must_use]
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        match self {
            SyncError::RateLimited { retry_after } | SyncError::Busy { retry_after } => *retry_after,
            _ => None,
        }
    }
}
