//! The launcher's vault: the encrypted store on this device's disk, opened
//! with the supporter's PIN. The store is opened once per process; after that
//! a PIN is checked against the key file (and wrong ones counted there)
//! before the open store is handed back.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use connect_model::{AuthorRole, DeviceId, Timestamp};
use connect_store::{DeviceIdentity, DocumentStore, KeyFile, SqliteStore, StoreKey};
use connect_ui::StoreBackend;
use connect_ui::backend::SharedBackend;
use connect_ui::vault::{LockState, Vault};

use crate::network::AppNetwork;

/// An error from below as a sentence for the screen: a capital letter and a
/// full stop ("wrong PIN or passphrase (1 wrong guess)" → "Wrong PIN…").
fn sentence(e: impl std::fmt::Display) -> String {
    let text = e.to_string();
    let mut chars = text.chars();
    let mut out: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// How a launcher wants its store.
pub(crate) struct AppVault {
    /// Where the store lives.
    pub(crate) path: PathBuf,
    /// Seed the fictional demo caseload into a new or empty store.
    pub(crate) demo: bool,
    /// The name to suggest on first run.
    pub(crate) name: String,
    /// Lock after this long without a touch.
    pub(crate) idle: Duration,
    /// The open store, once a PIN opened it.
    pub(crate) open: Mutex<Option<SharedBackend>>,
}

impl AppVault {
    pub(crate) fn new(path: PathBuf, demo: bool, name: &str, idle: Duration) -> Self {
        Self { path, demo, name: name.to_owned(), idle, open: Mutex::new(None) }
    }

    fn now() -> Timestamp {
        Timestamp::new(chrono::Utc::now())
    }

    /// Wraps an opened store: gives it an identity if it has none (`name`),
    /// seeds the demo, plugs in sync over a second connection with the same key.
    fn backend(&self, mut store: SqliteStore, key: StoreKey, name: &str) -> Result<SharedBackend, String> {
        let words = |e: connect_store::StoreError| e.to_string();
        let identity = match store.identity().map_err(words)? {
            Some(i) => i,
            None => {
                let person_name =
                    connect_model::limits::required("name", name, connect_model::limits::NAME_MAX).map_err(sentence)?;
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
        let backend: SharedBackend = Arc::new(StoreBackend::new(store, Some(Box::new(network))));
        *self.open.lock().map_err(|_| "the app is unwell; restart it".to_owned())? = Some(backend.clone());
        Ok(backend)
    }
}

impl Vault for AppVault {
    fn has_store(&self) -> bool {
        self.path.exists() || KeyFile::for_store(&self.path).exists()
    }

    fn lock_state(&self) -> LockState {
        KeyFile::for_store(&self.path)
            .status()
            .map(|s| LockState { failed_attempts: s.failed_attempts, retry_after: s.retry_after })
            .unwrap_or_default()
    }

    fn create(&self, name: &str, pin: &str) -> Result<SharedBackend, String> {
        if self.has_store() {
            return Err("This phone is already set up: unlock it with its PIN.".into());
        }
        let name = connect_model::limits::required("name", name, connect_model::limits::NAME_MAX).map_err(sentence)?;
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let (store, key) = SqliteStore::open_with_passphrase(&self.path, pin, Self::now()).map_err(sentence)?;
        self.backend(store, key, &name)
    }

    fn unlock(&self, pin: &str) -> Result<SharedBackend, String> {
        let open = self.open.lock().map_err(|_| "the app is unwell; restart it".to_owned())?.clone();
        if let Some(backend) = open.filter(|b| !b.wiped()) {
            KeyFile::for_store(&self.path).unlock(pin, Self::now()).map_err(sentence)?;
            return Ok(backend);
        }
        let (store, key) = SqliteStore::open_with_passphrase(&self.path, pin, Self::now()).map_err(sentence)?;
        let name = self.name.clone();
        self.backend(store, key, &name)
    }

    fn forget(&self) -> Result<(), String> {
        if let Ok(mut open) = self.open.lock() {
            *open = None;
        }
        connect_store::destroy_files(&self.path).map_err(|e| e.to_string())
    }

    fn change_pin(&self, old: &str, new: &str) -> Result<(), String> {
        KeyFile::for_store(&self.path).change_passphrase(old, new, Self::now()).map_err(sentence)
    }

    fn idle_limit(&self) -> Duration {
        self.idle
    }

    fn suggested_name(&self) -> String {
        self.name.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PIN: &str = "246810";

    #[test]
    fn errors_read_as_sentences() {
        assert_eq!(sentence("wrong PIN or passphrase (1 wrong guess)"), "Wrong PIN or passphrase (1 wrong guess).");
        assert_eq!(sentence("Already fine."), "Already fine.");
        assert_eq!(sentence(""), ".");
    }

    #[test]
    fn the_vault_makes_an_encrypted_store_checks_the_pin_each_time_and_forgets_everything() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("device.db");
        let vault = AppVault::new(path.clone(), false, "Amara", Duration::from_secs(60));
        assert!(!vault.has_store());
        assert!(vault.create("Amara", "12345").err().unwrap().contains("at least 6 characters"));
        assert!(!vault.has_store(), "a refused PIN makes nothing");

        let backend = vault.create("Amara", PIN).unwrap();
        backend.create_resident("Doreen").unwrap();
        assert_eq!(backend.me().person_name, "Amara");
        assert!(vault.create("Someone", PIN).is_err(), "a phone is set up once");

        let wrong = vault.unlock("000000").err().unwrap();
        assert!(wrong.starts_with("Wrong PIN"), "{wrong}");
        assert_eq!(vault.lock_state().failed_attempts, 1);
        let again = vault.unlock(PIN).unwrap();
        assert!(Arc::ptr_eq(&backend, &again), "the store is opened once");
        assert_eq!(vault.lock_state().failed_attempts, 0);

        // A restart opens the same store with the same PIN, and only with it.
        let restarted = AppVault::new(path.clone(), false, "Amara", Duration::from_secs(60));
        assert!(restarted.unlock("111111").is_err());
        assert_eq!(restarted.unlock(PIN).unwrap().caseload().unwrap()[0].preferred_name, "Doreen");

        assert!(vault.change_pin("000000", "135791").err().unwrap().starts_with("Wrong PIN"));
        vault.change_pin(PIN, "135791").unwrap();
        let restarted_again = AppVault::new(path.clone(), false, "Amara", Duration::from_secs(60));
        assert!(restarted_again.unlock(PIN).is_err(), "the old PIN no longer opens it");
        assert_eq!(vault.unlock("135791").unwrap().caseload().unwrap().len(), 1, "the new PIN opens the same store");

        vault.forget().unwrap();
        assert!(!path.exists() && !KeyFile::for_store(&path).exists());
        assert!(!vault.has_store());
    }
}
