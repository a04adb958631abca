//! Connect Companion's screens, shared by the browser preview, desktop and mobile.
//!
//! Components get a [`SharedBackend`] and the [`state::Ui`] signals from
//! context; they never touch SQL or HTTP. Store writes and sync run off the UI
//! thread ([`state::off_thread`]). Every word comes from the [`i18n`]
//! catalogue; the look comes from `assets/style.css`.

pub mod backend;
pub mod components;
pub mod i18n;
pub mod items;
pub mod state;

pub use backend::{Backend, Edit, Network, SharedBackend, StoreBackend};
pub use components::App;
