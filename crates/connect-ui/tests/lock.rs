//! The lock in front of the app, in a VirtualDom: first run (with the PIN
//! rule and the fingerprint offer), wrong and right PINs, the wait between
//! wrong PINs counted down on the screens' clock, locking after the idle
//! limit without losing what was typed while the store is closed and the
//! auto-sync waits, the lock of a phone handed to a resident, erasing only
//! with ERASE typed, and the plain "wiped" screen after the team revokes the
//! device.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use connect_device::native::in_process;
use connect_device::testing::FakeRelay;
use connect_device::{
    Channel, Device, DeviceClient, DeviceError, DeviceFuture, FingerprintLock, FingerprintSupport, LockState, Reply,
    Request, SharedVault, Vault,
};
use connect_model::{AuthorRole, Timestamp};
use connect_ui::clock::{Clock, ManualClock, SharedClock};
use dioxus::prelude::*;
use dioxus_core::{ElementId, Mutation};

mod support;
use support::{advance, click, html, listeners, settle, submit, type_text};

const PIN: &str = "507193";

/// A vault over a memory store, with the PIN checked in memory by the same
/// rule as the real one, the lock kept the way the real one keeps it: while
/// locked, the screens' calls are refused, and a phone handed to a resident
/// says whose it is.
struct TestVault {
    pin: Mutex<Option<String>>,
    backend: Mutex<Option<DeviceClient>>,
    failed: Mutex<u32>,
    idle: Duration,
    revoked: bool,
    relay: FakeRelay,
    locked: Arc<AtomicBool>,
    fingerprint: Mutex<Option<FingerprintLock>>,
    fingerprint_available: bool,
    unsent: Option<u64>,
    /// The wait after a fourth wrong PIN: until this moment on `clock`.
    wait_until: Mutex<Option<Duration>>,
    clock: Mutex<Option<ManualClock>>,
    forgotten: AtomicBool,
}

/// The screens' channel: refused while the vault is locked.
struct Guarded(Arc<AtomicBool>, DeviceClient);

impl Channel for Guarded {
    fn send(&self, request: Request) -> DeviceFuture<Reply> {
        if self.0.load(Ordering::SeqCst) {
            return Box::pin(std::future::ready(Err(DeviceError::Locked)));
        }
        let inner = self.1.clone();
        Box::pin(async move { inner.call(request).await })
    }
}

impl TestVault {
    fn new(pin: Option<&str>, idle: Duration, revoked: bool) -> Arc<Self> {
        Self::with(pin, idle, revoked, |_| {})
    }

    fn with(pin: Option<&str>, idle: Duration, revoked: bool, tune: impl FnOnce(&mut Self)) -> Arc<Self> {
        let mut vault = Self {
            pin: Mutex::new(None),
            backend: Mutex::new(None),
            failed: Mutex::new(0),
            idle,
            revoked,
            relay: FakeRelay::new(),
            locked: Arc::default(),
            fingerprint: Mutex::new(None),
            fingerprint_available: false,
            unsent: None,
            wait_until: Mutex::new(None),
            clock: Mutex::new(None),
            forgotten: AtomicBool::new(false),
        };
        tune(&mut vault);
        let vault = Arc::new(vault);
        if let Some(pin) = pin {
            vault.create_now("Amara", pin, false).unwrap();
            vault.locked.store(true, Ordering::SeqCst);
        }
        vault
    }

    fn has_store_now(&self) -> bool {
        self.pin.lock().unwrap().is_some()
    }

    fn now(&self) -> Duration {
        self.clock.lock().unwrap().as_ref().map(Clock::now).unwrap_or_default()
    }

    fn create_now(&self, name: &str, pin: &str, fingerprint: bool) -> Result<DeviceClient, DeviceError> {
        connect_store::keys::check_passphrase(pin).map_err(|e| DeviceError::refused(connect_device::sentence(e)))?;
        let (mut store, me) = support::store_of(name, "phone", AuthorRole::Supporter);
        connect_store::create_resident(&mut store, &me, "Doreen", Timestamp::from_millis(1)).unwrap();
        support::enrolled(&mut store);
        self.relay.revoked.store(self.revoked, Ordering::SeqCst);
        let (device, inner) = in_process(store, self.relay.clone())?;
        let backend = DeviceClient::new(Guarded(self.locked.clone(), inner), device.opened()?);
        *self.pin.lock().unwrap() = Some(pin.to_owned());
        *self.backend.lock().unwrap() = Some(backend.clone());
        if fingerprint {
            *self.fingerprint.lock().unwrap() =
                Some(FingerprintLock { credential_id: vec![1], prf_salt: vec![2], pin_too: false });
        }
        self.locked.store(false, Ordering::SeqCst);
        Ok(backend)
    }

    fn unlock_now(&self, pin: &str) -> Result<DeviceClient, DeviceError> {
        if self.wait_until.lock().unwrap().is_some_and(|until| until > self.now()) {
            return Err(DeviceError::refused("too many wrong PINs or passphrases: try again later"));
        }
        let by_fingerprint = pin.is_empty() && self.fingerprint.lock().unwrap().as_ref().is_some_and(|f| !f.pin_too);
        if !by_fingerprint && self.pin.lock().unwrap().as_deref() != Some(pin) {
            let mut failed = self.failed.lock().unwrap();
            *failed += 1;
            if *failed > 3 {
                *self.wait_until.lock().unwrap() = Some(self.now() + Duration::from_secs(60));
            }
            return Err(DeviceError::refused("wrong PIN or passphrase"));
        }
        *self.failed.lock().unwrap() = 0;
        self.locked.store(false, Ordering::SeqCst);
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
        let backend = self.backend.lock().unwrap().clone();
        let wait =
            self.wait_until.lock().unwrap().map(|until| until.saturating_sub(self.now())).filter(|w| !w.is_zero());
        ready(Ok(LockState {
            failed_attempts: *self.failed.lock().unwrap(),
            wait,
            fingerprint: self.fingerprint.lock().unwrap().clone(),
            erase_after: None,
            // As the real vault notes it: the supporter's name while handed to a resident.
            handed_to: backend.filter(|b| b.resident_lock().is_some()).map(|b| b.me().person_name),
            unsent: self.unsent,
            language: None,
        }))
    }
    fn create(&self, name: &str, pin: &str, _demo: bool, fingerprint: bool) -> DeviceFuture<DeviceClient> {
        ready(self.create_now(name, pin, fingerprint))
    }
    fn unlock(&self, pin: &str) -> DeviceFuture<DeviceClient> {
        ready(self.unlock_now(pin))
    }
    fn lock(&self) -> DeviceFuture<()> {
        self.locked.store(true, Ordering::SeqCst);
        ready(Ok(()))
    }
    fn forget(&self) -> DeviceFuture<()> {
        *self.pin.lock().unwrap() = None;
        *self.backend.lock().unwrap() = None;
        self.forgotten.store(true, Ordering::SeqCst);
        ready(Ok(()))
    }
    fn change_pin(&self, old: &str, new: &str) -> DeviceFuture<()> {
        let result = self.unlock_now(old).map(|_| {
            *self.pin.lock().unwrap() = Some(new.to_owned());
        });
        ready(result)
    }
    fn set_erase_after(&self, _after: Option<u32>) -> DeviceFuture<()> {
        ready(Ok(()))
    }
    fn fingerprint_support(&self) -> DeviceFuture<FingerprintSupport> {
        ready(Ok(if self.fingerprint_available {
            FingerprintSupport::Available
        } else {
            FingerprintSupport::Unavailable("No fingerprint here.".into())
        }))
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
        *vault.clock.lock().unwrap() = Some(clock.clone());
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
    assert!(vault.has_store_now(), "{}", s.html());
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
                "invite" => backend.invite(AuthorRole::Supporter, None, None, Some("Ben".into())).await.map(drop),
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

impl Screen {
    /// Types the PIN on the lock screen and submits it.
    fn unlock_with(&mut self, pin: &str) {
        let field = self.newest("input", 0);
        self.type_into(field, pin);
        self.submit();
    }

    /// Clicks the newest button whose listener makes the page contain `text`.
    fn click_until(&mut self, text: &str) -> bool {
        let clicks = listeners(&self.edits, "click");
        for id in clicks.into_iter().rev() {
            click(&mut self.dom, id);
            self.settle();
            if self.html().contains(text) {
                return true;
            }
        }
        false
    }
}

#[test]
fn the_twenty_commonest_pins_are_refused_at_set_up_and_nothing_is_made() {
    let vault = TestVault::new(None, Duration::from_secs(300), false);
    let mut s = Screen::open(vault.clone());
    assert!(
        s.html().contains("Easy PINs like 123456, 111111 or 121212 are refused"),
        "the field says what is accepted"
    );
    for pin in connect_store::keys::COMMON_PINS.lines().take(20) {
        let (first, again) = (s.newest("input", 1), s.newest("input", 0));
        s.type_into(first, pin);
        s.type_into(again, pin);
        s.submit();
        let page = s.html();
        assert!(page.contains("choose another"), "{pin}: {page}");
        assert!(!vault.has_store_now(), "{pin} made a store");
    }
    let (first, again) = (s.newest("input", 1), s.newest("input", 0));
    s.type_into(first, "kitchen table");
    s.type_into(again, "kitchen table");
    s.submit();
    assert!(vault.has_store_now(), "a passphrase with letters is welcome");
}

#[test]
fn a_locked_app_makes_no_store_calls_and_syncs_again_once_unlocked() {
    let vault = TestVault::new(Some(PIN), Duration::from_secs(300), false);
    let mut s = Screen::open(vault.clone());
    s.unlock_with(PIN);
    assert!(s.html().contains("Doreen"));
    let opened = vault.relay.sync_count();
    assert!(opened >= 1, "unlocking syncs");
    // Left alone: the app locks, the vault closes the store, and an hour
    // behind the lock brings no sync (the auto-sync would run every 5 minutes).
    s.wait(Duration::from_secs(301));
    assert!(s.html().contains("Enter your PIN"));
    assert!(vault.locked.load(Ordering::SeqCst), "the root told the vault to lock");
    s.wait(Duration::from_secs(3_600));
    assert_eq!(vault.relay.sync_count(), opened, "no sync while locked");
    s.unlock_with(PIN);
    assert!(vault.relay.sync_count() > opened, "unlocking syncs again");
    assert!(!s.html().contains("The app is locked"), "no error from the lock is left on screen: {}", s.html());
}

#[test]
fn the_wait_after_wrong_pins_counts_down_on_the_screens_clock_and_holds_the_button() {
    let vault = TestVault::new(Some(PIN), Duration::from_secs(300), false);
    let mut s = Screen::open(vault);
    for guess in ["000000", "000001", "000002", "000003"] {
        s.unlock_with(guess);
    }
    let page = s.html();
    assert!(page.contains("You can try again in 1 minute"), "{page}");
    assert!(page.contains("counts down while this screen is open"));
    assert!(page.contains("disabled"), "the button waits too");
    s.wait(Duration::from_secs(30));
    assert!(s.html().contains("You can try again in 30 seconds"), "{}", s.html());
    s.wait(Duration::from_secs(31));
    assert!(!s.html().contains("You can try again in"), "{}", s.html());
    s.unlock_with(PIN);
    assert!(s.html().contains("Doreen"));
}

#[test]
fn an_idle_lock_in_resident_mode_asks_for_the_phone_back_by_name_and_offers_nothing_else() {
    let vault = TestVault::new(Some(PIN), Duration::from_secs(300), false);
    let mut s = Screen::open(vault.clone());
    s.unlock_with(PIN);
    let doreen = connect_device::native::wait_for(vault.backend.lock().unwrap().clone().unwrap().caseload()).unwrap()
        [0]
    .resident;
    let backend = vault.backend.lock().unwrap().clone().unwrap();
    connect_device::native::wait_for(backend.set_resident_lock(Some(doreen))).unwrap();
    // The resident puts the phone down.
    s.wait(Duration::from_secs(301));
    let page = s.html();
    assert!(page.contains("Please give this phone back to Amara"), "{page}");
    assert!(page.contains("Only Amara can unlock it"));
    assert!(page.contains("Amara&#39;s PIN") || page.contains("Amara's PIN"), "{page}");
    for nothing_else in ["Forgot your PIN?", "Erase", "erase"] {
        assert!(!page.contains(nothing_else), "{nothing_else:?} offered on a resident's lock: {page}");
    }
    s.unlock_with(PIN);
    assert!(!s.html().contains("Please give this phone back"));
}

#[test]
fn erasing_a_phone_with_a_forgotten_pin_says_what_is_unsent_and_needs_erase_typed() {
    let vault = TestVault::with(Some(PIN), Duration::from_secs(300), false, |v| v.unsent = Some(3));
    let mut s = Screen::open(vault.clone());
    assert!(s.click_until("To confirm, type ERASE"));
    let page = s.html();
    assert!(page.contains("3 changes on this phone have not reached the team yet: erasing loses them."), "{page}");
    // The erase button, with nothing typed or a wrong word, does nothing.
    let erase = s.newest("click", 1);
    click(&mut s.dom, erase);
    s.settle();
    assert!(!vault.forgotten.load(Ordering::SeqCst), "nothing is erased without ERASE typed");
    let field = s.newest("input", 0);
    s.type_into(field, "delete");
    click(&mut s.dom, erase);
    s.settle();
    assert!(!vault.forgotten.load(Ordering::SeqCst));
    s.type_into(field, " erase ");
    click(&mut s.dom, erase);
    s.settle();
    assert!(vault.forgotten.load(Ordering::SeqCst), "typed, it erases");
    assert!(s.html().contains("Set up this phone"));
}

#[test]
fn a_phone_with_a_fingerprint_is_offered_it_at_set_up_and_unlocks_with_it_alone() {
    let vault = TestVault::with(None, Duration::from_secs(300), false, |v| v.fingerprint_available = true);
    let mut s = Screen::open(vault.clone());
    assert!(
        s.html().contains("Also unlock with this phone&#39;s fingerprint or face")
            || s.html().contains("Also unlock with this phone's fingerprint or face")
    );
    assert!(s.html().contains("checked"), "offered ticked");
    let (first, again) = (s.newest("input", 1), s.newest("input", 0));
    s.type_into(first, PIN);
    s.type_into(again, PIN);
    s.submit();
    assert!(vault.fingerprint.lock().unwrap().is_some(), "set up with the fingerprint");
    assert!(s.click_until("Unlock with fingerprint or face"), "the lock asks for the fingerprint");
    let page = s.html();
    let lock = &page[page.find("id=\"lock\"").unwrap()..];
    let lock = &lock[..lock.find("</main>").unwrap()];
    assert!(!lock.contains("type=\"password\""), "no PIN is asked where the fingerprint alone unlocks: {lock}");
    assert!(lock.contains("Unlock this phone") && !lock.contains("Enter your PIN"), "{lock}");
    s.submit();
    assert!(s.html().contains("Doreen"), "{}", s.html());
}
