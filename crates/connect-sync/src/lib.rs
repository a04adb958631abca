//! Connect Companion's sync.
//!
//! - [`protocol`]: the versioned, batched wire format built on `automerge::sync`.
//! - [`session`]: a device's sync session, generic over the store and a
//!   [`Transport`], so it runs the same against a real relay and in-process.
//! - `http` (feature `http`): the HTTPS transport on reqwest with rustls, enrolment,
//!   and the rules about which relay addresses may be reached over plain HTTP.

mod error;
#[cfg(feature = "http")]
pub mod http;
pub mod protocol;
pub mod session;

pub use error::SyncError;
pub use session::{SyncReport, Transport, run_session};
