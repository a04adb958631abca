//! Connect Companion's screens, shared by the web app, the desktop, the
//! browser preview and mobile.
//!
//! Launchers start [`Root`] with a [`SharedVault`] in context: the lock in
//! front of the encrypted store. Once unlocked, components get a
//! [`Backend`] and the [`state::Ui`] signals from context; they await the
//! backend's typed calls and never touch SQL, files or HTTP. This crate
//! depends on no store: the store-backed side lives with the launchers. Every
//! word comes from the [`i18n`] catalogue; the look comes from
//! `assets/style.css`.

pub mod auto_sync;
pub mod backend;
pub mod camera;
pub mod clock;
pub mod components;
pub mod i18n;
pub mod invite_link;
pub mod items;
pub mod lifecycle;
pub mod page_events;
pub mod state;
pub mod vault;

pub use backend::{Backend, BackendError, Channel, Edit, Opened, Reply, Request, SharedBackend};
pub use components::{App, Root};
pub use vault::{SharedVault, Vault};
