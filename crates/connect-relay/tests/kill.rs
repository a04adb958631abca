//! `kill -9` of the relay in the middle of a stream of syncs: after a restart
//! no change the relay acknowledged is missing, and devices converge.

use std::collections::BTreeSet;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use connect_model::page::{self, Category};
use connect_model::{DocKind, DocumentId, Timestamp};
use connect_store::{DocumentStore, MemoryStore};
use connect_sync::http::{HttpTransport, enrol};

const RELAY: &str = env!("CARGO_BIN_EXE_connect-relay");

fn now() -> Timestamp {
    Timestamp::new(chrono::Utc::now())
}

fn serve(db: &std::path::Path, port: u16) -> Child {
    let child = Command::new(RELAY)
        .arg("--db")
        .arg(db)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(20), "relay did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    child
}

fn relay_cmd(db: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(RELAY).arg("--db").arg(db).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
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
    let e = enrol(url, code, identity.device_id, "phone", "Amara", false).unwrap();
    Device { store, token: e.token, identity }
}

fn sync(d: &mut Device, url: &str) -> Result<connect_sync::SyncReport, connect_sync::SyncError> {
    let mut t = HttpTransport::new(url, &d.token, false)?;
    connect_sync::run_session(&mut d.store, &mut t, chrono::Utc::now())
}

fn offers(d: &Device, id: DocumentId) -> Vec<String> {
    page::read(&d.store.load(id).unwrap()).unwrap().offers.iter().map(|o| o.text.to_string()).collect()
}

#[test]
fn nothing_the_relay_acknowledged_is_lost_when_it_is_killed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relay.db");
    let created = relay_cmd(&db, &["team", "create", "Team"]);
    let first = created.lines().last().unwrap().to_owned();
    let team = created.lines().find_map(|l| l.strip_prefix("Team id: ")).unwrap().to_owned();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}");
    let mut relay = serve(&db, port);

    let writer = Arc::new(Mutex::new(device(&url, &first)));
    let second = relay_cmd(&db, &["invite", "--team", &team, "--role", "coordinator"]);
    let mut reader = device(&url, second.lines().last().unwrap());
    let page_id = {
        let mut w = writer.lock().unwrap();
        let me = w.identity.clone();
        let r = connect_store::create_resident(&mut w.store, &me, "Doreen", now()).unwrap();
        sync(&mut w, &url).unwrap();
        DocumentId::resident(r, DocKind::Page)
    };

    let acknowledged: Arc<Mutex<BTreeSet<String>>> = Arc::default();
    let all_written: Arc<Mutex<BTreeSet<String>>> = Arc::default();
    for round in 0..3 {
        let stop = Arc::new(AtomicBool::new(false));
        let stream = {
            let (writer, stop, acknowledged, all_written, url) =
                (writer.clone(), stop.clone(), acknowledged.clone(), all_written.clone(), url.clone());
            std::thread::spawn(move || {
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) {
                    let mut w = writer.lock().unwrap();
                    let text = format!("round {round} offer {i}");
                    let ctx = w.identity.context(now());
                    w.store.edit(page_id, |d| page::add_offer(d, &ctx, &text, Category::Other).map(drop)).unwrap();
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
        relay.kill().unwrap(); // SIGKILL
        relay.wait().unwrap();
        std::thread::sleep(Duration::from_millis(100));
        stop.store(true, Ordering::Relaxed);
        stream.join().unwrap();

        relay = serve(&db, port);
        // A device that never saw the writer's phone reads what the relay kept.
        sync(&mut reader, &url).unwrap();
        let kept: BTreeSet<String> = offers(&reader, page_id).into_iter().collect();
        let acked = acknowledged.lock().unwrap().clone();
        assert!(!acked.is_empty(), "round {round}: some syncs were acknowledged before the kill");
        let missing: Vec<_> = acked.difference(&kept).collect();
        assert!(missing.is_empty(), "round {round}: acknowledged but lost: {missing:?}");
    }

    // Afterwards everything converges, with no duplicates.
    let mut w = writer.lock().unwrap();
    for _ in 0..2 {
        sync(&mut w, &url).unwrap();
        sync(&mut reader, &url).unwrap();
    }
    let mut a = offers(&w, page_id);
    let mut b = offers(&reader, page_id);
    a.sort();
    b.sort();
    assert_eq!(a, b);
    let written: Vec<String> = all_written.lock().unwrap().iter().cloned().collect();
    assert_eq!(a, written, "every offer written is there exactly once");
    relay.kill().unwrap();
    relay.wait().unwrap();
}
