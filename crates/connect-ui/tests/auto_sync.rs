//! The auto-sync in a VirtualDom, on a real (tokio) clock with the waits
//! shortened: opening syncs, an edit syncs after the debounce and not
//! before, a failure is retried by itself and said quietly, "Send now" tries
//! at once, and the chip says when the next try is.

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use connect_device::native::in_process;
use connect_device::testing::FakeRelay;
use connect_device::{Device, DeviceClient};
use connect_model::AuthorRole;
use connect_store::MemoryStore;
use connect_ui::clock::ManualClock;
use connect_ui::components::{AppAt, AppAtProps};
use connect_ui::lifecycle::{LifeEvent, LifeSink, Lifecycle, SharedLifecycle};
use connect_ui::state::Screen;
use dioxus::prelude::*;
use dioxus_core::Mutation;

mod support;
use support::{advance, choose, html, listeners, settle, submit, type_text};

/// The device over a memory store enrolled with `relay`, and its client.
fn enrolled(relay: &FakeRelay) -> (Arc<Device<MemoryStore, FakeRelay>>, DeviceClient) {
    let (mut store, _) = support::store_of("Amara", "phone", AuthorRole::Supporter);
    support::enrolled(&mut store);
    in_process(store, relay.clone()).unwrap()
}

/// The schedule's own waits (connect-sync's defaults): an edit syncs 20 s
/// after the last keystroke, a failure is first tried again within 30 s.
const DEBOUNCE: Duration = Duration::from_secs(20);
const FIRST_RETRY: Duration = Duration::from_secs(30);

/// The app opened at `start` on `client` (and the platform's `lifecycle`,
/// if any), on a clock the test moves, its first moments run.
fn open(
    client: &DeviceClient,
    start: Screen,
    lifecycle: Option<SharedLifecycle>,
) -> (ManualClock, VirtualDom, Vec<Mutation>) {
    let (clock, shared) = support::manual_clock();
    let mut dom = VirtualDom::new_with_props(AppAt, AppAtProps { start })
        .with_root_context(client.clone())
        .with_root_context(shared);
    if let Some(lifecycle) = lifecycle {
        dom = dom.with_root_context(lifecycle);
    }
    let mut edits = dom.rebuild_to_vec().edits;
    edits.extend(settle(&mut dom));
    (clock, dom, edits)
}

#[test]
fn the_app_syncs_by_itself_on_opening_after_an_edit_and_again_after_a_failure() {
    let relay = FakeRelay::new();
    let (_, backend) = enrolled(&relay);
    let (clock, mut dom, mut edits) = open(&backend, Screen::Caseload, None);
    let syncs = || relay.sync_count();
    assert_eq!(syncs(), 1, "opening the app syncs at once");
    let page = html(&dom);
    assert!(page.contains("Sent to the team"), "{page}");
    assert!(page.contains("next send"), "the chip says when the next sync is: {page}");

    // An edit: not at once, but after the debounce.
    let field = listeners(&edits, "input").into_iter().last().expect("the add-a-resident field");
    type_text(&mut dom, field, "Winifred");
    submit(&mut dom, listeners(&edits, "submit").into_iter().last().expect("its form"));
    edits.extend(advance(&clock, &mut dom, DEBOUNCE - Duration::from_secs(1)));
    assert!(html(&dom).contains("Winifred"), "the resident was added: {}", html(&dom));
    assert_eq!(syncs(), 1, "not while the person may still be typing");
    edits.extend(advance(&clock, &mut dom, Duration::from_secs(1)));
    assert_eq!(syncs(), 2, "the edit synced by itself after the debounce");

    // The relay goes out of reach; the next edit's sync fails, quietly.
    relay.down.store(true, Ordering::SeqCst);
    // (Any write through the screens' client counts; this one skips the form.)
    connect_device::native::wait_for(backend.create_resident("Kwame")).unwrap();
    edits.extend(advance(&clock, &mut dom, DEBOUNCE));
    assert_eq!(syncs(), 3);
    let page = html(&dom);
    assert!(page.contains("it tries again by itself"), "{page}");
    assert!(page.contains("next try"), "the chip says when: {page}");
    assert!(!page.contains("role=\"alert\""), "a failure nobody asked about interrupts nobody: {page}");
    // ...and is tried again by itself, within the first retry's wait (less
    // up to a fifth at random) and not before.
    edits.extend(advance(&clock, &mut dom, FIRST_RETRY * 4 / 5 - Duration::from_secs(1)));
    assert_eq!(syncs(), 3, "not before the backoff's shortest wait");
    edits.extend(advance(&clock, &mut dom, FIRST_RETRY / 5 + Duration::from_secs(1)));
    assert_eq!(syncs(), 4, "retried by itself");

    // "Send now" tries at once, whatever the backoff, and its failure is said out loud.
    let before = syncs();
    let sync_now = listeners(&edits, "click").into_iter().find(|id| {
        support::click(&mut dom, *id);
        settle(&mut dom);
        syncs() > before
    });
    assert!(sync_now.is_some(), "a button syncs at once");
    assert!(html(&dom).contains("role=\"alert\""), "asked for, so said at once");

    // Back in reach: the next try works and the chip is calm again.
    relay.down.store(false, Ordering::SeqCst);
    edits.extend(advance(&clock, &mut dom, FIRST_RETRY * 2));
    let page = html(&dom);
    assert!(page.contains("Sent to the team") || page.contains("not sent yet"), "{page}");
    assert!(!page.contains("it tries again by itself"), "{page}");
    let _ = edits;
}

#[test]
fn a_relay_that_asks_the_phone_to_wait_is_not_tried_again_sooner() {
    let relay = FakeRelay::new();
    let (_, backend) = enrolled(&relay);
    *relay.throttling.lock().unwrap() = Some(Duration::from_secs(600));
    let (clock, mut dom, _) = open(&backend, Screen::Caseload, None);
    let syncs = || relay.sync_count();
    assert_eq!(syncs(), 1, "opening the app tries at once");
    let page = html(&dom);
    assert!(page.contains("asked this phone to wait a little"), "said in plain words: {page}");
    assert!(!page.contains("role=\"alert\""), "nobody asked, so nobody is interrupted: {page}");
    // Edits and the backoff's own 30 s do not bring the next try forward.
    connect_device::native::wait_for(backend.create_resident("Kwame")).unwrap();
    advance(&clock, &mut dom, Duration::from_secs(599));
    assert_eq!(syncs(), 1, "not before the ten minutes the relay asked for");
    *relay.throttling.lock().unwrap() = None;
    advance(&clock, &mut dom, Duration::from_secs(2));
    assert_eq!(syncs(), 2, "tried again once the wait is over");
    let page = html(&dom);
    assert!(!page.contains("wait a little") && page.contains("Last sent"), "the wait is over and said no more: {page}");
}

#[test]
fn settings_choose_how_often_to_sync_and_the_store_keeps_it() {
    let (local, backend) = enrolled(&FakeRelay::new());
    assert_eq!(local.overview().unwrap().auto_sync_minutes, 5, "every 5 minutes unless changed");
    let (_clock, mut dom, edits) = open(&backend, Screen::Settings, None);
    let page = html(&dom);
    assert!(page.contains("Send to the team by itself while the app is open"), "{page}");
    assert!(page.contains("value=\"5\" selected"), "5 minutes is chosen: {page}");
    // The period picker; the media budget's picker comes after it, once its read lands.
    let picker = listeners(&edits, "change").into_iter().rev().nth(1).expect("the period picker");
    choose(&mut dom, picker, "15");
    settle(&mut dom);
    assert_eq!(local.overview().unwrap().auto_sync_minutes, 15);
    choose(&mut dom, picker, "0");
    settle(&mut dom);
    assert_eq!(local.overview().unwrap().auto_sync_minutes, 0, "only after changes");
    // Out of range is refused in words, and the choice kept.
    assert!(local.set_auto_sync(100_000).unwrap_err().to_string().contains("once a day"));
    assert_eq!(local.overview().unwrap().auto_sync_minutes, 0);
}

#[test]
fn a_device_not_enrolled_never_syncs_and_a_tap_on_sync_now_says_why() {
    let (store, _) = support::store_of("Amara", "phone", AuthorRole::Supporter);
    let relay = FakeRelay::new();
    let (_, backend) = in_process(store, relay.clone()).unwrap();
    let (clock, mut dom, edits) = open(&backend, Screen::Caseload, None);
    let said = listeners(&edits, "click").into_iter().any(|id| {
        support::click(&mut dom, id);
        settle(&mut dom);
        html(&dom).contains("not part of a team yet")
    });
    assert!(said, "Sync now says the device is not connected: {}", html(&dom));
    advance(&clock, &mut dom, Duration::from_secs(3600));
    assert_eq!(relay.sync_count(), 0, "and nothing tried to reach a relay, in an hour");
}

/// A platform that records what the auto-sync tells it, and can say it is
/// offline as soon as it is watched (an app opened with no network).
#[derive(Default)]
struct RecordingLifecycle {
    offline_at_start: bool,
    watched: Mutex<Vec<Option<String>>>,
    reached: Mutex<Vec<bool>>,
}

impl Lifecycle for RecordingLifecycle {
    fn watch(&self, relay: Option<String>, sink: LifeSink) {
        self.watched.lock().unwrap().push(relay);
        if self.offline_at_start {
            sink(LifeEvent::Offline);
        }
    }
    fn reached_relay(&self, reached: bool) {
        self.reached.lock().unwrap().push(reached);
    }
    fn listen_in_the_page(&self) -> bool {
        false
    }
}

#[test]
fn only_a_relay_out_of_reach_sets_the_platform_probing_and_a_refusal_waits_out_its_backoff() {
    let relay = FakeRelay::new();
    relay.refusing.store(true, Ordering::SeqCst);
    let (_, backend) = enrolled(&relay);
    let lifecycle = Arc::new(RecordingLifecycle::default());
    let (clock, mut dom, _edits) = open(&backend, Screen::Caseload, Some(lifecycle.clone() as SharedLifecycle));
    assert_eq!(relay.sync_count(), 1, "opening syncs");
    assert_eq!(
        *lifecycle.watched.lock().unwrap(),
        vec![Some("https://relay.connect-east.example".to_owned())],
        "the platform is told the relay, to probe it"
    );
    // The relay answered (with a refusal): it can be reached, so no probing,
    // which would say "online" at once and undo the backoff.
    assert_eq!(*lifecycle.reached.lock().unwrap(), vec![true]);
    let page = html(&dom);
    assert!(page.contains("it tries again by itself") && page.contains("Slow down"), "{page}");
    advance(&clock, &mut dom, FIRST_RETRY * 4 / 5 - Duration::from_secs(1));
    assert_eq!(relay.sync_count(), 1, "not before the backoff");
    advance(&clock, &mut dom, FIRST_RETRY / 5 + Duration::from_secs(1));
    assert_eq!(relay.sync_count(), 2, "retried after the backoff");

    // Out of reach: now the platform probes.
    relay.refusing.store(false, Ordering::SeqCst);
    relay.down.store(true, Ordering::SeqCst);
    advance(&clock, &mut dom, FIRST_RETRY * 2 + Duration::from_secs(1));
    assert_eq!(lifecycle.reached.lock().unwrap().last(), Some(&false), "{:?}", lifecycle.reached.lock().unwrap());
}

#[test]
fn an_app_opened_with_no_network_does_not_try_until_it_is_back_or_asked() {
    let relay = FakeRelay::new();
    let (_, backend) = enrolled(&relay);
    let lifecycle = Arc::new(RecordingLifecycle { offline_at_start: true, ..RecordingLifecycle::default() });
    let (clock, mut dom, _edits) = open(&backend, Screen::Caseload, Some(lifecycle as SharedLifecycle));
    advance(&clock, &mut dom, Duration::from_secs(600));
    assert_eq!(relay.sync_count(), 0, "no attempt that could only fail, for as long as there is no network");
    let page = html(&dom);
    assert!(page.contains("no signal"), "{page}");
    assert!(!page.contains("it tries again by itself"), "no failure to report: {page}");
}

#[test]
fn two_apps_open_on_one_store_each_hear_its_edits_and_closing_one_leaves_the_other_syncing() {
    // The preview's browser tabs share one store and one backend.
    let relay = FakeRelay::new();
    let (_, backend) = enrolled(&relay);
    let (clock, mut first, _) = open(&backend, Screen::Caseload, None);
    let (_, second, _) = open(&backend, Screen::Caseload, None);
    assert_eq!(relay.sync_count(), 2, "each opening syncs");
    drop(second); // the newer tab is closed
    connect_device::native::wait_for(backend.create_resident("Winifred")).unwrap();
    advance(&clock, &mut first, DEBOUNCE + Duration::from_secs(1));
    assert_eq!(relay.sync_count(), 3, "the tab still open heard the edit and synced it");
}
