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
use crate::api::lock::{LockState, Opened, Unlocking};
use crate::api::{Reply, Request};
use crate::client::{Channel, DeviceClient, DeviceFuture, NO_FINGERPRINT_HERE, Vault};
use crate::device::Device;
use crate::network::Network;
use crate::vault::StoreVault;

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
/// calls run on the blocking pool. The screens' client asks the vault, so
/// while the app is locked their calls are refused like the web worker's.
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

/// The screens' [`Channel`] on a native vault: each call goes through the
/// vault, which refuses it while locked.
struct Screens(Arc<Native>);

impl Channel for Screens {
    fn send(&self, request: Request) -> DeviceFuture<Reply> {
        let inner = self.0.clone();
        blocking(move || wait_for(inner.vault.call(request)))
    }
}

impl Native {
    /// The screens' client: the one they hold already on unlocking, so what
    /// was typed behind the lock is still there; a new one for a new store.
    fn screens(self: &Arc<Self>, opened: Opened, reuse: bool) -> Result<DeviceClient, DeviceError> {
        let mut screens = self.screens.lock().map_err(|_| DeviceError::Unavailable)?;
        if reuse && let Some(client) = screens.as_ref() {
            return Ok(client.clone());
        }
        let client = DeviceClient::new(Screens(self.clone()), opened);
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

    fn create(&self, name: &str, pin: &str, demo: bool, fingerprint: bool) -> DeviceFuture<DeviceClient> {
        let (inner, name, pin) = (self.0.clone(), name.to_owned(), pin.to_owned());
        blocking(move || {
            if fingerprint {
                return Err(DeviceError::refused(NO_FINGERPRINT_HERE));
            }
            let opened = inner.vault.create(&name, &pin, demo, None)?;
            inner.screens(opened, false)
        })
    }

    fn unlock(&self, pin: &str) -> DeviceFuture<DeviceClient> {
        let (inner, pin) = (self.0.clone(), pin.to_owned());
        blocking(move || {
            let opened = inner.vault.unlock(&Unlocking::pin(&pin))?;
            inner.screens(opened, true)
        })
    }

    fn lock(&self) -> DeviceFuture<()> {
        // Shut now, in the order the screens asked; closing may run late.
        let shut = self.0.vault.shut();
        let inner = self.0.clone();
        blocking(move || {
            if let Some(device) = shut {
                inner.vault.close_shut(&device);
            }
            Ok(())
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
        blocking(move || inner.vault.change_pin(&Unlocking::pin(&old), &new))
    }

    fn set_erase_after(&self, after: Option<u32>) -> DeviceFuture<()> {
        let inner = self.0.clone();
        blocking(move || inner.vault.set_erase_after(after))
    }

    fn idle_limit(&self) -> Duration {
        self.0.idle
    }

    fn phone_language(&self) -> Option<String> {
        // POSIX locales: LC_ALL overrides LC_MESSAGES overrides LANG ("ro_RO.UTF-8").
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|v| !v.is_empty() && v != "C" && v != "POSIX")
            .map(|v| v.split(['.', '@']).next().unwrap_or_default().replace('_', "-"))
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

    const PIN: &str = "507193";

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_multi_thread().worker_threads(1).build().unwrap()
    }

    #[test]
    fn the_demo_caseload_is_only_offered_where_asked_for_and_only_taken_when_chosen() {
        let rt = runtime();
        let dir = tempfile::tempdir().unwrap();
        let residents = |demo_offered: bool, chosen: bool, file: &str| {
            let vault = NativeVault::new(dir.path().join(file), demo_offered, "Amara", Duration::from_secs(60));
            assert_eq!(vault.offers_demo(), demo_offered);
            let backend = rt.block_on(vault.create("Amara", PIN, chosen, false)).unwrap();
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
        let rt = runtime();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("device.db");
        let vault = NativeVault::new(path.clone(), false, "Amara", Duration::from_secs(60));
        assert!(!rt.block_on(vault.has_store()).unwrap());
        let short = rt.block_on(vault.create("Amara", "12345", false, false)).err().unwrap();
        assert!(short.to_string().contains("at least 6 characters"), "{short}");
        let run = rt.block_on(vault.create("Amara", "123456", false, false)).err().unwrap();
        assert!(run.to_string().contains("run of digits"), "{run}");
        assert!(!rt.block_on(vault.has_store()).unwrap(), "a refused PIN makes nothing");
        let no_fingerprint = rt.block_on(vault.create("Amara", PIN, false, true)).err().unwrap();
        assert!(no_fingerprint.to_string().contains("no fingerprint"), "{no_fingerprint}");

        let backend = rt.block_on(vault.create("Amara", PIN, false, false)).unwrap();
        rt.block_on(backend.create_resident("Doreen")).unwrap();
        assert_eq!(backend.me().person_name, "Amara");
        assert!(rt.block_on(vault.create("Someone", PIN, false, false)).is_err(), "a phone is set up once");

        let wrong = rt.block_on(vault.unlock("000000")).err().unwrap();
        assert!(wrong.to_string().starts_with("Wrong PIN"), "{wrong}");
        assert_eq!(rt.block_on(vault.lock_state()).unwrap().failed_attempts, 1);
        let again = rt.block_on(vault.unlock(PIN)).unwrap();
        assert!(backend == again, "the screens keep their client");
        assert_eq!(rt.block_on(vault.lock_state()).unwrap().failed_attempts, 0);

        // A restart opens the same store with the same PIN, and only with it.
        let restarted = NativeVault::new(path.clone(), false, "Amara", Duration::from_secs(60));
        assert!(rt.block_on(restarted.unlock("111112")).is_err());
        let reopened = rt.block_on(restarted.unlock(PIN)).unwrap();
        assert_eq!(rt.block_on(reopened.caseload()).unwrap()[0].preferred_name, "Doreen");

        let wrong = rt.block_on(vault.change_pin("000000", "731946")).err().unwrap();
        assert!(wrong.to_string().starts_with("Wrong PIN"), "{wrong}");
        let weak = rt.block_on(vault.change_pin(PIN, "654321")).err().unwrap();
        assert!(weak.to_string().contains("run of digits"), "{weak}");
        rt.block_on(vault.change_pin(PIN, "731946")).unwrap();
        let restarted_again = NativeVault::new(path.clone(), false, "Amara", Duration::from_secs(60));
        assert!(rt.block_on(restarted_again.unlock(PIN)).is_err(), "the old PIN no longer opens it");
        let opened = rt.block_on(vault.unlock("731946")).unwrap();
        assert_eq!(rt.block_on(opened.caseload()).unwrap().len(), 1, "the new PIN opens the same store");

        rt.block_on(vault.forget()).unwrap();
        assert!(!path.exists() && !KeyFile::for_store(&path).exists());
        assert!(!rt.block_on(vault.has_store()).unwrap());
    }

    #[test]
    fn a_locked_vault_refuses_every_call_but_unlock_and_the_same_screens_go_on_after() {
        let rt = runtime();
        let dir = tempfile::tempdir().unwrap();
        let vault = NativeVault::new(dir.path().join("device.db"), false, "Amara", Duration::from_secs(60));
        let screens = rt.block_on(vault.create("Amara", PIN, false, false)).unwrap();
        rt.block_on(screens.create_resident("Doreen")).unwrap();
        rt.block_on(vault.lock()).unwrap();
        assert_eq!(rt.block_on(screens.caseload()).unwrap_err(), DeviceError::Locked);
        assert_eq!(rt.block_on(screens.create_resident("Kwame")).unwrap_err(), DeviceError::Locked);
        assert_eq!(rt.block_on(screens.sync_now()).unwrap_err(), DeviceError::Locked);
        assert!(rt.block_on(vault.set_erase_after(Some(10))).is_err(), "settings wait for the PIN too");
        // The lock screen's own questions are still answered.
        assert!(rt.block_on(vault.has_store()).unwrap());
        assert!(rt.block_on(vault.lock_state()).unwrap().unsent.is_some_and(|n| n > 0), "what is not sent is noted");
        assert!(rt.block_on(vault.unlock("000000")).is_err());
        let back = rt.block_on(vault.unlock(PIN)).unwrap();
        assert!(back == screens, "the screens' client, with what was typed behind the lock");
        let names: Vec<String> =
            rt.block_on(screens.caseload()).unwrap().into_iter().map(|r| r.preferred_name).collect();
        assert_eq!(names, ["Doreen"], "nothing was written while locked");
    }

    #[test]
    fn the_lock_screen_speaks_the_phones_language_and_the_residents_while_handed_to_her() {
        let rt = runtime();
        let dir = tempfile::tempdir().unwrap();
        let vault = NativeVault::new(dir.path().join("device.db"), false, "Amara", Duration::from_secs(60));
        let screens = rt.block_on(vault.create("Amara", PIN, false, false)).unwrap();
        let doreen = rt.block_on(screens.create_resident("Doreen")).unwrap();
        let spoken = || rt.block_on(vault.lock_state()).unwrap().language;
        rt.block_on(screens.set_language(Some("ro".into()))).unwrap();
        assert_eq!(spoken().as_deref(), Some("ro"), "the phone's person's choice");
        assert!(rt.block_on(screens.set_language(Some("not a language!".into()))).is_err());
        assert_eq!(spoken().as_deref(), Some("ro"), "a refused tag changes nothing");
        rt.block_on(screens.edit(doreen, crate::Edit::SetLanguage { tag: Some("ur".into()), by_resident: true }))
            .unwrap();
        assert_eq!(spoken().as_deref(), Some("ro"), "hers only while she holds the phone");
        rt.block_on(screens.set_resident_lock(Some(doreen))).unwrap();
        let state = rt.block_on(vault.lock_state()).unwrap();
        assert_eq!((state.language.as_deref(), state.handed_to.as_deref()), (Some("ur"), Some("Amara")));
        rt.block_on(screens.set_resident_lock(None)).unwrap();
        let state = rt.block_on(vault.lock_state()).unwrap();
        assert_eq!(
            (state.language.as_deref(), state.handed_to),
            (Some("ro"), None),
            "given back: the supporter's again"
        );
    }

    #[test]
    fn a_lock_whose_closing_runs_after_the_next_unlock_never_closes_the_store_that_unlock_opened() {
        let rt = runtime();
        let dir = tempfile::tempdir().unwrap();
        let vault = NativeVault::new(dir.path().join("device.db"), false, "Amara", Duration::from_secs(60));
        let screens = rt.block_on(vault.create("Amara", PIN, false, false)).unwrap();
        rt.block_on(screens.create_resident("Doreen")).unwrap();
        // The door shut and the lock was asked, but its task has not run yet
        // when the PIN comes (a busy phone): the lock holds already.
        let late_close = vault.lock();
        assert_eq!(rt.block_on(screens.caseload()).unwrap_err(), DeviceError::Locked, "locked as asked");
        let back = rt.block_on(vault.unlock(PIN)).unwrap();
        rt.block_on(late_close).unwrap();
        let names: Vec<String> = rt.block_on(back.caseload()).unwrap().into_iter().map(|r| r.preferred_name).collect();
        assert_eq!(names, ["Doreen"], "the store the PIN opened is still open after the late close");
        rt.block_on(back.create_resident("Kwame")).unwrap();
    }

    #[test]
    fn handing_the_phone_to_a_resident_is_noted_for_the_lock_screen_with_the_supporters_name() {
        let rt = runtime();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("device.db");
        let vault = NativeVault::new(path.clone(), false, "Amara", Duration::from_secs(60));
        let screens = rt.block_on(vault.create("Amara", PIN, false, false)).unwrap();
        let doreen = rt.block_on(screens.create_resident("Doreen")).unwrap();
        rt.block_on(screens.set_resident_lock(Some(doreen))).unwrap();
        rt.block_on(vault.lock()).unwrap();
        // A restart reads it from the key file, before any PIN.
        let restarted = NativeVault::new(path, false, "Amara", Duration::from_secs(60));
        assert_eq!(rt.block_on(restarted.lock_state()).unwrap().handed_to.as_deref(), Some("Amara"));
        let screens = rt.block_on(restarted.unlock(PIN)).unwrap();
        rt.block_on(screens.set_resident_lock(None)).unwrap();
        assert_eq!(rt.block_on(restarted.lock_state()).unwrap().handed_to, None);
    }

    #[test]
    fn where_the_team_chose_it_ten_wrong_pins_erase_the_phone() {
        use connect_store::keys::{SteadyClock, SteadyReading};
        struct Later(std::sync::atomic::AtomicU64);
        impl SteadyClock for Later {
            // Every reading an hour after the last: no wait is ever in the way.
            fn read(&self) -> SteadyReading {
                let hours = self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                SteadyReading { span: "test".into(), at_ms: hours * 3_600_000 }
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("device.db");
        let vault = StoreVault::new(path.clone(), false, "Amara", connect_store::destroy_files)
            .with_clock(Arc::new(Later(0.into())));
        vault.create("Amara", PIN, false, None).unwrap();
        vault.set_erase_after(Some(10)).unwrap();
        vault.lock();
        for n in 1..10 {
            let why = vault.unlock(&Unlocking::pin("000000")).unwrap_err().to_string();
            assert!(why.contains("erase"), "guess {n}: {why}");
        }
        assert_eq!(vault.unlock(&Unlocking::pin("000000")).unwrap_err(), DeviceError::Erased);
        assert!(!path.exists() && !KeyFile::for_store(&path).exists(), "the store and its key are gone");
        assert!(!vault.has_store());
    }
}
