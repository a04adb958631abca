//! Sync through a proxy that cuts responses mid-body and resets connections:
//! every device still converges, with no duplicate and no loss.

use std::collections::BTreeMap;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use connect_model::page::{self, Category};
use connect_model::{AuthorRole, DocKind, DocumentId, Timestamp};
use connect_relay::{AppState, admin};
use connect_relay_store::SqliteRelayStore;
use connect_store::{DeviceIdentity, DocumentStore, MemoryStore};
use connect_sync::http::HttpTransport;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

fn now() -> Timestamp {
    Timestamp::new(chrono::Utc::now())
}

/// Starts a relay on 127.0.0.1; returns its URL and a way to issue invites.
fn start_relay() -> (String, Arc<Mutex<SqliteRelayStore>>, connect_model::TeamId) {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("faults-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = SqliteRelayStore::open(dir.join("relay.db")).unwrap();
    let team = admin::create_team(&db, "Team", now()).unwrap().team;
    // A second handle on the same file for issuing invites from the test.
    let admin_db = Arc::new(Mutex::new(SqliteRelayStore::open(dir.join("relay.db")).unwrap()));
    let rate = connect_relay::RateLimit { burst: 1e6, per_second: 1e6 };
    let state = AppState::new(db).with_limits(connect_relay::sync::SyncLimits::default(), rate, 32 << 20);
    let url = format!("http://{}", connect_tests::loopback::serve_in_thread(state));
    (url, admin_db, team)
}

struct Device {
    store: MemoryStore,
    identity: DeviceIdentity,
    token: String,
}

#[test]
fn syncs_through_cut_responses_and_resets_converge_with_no_duplicates() {
    let (relay, admin_db, team) = start_relay();
    // Per connection: passed through, reset at once, or the request
    // forwarded and the response cut after a few bytes.
    let (proxy, stats) =
        connect_tests::proxy::start(&relay, connect_tests::proxy::Faults { reset: 0.15, cut: 0.25, seed: 7 });
    let mut devices: Vec<Device> = Vec::new();
    for (i, role) in [AuthorRole::Coordinator, AuthorRole::Coordinator, AuthorRole::Coordinator].into_iter().enumerate()
    {
        let code = admin::create_invite(&*admin_db.lock().unwrap(), team, role, None, 24, now()).unwrap().code;
        let mut store = MemoryStore::new();
        let identity = connect_store::conformance::supporter();
        store.set_identity(&identity).unwrap();
        let e = connect_tests::enrol(&relay, &code, identity.device_id, ("phone", &format!("D{i}"))).unwrap();
        devices.push(Device { store, identity, token: e.token });
    }
    // One resident everyone edits.
    let first = devices[0].identity.clone();
    let r = connect_store::create_resident(&mut devices[0].store, &first, "Doreen", now()).unwrap();
    let page_id = DocumentId::resident(r, DocKind::Page);
    let sync = |d: &mut Device, url: &str| {
        let mut t = HttpTransport::new(url, &d.token, false).unwrap();
        connect_device::session::run_session(&mut d.store, &mut t, chrono::Utc::now())
    };
    while sync(&mut devices[0], &relay).is_err() {}
    for d in &mut devices[1..] {
        sync(d, &relay).unwrap();
    }

    let mut rng = StdRng::seed_from_u64(11);
    let mut added = BTreeMap::new();
    let mut failures = 0;
    for step in 0..60 {
        let who = rng.random_range(0..devices.len());
        let d = &mut devices[who];
        if rng.random_bool(0.5) {
            let text = format!("offer {step} from device {who}");
            let ctx = d.identity.context(now());
            d.store.edit(page_id, |doc| page::add_offer(doc, &ctx, &text, Category::Other).map(drop)).unwrap();
            added.insert(text, 0usize);
        } else if sync(d, &proxy).is_err() {
            failures += 1;
        }
    }
    assert!(stats.faults.load(Ordering::Relaxed) > 5, "the proxy injected faults");
    assert!(failures > 0, "some syncs failed on the way");

    // Signal is good again: sync directly until quiet.
    for _ in 0..3 {
        for d in &mut devices {
            sync(d, &relay).unwrap();
        }
    }
    let reference = {
        let mut h = devices[0].store.load(page_id).unwrap().get_heads();
        h.sort();
        h
    };
    for d in &devices {
        let mut h = d.store.load(page_id).unwrap().get_heads();
        h.sort();
        assert_eq!(h, reference, "every device holds the same page");
        assert!(d.store.pending().unwrap().is_empty());
    }
    let p = page::read(&devices[2].store.load(page_id).unwrap()).unwrap();
    for o in &p.offers {
        if let Some(n) = added.get_mut(o.text.as_str()) {
            *n += 1;
        }
    }
    for (text, n) in &added {
        assert_eq!(*n, 1, "{text:?} appears {n} times");
    }
    assert_eq!(p.offers.len(), added.len());
}
