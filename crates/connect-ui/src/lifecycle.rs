//! What the platform tells the auto-sync: the network went or came back, the
//! app went to the background. The browser has events for each (`online`,
//! `offline`, `visibilitychange`, `pagehide`); native launchers probe the
//! relay lightly instead (a TCP connection, no request), and only while the
//! last sync could not reach it.
//!
//! On the desktop and in the preview the screens run in a page the launcher
//! cannot see, so the page's own events come from a script in it
//! ([`crate::page_events`]) and the probe only adds "online" after a failure.
//!
//! The launcher puts a [`SharedLifecycle`] in context; without one, the
//! auto-sync still runs on opening, after edits and on its schedule.

use std::sync::Arc;

use connect_device::client::SendSyncOutsideWasm;

/// Something that happened around the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LifeEvent {
    /// The network came back.
    Online,
    /// There is no network.
    Offline,
    /// The app went to the background, or the page was hidden or left.
    Hidden,
}

/// Where events go. It answers `false` once nobody listens any more (the
/// app locked), so a watcher can stop.
pub type LifeSink = Box<dyn Fn(LifeEvent) -> bool + Send + Sync>;

/// The platform's events.
pub trait Lifecycle: SendSyncOutsideWasm {
    /// Sends events to `sink` from now on, in place of any earlier sink.
    /// `relay` is the team relay's address, for platforms that probe it.
    fn watch(&self, relay: Option<String>, sink: LifeSink);

    /// How the latest sync went: whether the relay could be reached. A
    /// platform that probes starts probing when it could not, and says
    /// [`LifeEvent::Online`] when it can again.
    fn reached_relay(&self, reached: bool) {
        let _ = reached;
    }

    /// Whether the screens should listen in their page for it being hidden
    /// and for the network coming back ([`crate::page_events`]), because
    /// this platform cannot see the page itself (the desktop's web view, the
    /// preview's browser tab). The web app's lifecycle listens itself.
    fn listen_in_the_page(&self) -> bool {
        true
    }
}

/// The lifecycle as components hold it.
pub type SharedLifecycle = Arc<dyn Lifecycle>;
