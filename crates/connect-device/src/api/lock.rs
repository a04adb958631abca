//! What the lock in front of the store tells the screens: wrong PINs so far
//! and the wait they earned, how this phone unlocks (the PIN, or its
//! fingerprint or face unlock with or without the PIN), what the lock screen
//! may say before the store opens, what the app knows at once when it opens,
//! and the space the platform gives it.

use std::time::Duration;

use connect_model::ResidentId;
use connect_model::device::DeviceIdentity;
use serde::{Deserialize, Serialize};

/// Everything the lock screen knows while the store is closed, read from
/// the key file beside it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockState {
    /// Wrong PINs in a row.
    pub failed_attempts: u32,
    /// No PIN is tried until this much more time has passed (it counts down
    /// while the app is open).
    pub wait: Option<Duration>,
    /// This phone unlocks with its fingerprint (or face): the credential the
    /// page asks the phone for, and whether the PIN is asked as well.
    pub fingerprint: Option<FingerprintLock>,
    /// The team chose to erase this phone after this many wrong PINs in a row.
    pub erase_after: Option<u32>,
    /// The phone is handed to a resident: the supporter it goes back to.
    pub handed_to: Option<String>,
    /// Changes on this phone not yet sent to the team, when last counted.
    pub unsent: Option<u64>,
    /// The language the lock screen speaks: the resident's while the phone
    /// is handed to them, else this phone's person's (as last noted).
    pub language: Option<String>,
}

/// How a phone with a fingerprint (or face) unlock opens: the WebAuthn
/// credential and salt the page asks its authenticator with (neither is
/// secret), and whether the team asks for the PIN too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FingerprintLock {
    /// The credential's id.
    pub credential_id: Vec<u8>,
    /// The PRF input.
    pub prf_salt: Vec<u8>,
    /// Whether the PIN is asked as well.
    pub pin_too: bool,
}

/// The 32 bytes the phone's authenticator gave (WebAuthn PRF): half of the
/// secret that opens a fingerprinted phone. Wiped from memory when dropped;
/// never shown, never stored.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FingerprintSecret(pub Vec<u8>);

impl Drop for FingerprintSecret {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

impl std::fmt::Debug for FingerprintSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FingerprintSecret(hidden)")
    }
}

/// A fingerprint (or face) unlock the page has just registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFingerprint {
    /// The credential's id.
    pub credential_id: Vec<u8>,
    /// The PRF input it was asked with.
    pub prf_salt: Vec<u8>,
    /// What it answered.
    pub secret: FingerprintSecret,
    /// Ask for the PIN as well as the fingerprint.
    pub pin_too: bool,
}

/// What the person gave to unlock: the PIN, the fingerprint's secret, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unlocking {
    /// The PIN or passphrase, if typed.
    pub pin: Option<String>,
    /// The fingerprint's secret, if the phone gave it.
    pub fingerprint: Option<FingerprintSecret>,
}

impl Unlocking {
    /// The PIN alone.
    #[must_use]
    pub fn pin(pin: &str) -> Self {
        Self { pin: Some(pin.to_owned()), fingerprint: None }
    }
}

/// Whether this phone can unlock with its fingerprint or face, and if not,
/// why, in words for Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FingerprintSupport {
    /// It can: the platform has an authenticator with the PRF extension.
    Available,
    /// It cannot, for this reason.
    Unavailable(String),
}

/// How much the browser gives the app, for Settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorageInfo {
    /// Bytes the app's records and files take.
    pub used: u64,
    /// Bytes the browser would let it take in all.
    pub quota: u64,
    /// Whether the browser promised not to clear them when space runs low.
    pub persisted: bool,
}

/// What the open app knows at once, without asking: read when the store opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opened {
    /// This device's identity.
    pub me: DeviceIdentity,
    /// The resident this device is handed to, if any: kept in the store so a
    /// reload or a restart cannot leave "hand to resident" mode.
    pub resident_lock: Option<ResidentId>,
    /// On a resident's own phone (enrolled with a resident invite), whose it
    /// is: the app shows only their screens.
    pub own_resident: Option<ResidentId>,
    /// The language this phone's person chose ([`crate::Request::SetLanguage`]).
    #[serde(default)]
    pub language: Option<String>,
}
