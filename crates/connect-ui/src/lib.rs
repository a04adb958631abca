//! Connect Companion's screens, shared by the web app, the desktop, the
//! browser preview and mobile.
//!
//! Launchers start [`Root`] with a [`connect_device::SharedVault`] in
//! context: the lock in front of the encrypted store. Once unlocked,
//! components get a [`connect_device::DeviceClient`] and the [`state::Ui`]
//! signals from context; they await its typed calls and never touch SQL,
//! files or HTTP. This crate depends on no store: it knows only the device's
//! API (`connect-device` without its `store` feature). Every
//! word comes from the [`i18n`] catalogue; the look comes from
//! `assets/style.css`.

pub mod auto_sync;
pub mod camera;
pub mod checkin_words;
pub mod clock;
pub mod components;
pub mod drafts;
pub mod i18n;
pub mod invite_link;
pub mod item_view;
pub mod lifecycle;
pub mod media_view;
pub mod navigation;
pub mod page_events;
pub mod phone_media;
pub mod promise_fields;
pub mod promise_words;
pub mod state;
pub mod vault;
pub mod when;

pub use components::{App, Root};
