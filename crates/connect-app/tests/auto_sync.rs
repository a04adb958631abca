//! The auto-sync in a VirtualDom, on a real (tokio) clock with the waits
//! shortened: opening syncs, an edit syncs after the debounce and not
//! before, a failure is retried by itself and said quietly, "Sync now" tries
//! at once, and the chip says when the next try is.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use connect_app::blocking::in_process;
use connect_app::local::{Network, NetworkFailure, StoreBackend};
use connect_model::history::AcceptedRecord;
use connect_model::{AuthorRole, ResidentId};
use connect_store::{DocumentStore, MemoryStore};
use connect_sync::schedule::ScheduleConfig;
use connect_ui::SharedBackend;
use connect_ui::backend::{InviteInfo, SyncSummary};
use connect_ui::components::{AppAt, AppAtProps};
use connect_ui::lifecycle::{LifeEvent, LifeSink, Lifecycle, SharedLifecycle};
use connect_ui::state::Screen;
use dioxus::prelude::*;
use dioxus_core::Mutation;
use dioxus_html::{PlatformEventData, SerializedFormData, SerializedHtmlEventConverter};

mod support;
use support::{fire, html, listeners, pump, submit, type_text};

/// A relay that counts syncs, and can be out of reach or refusing.
#[derive(Clone, Default)]
struct CountingRelay {
    syncs: Arc<AtomicUsize>,
    down: Arc<AtomicBool>,
    refusing: Arc<AtomicBool>,
}

impl Network for CountingRelay {
    fn sync(&self) -> Result<SyncSummary, NetworkFailure> {
        self.syncs.fetch_add(1, Ordering::SeqCst);
        if self.down.load(Ordering::SeqCst) {
            return Err(NetworkFailure::Unreachable("The team relay could not be reached.".into()));
        }
        if self.refusing.load(Ordering::SeqCst) {
            return Err(NetworkFailure::Failed("the relay refused the request (429): slow down".into()));
        }
        Ok(SyncSummary::default())
    }
    fn enrol(&self, _: &str, _: &str) -> Result<(), NetworkFailure> {
        Ok(())
    }
    fn invite(&self, _: AuthorRole, _: Option<ResidentId>) -> Result<InviteInfo, NetworkFailure> {
        Err(NetworkFailure::Failed("not in this test".into()))
    }
    fn resident_history(&self, _: ResidentId) -> Result<Vec<AcceptedRecord>, NetworkFailure> {
        Ok(Vec::new())
    }
    fn erase_resident(&self, _: ResidentId) -> Result<(), NetworkFailure> {
        Ok(())
    }
}

/// The screens' backend over a memory store enrolled with `relay`, and the
/// store-backed side for the test's own reads.
fn enrolled(relay: &CountingRelay) -> (Arc<StoreBackend<MemoryStore>>, SharedBackend) {
    let (mut store, _) = support::store_of("Amara", "phone", AuthorRole::Supporter);
    store.set_setting("relay_token", Some("t")).unwrap();
    store.set_setting("relay_url", Some("https://relay.connect-east.example")).unwrap();
    in_process(store, Some(Box::new(relay.clone()))).unwrap()
}

const DEBOUNCE: Duration = Duration::from_millis(400);
const FIRST_RETRY: Duration = Duration::from_millis(600);

/// A runtime for the app's timers. Events are handled outside `block_on`,
/// so each test also enters it for as long as the app runs.
fn runtime() -> tokio::runtime::Runtime {
    dioxus_html::set_event_converter(Box::new(SerializedHtmlEventConverter));
    tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap()
}

/// The app opened at `start` on `backend` (and the platform's `lifecycle`,
/// if any) with the schedule's waits shortened, its first moments run.
fn open(
    rt: &tokio::runtime::Runtime,
    backend: &SharedBackend,
    start: Screen,
    lifecycle: Option<SharedLifecycle>,
) -> (VirtualDom, Vec<Mutation>) {
    let tuned = ScheduleConfig {
        debounce: DEBOUNCE,
        longest_wait: DEBOUNCE * 3,
        first_retry: FIRST_RETRY,
        longest_retry: FIRST_RETRY * 4,
        ..ScheduleConfig::default()
    };
    let mut dom = VirtualDom::new_with_props(AppAt, AppAtProps { start })
        .with_root_context(backend.clone())
        .with_root_context(tuned);
    if let Some(lifecycle) = lifecycle {
        dom = dom.with_root_context(lifecycle);
    }
    let mut edits = rt.block_on(async { dom.rebuild_to_vec().edits });
    edits.extend(pump(rt, &mut dom, Duration::from_millis(150)));
    (dom, edits)
}

#[test]
fn the_app_syncs_by_itself_on_opening_after_an_edit_and_again_after_a_failure() {
    let rt = runtime();
    let _inside = rt.enter();
    let relay = CountingRelay::default();
    let (_, backend) = enrolled(&relay);
    let (mut dom, mut edits) = open(&rt, &backend, Screen::Caseload, None);
    let syncs = || relay.syncs.load(Ordering::SeqCst);
    assert_eq!(syncs(), 1, "opening the app syncs at once");
    let page = html(&dom);
    assert!(page.contains("Safe with the team"), "{page}");
    assert!(page.contains("next sync"), "the chip says when the next sync is: {page}");

    // An edit: not at once, but after the debounce.
    let field = listeners(&edits, "input").into_iter().last().expect("the add-a-resident field");
    type_text(&mut dom, field, "Winifred");
    submit(&mut dom, listeners(&edits, "submit").into_iter().last().expect("its form"));
    edits.extend(pump(&rt, &mut dom, DEBOUNCE / 4));
    assert!(html(&dom).contains("Winifred"), "the resident was added: {}", html(&dom));
    assert_eq!(syncs(), 1, "not while the person may still be typing");
    edits.extend(pump(&rt, &mut dom, DEBOUNCE + Duration::from_millis(300)));
    assert_eq!(syncs(), 2, "the edit synced by itself after the debounce");

    // The relay goes out of reach; the next edit's sync fails, quietly.
    relay.down.store(true, Ordering::SeqCst);
    // (Any write through the screens' backend counts; this one skips the form.)
    rt.block_on(backend.create_resident("Kwame")).unwrap();
    edits.extend(pump(&rt, &mut dom, DEBOUNCE + Duration::from_millis(200)));
    assert_eq!(syncs(), 3);
    let page = html(&dom);
    assert!(page.contains("it tries again by itself"), "{page}");
    assert!(page.contains("next try"), "the chip says when: {page}");
    assert!(!page.contains("role=\"alert\""), "a failure nobody asked about interrupts nobody: {page}");
    // ...and is tried again by itself, after the first retry's wait.
    edits.extend(pump(&rt, &mut dom, FIRST_RETRY + Duration::from_millis(200)));
    assert_eq!(syncs(), 4, "retried by itself");

    // "Sync now" tries at once, whatever the backoff, and its failure is said out loud.
    let before = syncs();
    let sync_now = listeners(&edits, "click").into_iter().find(|id| {
        support::click(&mut dom, *id);
        pump(&rt, &mut dom, Duration::from_millis(60));
        syncs() > before
    });
    assert!(sync_now.is_some(), "a button syncs at once");
    assert!(html(&dom).contains("role=\"alert\""), "asked for, so said at once");

    // Back in reach: the next try works and the chip is calm again.
    relay.down.store(false, Ordering::SeqCst);
    edits.extend(pump(&rt, &mut dom, FIRST_RETRY * 2));
    let page = html(&dom);
    assert!(page.contains("Safe with the team") || page.contains("only on this phone"), "{page}");
    assert!(!page.contains("it tries again by itself"), "{page}");
    let _ = edits;
}

#[test]
fn settings_choose_how_often_to_sync_and_the_store_keeps_it() {
    let rt = runtime();
    let _inside = rt.enter();
    let (local, backend) = enrolled(&CountingRelay::default());
    assert_eq!(local.overview().unwrap().auto_sync_minutes, 5, "every 5 minutes unless changed");
    let (mut dom, edits) = open(&rt, &backend, Screen::Settings, None);
    let page = html(&dom);
    assert!(page.contains("Sync by itself while the app is open"), "{page}");
    assert!(page.contains("value=\"5\" selected"), "5 minutes is chosen: {page}");
    let picker = listeners(&edits, "change").into_iter().last().expect("the period picker");
    fire(&mut dom, "change", picker, PlatformEventData::new(Box::new(SerializedFormData::new("15".into(), vec![]))));
    pump(&rt, &mut dom, Duration::from_millis(100));
    assert_eq!(local.overview().unwrap().auto_sync_minutes, 15);
    fire(&mut dom, "change", picker, PlatformEventData::new(Box::new(SerializedFormData::new("0".into(), vec![]))));
    pump(&rt, &mut dom, Duration::from_millis(100));
    assert_eq!(local.overview().unwrap().auto_sync_minutes, 0, "only after changes");
    // Out of range is refused in words, and the choice kept.
    assert!(local.set_auto_sync(100_000).unwrap_err().to_string().contains("once a day"));
    assert_eq!(local.overview().unwrap().auto_sync_minutes, 0);
}

#[test]
fn a_device_not_enrolled_never_syncs_and_a_tap_on_sync_now_says_why() {
    let rt = runtime();
    let _inside = rt.enter();
    let (store, _) = support::store_of("Amara", "phone", AuthorRole::Supporter);
    let relay = CountingRelay::default();
    let (_, backend) = in_process(store, Some(Box::new(relay.clone()))).unwrap();
    let (mut dom, edits) = open(&rt, &backend, Screen::Caseload, None);
    let said = listeners(&edits, "click").into_iter().any(|id| {
        support::click(&mut dom, id);
        pump(&rt, &mut dom, Duration::from_millis(40));
        html(&dom).contains("not connected to a team relay yet")
    });
    assert!(said, "Sync now says the device is not connected: {}", html(&dom));
    assert_eq!(relay.syncs.load(Ordering::SeqCst), 0, "and nothing tried to reach a relay");
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
    let rt = runtime();
    let _inside = rt.enter();
    let relay = CountingRelay::default();
    relay.refusing.store(true, Ordering::SeqCst);
    let (_, backend) = enrolled(&relay);
    let lifecycle = Arc::new(RecordingLifecycle::default());
    let (mut dom, _edits) = open(&rt, &backend, Screen::Caseload, Some(lifecycle.clone() as SharedLifecycle));
    assert_eq!(relay.syncs.load(Ordering::SeqCst), 1, "opening syncs");
    assert_eq!(
        *lifecycle.watched.lock().unwrap(),
        vec![Some("https://relay.connect-east.example".to_owned())],
        "the platform is told the relay, to probe it"
    );
    // The relay answered (with a refusal): it can be reached, so no probing,
    // which would say "online" at once and undo the backoff.
    assert_eq!(*lifecycle.reached.lock().unwrap(), vec![true]);
    let page = html(&dom);
    assert!(page.contains("it tries again by itself") && page.contains("429"), "{page}");
    pump(&rt, &mut dom, FIRST_RETRY + Duration::from_millis(200));
    assert_eq!(relay.syncs.load(Ordering::SeqCst), 2, "retried after the backoff, not before");

    // Out of reach: now the platform probes.
    relay.refusing.store(false, Ordering::SeqCst);
    relay.down.store(true, Ordering::SeqCst);
    pump(&rt, &mut dom, FIRST_RETRY * 2 + Duration::from_millis(200));
    assert_eq!(lifecycle.reached.lock().unwrap().last(), Some(&false), "{:?}", lifecycle.reached.lock().unwrap());
}

#[test]
fn an_app_opened_with_no_network_does_not_try_until_it_is_back_or_asked() {
    let rt = runtime();
    let _inside = rt.enter();
    let relay = CountingRelay::default();
    let (_, backend) = enrolled(&relay);
    let lifecycle = Arc::new(RecordingLifecycle { offline_at_start: true, ..RecordingLifecycle::default() });
    let (dom, _edits) = open(&rt, &backend, Screen::Caseload, Some(lifecycle as SharedLifecycle));
    assert_eq!(relay.syncs.load(Ordering::SeqCst), 0, "no attempt that could only fail");
    let page = html(&dom);
    assert!(page.contains("no signal"), "{page}");
    assert!(!page.contains("it tries again by itself"), "no failure to report: {page}");
}

#[test]
fn two_apps_open_on_one_store_each_hear_its_edits_and_closing_one_leaves_the_other_syncing() {
    // The preview's browser tabs share one store and one backend.
    let rt = runtime();
    let _inside = rt.enter();
    let relay = CountingRelay::default();
    let (_, backend) = enrolled(&relay);
    let (mut first, _) = open(&rt, &backend, Screen::Caseload, None);
    let (second, _) = open(&rt, &backend, Screen::Caseload, None);
    assert_eq!(relay.syncs.load(Ordering::SeqCst), 2, "each opening syncs");
    drop(second); // the newer tab is closed
    rt.block_on(backend.create_resident("Winifred")).unwrap();
    pump(&rt, &mut first, DEBOUNCE + Duration::from_millis(300));
    assert_eq!(relay.syncs.load(Ordering::SeqCst), 3, "the tab still open heard the edit and synced it");
}
