//! The lock in front of the app, in a VirtualDom: first run, wrong and right
//! PINs, locking after the idle limit without losing what was typed, and the
//! plain "wiped" screen after the team revokes the device.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use connect_device::native::in_process;
use connect_device::testing::FakeRelay;
use connect_device::{Device, DeviceClient, DeviceError, DeviceFuture, LockState, SharedVault, Vault};
use connect_model::{AuthorRole, Timestamp};
use connect_ui::clock::{ManualClock, SharedClock};
use dioxus::prelude::*;
use dioxus_core::{ElementId, Mutation};

mod support;
use support::{advance, click, html, listeners, settle, submit, type_text};

const PIN: &str = "246810";

/// A vault over a memory store, with the PIN checked in memory.
struct TestVault {
    pin: Mutex<Option<String>>,
    backend: Mutex<Option<DeviceClient>>,
    failed: Mutex<u32>,
    idle: Duration,
    revoked: bool,
}

impl TestVault {
    fn new(pin: Option<&str>, idle: Duration, revoked: bool) -> Arc<Self> {
        let vault =
            Arc::new(Self { pin: Mutex::new(None), backend: Mutex::new(None), failed: Mutex::new(0), idle, revoked });
        if let Some(pin) = pin {
            vault.create_now("Amara", pin).unwrap();
        }
        vault
    }

    fn has_store_now(&self) -> bool {
        self.pin.lock().unwrap().is_some()
    }

    fn create_now(&self, name: &str, pin: &str) -> Result<DeviceClient, DeviceError> {
        if pin.len() < 6 {
            return Err(DeviceError::refused("a PIN or passphrase needs at least 6 characters"));
        }
        let (mut store, me) = support::store_of(name, "phone", AuthorRole::Supporter);
        connect_store::create_resident(&mut store, &me, "Doreen", Timestamp::from_millis(1)).unwrap();
        let relay = FakeRelay::new();
        if self.revoked {
            support::enrolled(&mut store);
            relay.revoked.store(true, std::sync::atomic::Ordering::SeqCst);
        }
        let (_, backend) = in_process(store, relay)?;
        *self.pin.lock().unwrap() = Some(pin.to_owned());
        *self.backend.lock().unwrap() = Some(backend.clone());
        Ok(backend)
    }

    fn unlock_now(&self, pin: &str) -> Result<DeviceClient, DeviceError> {
        if self.pin.lock().unwrap().as_deref() != Some(pin) {
            *self.failed.lock().unwrap() += 1;
            return Err(DeviceError::refused("wrong PIN or passphrase"));
        }
        *self.failed.lock().unwrap() = 0;
        Ok(self.backend.lock().unwrap().clone().unwrap())
    }
}

fn ready<T: 'static>(result: Result<T, DeviceError>) -> DeviceFuture<T> {
    Box::pin(std::future::ready(result))
}

impl Vault for TestVault {
    fn has_store(&self) -> DeviceFuture<bool> {
        ready(Ok(self.has_store_now()))
    }
    fn lock_state(&self) -> DeviceFuture<LockState> {
        ready(Ok(LockState { failed_attempts: *self.failed.lock().unwrap(), retry_after: None }))
    }
    fn create(&self, name: &str, pin: &str, _demo: bool) -> DeviceFuture<DeviceClient> {
        ready(self.create_now(name, pin))
    }
    fn unlock(&self, pin: &str) -> DeviceFuture<DeviceClient> {
        ready(self.unlock_now(pin))
    }
    fn forget(&self) -> DeviceFuture<()> {
        *self.pin.lock().unwrap() = None;
        *self.backend.lock().unwrap() = None;
        ready(Ok(()))
    }
    fn change_pin(&self, old: &str, new: &str) -> DeviceFuture<()> {
        let result = self.unlock_now(old).map(|_| {
            *self.pin.lock().unwrap() = Some(new.to_owned());
        });
        ready(result)
    }
    fn idle_limit(&self) -> Duration {
        self.idle
    }
    fn suggested_name(&self) -> String {
        "Amara".into()
    }
}

struct Screen {
    clock: ManualClock,
    dom: VirtualDom,
    edits: Vec<Mutation>,
}

impl Screen {
    fn open(vault: Arc<TestVault>) -> Self {
        let (clock, shared): (ManualClock, SharedClock) = support::manual_clock();
        let vault: SharedVault = vault;
        let mut dom = VirtualDom::new(connect_ui::Root).with_root_context(vault).with_root_context(shared);
        let mut edits = dom.rebuild_to_vec().edits;
        edits.extend(settle(&mut dom));
        Self { clock, dom, edits }
    }

    /// Lets the app finish what it is doing.
    fn settle(&mut self) {
        let new = settle(&mut self.dom);
        self.edits.extend(new);
    }

    /// Lets `d` pass on the app's clock.
    fn wait(&mut self, d: Duration) {
        let new = advance(&self.clock, &mut self.dom, d);
        self.edits.extend(new);
    }

    fn html(&self) -> String {
        html(&self.dom)
    }

    /// The newest listener for `event`, counting from the end (0 = last).
    fn newest(&self, event: &str, back: usize) -> ElementId {
        let all = listeners(&self.edits, event);
        all[all.len() - 1 - back]
    }

    fn type_into(&mut self, id: ElementId, text: &str) {
        type_text(&mut self.dom, id, text);
        self.settle();
    }

    fn submit(&mut self) {
        let form = self.newest("submit", 0);
        submit(&mut self.dom, form);
        self.settle();
    }
}

#[test]
fn a_new_phone_asks_for_a_name_and_a_pin_typed_twice_then_opens_the_app() {
    let vault = TestVault::new(None, Duration::from_secs(300), false);
    let mut s = Screen::open(vault.clone());
    assert!(s.html().contains("Set up this phone"));
    assert!(s.html().contains("value=\"Amara\""), "the launcher's name is suggested");
    let (pin, again) = (s.newest("input", 1), s.newest("input", 0));
    s.type_into(pin, PIN);
    s.type_into(again, "135791");
    s.submit();
    assert!(s.html().contains("The two PINs are different"));
    assert!(!vault.has_store_now(), "nothing is made from mismatched PINs");
    s.type_into(again, PIN);
    s.submit();
    assert!(vault.has_store_now());
    assert!(s.html().contains("Caseload") && s.html().contains("Doreen"), "{}", s.html());
}

#[test]
fn a_wrong_pin_is_refused_and_counted_and_the_right_one_opens_the_store() {
    let vault = TestVault::new(Some(PIN), Duration::from_secs(300), false);
    let mut s = Screen::open(vault);
    let page = s.html();
    assert!(page.contains("Enter your PIN"));
    assert!(!page.contains("Doreen"), "nothing about residents shows before the PIN");
    let field = s.newest("input", 0);
    s.type_into(field, "000000");
    s.submit();
    assert!(s.html().contains("wrong PIN"), "{}", s.html());
    assert!(!s.html().contains("Doreen"));
    let field = s.newest("input", 0);
    s.type_into(field, PIN);
    s.submit();
    assert!(s.html().contains("Doreen"), "{}", s.html());
    assert!(!s.html().contains("Enter your PIN"));
}

#[test]
fn the_app_locks_itself_when_left_alone_and_keeps_what_was_being_typed() {
    let vault = TestVault::new(Some(PIN), Duration::from_secs(300), false);
    let mut s = Screen::open(vault);
    let field = s.newest("input", 0);
    s.type_into(field, PIN);
    s.submit();
    assert!(s.html().contains("Add a resident"));
    // A name half-typed into the caseload's add form, four minutes in: a
    // touch starts the five minutes again.
    s.wait(Duration::from_secs(240));
    let name_field = s.newest("input", 0);
    s.type_into(name_field, "Half-typed Name");
    s.wait(Duration::from_secs(299));
    assert!(!s.html().contains("Enter your PIN"), "still within the idle limit, counted from the last touch");
    s.wait(Duration::from_secs(2));
    let locked = s.html();
    assert!(locked.contains("Enter your PIN"), "locked after the idle limit");
    assert!(locked.contains("hidden"), "the app is hidden behind the lock");
    let field = s.newest("input", 0);
    s.type_into(field, PIN);
    s.submit();
    let page = s.html();
    assert!(!page.contains("Enter your PIN"));
    assert!(page.contains("value=\"Half-typed Name\""), "the draft survived the lock: {page}");
}

#[test]
fn the_lock_button_locks_at_once() {
    let vault = TestVault::new(Some(PIN), Duration::from_secs(300), false);
    let mut s = Screen::open(vault);
    let field = s.newest("input", 0);
    s.type_into(field, PIN);
    s.submit();
    assert!(s.html().contains("Lock"));
    // The header's buttons: Caseload, Settings, Lock (in that order).
    let clicks = listeners(&s.edits, "click");
    let lock = clicks.iter().copied().find(|id| {
        click(&mut s.dom, *id);
        s.settle();
        s.html().contains("Enter your PIN")
    });
    assert!(lock.is_some(), "a button locks the app");
}

#[test]
fn a_revoked_device_says_plainly_that_it_was_wiped() {
    let vault = TestVault::new(Some(PIN), Duration::from_secs(300), true);
    let mut s = Screen::open(vault);
    let field = s.newest("input", 0);
    s.type_into(field, PIN);
    s.submit();
    // Unlocking syncs by itself, and the relay says this device was revoked.
    s.settle();
    let page = s.html();
    assert!(page.contains("This phone was removed from the team"), "{page}");
    assert!(!page.contains("Doreen"), "nothing about residents is left on screen");
    assert!(page.contains("Set up this phone again"));
}

#[test]
fn a_revoked_device_is_wiped_by_any_call_to_the_relay_not_only_by_sync() {
    for call in ["audit trail", "invite", "subject access copy"] {
        let (mut store, me) = support::store_of("Amara", "phone", AuthorRole::Coordinator);
        let doreen = connect_store::create_resident(&mut store, &me, "Doreen", Timestamp::from_millis(1)).unwrap();
        support::enrolled(&mut store);
        let backend = Device::new(store, FakeRelay::revoking());
        let result = connect_device::native::wait_for(async {
            match call {
                "audit trail" => backend.audit(doreen).await.map(drop),
                "invite" => backend.invite(AuthorRole::Supporter, None, None, None).await.map(drop),
                _ => backend.subject_access(doreen).await.map(drop),
            }
        });
        let why = result.expect_err(call);
        assert_eq!(why, DeviceError::Wiped, "{call}");
        assert!(why.to_string().contains("removed from the team"), "{call}: {why}");
        assert!(backend.wiped(), "{call}: the backend forgets the wiped store");
        assert!(backend.caseload().is_err(), "{call}: nothing about residents can be read after");
    }
}
