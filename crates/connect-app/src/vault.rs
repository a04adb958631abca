//! The vault: the encrypted store on this device, opened with the
//! supporter's PIN. [`StoreVault`] is the synchronous logic every platform
//! shares (the web app's store worker runs it too); [`AppVault`] is the
//! native launchers' [`Vault`](connect_ui::vault::Vault), running it on the
//! blocking pool.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
#[cfg(not(target_arch = "wasm32"))]
use std::time::Duration;

use connect_model::{AuthorRole, DeviceId, Timestamp};
use connect_store::{DeviceIdentity, DocumentStore, KeyFile, SqliteStore, StoreError, StoreKey};
use connect_ui::backend::BackendError;
#[cfg(not(target_arch = "wasm32"))]
use connect_ui::backend::{BackendFuture, SharedBackend};
use connect_ui::vault::LockState;
#[cfg(not(target_arch = "wasm32"))]
use connect_ui::vault::Vault;

#[cfg(not(target_arch = "wasm32"))]
use crate::blocking::{InProcess, blocking};
use crate::local::{Network, StoreBackend};
use crate::sentence;

fn refused(e: impl std::fmt::Display) -> BackendError {
    BackendError::Refused(sentence(e))
}

/// What a platform plugs into a [`StoreVault`]: the network for an opened
/// store (it needs the store's key for its own connection), and how to
/// delete the store's files (the browser's live in OPFS, not a file system).
pub struct Platform {
    /// The relay side for the store at a path, opened with a key; `None` for
    /// a build that cannot reach a relay yet.
    pub network: fn(&Path, StoreKey) -> Option<Box<dyn Network>>,
    /// Deletes the store, its key file and anything beside them.
    pub destroy: fn(&Path) -> Result<(), StoreError>,
}

/// The encrypted store at one path, opened with the person's PIN: the
/// synchronous logic behind every platform's lock screen. The store is
/// opened once per process; after that a PIN is checked against the key file
/// (and wrong ones counted there) before the open store is handed back.
pub struct StoreVault {
    path: PathBuf,
    demo: bool,
    name: String,
    platform: Platform,
    open: Mutex<Option<Arc<StoreBackend<SqliteStore>>>>,
}

impl StoreVault {
    /// The vault for the store at `path`. `demo` offers, at first run, to
    /// fill the new store with the fictional caseload; `name` is the name a
    /// new phone suggests.
    #[must_use]
    pub fn new(path: PathBuf, demo: bool, name: &str, platform: Platform) -> Self {
        Self { path, demo, name: name.to_owned(), platform, open: Mutex::new(None) }
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

    fn backend(
        &self,
        mut store: SqliteStore,
        key: StoreKey,
        name: &str,
        seed_demo: bool,
    ) -> Result<Arc<StoreBackend<SqliteStore>>, BackendError> {
        let words = BackendError::store;
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
            connect_store::demo::seed_demo(&mut store, &identity, 36, Self::now()).map_err(words)?;
        }
        let network = (self.platform.network)(&self.path, key);
        let local = Arc::new(StoreBackend::new(store, network));
        *self.open.lock().map_err(|_| BackendError::Unavailable)? = Some(local.clone());
        Ok(local)
    }

    /// Whether this device has a store yet; `false` means first run.
    #[must_use]
    pub fn has_store(&self) -> bool {
        self.path.exists() || KeyFile::for_store(&self.path).exists()
    }

    /// Wrong PINs so far and when the next try is allowed.
    #[must_use]
    pub fn lock_state(&self) -> LockState {
        KeyFile::for_store(&self.path)
            .status()
            .map(|s| LockState { failed_attempts: s.failed_attempts, retry_after: s.retry_after })
            .unwrap_or_default()
    }

    /// First run: creates the encrypted store under `pin` for `name`, and
    /// opens it; with `demo` (if this vault offers it), fills it with the
    /// fictional demo caseload.
    pub fn create(&self, name: &str, pin: &str, demo: bool) -> Result<Arc<StoreBackend<SqliteStore>>, BackendError> {
        if self.has_store() {
            return Err(BackendError::refused("This phone is already set up: unlock it with its PIN."));
        }
        let name = connect_model::limits::required("name", name, connect_model::limits::NAME_MAX).map_err(refused)?;
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| BackendError::Store(format!("Cannot create {}: {e}.", dir.display())))?;
        }
        let (store, key) = SqliteStore::open_with_passphrase(&self.path, pin, Self::now()).map_err(refused)?;
        self.backend(store, key, &name, demo && self.demo)
    }

    /// Checks `pin` (wrong ones are counted and back off) and returns the
    /// open store, opening it the first time. Also says whether it was
    /// already open (so the caller can hand back the same screens' backend).
    pub fn unlock(&self, pin: &str) -> Result<(Arc<StoreBackend<SqliteStore>>, bool), BackendError> {
        let open = self.open.lock().map_err(|_| BackendError::Unavailable)?.clone();
        if let Some(local) = open.filter(|local| !local.wiped()) {
            KeyFile::for_store(&self.path).unlock(pin, Self::now()).map_err(refused)?;
            return Ok((local, true));
        }
        let (store, key) = SqliteStore::open_with_passphrase(&self.path, pin, Self::now()).map_err(refused)?;
        let name = self.name.clone();
        Ok((self.backend(store, key, &name, false)?, false))
    }

    /// A forgotten PIN: deletes everything on this device.
    pub fn forget(&self) -> Result<(), BackendError> {
        if let Ok(mut open) = self.open.lock() {
            *open = None;
        }
        (self.platform.destroy)(&self.path).map_err(BackendError::store)
    }

    /// Changes the PIN (the old one must be right; wrong ones are counted).
    pub fn change_pin(&self, old: &str, new: &str) -> Result<(), BackendError> {
        KeyFile::for_store(&self.path).change_passphrase(old, new, Self::now()).map_err(refused)
    }
}

/// The native launcher's vault: a [`StoreVault`] on this device's disk, its
/// calls run on the blocking pool.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone)]
pub struct AppVault(Arc<Native>);

#[cfg(not(target_arch = "wasm32"))]
struct Native {
    vault: StoreVault,
    idle: Duration,
    /// The screens' backend over the open store, handed back on every unlock.
    screens: Mutex<Option<SharedBackend>>,
}

#[cfg(not(target_arch = "wasm32"))]
impl AppVault {
    /// The vault for the store at `path`; the app locks after `idle` without a touch.
    #[must_use]
    pub fn new(path: PathBuf, demo: bool, name: &str, idle: Duration) -> Self {
        let platform = Platform {
            network: |path, key| Some(Box::new(crate::network::AppNetwork { path: path.to_owned(), key })),
            destroy: |path| connect_store::destroy_files(path),
        };
        Self(Arc::new(Native { vault: StoreVault::new(path, demo, name, platform), idle, screens: Mutex::new(None) }))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Native {
    fn screens(&self, local: &Arc<StoreBackend<SqliteStore>>, reuse: bool) -> Result<SharedBackend, BackendError> {
        let mut screens = self.screens.lock().map_err(|_| BackendError::Unavailable)?;
        if reuse && let Some(backend) = screens.as_ref() {
            return Ok(backend.clone());
        }
        let backend = SharedBackend::new(InProcess(local.clone()), local.opened()?);
        *screens = Some(backend.clone());
        Ok(backend)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Vault for AppVault {
    fn has_store(&self) -> BackendFuture<bool> {
        let inner = self.0.clone();
        blocking(move || Ok(inner.vault.has_store()))
    }

    fn lock_state(&self) -> BackendFuture<LockState> {
        let inner = self.0.clone();
        blocking(move || Ok(inner.vault.lock_state()))
    }

    fn create(&self, name: &str, pin: &str, demo: bool) -> BackendFuture<SharedBackend> {
        let (inner, name, pin) = (self.0.clone(), name.to_owned(), pin.to_owned());
        blocking(move || {
            let local = inner.vault.create(&name, &pin, demo)?;
            inner.screens(&local, false)
        })
    }

    fn unlock(&self, pin: &str) -> BackendFuture<SharedBackend> {
        let (inner, pin) = (self.0.clone(), pin.to_owned());
        blocking(move || {
            let (local, was_open) = inner.vault.unlock(&pin)?;
            inner.screens(&local, was_open)
        })
    }

    fn forget(&self) -> BackendFuture<()> {
        let inner = self.0.clone();
        blocking(move || {
            if let Ok(mut screens) = inner.screens.lock() {
                *screens = None;
            }
            inner.vault.forget()
        })
    }

    fn change_pin(&self, old: &str, new: &str) -> BackendFuture<()> {
        let (inner, old, new) = (self.0.clone(), old.to_owned(), new.to_owned());
        blocking(move || inner.vault.change_pin(&old, &new))
    }

    fn idle_limit(&self) -> Duration {
        self.0.idle
    }

    fn suggested_name(&self) -> String {
        self.0.vault.suggested_name().to_owned()
    }

    fn offers_demo(&self) -> bool {
        self.0.vault.offers_demo()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const PIN: &str = "246810";

    #[test]
    fn the_demo_caseload_is_only_offered_where_asked_for_and_only_taken_when_chosen() {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).build().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let residents = |demo_offered: bool, chosen: bool, file: &str| {
            let vault = AppVault::new(dir.path().join(file), demo_offered, "Amara", Duration::from_secs(60));
            assert_eq!(vault.offers_demo(), demo_offered);
            let backend = rt.block_on(vault.create("Amara", PIN, chosen)).unwrap();
            let count = rt.block_on(backend.caseload()).unwrap().len();
            // Opening again never fills a store the person left empty.
            let again = AppVault::new(dir.path().join(file), demo_offered, "Amara", Duration::from_secs(60));
            assert_eq!(rt.block_on(rt.block_on(again.unlock(PIN)).unwrap().caseload()).unwrap().len(), count);
            count
        };
        assert_eq!(residents(true, true, "a.db"), 36, "offered and taken");
        assert_eq!(residents(true, false, "b.db"), 0, "offered and unticked");
        assert_eq!(residents(false, true, "c.db"), 0, "a real phone is never filled with made-up people");
    }

    #[test]
    fn the_vault_makes_an_encrypted_store_checks_the_pin_each_time_and_forgets_everything() {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).build().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("device.db");
        let vault = AppVault::new(path.clone(), false, "Amara", Duration::from_secs(60));
        assert!(!rt.block_on(vault.has_store()).unwrap());
        let weak = rt.block_on(vault.create("Amara", "12345", false)).err().unwrap();
        assert!(weak.to_string().contains("at least 6 characters"), "{weak}");
        assert!(!rt.block_on(vault.has_store()).unwrap(), "a refused PIN makes nothing");

        let backend = rt.block_on(vault.create("Amara", PIN, false)).unwrap();
        rt.block_on(backend.create_resident("Doreen")).unwrap();
        assert_eq!(backend.me().person_name, "Amara");
        assert!(rt.block_on(vault.create("Someone", PIN, false)).is_err(), "a phone is set up once");

        let wrong = rt.block_on(vault.unlock("000000")).err().unwrap();
        assert!(wrong.to_string().starts_with("Wrong PIN"), "{wrong}");
        assert_eq!(rt.block_on(vault.lock_state()).unwrap().failed_attempts, 1);
        let again = rt.block_on(vault.unlock(PIN)).unwrap();
        assert!(backend == again, "the store is opened once");
        assert_eq!(rt.block_on(vault.lock_state()).unwrap().failed_attempts, 0);

        // A restart opens the same store with the same PIN, and only with it.
        let restarted = AppVault::new(path.clone(), false, "Amara", Duration::from_secs(60));
        assert!(rt.block_on(restarted.unlock("111111")).is_err());
        let reopened = rt.block_on(restarted.unlock(PIN)).unwrap();
        assert_eq!(rt.block_on(reopened.caseload()).unwrap()[0].preferred_name, "Doreen");

        let wrong = rt.block_on(vault.change_pin("000000", "135791")).err().unwrap();
        assert!(wrong.to_string().starts_with("Wrong PIN"), "{wrong}");
        rt.block_on(vault.change_pin(PIN, "135791")).unwrap();
        let restarted_again = AppVault::new(path.clone(), false, "Amara", Duration::from_secs(60));
        assert!(rt.block_on(restarted_again.unlock(PIN)).is_err(), "the old PIN no longer opens it");
        let opened = rt.block_on(vault.unlock("135791")).unwrap();
        assert_eq!(rt.block_on(opened.caseload()).unwrap().len(), 1, "the new PIN opens the same store");

        rt.block_on(vault.forget()).unwrap();
        assert!(!path.exists() && !KeyFile::for_store(&path).exists());
        assert!(!rt.block_on(vault.has_store()).unwrap());
    }
}
