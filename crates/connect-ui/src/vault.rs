//! The lock in front of the store. The device store is encrypted under the
//! supporter's PIN, so nothing can be shown until the PIN is given: the app
//! opens on a lock screen (or, the first time, a "choose a PIN" screen), locks
//! itself again after some minutes without a touch, and shows a plain
//! "this device was wiped" screen after the team revokes it.
//!
//! The launcher supplies a [`Vault`] (it knows where the store is and how to
//! open it); the screens only ask it questions. A forgotten PIN has no bypass:
//! the device is wiped and set up again, and the team's data comes back from
//! the relay.

use std::sync::Arc;
use std::time::Duration;

use web_time::Instant;

use connect_model::Timestamp;
use dioxus::prelude::*;

use crate::backend::{BackendFuture, SendSyncOutsideWasm, SharedBackend};

/// Wrong PINs so far and when the next try is allowed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LockState {
    /// Wrong PINs in a row.
    pub failed_attempts: u32,
    /// No PIN is tried before this time.
    pub retry_after: Option<Timestamp>,
}

/// How much the browser gives the app, for Settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StorageInfo {
    /// Bytes the app's records and files take.
    pub used: u64,
    /// Bytes the browser would let it take in all.
    pub quota: u64,
    /// Whether the browser promised not to clear them when space runs low.
    pub persisted: bool,
}

/// What the lock screens need from the launcher. Everything that touches
/// the store or its key file is async: in the browser it runs in the store's
/// worker, on native platforms on a blocking thread.
pub trait Vault: SendSyncOutsideWasm {
    /// Whether this device has a store yet; `false` means first run.
    fn has_store(&self) -> BackendFuture<bool>;
    /// Wrong PINs so far and when the next try is allowed.
    fn lock_state(&self) -> BackendFuture<LockState>;
    /// First run: creates the encrypted store under `pin` for `name`, and
    /// opens it; with `demo` (only where [`Vault::offers_demo`]), filled
    /// with the fictional demo caseload.
    fn create(&self, name: &str, pin: &str, demo: bool) -> BackendFuture<SharedBackend>;
    /// Checks `pin` (wrong ones are counted and back off) and returns the
    /// open store's backend, opening it the first time.
    fn unlock(&self, pin: &str) -> BackendFuture<SharedBackend>;
    /// A forgotten PIN: deletes everything on this device, so it can be set
    /// up and enrolled again.
    fn forget(&self) -> BackendFuture<()>;
    /// Changes the PIN (the old one must be right; wrong ones are counted).
    fn change_pin(&self, old: &str, new: &str) -> BackendFuture<()>;
    /// How long without a touch before the app locks itself.
    fn idle_limit(&self) -> Duration;
    /// The relay to offer in Settings: in the browser, the address the app
    /// was served from (the team's relay serves it).
    fn suggested_relay(&self) -> Option<String> {
        None
    }
    /// The space the app uses and has left, where the platform says (the
    /// browser does; a native app's disk is the phone's own business).
    fn storage(&self) -> BackendFuture<Option<StorageInfo>> {
        Box::pin(std::future::ready(Ok(None)))
    }
    /// The name to suggest on the first-run screen.
    fn suggested_name(&self) -> String {
        String::new()
    }
    /// Whether the first run offers the fictional demo caseload: only where
    /// the app was started for trying it out (`--demo`, or `?demo` in the
    /// browser), never on a real phone by default.
    fn offers_demo(&self) -> bool {
        false
    }
}

/// The vault as components hold it.
pub type SharedVault = Arc<dyn Vault>;

/// What the root shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Door {
    /// Still asking whether this device has a store.
    Opening,
    /// No store yet: choose a name and a PIN.
    FirstRun,
    /// The PIN is needed.
    Locked,
    /// The app.
    Open,
    /// The team revoked this device and its data was deleted.
    Wiped,
}

/// The root's state, shared through context with the screens that lock,
/// unlock or report a wipe.
#[derive(Clone, Copy)]
pub struct Gate {
    /// What is showing.
    pub door: Signal<Door>,
    /// The open store's backend: kept while locked, so a half-typed note is
    /// still there after the PIN.
    pub backend: Signal<Option<SharedBackend>>,
    /// The last touch, key or input anywhere in the app (not reactive:
    /// recording a touch re-renders nothing).
    pub last_active: CopyValue<Instant>,
}

impl Gate {
    /// Locks now.
    pub fn lock(mut self) {
        if *self.door.peek() == Door::Open {
            self.door.set(Door::Locked);
        }
    }

    /// Opens with a backend the vault gave.
    pub fn open(mut self, backend: SharedBackend) {
        self.backend.set(Some(backend));
        self.last_active.set(Instant::now());
        self.door.set(Door::Open);
    }

    /// The device was wiped: forget the backend and say so.
    pub fn wiped(mut self) {
        self.backend.set(None);
        self.door.set(Door::Wiped);
    }

    /// Shows the wiped screen if the backend says the device was wiped (the
    /// relay revoked it at any contact). Returns whether it was.
    pub fn check_wiped(self) -> bool {
        let wiped = self.backend.peek().as_ref().is_some_and(|b| b.wiped());
        if wiped {
            self.wiped();
        }
        wiped
    }

    /// Starts again from nothing (after a wipe or a forgotten PIN).
    pub fn start_again(mut self) {
        self.backend.set(None);
        self.door.set(Door::FirstRun);
    }

    /// Records activity.
    pub fn touch(self) {
        let mut last = self.last_active;
        last.set(Instant::now());
    }
}

/// The gate, if the app runs behind one (component tests may mount screens
/// without it).
#[must_use]
pub fn use_gate() -> Option<Gate> {
    try_use_context::<Gate>()
}
