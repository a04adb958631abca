//! The phone's Back gesture moves within the app: each screen opened is a
//! step the platform's history can undo, and undoing it goes back one screen
//! (never out of a resident's own screens in resident mode). The launcher
//! supplies a [`History`] where the platform has one (the web app: the
//! browser's history); without one, the app's own "Back" buttons still work.

use std::sync::Arc;

use connect_device::client::SendSyncOutsideWasm;

/// The platform's history of screens.
pub trait History: SendSyncOutsideWasm {
    /// A screen was opened: record a step the Back gesture can undo.
    fn pushed(&self);
    /// Go back one step, as the Back gesture would (the app's own "Back").
    fn back(&self);
    /// Calls `sink` on every Back gesture from now on, in place of any earlier one.
    fn on_back(&self, sink: Box<dyn Fn()>);
}

/// The history as components hold it.
pub type SharedHistory = Arc<dyn History>;
