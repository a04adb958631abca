//! The relay's one error type, and how it becomes an HTTP response. Bodies
//! carry a stable code and plain words, never internals; details go to the log.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use connect_sync::api::{ErrorBody, codes};

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum RelayError {
    /// No or unknown token.
    #[error("this device is not enrolled with the relay")]
    Unauthorised,
    /// The device was revoked.
    #[error("this device has been revoked; wipe its data")]
    Revoked,
    /// The role may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// Something named does not exist.
    #[error("{0}")]
    NotFound(String),
    /// The request is malformed.
    #[error("{0}")]
    BadRequest(String),
    /// The app speaks an older protocol.
    #[error("this app is older than the relay: update the app")]
    UpdateApp,
    /// The app speaks a newer protocol.
    #[error("this relay is older than the app: update the relay")]
    UpdateRelay,
    /// Too many requests from one device or address: wait this long.
    #[error("too many requests; try again in a moment")]
    RateLimited(std::time::Duration),
    /// The request body came in too slowly.
    #[error("the request came in too slowly; nothing was changed; try again")]
    TooSlow,
    /// Too many requests at once: shed, not queued.
    #[error("the relay is busy; nothing was changed; try again in a moment")]
    Overloaded,
    /// The body is too big.
    #[error("{0}")]
    TooLarge(String),
    /// Other requests kept changing the same documents; nothing was changed.
    #[error("the relay is busy with the same documents; nothing was changed; try again")]
    Busy,
    /// A media upload's bytes did not start where the relay's copy ends.
    #[error("the relay has {0} bytes of this file; send the rest from there")]
    WrongOffset(u64),
    /// A media file's bytes did not match its name.
    #[error("the file's bytes did not match its SHA-256; nothing of it was kept; send it again")]
    HashMismatch,
    /// The team's media space is full.
    #[error("{0}")]
    MediaFull(String),
    /// Storage failed.
    #[error("storage error")]
    Store(#[from] connect_relay_store::RelayStoreError),
    /// Anything else unexpected.
    #[error("internal error")]
    Internal(String),
}

impl RelayError {
    /// Too many requests: wait `wait` (at least a second).
    pub(crate) fn rate_limited(wait: std::time::Duration) -> Self {
        Self::RateLimited(wait)
    }

    /// How long the client should wait before it tries again, if it should.
    fn retry_after(&self) -> Option<u64> {
        match self {
            RelayError::RateLimited(wait) => Some(wait.as_secs_f64().ceil().max(1.0) as u64),
            RelayError::Busy | RelayError::Overloaded => Some(BUSY_RETRY_SECS),
            _ => None,
        }
    }
}

/// What a shed or busy request is told to wait, in seconds.
const BUSY_RETRY_SECS: u64 = 5;

impl IntoResponse for RelayError {
    fn into_response(self) -> Response {
        let (status, code) = match &self {
            RelayError::Unauthorised => (StatusCode::UNAUTHORIZED, codes::UNAUTHORISED),
            RelayError::Revoked => (StatusCode::FORBIDDEN, codes::DEVICE_REVOKED),
            RelayError::Forbidden(_) => (StatusCode::FORBIDDEN, codes::FORBIDDEN),
            RelayError::NotFound(_) => (StatusCode::NOT_FOUND, codes::NOT_FOUND),
            RelayError::BadRequest(_) => (StatusCode::BAD_REQUEST, codes::BAD_REQUEST),
            RelayError::UpdateApp => (StatusCode::UPGRADE_REQUIRED, codes::UPDATE_APP),
            RelayError::UpdateRelay => (StatusCode::UPGRADE_REQUIRED, codes::UPDATE_RELAY),
            RelayError::RateLimited(_) => (StatusCode::TOO_MANY_REQUESTS, codes::RATE_LIMITED),
            RelayError::TooSlow => (StatusCode::REQUEST_TIMEOUT, codes::TOO_SLOW),
            RelayError::Overloaded => (StatusCode::SERVICE_UNAVAILABLE, codes::BUSY),
            RelayError::TooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, codes::TOO_LARGE),
            RelayError::Busy => (StatusCode::SERVICE_UNAVAILABLE, codes::BUSY),
            RelayError::WrongOffset(_) => (StatusCode::CONFLICT, codes::WRONG_OFFSET),
            RelayError::HashMismatch => (StatusCode::UNPROCESSABLE_ENTITY, codes::HASH_MISMATCH),
            RelayError::MediaFull(_) => (StatusCode::INSUFFICIENT_STORAGE, codes::MEDIA_FULL),
            RelayError::Store(_) | RelayError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, codes::INTERNAL),
        };
        if status.is_server_error() {
            tracing::error!(error = ?self, "request failed");
        }
        let message = match &self {
            RelayError::Store(_) | RelayError::Internal(_) => "the relay failed; nothing was changed; try again".into(),
            other => other.to_string(),
        };
        let mut response = (status, Json(ErrorBody { error: code.into(), message })).into_response();
        if let RelayError::WrongOffset(held) = self {
            response.headers_mut().insert(connect_sync::api::UPLOAD_OFFSET, axum::http::HeaderValue::from(held));
        }
        if let Some(secs) = self.retry_after() {
            response.headers_mut().insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from(secs));
        }
        response
    }
}
