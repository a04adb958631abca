//! The Connect Companion team relay.
//!
//! A small axum server the team runs: devices enrol with one-time invites,
//! then sync batches of Automerge changes with it. It checks who may see and
//! change each document, verifies that changes come from the device whose
//! actor wrote them, numbers every accepted change in a per-team feed, and
//! carries erasures to every device. It keeps everything in a
//! `connect-relay-store` backend: SQLite, the embedded default, or PostgreSQL,
//! where several relay processes can serve one team. Only this crate knows
//! axum; it knows no SQL.

pub mod access;
pub mod admin;
pub mod api;
pub mod auth;
mod error;
pub mod guard;
pub mod media;
pub mod metrics;
pub mod serve;
pub mod sync;
mod team;
pub mod web_app;

pub use api::{AppState, router};
pub use guard::{Protection, RateLimit};

/// The runtime the relay serves on. Store calls run on tokio's blocking
/// threads; no more of them can work at once than the store has
/// connections (`pool_size`), and each extra one would only hold memory.
pub fn runtime(pool_size: u32) -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(usize::try_from(pool_size.max(1)).unwrap_or(8))
        .build()
}
pub use error::RelayError;
