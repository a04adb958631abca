//! The launcher's vault: the encrypted store on this device's disk, opened
//! with the supporter's PIN. The store is opened once per process; after that
//! a PIN is checked against the key file (and wrong ones counted there)
//! before the open store is handed back.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use connect_model::{AuthorRole, DeviceId, Timestamp};
use connect_store::{DeviceIdentity, DocumentStore, KeyFile, SqliteStore, StoreKey};
use connect_ui::backend::{BackendError, BackendFuture, SharedBackend};
use connect_ui::vault::{LockState, Vault};

use crate::blocking::{blocking, in_process};
use crate::local::StoreBackend;
use crate::network::AppNetwork;
use crate::sentence;

/// A refusal from below, as a sentence.
fn refused(e: impl std::fmt::Display) -> BackendError {
    BackendError::Refused(sentence(e))
}

/// The vault of a native launcher (cheap to clone: every clone is the same vault).
#[derive(Clone)]
pub struct AppVault(Arc<Inner>);

/// How a launcher wants its store.
struct Inner {
    /// Where the store lives.
    path: PathBuf,
    /// Seed the fictional demo caseload into a new or empty store.
    demo: bool,
    /// The name to suggest on first run.
    name: String,
    /// Lock after this long without a touch.
    idle: Duration,
    /// The open store and the screens' handle to it, once a PIN opened it.
    open: Mutex<Option<(Arc<StoreBackend<SqliteStore>>, SharedBackend)>>,
}

impl AppVault {
    /// The vault for the store at `path`, seeding the demo caseload into a
    /// new store when `demo`, suggesting `name` at first run, and locking
    /// after `idle` without a touch.
    #[must_use]
    pub fn new(path: PathBuf, demo: bool, name: &str, idle: Duration) -> Self {
        Self(Arc::new(Inner { path, demo, name: name.to_owned(), idle, open: Mutex::new(None) }))
    }
}

impl Inner {
    fn now() -> Timestamp {
        Timestamp::new(chrono::Utc::now())
    }

    /// Wraps an opened store: gives it an identity if it has none (`name`),
    /// seeds the demo, plugs in sync over a second connection with the same key.
    fn backend(&self, mut store: SqliteStore, key: StoreKey, name: &str) -> Result<SharedBackend, BackendError> {
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
        if self.demo && store.caseload().map_err(words)?.is_empty() {
            connect_store::demo::seed_demo(&mut store, &identity, 36, Self::now()).map_err(words)?;
        }
        let network = AppNetwork { path: self.path.clone(), key };
        let (local, backend) = in_process(store, Some(Box::new(network)))?;
        *self.open.lock().map_err(|_| BackendError::Unavailable)? = Some((local, backend.clone()));
        Ok(backend)
    }
}

impl Inner {
    fn has_store(&self) -> bool {
        self.path.exists() || KeyFile::for_store(&self.path).exists()
    }

    fn lock_state(&self) -> LockState {
        KeyFile::for_store(&self.path)
            .status()
            .map(|s| LockState { failed_attempts: s.failed_attempts, retry_after: s.retry_after })
            .unwrap_or_default()
    }

    fn create(&self, name: &str, pin: &str) -> Result<SharedBackend, BackendError> {
        if self.has_store() {
            return Err(BackendError::refused("This phone is already set up: unlock it with its PIN."));
        }
        let name = connect_model::limits::required("name", name, connect_model::limits::NAME_MAX).map_err(refused)?;
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| BackendError::Store(format!("Cannot create {}: {e}.", dir.display())))?;
        }
        let (store, key) = SqliteStore::open_with_passphrase(&self.path, pin, Self::now()).map_err(refused)?;
        self.backend(store, key, &name)
    }

    fn unlock(&self, pin: &str) -> Result<SharedBackend, BackendError> {
        let open = self.open.lock().map_err(|_| BackendError::Unavailable)?.clone();
        if let Some((_, backend)) = open.filter(|(local, _)| !local.wiped()) {
            KeyFile::for_store(&self.path).unlock(pin, Self::now()).map_err(refused)?;
            return Ok(backend);
        }
        let (store, key) = SqliteStore::open_with_passphrase(&self.path, pin, Self::now()).map_err(refused)?;
        let name = self.name.clone();
        self.backend(store, key, &name)
    }

    fn forget(&self) -> Result<(), BackendError> {
        if let Ok(mut open) = self.open.lock() {
            *open = None;
        }
        connect_store::destroy_files(&self.path).map_err(BackendError::store)
    }

    fn change_pin(&self, old: &str, new: &str) -> Result<(), BackendError> {
        KeyFile::for_store(&self.path).change_passphrase(old, new, Self::now()).map_err(refused)
    }
}

impl Vault for AppVault {
    fn has_store(&self) -> BackendFuture<bool> {
        let inner = self.0.clone();
        blocking(move || Ok(inner.has_store()))
    }

    fn lock_state(&self) -> BackendFuture<LockState> {
        let inner = self.0.clone();
        blocking(move || Ok(inner.lock_state()))
    }

    fn create(&self, name: &str, pin: &str) -> BackendFuture<SharedBackend> {
        let (inner, name, pin) = (self.0.clone(), name.to_owned(), pin.to_owned());
        blocking(move || inner.create(&name, &pin))
    }

    fn unlock(&self, pin: &str) -> BackendFuture<SharedBackend> {
        let (inner, pin) = (self.0.clone(), pin.to_owned());
        blocking(move || inner.unlock(&pin))
    }

    fn forget(&self) -> BackendFuture<()> {
        let inner = self.0.clone();
        blocking(move || inner.forget())
    }

    fn change_pin(&self, old: &str, new: &str) -> BackendFuture<()> {
        let (inner, old, new) = (self.0.clone(), old.to_owned(), new.to_owned());
        blocking(move || inner.change_pin(&old, &new))
    }

    fn idle_limit(&self) -> Duration {
        self.0.idle
    }

    fn suggested_name(&self) -> String {
        self.0.name.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PIN: &str = "246810";

    #[test]
    fn the_vault_makes_an_encrypted_store_checks_the_pin_each_time_and_forgets_everything() {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).build().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("device.db");
        let vault = AppVault::new(path.clone(), false, "Amara", Duration::from_secs(60));
        assert!(!rt.block_on(vault.has_store()).unwrap());
        let weak = rt.block_on(vault.create("Amara", "12345")).err().unwrap();
        assert!(weak.to_string().contains("at least 6 characters"), "{weak}");
        assert!(!rt.block_on(vault.has_store()).unwrap(), "a refused PIN makes nothing");

        let backend = rt.block_on(vault.create("Amara", PIN)).unwrap();
        rt.block_on(backend.create_resident("Doreen")).unwrap();
        assert_eq!(backend.me().person_name, "Amara");
        assert!(rt.block_on(vault.create("Someone", PIN)).is_err(), "a phone is set up once");

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
