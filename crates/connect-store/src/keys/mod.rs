//! Encryption at rest: the key that opens the device store, and the key file
//! that keeps it wrapped under what the person knows and, where the phone
//! can, what the phone's own secure hardware holds.
//!
//! The store file (and its WAL, and the full-text index inside it) is
//! encrypted page by page by SQLCipher: AES-256 with an HMAC on every page,
//! using a random 32-byte *data key*. The data key is never written in clear.
//! It is wrapped in one or more slots ([`wrap`]) in a small JSON *key file*
//! beside the store (`device.db.key`): under Argon2id of the PIN; or, on a
//! phone with a fingerprint (or face) unlock, under the PIN *and* the secret
//! the phone's authenticator gives this app through WebAuthn's PRF extension,
//! so copied files open nothing, with or without the PIN.
//!
//! Why a wrapped random key rather than a key derived straight from the PIN:
//! changing the PIN (or adding a fingerprint) rewraps 32 bytes instead of
//! re-encrypting the store, and a platform keystore (Android Keystore, iOS
//! Keychain) can hold the same data key where one exists, without changing
//! the store format.
//!
//! A new PIN must pass [`check_passphrase`] ([`pin_rule`]). Wrong guesses are
//! counted in the key file, so a restart does not reset them: the first
//! [`FREE_ATTEMPTS`] cost nothing, then each wrong guess doubles the wait,
//! from a minute up to an hour ([`backoff()`]), timed by a clock nobody can set
//! ([`backoff`]). Where the team chose it, the tenth wrong guess in a row
//! erases the wrapped key, so the store can never be opened again. The count
//! protects a phone in someone's hand; against someone who copies the files,
//! the protection is the fingerprint's secret, or else Argon2id's cost per
//! guess ([`KdfCost`]). A forgotten PIN has no bypass: the device is wiped
//! and enrolled again, and the team's data comes back from the relay.
//!
//! The key file also keeps what the lock screen may say before the store is
//! open ([`LockNotes`]): to whom a phone handed to a resident goes back, and
//! how many changes have not reached the team.

pub mod backoff;
mod pin_rule;
mod place;
mod wrap;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

pub use backoff::{FREE_ATTEMPTS, SteadyClock, SteadyReading, SystemSteadyClock, backoff};
pub use pin_rule::{COMMON_PINS, MAX_PASSPHRASE_CHARS, MIN_PASSPHRASE_CHARS, Weakness, check_passphrase};
pub use wrap::{KdfCost, PrfSecret};

use backoff::Attempts;
use wrap::{Given, KdfParams, Slot, SlotKind};

use crate::{Result, StoreError};

/// The wrong guesses in a row after which a phone whose team chose it erases
/// its key.
pub const ERASE_AFTER: u32 = 10;

/// Format of the key file this build writes (it reads format 1 too).
const KEY_FILE_FORMAT: u32 = 2;

/// The 32-byte key SQLCipher encrypts the store with. Wiped from memory when
/// dropped; never printed.
#[derive(Clone)]
pub struct StoreKey(Zeroizing<[u8; 32]>);

impl StoreKey {
    /// A fresh random key.
    #[must_use]
    pub fn random() -> Self {
        let mut bytes = Zeroizing::new([0u8; 32]);
        fill_random(bytes.as_mut());
        Self(bytes)
    }

    /// The key as SQLCipher's raw-key string (`x'…'`): used as given, with
    /// no second key derivation.
    pub(crate) fn raw(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("x'{}'", Zeroizing::new(hex::encode(self.0.as_ref())).as_str()))
    }

    /// The `PRAGMA key` statement that hands this key to SQLCipher.
    pub(crate) fn pragma(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("PRAGMA key = \"{}\";", self.raw().as_str()))
    }
}

impl std::fmt::Debug for StoreKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StoreKey(hidden)")
    }
}

/// A fingerprint (or face) unlock registered for this store: the WebAuthn
/// credential to ask for and the salt to ask it with. Neither is secret; the
/// secret is what the phone's authenticator answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// The credential's id.
    pub credential_id: Vec<u8>,
    /// The PRF input the authenticator is asked with.
    pub prf_salt: Vec<u8>,
}

/// A fingerprint to unlock with from now on: which one, its secret, and
/// whether the PIN is asked for as well.
#[derive(Debug)]
pub struct NewFingerprint<'a> {
    /// The credential and its salt.
    pub fingerprint: Fingerprint,
    /// What the authenticator answered for them.
    pub prf: &'a PrfSecret,
    /// Ask for the PIN as well as the fingerprint (the team's choice).
    pub pin_too: bool,
}

/// What a person gives to open the key file: the PIN (or passphrase), the
/// fingerprint's secret, or both.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unlocking<'a> {
    /// The PIN or passphrase, if typed.
    pub pin: Option<&'a str>,
    /// The fingerprint's secret, if the phone gave it.
    pub prf: Option<&'a PrfSecret>,
}

impl<'a> Unlocking<'a> {
    /// The PIN or passphrase alone.
    #[must_use]
    pub fn pin(pin: &'a str) -> Self {
        Self { pin: Some(pin), prf: None }
    }

    fn given(self) -> Given<'a> {
        Given { pin: self.pin, prf: self.prf }
    }
}

/// What the lock screen may say before the store is open, kept in the key
/// file in clear. Nothing about residents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockNotes {
    /// While the phone is handed to a resident: the supporter to give it back to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handed_to: Option<String>,
    /// Changes on this phone that had not reached the team when last counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsent: Option<u64>,
    /// The language the lock screen speaks (a BCP 47 tag): not secret, and
    /// needed before the PIN opens anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// Everything the lock screen knows: wrong guesses, the wait, how the phone
/// unlocks, and its notes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LockStatus {
    /// Wrong guesses in a row.
    pub failed_attempts: u32,
    /// No guess is tried until this much more time has passed.
    pub wait: Option<Duration>,
    /// The fingerprint registered for unlocking, if any.
    pub fingerprint: Option<Fingerprint>,
    /// Whether the PIN is asked for (always, without a fingerprint).
    pub pin_too: bool,
    /// After this many wrong guesses in a row the key is erased, where the
    /// team chose it.
    pub erase_after: Option<u32>,
    /// What the lock screen may say.
    pub notes: LockNotes,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct FingerprintData {
    credential_id: String,
    prf_salt: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct KeyFileData {
    format: u32,
    /// Every way of opening the data key; none once it was erased.
    slots: Vec<Slot>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fingerprint: Option<FingerprintData>,
    #[serde(default)]
    attempts: Attempts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    erase_after: Option<u32>,
    #[serde(default)]
    notes: LockNotes,
}

/// The first key files: one key wrapped under the PIN, and a wait kept as a
/// wall-clock time (which a clock set forward skipped).
#[derive(Deserialize)]
struct KeyFileV1 {
    kdf: KdfParams,
    wrapped_key: WrappedKeyV1,
    failed_attempts: u32,
    retry_after_ms: Option<i64>,
}

#[derive(Deserialize)]
struct WrappedKeyV1 {
    algorithm: String,
    nonce: String,
    ciphertext: String,
}

impl From<KeyFileV1> for KeyFileData {
    fn from(old: KeyFileV1) -> Self {
        let slot = Slot {
            kind: SlotKind::Pin,
            kdf: Some(old.kdf),
            algorithm: old.wrapped_key.algorithm,
            nonce: old.wrapped_key.nonce,
            ciphertext: old.wrapped_key.ciphertext,
        };
        // A wall-clock time cannot be trusted: a wait still running is served in full.
        let wait = old.retry_after_ms.and(backoff(old.failed_attempts));
        let attempts = Attempts {
            failed: old.failed_attempts,
            wait_left_ms: wait.map_or(0, |w| u64::try_from(w.as_millis()).unwrap_or(u64::MAX)),
            seen: None,
        };
        Self {
            format: KEY_FILE_FORMAT,
            slots: vec![slot],
            fingerprint: None,
            attempts,
            erase_after: None,
            notes: LockNotes::default(),
        }
    }
}

impl KeyFileData {
    fn new(slots: Vec<Slot>, fingerprint: Option<&Fingerprint>) -> Self {
        Self {
            format: KEY_FILE_FORMAT,
            slots,
            fingerprint: fingerprint.map(FingerprintData::from),
            attempts: Attempts::default(),
            erase_after: None,
            notes: LockNotes::default(),
        }
    }

    fn fingerprint(&self) -> Option<Fingerprint> {
        let f = self.fingerprint.as_ref()?;
        Some(Fingerprint {
            credential_id: hex::decode(&f.credential_id).ok()?,
            prf_salt: hex::decode(&f.prf_salt).ok()?,
        })
    }

    fn slot(&self, kind: SlotKind) -> Option<&Slot> {
        self.slots.iter().find(|s| s.kind == kind)
    }

    /// The slot what was given should open, or why none is tried. Asking for
    /// a missing secret is not a guess, and is not counted.
    fn slot_for(&self, given: Unlocking<'_>) -> Result<&Slot> {
        if self.fingerprint.is_none() {
            return match given.pin {
                Some(_) => self.slot(SlotKind::Pin).ok_or(StoreError::KeyErased { after: self.erase_after }),
                None => Err(StoreError::NeedsPin),
            };
        }
        match (given.prf, given.pin) {
            (None, _) => Err(StoreError::NeedsFingerprint),
            (Some(_), Some(_)) => {
                self.slot(SlotKind::FingerprintAndPin).ok_or(StoreError::KeyErased { after: self.erase_after })
            }
            (Some(_), None) => self.slot(SlotKind::Fingerprint).ok_or(StoreError::NeedsPin),
        }
    }
}

impl From<&Fingerprint> for FingerprintData {
    fn from(f: &Fingerprint) -> Self {
        Self { credential_id: hex::encode(&f.credential_id), prf_salt: hex::encode(&f.prf_salt) }
    }
}

/// The slots for a store opened with `pin` (and a fingerprint, if given).
fn slots_for(key: &StoreKey, pin: &str, fingerprint: Option<&NewFingerprint<'_>>) -> Result<Vec<Slot>> {
    let sealed = |kind, given| {
        Slot::seal(kind, key, given, KdfCost::CURRENT)
            .ok_or(StoreError::KeyFile { path: String::new(), reason: "the key could not be wrapped".into() })
    };
    match fingerprint {
        None => Ok(vec![sealed(SlotKind::Pin, Given { pin: Some(pin), prf: None })?]),
        Some(f) => {
            let mut slots = vec![sealed(SlotKind::FingerprintAndPin, Given { pin: Some(pin), prf: Some(f.prf) })?];
            if !f.pin_too {
                slots.push(sealed(SlotKind::Fingerprint, Given { pin: None, prf: Some(f.prf) })?);
            }
            Ok(slots)
        }
    }
}

/// The key file beside a store: the data key, wrapped, and the count of
/// wrong guesses.
#[derive(Clone)]
pub struct KeyFile {
    path: PathBuf,
    clock: Arc<dyn SteadyClock>,
}

impl std::fmt::Debug for KeyFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyFile").field("path", &self.path).finish_non_exhaustive()
    }
}

impl KeyFile {
    /// The key file for the store at `store` (`device.db` → `device.db.key`),
    /// timing waits on the platform's steady clock.
    #[must_use]
    pub fn for_store(store: &Path) -> Self {
        let mut name = store.as_os_str().to_owned();
        name.push(".key");
        Self { path: PathBuf::from(name), clock: Arc::new(SystemSteadyClock) }
    }

    /// The same key file, timing waits on `clock` (tests move their own).
    #[must_use]
    pub fn with_clock(self, clock: Arc<dyn SteadyClock>) -> Self {
        Self { clock, ..self }
    }

    /// Where the key file lives.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the store has a key file (is encrypted).
    #[must_use]
    pub fn exists(&self) -> bool {
        place::exists(&self.path)
    }

    /// Makes a new random data key, wraps it under `pin` (and the
    /// fingerprint, if given) and writes the key file. Refused if `pin` is
    /// too weak ([`check_passphrase`]), or if a key file already exists: that
    /// would orphan its store.
    pub fn create(&self, pin: &str, fingerprint: Option<&NewFingerprint<'_>>) -> Result<StoreKey> {
        check_passphrase(pin)?;
        self.exclusive(|| {
            if self.exists() {
                return Err(self.problem("a key file already exists; unlock it instead of making a new one"));
            }
            let key = StoreKey::random();
            let slots = slots_for(&key, pin, fingerprint)?;
            self.write(&KeyFileData::new(slots, fingerprint.map(|f| &f.fingerprint)))?;
            Ok(key)
        })
    }

    /// Unwraps the data key with what was given. A wrong guess is counted
    /// (and the count kept on disk); past [`FREE_ATTEMPTS`] no guess is even
    /// tried until the wait is served. The right one resets the count, and a
    /// key wrapped with older, cheaper settings is wrapped again with
    /// [`KdfCost::CURRENT`].
    pub fn unlock(&self, given: Unlocking<'_>) -> Result<StoreKey> {
        self.exclusive(|| self.unlock_held(given))
    }

    /// [`Self::unlock`], with the file already held.
    fn unlock_held(&self, given: Unlocking<'_>) -> Result<StoreKey> {
        let mut data = self.read()?;
        if data.slots.is_empty() {
            return Err(StoreError::KeyErased { after: data.erase_after });
        }
        let now = self.clock.read();
        if let Some(wait) = data.attempts.left(&now) {
            if data.attempts.settle(&now) {
                self.write(&data)?;
            }
            return Err(StoreError::TryLater { wait });
        }
        let slot = data.slot_for(given)?.clone();
        if let Some(key) = slot.open(given.given()) {
            let mut changed = data.attempts != Attempts::default();
            data.attempts = Attempts::default();
            if slot.is_outdated() {
                let fresh = Slot::seal(slot.kind, &key, given.given(), KdfCost::CURRENT)
                    .ok_or_else(|| self.problem("cannot rewrap"))?;
                data.slots.iter_mut().filter(|s| s.kind == slot.kind).for_each(|s| *s = fresh.clone());
                changed = true;
            }
            if changed || data.format != KEY_FILE_FORMAT {
                data.format = KEY_FILE_FORMAT;
                self.write(&data)?;
            }
            return Ok(key);
        }
        data.attempts.failed_at(&now);
        let failed = data.attempts.failed;
        if data.erase_after.is_some_and(|limit| failed >= limit) {
            // Without its slots the key is gone for good: the store's files
            // are noise, whoever copies them, even before they are deleted.
            data.slots.clear();
            data.fingerprint = None;
            self.write(&data)?;
            return Err(StoreError::KeyErased { after: data.erase_after });
        }
        self.write(&data)?;
        Err(StoreError::WrongPassphrase {
            failed_attempts: failed,
            wait: data.attempts.left(&now),
            erase_in: data.erase_after.map(|limit| limit - failed),
        })
    }

    /// Wrong guesses so far, the wait left, how the phone unlocks and what
    /// the lock screen may say. Writes down the part of a wait served so
    /// far, so closing the app does not lose it.
    pub fn status(&self) -> Result<LockStatus> {
        self.exclusive(|| {
            let mut data = self.read()?;
            let now = self.clock.read();
            if data.attempts.settle(&now) {
                self.write(&data)?;
            }
            Ok(LockStatus {
                failed_attempts: data.attempts.failed,
                wait: data.attempts.left(&now),
                fingerprint: data.fingerprint(),
                pin_too: data.fingerprint.is_none() || data.slot(SlotKind::Fingerprint).is_none(),
                erase_after: data.erase_after,
                notes: data.notes,
            })
        })
    }

    /// Rewraps the data key under a new PIN (the store itself is untouched;
    /// a fingerprint stays). What was given must open it, and counts as a
    /// guess if it does not; a fingerprinted phone needs its secret too.
    pub fn change_passphrase(&self, old: Unlocking<'_>, new: &str) -> Result<()> {
        check_passphrase(new)?;
        self.exclusive(|| {
            let key = self.unlock_held(old)?;
            let mut data = self.read()?;
            let fingerprint = data.fingerprint();
            let pin_too = data.slot(SlotKind::Fingerprint).is_none();
            data.slots = match (fingerprint, old.prf) {
                (Some(fingerprint), Some(prf)) => {
                    slots_for(&key, new, Some(&NewFingerprint { fingerprint, prf, pin_too }))?
                }
                (Some(_), None) => return Err(StoreError::NeedsFingerprint),
                (None, _) => slots_for(&key, new, None)?,
            };
            self.write(&data)
        })
    }

    /// Turns the fingerprint unlock on (or changes whether the PIN is asked
    /// too), or with `None` off, leaving the PIN alone. What was given must
    /// open the key now, with the PIN, which every new slot needs.
    pub fn set_fingerprint(&self, current: Unlocking<'_>, new: Option<&NewFingerprint<'_>>) -> Result<()> {
        let pin = current.pin.ok_or(StoreError::NeedsPin)?;
        self.exclusive(|| {
            let key = self.unlock_held(current)?;
            let mut data = self.read()?;
            data.slots = slots_for(&key, pin, new)?;
            data.fingerprint = new.map(|f| FingerprintData::from(&f.fingerprint));
            self.write(&data)
        })
    }

    /// Erase the key after this many wrong guesses in a row (the team's
    /// choice; `None`, the default, never).
    pub fn set_erase_after(&self, after: Option<u32>) -> Result<()> {
        self.exclusive(|| {
            let mut data = self.read()?;
            data.erase_after = after.filter(|n| *n > 0);
            self.write(&data)
        })
    }

    /// Changes what the lock screen may say; writes only if that changed.
    pub fn note(&self, change: impl FnOnce(&mut LockNotes)) -> Result<()> {
        self.exclusive(|| {
            let mut data = self.read()?;
            let before = data.notes.clone();
            change(&mut data.notes);
            if data.notes == before { Ok(()) } else { self.write(&data) }
        })
    }

    /// Runs `change` with this key file to itself in this process. Every
    /// change reads the file, changes it and writes it back; two at once
    /// would lose one of them: two wrong guesses counted as one (so guesses
    /// in parallel would dodge the wait), or a note for the lock screen
    /// undone by another written beside it. Held through the PIN's key
    /// derivation too, so guesses are tried one after another.
    fn exclusive<T>(&self, change: impl FnOnce() -> Result<T>) -> Result<T> {
        static HELD: LazyLock<Mutex<HashMap<PathBuf, Arc<Mutex<()>>>>> = LazyLock::new(Mutex::default);
        let file =
            Arc::clone(HELD.lock().unwrap_or_else(PoisonError::into_inner).entry(self.path.clone()).or_default());
        let _held = file.lock().unwrap_or_else(PoisonError::into_inner);
        change()
    }

    /// Deletes the key file: without it the store can never be opened again.
    pub fn remove(&self) -> Result<()> {
        place::remove(&self.path).map_err(|e| self.problem(&format!("cannot delete it: {e}")))
    }

    fn problem(&self, reason: &str) -> StoreError {
        StoreError::KeyFile { path: self.path.display().to_string(), reason: reason.to_owned() }
    }

    fn read(&self) -> Result<KeyFileData> {
        let bytes = place::read(&self.path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                self.problem("it is missing, so the store cannot be opened; enrol this device again")
            } else {
                self.problem(&format!("cannot read it: {e}"))
            }
        })?;
        let damaged = |e: serde_json::Error| self.problem(&format!("it is damaged: {e}"));
        let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(damaged)?;
        match value.get("format").and_then(serde_json::Value::as_u64) {
            Some(1) => Ok(serde_json::from_value::<KeyFileV1>(value).map_err(damaged)?.into()),
            Some(2) => serde_json::from_value(value).map_err(damaged),
            other => Err(self.problem(&format!(
                "format {} is not one this app reads; update the app",
                other.map_or_else(|| "unknown".to_owned(), |f| f.to_string())
            ))),
        }
    }

    /// Writes atomically, so a flat battery leaves the old key file or the new one.
    fn write(&self, data: &KeyFileData) -> Result<()> {
        let json = serde_json::to_vec_pretty(data).map_err(|e| self.problem(&e.to_string()))?;
        place::write(&self.path, &json).map_err(|e| self.problem(&format!("cannot write it: {e}")))
    }
}

#[cfg(test)]
mod tests;

/// Fills `bytes` from the operating system's random source (the browser's
/// Web Crypto in wasm). With none, nothing safe can be made: it panics, as
/// `rand`'s thread generator did.
pub fn fill_random(bytes: &mut [u8]) {
    getrandom::fill(bytes).expect("the system's random source is unavailable");
}
