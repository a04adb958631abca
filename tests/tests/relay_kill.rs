//! Real relay processes, killed with `kill -9` in the middle of a stream of
//! syncs: after a restart no change a relay acknowledged is missing, and
//! devices converge. On SQLite with one process; on PostgreSQL with two
//! processes serving one team from one database, where devices enrolled
//! through either sync through the other.
//!
//! The PostgreSQL tests need `CONNECT_TEST_POSTGRES` (`scripts/with-postgres`).

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use connect_model::page::{self, Category};
use connect_model::{DocKind, DocumentId, Timestamp};
use connect_relay_store::RelayStore;
use connect_relay_store::testing::fresh_postgres_database;
use connect_store::{DocumentStore, MemoryStore};
use connect_sync::http::HttpTransport;
use connect_tests::processes::{RelayProcess, create_team, free_port, invite};

fn now() -> Timestamp {
    Timestamp::new(chrono::Utc::now())
}

struct Device {
    store: MemoryStore,
    token: String,
    identity: connect_store::DeviceIdentity,
}

fn device(url: &str, code: &str) -> Device {
    let mut store = MemoryStore::new();
    let identity = connect_store::conformance::supporter();
    store.set_identity(&identity).unwrap();
    let e = connect_tests::enrol(url, code, identity.device_id, ("phone", "Amara")).unwrap();
    Device { store, token: e.token, identity }
}

fn sync(d: &mut Device, url: &str) -> Result<connect_sync::SyncReport, connect_sync::SyncError> {
    let mut t = HttpTransport::new(url, &d.token, false)?;
    connect_device::session::run_session(&mut d.store, &mut t, chrono::Utc::now())
}

fn offers(d: &Device, id: DocumentId) -> Vec<String> {
    page::read(&d.store.load(id).unwrap()).unwrap().offers.iter().map(|o| o.text.to_string()).collect()
}

fn add_offer(d: &mut Device, id: DocumentId, text: &str) {
    let ctx = d.identity.context(now());
    d.store.edit(id, |doc| page::add_offer(doc, &ctx, text, Category::Other).map(drop)).unwrap();
}

/// A writer streams offers and syncs through `writer_relay`, which is killed
/// three times mid-stream; each time, a reader syncing through `reader_relay`
/// (the same process, or another on the same database) finds every offer the
/// killed relay acknowledged.
fn nothing_acknowledged_is_lost(db: &str, two_instances: bool) {
    let (team, first) = create_team(db, "Team");
    let mut writer_relay = RelayProcess::serve(db, free_port());
    let other = two_instances.then(|| RelayProcess::serve(db, free_port()));
    let writer_url = writer_relay.url();
    let reader_url = other.as_ref().map_or_else(|| writer_url.clone(), RelayProcess::url);

    let writer = Arc::new(Mutex::new(device(&writer_url, &first)));
    // Enrolled through the reader's relay: on two instances, the other one.
    let mut reader = device(&reader_url, &invite(db, &team, "coordinator"));
    let page_id = {
        let mut w = writer.lock().unwrap();
        let me = w.identity.clone();
        let r = connect_store::create_resident(&mut w.store, &me, "Doreen", now()).unwrap();
        sync(&mut w, &writer_url).unwrap();
        DocumentId::resident(r, DocKind::Page)
    };

    let acknowledged: Arc<Mutex<BTreeSet<String>>> = Arc::default();
    let all_written: Arc<Mutex<BTreeSet<String>>> = Arc::default();
    for round in 0..3 {
        let stop = Arc::new(AtomicBool::new(false));
        let stream = {
            let (writer, stop, acknowledged, all_written, url) =
                (writer.clone(), stop.clone(), acknowledged.clone(), all_written.clone(), writer_url.clone());
            std::thread::spawn(move || {
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) {
                    let mut w = writer.lock().unwrap();
                    let text = format!("round {round} offer {i}");
                    add_offer(&mut w, page_id, &text);
                    all_written.lock().unwrap().insert(text);
                    if sync(&mut w, &url).is_ok() && w.store.pending().unwrap().is_empty() {
                        // The relay acknowledged these heads: every offer written so far is on it.
                        acknowledged.lock().unwrap().extend(offers(&w, page_id));
                    }
                    i += 1;
                }
            })
        };
        std::thread::sleep(Duration::from_millis(150 + 170 * round));
        writer_relay.kill();
        std::thread::sleep(Duration::from_millis(100));
        stop.store(true, Ordering::Relaxed);
        stream.join().unwrap();

        if !two_instances {
            writer_relay.restart();
        }
        // A device that never saw the writer's phone reads what the relay kept.
        sync(&mut reader, &reader_url).unwrap();
        let kept: BTreeSet<String> = offers(&reader, page_id).into_iter().collect();
        let acked = acknowledged.lock().unwrap().clone();
        assert!(!acked.is_empty(), "round {round}: some syncs were acknowledged before the kill");
        let missing: Vec<_> = acked.difference(&kept).collect();
        assert!(missing.is_empty(), "round {round}: acknowledged but lost: {missing:?}");
        if two_instances {
            writer_relay.restart();
        }
    }

    // Afterwards everything converges, with no duplicates.
    let mut w = writer.lock().unwrap();
    for _ in 0..2 {
        sync(&mut w, &writer_url).unwrap();
        sync(&mut reader, &reader_url).unwrap();
    }
    let mut a = offers(&w, page_id);
    let mut b = offers(&reader, page_id);
    a.sort();
    b.sort();
    assert_eq!(a, b);
    let written: Vec<String> = all_written.lock().unwrap().iter().cloned().collect();
    assert_eq!(a, written, "every offer written is there exactly once");
}

#[test]
fn nothing_the_relay_acknowledged_is_lost_when_it_is_killed() {
    let dir = tempfile::tempdir().unwrap();
    nothing_acknowledged_is_lost(&dir.path().join("relay.db").display().to_string(), false);
}

#[test]
fn on_postgres_nothing_one_relay_acknowledged_is_lost_when_it_is_killed_and_the_other_serves_it() {
    nothing_acknowledged_is_lost(&fresh_postgres_database(), true);
}

#[test]
fn on_postgres_devices_on_either_relay_converge_after_offline_edits_with_no_duplicates() {
    let db = fresh_postgres_database();
    let (team, first) = create_team(&db, "Team");
    let relays = [RelayProcess::serve(&db, free_port()), RelayProcess::serve(&db, free_port())];
    let urls = [relays[0].url(), relays[1].url()];
    // Three phones: enrolled through the first relay, the second, the first.
    let mut phones = [
        device(&urls[0], &first),
        device(&urls[1], &invite(&db, &team, "coordinator")),
        device(&urls[0], &invite(&db, &team, "coordinator")),
    ];
    let me = phones[0].identity.clone();
    let r = connect_store::create_resident(&mut phones[0].store, &me, "Doreen", now()).unwrap();
    let page_id = DocumentId::resident(r, DocKind::Page);
    sync(&mut phones[0], &urls[0]).unwrap();
    for (i, phone) in phones.iter_mut().enumerate().skip(1) {
        sync(phone, &urls[i % 2]).unwrap();
        assert!(phone.store.contains(page_id).unwrap(), "phone {i} received the resident");
    }
    // Offline, each phone adds three offers; then each syncs through the
    // relay it did not enrol with, twice round.
    let mut expected = BTreeSet::new();
    for (i, phone) in phones.iter_mut().enumerate() {
        for k in 0..3 {
            let text = format!("phone {i} offer {k}");
            add_offer(phone, page_id, &text);
            expected.insert(text);
        }
    }
    for _ in 0..2 {
        for (i, phone) in phones.iter_mut().enumerate() {
            sync(phone, &urls[(i + 1) % 2]).unwrap();
        }
    }
    for (i, phone) in phones.iter().enumerate() {
        let got: Vec<String> = offers(phone, page_id);
        assert_eq!(got.len(), expected.len(), "phone {i}: no offer twice, none missing");
        assert_eq!(got.into_iter().collect::<BTreeSet<_>>(), expected, "phone {i}");
    }
    // The relays' shared database: one feed entry per document, and each
    // accepted change logged once.
    let store = connect_relay_store::PostgresRelayStore::open(&db, 1).unwrap();
    let team_id = team.parse().unwrap();
    let feed = store.feed_since(team_id, 0, 1000).unwrap();
    let docs: BTreeSet<_> = feed.iter().map(|e| e.doc).collect();
    assert_eq!(docs.len(), feed.len(), "one feed entry per document");
    let changes = phones[0].store.load(page_id).unwrap().get_changes(&[]).len();
    assert_eq!(store.change_log(page_id).unwrap().len(), changes, "every change logged once");
}
