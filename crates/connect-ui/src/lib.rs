//! Connect Companion's screens, shared by the browser preview, desktop and mobile.
//!
//! Launchers start [`Root`] with a [`SharedVault`] in context: the lock in
//! front of the encrypted store. Once unlocked, components get a
//! [`SharedBackend`] and the [`state::Ui`] signals from context; they never
//! touch SQL or HTTP. Store writes and sync run off the UI
//! thread ([`state::off_thread`]). Every word comes from the [`i18n`]
//! catalogue; the look comes from `assets/style.css`.

pub mod backend;
pub mod components;
pub mod i18n;
pub mod items;
pub mod state;
pub mod vault;

pub use backend::{Backend, Edit, Network, SharedBackend, StoreBackend};
pub use components::{App, Root};
pub use vault::{SharedVault, Vault};
