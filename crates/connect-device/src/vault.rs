//! The vault: the encrypted store on this device, opened with the person's
//! PIN (and, where the phone can, its fingerprint or face unlock).
//! [`StoreVault`] is the synchronous logic behind every platform's lock
//! screen: the web app's store worker runs it, and so does
//! `native::NativeVault` on the blocking pool.
//!
//! Locked means locked: [`StoreVault::lock`] closes the store, so SQLCipher
//! forgets the key (the vault never keeps it: it is dropped, and zeroised,
//! as soon as the store is open), and every call but unlocking is refused
//! with [`DeviceError::Locked`] until the PIN is given again. What the lock
//! screen may say meanwhile (to whom a phone handed to a resident goes back,
//! how many changes have not reached the team) the vault notes in the key
//! file as the calls that change it pass through [`StoreVault::call`].

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use connect_model::{AuthorRole, DeviceId, Timestamp};
use connect_store::keys::{Fingerprint, PrfSecret, SteadyClock};
use connect_store::{DeviceIdentity, DocumentStore, KeyFile, SqliteStore, StoreError};

use crate::api::lock::{FingerprintLock, LockState, NewFingerprint, Opened, Unlocking};
use crate::api::{Reply, Request};
use crate::device::Device;
use crate::network::HttpNetwork;
use crate::{DeviceError, sentence};

fn refused(e: impl std::fmt::Display) -> DeviceError {
    DeviceError::Refused(sentence(e))
}

/// The device a vault opens: the encrypted store, reaching the relay over HTTPS.
pub type OpenDevice = Device<SqliteStore, HttpNetwork>;

/// How a platform deletes the store's files: the database, its key file and
/// anything beside them (the browser's live in OPFS, not a file system).
pub type Destroy = fn(&Path) -> Result<(), StoreError>;

/// The fingerprint's secret as the key file takes it.
fn prf(secret: Option<&crate::api::lock::FingerprintSecret>) -> Result<Option<PrfSecret>, DeviceError> {
    secret
        .map(|s| {
            PrfSecret::from_slice(&s.0).ok_or_else(|| {
                DeviceError::refused("The phone's fingerprint unlock gave an answer the app cannot use.")
            })
        })
        .transpose()
}

/// A fingerprint the page registered, as the key file takes it.
fn for_key_file<'a>(f: &NewFingerprint, prf: &'a PrfSecret) -> connect_store::keys::NewFingerprint<'a> {
    connect_store::keys::NewFingerprint {
        fingerprint: Fingerprint { credential_id: f.credential_id.clone(), prf_salt: f.prf_salt.clone() },
        prf,
        pin_too: f.pin_too,
    }
}

/// The encrypted store at one path, opened with the person's PIN (and
/// fingerprint): the synchronous logic behind every platform's lock screen.
pub struct StoreVault {
    path: PathBuf,
    demo: bool,
    name: String,
    destroy: Destroy,
    key_file: KeyFile,
    /// The open device; `None` while locked.
    open: Mutex<Option<Arc<OpenDevice>>>,
    /// The count of unsent changes last noted in the key file.
    unsent_noted: Mutex<Option<u64>>,
}

impl StoreVault {
    /// The vault for the store at `path`. `demo` offers, at first run, to
    /// fill the new store with the fictional caseload; `name` is the name a
    /// new phone suggests.
    #[must_use]
    pub fn new(path: PathBuf, demo: bool, name: &str, destroy: Destroy) -> Self {
        let key_file = KeyFile::for_store(&path);
        Self {
            path,
            demo,
            name: name.to_owned(),
            destroy,
            key_file,
            open: Mutex::new(None),
            unsent_noted: Mutex::new(None),
        }
    }

    /// The same vault, timing waits between wrong PINs on `clock` (tests).
    #[must_use]
    pub fn with_clock(self, clock: Arc<dyn SteadyClock>) -> Self {
        Self { key_file: self.key_file.clone().with_clock(clock), ..self }
    }

    /// Whether the first run offers the fictional demo caseload.
    #[must_use]
    pub fn offers_demo(&self) -> bool {
        self.demo
    }

    fn now() -> Timestamp {
        Timestamp::new(chrono::Utc::now())
    }

    /// The name a new phone suggests.
    #[must_use]
    pub fn suggested_name(&self) -> &str {
        &self.name
    }

    fn open_device(&self) -> Option<Arc<OpenDevice>> {
        self.open.lock().ok()?.clone().filter(|d| !d.wiped())
    }

    /// The open device, or [`DeviceError::Locked`].
    pub fn device(&self) -> Result<Arc<OpenDevice>, DeviceError> {
        self.open_device().ok_or(DeviceError::Locked)
    }

    /// Whether the store is open (unlocked).
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.open_device().is_some()
    }

    fn device_over(&self, mut store: SqliteStore, name: &str, seed_demo: bool) -> Result<Opened, DeviceError> {
        let words = DeviceError::store;
        let identity = match store.identity().map_err(words)? {
            Some(i) => i,
            None => {
                let person_name =
                    connect_model::limits::required("name", name, connect_model::limits::NAME_MAX).map_err(refused)?;
                let i = DeviceIdentity {
                    device_id: DeviceId::random(),
                    device_name: "this device".into(),
                    person_name,
                    role: AuthorRole::Supporter,
                    created_at: Self::now(),
                };
                store.set_identity(&i).map_err(words)?;
                i
            }
        };
        if seed_demo && store.caseload().map_err(words)?.is_empty() {
            crate::demo::seed_demo(&mut store, &identity, 36, Self::now()).map_err(words)?;
        }
        let (path, destroy) = (self.path.clone(), self.destroy);
        let device = Arc::new(Device::new(store, HttpNetwork).wiping_with(Box::new(move || destroy(&path))));
        let opened = device.opened()?;
        self.note_language(&device);
        *self.open.lock().map_err(|_| DeviceError::Unavailable)? = Some(device);
        Ok(opened)
    }

    /// Whether this device has a store yet; `false` means first run.
    #[must_use]
    pub fn has_store(&self) -> bool {
        #[cfg(not(target_arch = "wasm32"))]
        if self.path.exists() {
            return true;
        }
        self.key_file.exists()
    }

    /// Wrong PINs so far, the wait left, how the phone unlocks and what the
    /// lock screen may say. Reading it also writes down the part of a wait
    /// served so far.
    #[must_use]
    pub fn lock_state(&self) -> LockState {
        let Ok(s) = self.key_file.status() else { return LockState::default() };
        LockState {
            failed_attempts: s.failed_attempts,
            wait: s.wait,
            fingerprint: s.fingerprint.map(|f| FingerprintLock {
                credential_id: f.credential_id,
                prf_salt: f.prf_salt,
                pin_too: s.pin_too,
            }),
            erase_after: s.erase_after,
            handed_to: s.notes.handed_to,
            unsent: s.notes.unsent,
            language: s.notes.language,
        }
    }

    /// Whether `pin` may be a new PIN: the one rule every client meets
    /// (`connect_store::keys::check_passphrase`), refused in words.
    pub fn check_pin(pin: &str) -> Result<(), DeviceError> {
        connect_store::keys::check_passphrase(pin).map_err(refused)
    }

    /// First run: creates the encrypted store under `pin` (and the
    /// fingerprint, if the page registered one) for `name`, and opens it;
    /// with `demo` (if this vault offers it), fills it with the fictional
    /// demo caseload. A weak PIN is refused in words and makes nothing.
    pub fn create(
        &self,
        name: &str,
        pin: &str,
        demo: bool,
        fingerprint: Option<&NewFingerprint>,
    ) -> Result<Opened, DeviceError> {
        if self.has_store() {
            return Err(DeviceError::refused("This phone is already set up: unlock it with its PIN."));
        }
        let name = connect_model::limits::required("name", name, connect_model::limits::NAME_MAX).map_err(refused)?;
        Self::check_pin(pin)?;
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| DeviceError::Store(format!("Cannot create {}: {e}.", dir.display())))?;
        }
        let secret = prf(fingerprint.map(|f| &f.secret))?;
        let fingerprint = fingerprint.zip(secret.as_ref()).map(|(f, prf)| for_key_file(f, prf));
        let key = self.key_file.create(pin, fingerprint.as_ref()).map_err(refused)?;
        let store = SqliteStore::open(&self.path, &connect_store::StoreOptions { key: Some(key) }).map_err(refused)?;
        self.device_over(store, &name, demo && self.demo)
    }

    /// Opens the store with what the person gave: the PIN, the fingerprint's
    /// secret, or both, as this phone needs. Wrong guesses are counted and
    /// back off; where the team chose it, the last one allowed erases the
    /// phone ([`DeviceError::Erased`]). Already open (another window of the
    /// same app), the PIN is checked and the open store kept.
    pub fn unlock(&self, given: &Unlocking) -> Result<Opened, DeviceError> {
        let secret = prf(given.fingerprint.as_ref())?;
        // Nothing typed is not a guess.
        let pin = given.pin.as_deref().filter(|p| !p.is_empty());
        let unlocking = connect_store::Unlocking { pin, prf: secret.as_ref() };
        if let Some(device) = self.open_device() {
            self.key_file.unlock(unlocking).map_err(|e| self.refusal(e))?;
            return device.opened();
        }
        let (store, _key) =
            SqliteStore::open_unlocking(&self.path, &self.key_file, unlocking).map_err(|e| self.refusal(e))?;
        self.device_over(store, &self.name, false)
    }

    /// A refused unlock in words; the last wrong PIN the team allows erases
    /// the phone's files as well as its key.
    fn refusal(&self, e: StoreError) -> DeviceError {
        match e {
            StoreError::KeyErased { .. } => self.forget().err().unwrap_or(DeviceError::Erased),
            other => refused(other),
        }
    }

    /// Locks: notes what has not reached the team, then closes the store;
    /// every call but unlocking is refused until the PIN is given again.
    pub fn lock(&self) {
        if let Some(device) = self.shut() {
            self.close_shut(&device);
        }
    }

    /// The first half of [`StoreVault::lock`], quick enough for any thread:
    /// from now on every call is refused and an unlock opens the store
    /// afresh, so a lock whose closing runs late never closes the store an
    /// unlock asked after it opened. Returns the device to close.
    #[must_use]
    pub fn shut(&self) -> Option<Arc<OpenDevice>> {
        self.open.lock().ok().and_then(|mut open| open.take())
    }

    /// The second half of [`StoreVault::lock`]: notes what has not reached
    /// the team and closes the store [`StoreVault::shut`] took.
    pub fn close_shut(&self, device: &OpenDevice) {
        self.note_unsent(device);
        device.close();
    }

    /// Answers a screen's call on the open store, or [`DeviceError::Locked`].
    /// A device the team revoked has deleted its files by the time the
    /// answer comes: the vault forgets it.
    pub async fn call(&self, request: Request) -> Result<Reply, DeviceError> {
        let device = self.device()?;
        let handing = match &request {
            Request::SetResidentLock(to) => Some(to.is_some()),
            _ => None,
        };
        let counts = request.writes_for_the_team() || matches!(request, Request::SyncNow);
        // What the lock screen says it in: this phone's language, or the
        // resident's while it is handed to them (a sync may bring theirs).
        let language_may_change = handing.is_some()
            || matches!(
                request,
                Request::SetLanguage(_) | Request::SyncNow | Request::Edit(_, crate::api::Edit::SetLanguage { .. })
            );
        let reply = device.call(request).await;
        if device.wiped() {
            self.forget()?;
            return reply;
        }
        if reply.is_ok() {
            // Notes for the lock screen are a courtesy: a call that did its
            // work is not failed for them.
            // Who it is handed to and the language in one write, so the lock
            // screen never reads one without the other.
            let handed_to = handing.map(|handed| if handed { device.me().ok().map(|me| me.person_name) } else { None });
            let language = if language_may_change { device.lock_screen_language().ok() } else { None };
            if handed_to.is_some() || language.is_some() {
                let _ = self.key_file.note(|n| {
                    if let Some(to) = handed_to {
                        n.handed_to = to;
                    }
                    if let Some(language) = language {
                        n.language = language;
                    }
                });
            }
            if counts {
                self.note_unsent(&device);
            }
        }
        reply
    }

    /// Notes in the key file the language the lock screen speaks.
    fn note_language(&self, device: &OpenDevice) {
        if let Ok(language) = device.lock_screen_language() {
            let _ = self.key_file.note(|n| n.language = language);
        }
    }

    /// Notes in the key file how many changes have not reached the team,
    /// for the lock screen's "Forgot your PIN?".
    fn note_unsent(&self, device: &OpenDevice) {
        let Ok(pending) = device.overview().map(|o| o.pending as u64) else { return };
        let Ok(mut noted) = self.unsent_noted.lock() else { return };
        if *noted != Some(pending) && self.key_file.note(|n| n.unsent = Some(pending)).is_ok() {
            *noted = Some(pending);
        }
    }

    /// Erases this phone: the store closes and every file of it is deleted.
    /// (The screens ask for it to be typed first.)
    pub fn forget(&self) -> Result<(), DeviceError> {
        if let Some(device) = self.open.lock().ok().and_then(|mut open| open.take()) {
            device.close();
        }
        if let Ok(mut noted) = self.unsent_noted.lock() {
            *noted = None;
        }
        (self.destroy)(&self.path).map_err(DeviceError::store)
    }

    /// Changes the PIN; what was given must open the store now (wrong
    /// guesses are counted), and a fingerprinted phone keeps its fingerprint.
    pub fn change_pin(&self, old: &Unlocking, new: &str) -> Result<(), DeviceError> {
        let secret = prf(old.fingerprint.as_ref())?;
        let old = connect_store::Unlocking { pin: old.pin.as_deref(), prf: secret.as_ref() };
        self.key_file.change_passphrase(old, new).map_err(refused)
    }

    /// Turns the fingerprint unlock on (or changes whether the PIN is asked
    /// too), or off with `None`. Only while unlocked, and with the PIN (and
    /// the fingerprint's secret, where it is on now).
    pub fn set_fingerprint(&self, current: &Unlocking, new: Option<&NewFingerprint>) -> Result<(), DeviceError> {
        self.device()?;
        let (now, next) = (prf(current.fingerprint.as_ref())?, prf(new.map(|f| &f.secret))?);
        let current = connect_store::Unlocking { pin: current.pin.as_deref(), prf: now.as_ref() };
        let new = new.zip(next.as_ref()).map(|(f, prf)| for_key_file(f, prf));
        self.key_file.set_fingerprint(current, new.as_ref()).map_err(refused)
    }

    /// Erase this phone after this many wrong PINs in a row (`None`: never,
    /// the default). Only while unlocked.
    pub fn set_erase_after(&self, after: Option<u32>) -> Result<(), DeviceError> {
        self.device()?;
        self.key_file.set_erase_after(after).map_err(refused)
    }
}
