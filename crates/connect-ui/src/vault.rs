//! The lock in front of the store. The device store is encrypted under the
//! supporter's PIN, so nothing can be shown until the PIN is given: the app
//! opens on a lock screen (or, the first time, a "choose a PIN" screen), locks
//! itself again after some minutes without a touch, and shows a plain
//! "this device was wiped" screen after the team revokes it.
//!
//! The launcher supplies a [`connect_device::Vault`] (it knows where the
//! store is and how to open it); the screens only ask it questions. This
//! module holds what the screens make of its answers: which door shows. A
//! forgotten PIN has no bypass: the device is wiped and set up again, and
//! the team's data comes back from the relay.
//!
//! Locked means locked: when the door closes, the root tells the vault to
//! close the store and forget its key, and every call the hidden screens
//! might still make is refused until the PIN is given. The screens stay
//! mounted behind the lock, so a half-typed note (which lives in the page,
//! not the store) is still there after the PIN; the auto-sync waits for the
//! door to open again ([`crate::auto_sync`]).

use std::time::Duration;

use connect_device::DeviceClient;
use dioxus::prelude::*;

use crate::clock::SharedClock;

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
    /// Too many wrong PINs erased this phone, as the team chose.
    Erased,
}

/// The root's state, shared through context with the screens that lock,
/// unlock or report a wipe.
#[derive(Clone, Copy)]
pub struct Gate {
    /// What is showing.
    pub door: Signal<Door>,
    /// The screens' client: kept while locked (its calls are refused then),
    /// so a half-typed note is still there after the PIN.
    pub backend: Signal<Option<DeviceClient>>,
    /// The last touch, key or input anywhere in the app, on [`Gate::clock`]
    /// (not reactive: recording a touch re-renders nothing).
    pub last_active: CopyValue<Duration>,
    /// The screens' clock.
    pub clock: CopyValue<SharedClock>,
}

impl Gate {
    /// Locks now.
    pub fn lock(mut self) {
        if *self.door.peek() == Door::Open {
            self.door.set(Door::Locked);
        }
    }

    /// Opens with a backend the vault gave.
    pub fn open(mut self, backend: DeviceClient) {
        self.backend.set(Some(backend));
        self.last_active.set(self.clock.peek().now());
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

    /// Wrong PINs erased this phone: forget the backend and say so.
    pub fn erased(mut self) {
        self.backend.set(None);
        self.door.set(Door::Erased);
    }

    /// Shows the lock if a call found the store locked (another window of
    /// the same app locked it). Returns whether it did.
    pub fn check_locked(self, e: &connect_device::DeviceError) -> bool {
        let locked = *e == connect_device::DeviceError::Locked;
        if locked {
            self.lock();
        }
        locked
    }

    /// Starts again from nothing (after a wipe or a forgotten PIN).
    pub fn start_again(mut self) {
        self.backend.set(None);
        self.door.set(Door::FirstRun);
    }

    /// How long since the last touch.
    #[must_use]
    pub fn idle_for(self) -> Duration {
        self.clock.peek().now().saturating_sub(*self.last_active.peek())
    }

    /// Records activity.
    pub fn touch(self) {
        let mut last = self.last_active;
        last.set(self.clock.peek().now());
    }
}

/// The gate, if the app runs behind one (component tests may mount screens
/// without it).
#[must_use]
pub fn use_gate() -> Option<Gate> {
    try_use_context::<Gate>()
}
