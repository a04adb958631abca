//! Native platforms: the device's calls run on tokio's blocking pool, so a
//! slow read or a sync never holds up the screens ([`InProcess`]), and the
//! lock screens' [`NativeVault`] opens the store on the device's disk. The
//! web app's store worker plays the same part in the browser.

use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use connect_store::DocumentStore;

use crate::DeviceError;
use crate::api::lock::LockState;
use crate::api::{Reply, Request};
use crate::client::{Channel, DeviceClient, DeviceFuture, Vault};
use crate::device::Device;
use crate::network::Network;
use crate::vault::{OpenDevice, StoreVault};

/// Runs `work` on the blocking pool when a tokio runtime is there (every
/// native renderer has one), inline otherwise (component tests).
pub fn blocking<T: Send + 'static>(work: impl FnOnce() -> Result<T, DeviceError> + Send + 'static) -> DeviceFuture<T> {
    match tokio::runtime::Handle::try_current() {
        Ok(runtime) => Box::pin(async move {
            match runtime.spawn_blocking(work).await {
                Ok(result) => result,
                // The work panicked: that call fails, the app goes on.
                Err(_) => Err(DeviceError::Unavailable),
            }
        }),
        Err(_) => Box::pin(std::future::ready(work())),
    }
}

/// Runs an async call to its end on a thread that may wait (a blocking
/// thread, a test): on the tokio runtime this thread belongs to (the
/// network's client needs it), or, where there is none, by polling it here,
/// parking the thread until it is woken. The second may be nested: a call
/// made inline inside another (component tests) finishes inside it.
pub fn wait_for<T>(call: impl Future<Output = T>) -> T {
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        return runtime.block_on(call);
    }
    let waker = std::task::Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut context = std::task::Context::from_waker(&waker);
    let mut call = std::pin::pin!(call);
    loop {
        match call.as_mut().poll(&mut context) {
            std::task::Poll::Ready(value) => return value,
            std::task::Poll::Pending => std::thread::park(),
        }
    }
}

/// Wakes a parked thread.
struct Unpark(std::thread::Thread);

impl std::task::Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// A client of a device over `store` and `network`, answered in this
/// process: the device (to call directly) and the handle the screens hold.
pub fn in_process<S, N>(store: S, network: N) -> Result<(Arc<Device<S, N>>, DeviceClient), DeviceError>
where
    S: DocumentStore + Send + 'static,
    N: Network + Send + Sync + 'static,
{
    let device = Arc::new(Device::new(store, network));
    let client = DeviceClient::new(InProcess(device.clone()), device.opened()?);
    Ok((device, client))
}

/// A [`Channel`] to a device in this process.
pub struct InProcess<S, N>(pub Arc<Device<S, N>>);

impl<S, N> Channel for InProcess<S, N>
where
    S: DocumentStore + Send + 'static,
    N: Network + Send + Sync + 'static,
{
    fn send(&self, request: Request) -> DeviceFuture<Reply> {
        let device = self.0.clone();
        blocking(move || wait_for(device.call(request)))
    }
}

/// The native launchers' vault: a [`StoreVault`] on this device's disk, its
/// calls run on the blocking pool.
#[derive(Clone)]
pub struct NativeVault(Arc<Native>);

struct Native {
    vault: StoreVault,
    idle: Duration,
    /// The screens' client of the open device, handed back on every unlock.
    screens: Mutex<Option<DeviceClient>>,
}

impl NativeVault {
    /// The vault for the store at `path`; the app locks after `idle` without a touch.
    #[must_use]
    pub fn new(path: PathBuf, demo: bool, name: &str, idle: Duration) -> Self {
        let vault = StoreVault::new(path, demo, name, connect_store::destroy_files);
        Self(Arc::new(Native { vault, idle, screens: Mutex::new(None) }))
    }
}

impl Native {
    fn screens(&self, device: &Arc<OpenDevice>, reuse: bool) -> Result<DeviceClient, DeviceError> {
        let mut screens = self.screens.lock().map_err(|_| DeviceError::Unavailable)?;
        if reuse && let Some(client) = screens.as_ref() {
            return Ok(client.clone());
        }
        let client = DeviceClient::new(InProcess(device.clone()), device.opened()?);
        *screens = Some(client.clone());
        Ok(client)
    }
}

impl Vault for NativeVault {
    fn has_store(&self) -> DeviceFuture<bool> {
        let inner = self.0.clone();
        blocking(move || Ok(inner.vault.has_store()))
    }

    fn lock_state(&self) -> DeviceFuture<LockState> {
        let inner = self.0.clone();
        blocking(move || Ok(inner.vault.lock_state()))
    }

    fn create(&self, name: &str, pin: &str, demo: bool) -> DeviceFuture<DeviceClient> {
        let (inner, name, pin) = (self.0.clone(), name.to_owned(), pin.to_owned());
        blocking(move || {
            let local = inner.vault.create(&name, &pin, demo)?;
            inner.screens(&local, false)
        })
    }

    fn unlock(&self, pin: &str) -> DeviceFuture<DeviceClient> {
        let (inner, pin) = (self.0.clone(), pin.to_owned());
        blocking(move || {
            let (local, was_open) = inner.vault.unlock(&pin)?;
            inner.screens(&local, was_open)
        })
    }

    fn forget(&self) -> DeviceFuture<()> {
        let inner = self.0.clone();
        blocking(move || {
            if let Ok(mut screens) = inner.screens.lock() {
                *screens = None;
            }
            inner.vault.forget()
        })
    }

    fn change_pin(&self, old: &str, new: &str) -> DeviceFuture<()> {
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

#[cfg(test)]
mod tests {
    use connect_store::KeyFile;

    use super::*;

    const PIN: &str = "246810";

    #[test]
    fn the_demo_caseload_is_only_offered_where_asked_for_and_only_taken_when_chosen() {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).build().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let residents = |demo_offered: bool, chosen: bool, file: &str| {
            let vault = NativeVault::new(dir.path().join(file), demo_offered, "Amara", Duration::from_secs(60));
            assert_eq!(vault.offers_demo(), demo_offered);
            let backend = rt.block_on(vault.create("Amara", PIN, chosen)).unwrap();
            let count = rt.block_on(backend.caseload()).unwrap().len();
            // Opening again never fills a store the person left empty.
            let again = NativeVault::new(dir.path().join(file), demo_offered, "Amara", Duration::from_secs(60));
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
        let vault = NativeVault::new(path.clone(), false, "Amara", Duration::from_secs(60));
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
        let restarted = NativeVault::new(path.clone(), false, "Amara", Duration::from_secs(60));
        assert!(rt.block_on(restarted.unlock("111111")).is_err());
        let reopened = rt.block_on(restarted.unlock(PIN)).unwrap();
        assert_eq!(rt.block_on(reopened.caseload()).unwrap()[0].preferred_name, "Doreen");

        let wrong = rt.block_on(vault.change_pin("000000", "135791")).err().unwrap();
        assert!(wrong.to_string().starts_with("Wrong PIN"), "{wrong}");
        rt.block_on(vault.change_pin(PIN, "135791")).unwrap();
        let restarted_again = NativeVault::new(path.clone(), false, "Amara", Duration::from_secs(60));
        assert!(rt.block_on(restarted_again.unlock(PIN)).is_err(), "the old PIN no longer opens it");
        let opened = rt.block_on(vault.unlock("135791")).unwrap();
        assert_eq!(rt.block_on(opened.caseload()).unwrap().len(), 1, "the new PIN opens the same store");

        rt.block_on(vault.forget()).unwrap();
        assert!(!path.exists() && !KeyFile::for_store(&path).exists());
        assert!(!rt.block_on(vault.has_store()).unwrap());
    }
}
