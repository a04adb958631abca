//! The device's API as plain values: every question a screen or the command
//! line asks of a device ([`Request`], [`Edit`]), every answer ([`Reply`] and
//! the [`views`]), what the lock screens know ([`lock`]) and why a call did
//! not happen ([`error::DeviceError`]). All of it serialises to JSON, so the
//! web app's page and its store worker pass it as messages; `tests/wire.rs`
//! checks that every answer reads back exactly.

pub mod edit;
pub mod error;
pub mod lock;
pub mod media;
pub mod request;
pub mod views;

pub use edit::{Edit, Edited};
pub use media::{
    INPUT_BYTES_MAX, INPUT_TOO_LARGE, MediaItem, MediaPending, MediaReport, MediaSpace, MediaState, NewFile,
};
pub use request::{Reply, Request};
pub use views::{
    AuditView, DEFAULT_AUTO_SYNC_MINUTES, IntroView, InviteCard, NewPlace, ResidentData, SubjectAccess, SyncOverview,
    SyncSummary,
};
