//! Connect Companion's sync: a sans-I/O core, its drivers, and its transport.
//!
//! The core does no I/O. It is two state machines that take events and
//! return effects, and speak only in documents, heads and sync states:
//! - [`device`]: a device's session ([`DeviceSync`]): plans batches within the
//!   relay's limits, applies what comes back, says what to write.
//! - [`relay`]: the relay's half of one round trip ([`RelayRound`]): checks
//!   and merges what a device sent, answers from the team feed.
//! - [`access`]: who may read and write which document, as a pure function.
//! - [`protocol`]: the versioned, batched binary wire format on `automerge::sync`.
//! - [`api`]: every JSON body of the relay's HTTP API, typed once.
//! - [`schedule`]: when to sync without being asked, over a clock it is
//!   given ([`SyncSchedule`]).
//!
//! Around it:
//! - [`driver`]: the loops that run the device core, blocking and async,
//!   over a [`driver::SessionStore`] and a [`driver::Transport`].
//!   `connect-device` implements the store side; this crate depends on no
//!   store at all.
//! - `http` (feature `http`): the HTTPS transport on reqwest with rustls,
//!   typed calls to every endpoint, and the rule about which relay addresses
//!   may be reached over plain HTTP.

pub mod access;
pub mod api;
pub mod device;
pub mod driver;
mod error;
#[cfg(feature = "http")]
pub mod http;
pub mod protocol;
pub mod relay;
pub mod schedule;

pub use device::{DeviceSync, SyncReport};
pub use driver::{Transport, run_session, run_session_async};
pub use error::SyncError;
pub use relay::RelayRound;
pub use schedule::SyncSchedule;
