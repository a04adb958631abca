//! Sync protocol goals and relay throughput. Prints one line per goal.
//!
//! `cargo bench -p connect-tests --bench sync` runs it in full; `-- --quick`
//! runs a smaller version (CI). Goals (from the sync issue):
//! - nothing changed across 1,000 documents: 1 round trip, under 1 KB in total;
//! - one offline edit: at most 2 round trips, under 1 KB;
//! - a fresh device receiving a 200-resident caseload: 1 round trip, body within
//!   5% of the compacted documents' size;
//! - relay throughput with 100 concurrent devices (real HTTP on loopback).

#[path = "../tests/harness/mod.rs"]
mod harness;

use std::time::Instant;

use connect_model::page::{self, Category};
use connect_model::{AuthorRole, DocKind, DocumentId};
use connect_relay::AppState;
use connect_store::relay::SqliteRelayStore;
use connect_store::{DocumentStore, MemoryStore};
use harness::{Relay, at};

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let residents = if quick { 40 } else { 200 };

    let relay = Relay::new();
    let mut amara = relay.enrol("Amara", AuthorRole::Supporter, None);
    // Demo residents with offers, circles, notes and check-ins.
    let ids = connect_store::demo::seed_demo(&mut amara.store, &amara.identity, residents, at(0)).unwrap();
    let up = amara.sync_ok();
    println!(
        "upload of a new {residents}-resident caseload ({} documents): {} round trips, {:.1} KB up",
        amara.store.document_ids().unwrap().len(),
        up.rounds,
        up.bytes_up as f64 / 1024.0
    );

    let quiet = amara.sync_ok();
    let docs = amara.store.document_ids().unwrap().len();
    println!(
        "nothing changed across {docs} documents: {} round trip(s), {} bytes in total   goal 1 round trip, < 1 KB",
        quiet.rounds,
        quiet.bytes_up + quiet.bytes_down
    );

    let ctx = amara.identity.context(at(100));
    amara
        .store
        .edit(DocumentId::resident(ids[0], DocKind::Page), |d| {
            page::add_offer(d, &ctx, "I can fix bikes", Category::Practical)
        })
        .unwrap();
    let edit = amara.sync_ok();
    println!(
        "one offline edit (add an offer): {} round trip(s), {} bytes in total   goal <= 2 round trips, < 1 KB",
        edit.rounds,
        edit.bytes_up + edit.bytes_down
    );

    let mut chloe = relay.enrol("Chloe", AuthorRole::Coordinator, None);
    let fresh = chloe.sync_ok();
    let compacted: usize =
        chloe.store.document_ids().unwrap().iter().map(|id| chloe.store.load(*id).unwrap().save().len()).sum();
    println!(
        "fresh device receiving {residents} residents ({} documents): {} round trip(s), {:.1} KB down vs {:.1} KB compacted = {:+.1}%   goal 1 round trip, within 5%",
        chloe.store.document_ids().unwrap().len(),
        fresh.rounds,
        fresh.bytes_down as f64 / 1024.0,
        compacted as f64 / 1024.0,
        (fresh.bytes_down as f64 / compacted as f64 - 1.0) * 100.0
    );

    throughput(if quick { 20 } else { 100 }, if quick { 3 } else { 10 });
}

/// Devices syncing concurrently over real HTTP on loopback, each with an edit per sync.
fn throughput(devices: usize, syncs_each: usize) {
    let dir = tempfile::tempdir().unwrap();
    let db = SqliteRelayStore::open(dir.path().join("relay.db")).unwrap();
    let team = connect_relay::admin::create_team(&db, "Bench", at(0)).unwrap().team;
    let mut invites = Vec::new();
    for _ in 0..devices {
        let now = connect_model::Timestamp::new(chrono::Utc::now());
        invites
            .push(connect_relay::admin::create_invite(&db, team, AuthorRole::Supporter, None, 24, now).unwrap().code);
    }
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    let rate = connect_relay::RateLimit { burst: 1e6, per_second: 1e6 };
    let state = AppState::new(db).with_limits(connect_relay::sync::SyncLimits::default(), rate, 32 << 20);
    std::thread::spawn(move || {
        tokio::runtime::Runtime::new().unwrap().block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, connect_relay::router(state)).await.unwrap();
        });
    });
    let started = Instant::now();
    let handles: Vec<_> = invites
        .into_iter()
        .enumerate()
        .map(|(i, code)| {
            let url = url.clone();
            std::thread::spawn(move || {
                let mut store = MemoryStore::new();
                let identity = connect_store::conformance::supporter();
                store.set_identity(&identity).unwrap();
                let e = connect_sync::http::enrol(&url, &code, identity.device_id, "bench", &format!("D{i}"), false)
                    .unwrap();
                let mut transport = connect_sync::http::HttpTransport::new(&url, &e.token, false).unwrap();
                let r = connect_store::create_resident(&mut store, &identity, &format!("R{i}"), at(0)).unwrap();
                let mut rounds = 0;
                for n in 0..syncs_each {
                    let ctx = identity.context(at(n as i64));
                    store
                        .edit(DocumentId::resident(r, DocKind::Page), |d| {
                            page::add_offer(d, &ctx, &format!("offer {n}"), Category::Other)
                        })
                        .unwrap();
                    rounds += connect_sync::run_session(&mut store, &mut transport, chrono::Utc::now()).unwrap().rounds;
                }
                rounds
            })
        })
        .collect();
    let rounds: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
    let secs = started.elapsed().as_secs_f64();
    println!(
        "relay throughput, {devices} concurrent devices x {syncs_each} edit+sync sessions: {:.0} sessions/s, {:.0} round trips/s ({:.1} s in all)",
        (devices * syncs_each) as f64 / secs,
        rounds as f64 / secs,
        secs
    );
}
