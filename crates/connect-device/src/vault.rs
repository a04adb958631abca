//! The vault: the encrypted store on this device, opened with the person's
//! PIN. [`StoreVault`] is the synchronous logic behind every platform's lock
//! screen (the web app's store worker runs it, and so does
//! `native::NativeVault` on the blocking pool).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use connect_model::{AuthorRole, DeviceId, Timestamp};
use connect_store::{DeviceIdentity, DocumentStore, KeyFile, SqliteStore, StoreError};

use crate::api::lock::LockState;
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

/// The encrypted store at one path, opened with the person's PIN: the
/// synchronous logic behind every platform's lock screen. The store is
/// opened once per process; after that a PIN is checked against the key file
/// (and wrong ones counted there) before the open store is handed back.
pub struct StoreVault {
    path: PathBuf,
    demo: bool,
    name: String,
    destroy: Destroy,
    open: Mutex<Option<Arc<OpenDevice>>>,
}

impl StoreVault {
    /// The vault for the store at `path`. `demo` offers, at first run, to
    /// fill the new store with the fictional caseload; `name` is the name a
    /// new phone suggests.
    #[must_use]
    pub fn new(path: PathBuf, demo: bool, name: &str, destroy: Destroy) -> Self {
        Self { path, demo, name: name.to_owned(), destroy, open: Mutex::new(None) }
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

    fn device(&self, mut store: SqliteStore, name: &str, seed_demo: bool) -> Result<Arc<OpenDevice>, DeviceError> {
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
        *self.open.lock().map_err(|_| DeviceError::Unavailable)? = Some(device.clone());
        Ok(device)
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
    pub fn create(&self, name: &str, pin: &str, demo: bool) -> Result<Arc<OpenDevice>, DeviceError> {
        if self.has_store() {
            return Err(DeviceError::refused("This phone is already set up: unlock it with its PIN."));
        }
        let name = connect_model::limits::required("name", name, connect_model::limits::NAME_MAX).map_err(refused)?;
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| DeviceError::Store(format!("Cannot create {}: {e}.", dir.display())))?;
        }
        let (store, _key) = SqliteStore::open_with_passphrase(&self.path, pin, Self::now()).map_err(refused)?;
        self.device(store, &name, demo && self.demo)
    }

    /// Checks `pin` (wrong ones are counted and back off) and returns the
    /// open store, opening it the first time. Also says whether it was
    /// already open (so the caller can hand back the same screens' backend).
    pub fn unlock(&self, pin: &str) -> Result<(Arc<OpenDevice>, bool), DeviceError> {
        let open = self.open.lock().map_err(|_| DeviceError::Unavailable)?.clone();
        if let Some(local) = open.filter(|local| !local.wiped()) {
            KeyFile::for_store(&self.path).unlock(pin, Self::now()).map_err(refused)?;
            return Ok((local, true));
        }
        let (store, _key) = SqliteStore::open_with_passphrase(&self.path, pin, Self::now()).map_err(refused)?;
        let name = self.name.clone();
        Ok((self.device(store, &name, false)?, false))
    }

    /// A forgotten PIN: deletes everything on this device.
    pub fn forget(&self) -> Result<(), DeviceError> {
        if let Ok(mut open) = self.open.lock() {
            *open = None;
        }
        (self.destroy)(&self.path).map_err(DeviceError::store)
    }

    /// Changes the PIN (the old one must be right; wrong ones are counted).
    pub fn change_pin(&self, old: &str, new: &str) -> Result<(), DeviceError> {
        KeyFile::for_store(&self.path).change_passphrase(old, new, Self::now()).map_err(refused)
    }
}
