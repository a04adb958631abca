//! What the default auto-sync schedule costs in a day with nothing changing.
//!
//! A device with a demo caseload, enrolled and synced, keeps the app open
//! for a day: the schedule ([`connect_sync::SyncSchedule`], default
//! settings) runs on a fake clock, and every sync it asks for is a real
//! session over HTTP on loopback, to a relay in this process, through a
//! proxy that counts every byte each way. Prints the syncs, requests, body
//! bytes and bytes on the wire (HTTP headers included; TCP/IP and TLS not).
//!
//! `cargo bench -p connect-tests --bench idle_day` runs the full day with
//! 200 residents; `-- --quick` runs 2 hours with 40 and scales to a day.

#[path = "../tests/harness/mod.rs"]
mod harness;

use std::sync::atomic::Ordering;
use std::time::Duration;

use connect_model::AuthorRole;
use connect_relay::AppState;
use connect_relay_store::SqliteRelayStore;
use connect_store::{DocumentStore, SqliteStore, StoreOptions};
use connect_sync::schedule::{Outcome, ScheduleConfig, SyncSchedule, Trigger};
use harness::at;

const DAY: Duration = Duration::from_secs(24 * 3600);

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let (residents, span) = if quick { (40, Duration::from_secs(2 * 3600)) } else { (200, DAY) };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relay.db");
    let invite = {
        let store = SqliteRelayStore::open(&db).unwrap();
        let now = connect_model::Timestamp::new(chrono::Utc::now());
        let team = connect_relay::admin::create_team(&store, "Bench", now).unwrap().team;
        connect_relay::admin::create_invite(&store, team, AuthorRole::Supporter, None, 24, now).unwrap().code
    };
    let relay = serve_relay(&db.display().to_string());
    let (url, proxy) = connect_tests::proxy::start(&relay.to_string(), connect_tests::proxy::Faults::NONE);
    let (up_bytes, down_bytes) = (&proxy.up, &proxy.down);

    let options = StoreOptions { key: Some(connect_store::StoreKey::random()) };
    let mut store = SqliteStore::open(dir.path().join("device.db"), &options).unwrap();
    let me = connect_store::conformance::supporter();
    store.set_identity(&me).unwrap();
    let enrolled = connect_tests::enrol(&url, &invite, me.device_id, ("bench", "Amara")).unwrap();
    let mut link = connect_sync::http::HttpTransport::new(&url, &enrolled.token, false).unwrap();
    connect_device::demo::seed_demo(&mut store, &me, residents, at(0)).unwrap();
    let first = connect_device::session::run_session(&mut store, &mut link, chrono::Utc::now()).unwrap();
    assert_eq!(first.pending, 0);
    let documents = store.document_ids().unwrap().len();

    // The day: the app opens at 0 and stays open; nothing is edited.
    up_bytes.store(0, Ordering::SeqCst);
    down_bytes.store(0, Ordering::SeqCst);
    let mut schedule = SyncSchedule::new(ScheduleConfig::default(), true, 7);
    schedule.trigger(Trigger::Opened, Duration::ZERO);
    let (mut syncs, mut requests, mut bodies) = (0u64, 0u64, 0u64);
    let mut now = Duration::ZERO;
    while now < span {
        if schedule.poll(now) {
            let report = connect_device::session::run_session(&mut store, &mut link, chrono::Utc::now()).unwrap();
            assert_eq!(report.documents_changed, 0, "nothing changes all day");
            syncs += 1;
            requests += report.rounds as u64;
            bodies += (report.bytes_up + report.bytes_down) as u64;
            schedule.finished(Outcome::Synced, now);
        }
        now = schedule.next_wake().unwrap_or(span);
    }
    // Let the proxy copy the last answer before reading its counters.
    std::thread::sleep(Duration::from_millis(200));
    let wire = up_bytes.load(Ordering::SeqCst) + down_bytes.load(Ordering::SeqCst);
    let scale = DAY.as_secs_f64() / span.as_secs_f64();
    let per_day = |n: u64| n as f64 * scale;
    println!(
        "idle day, default schedule (every {} min), {residents} residents ({documents} documents){}:",
        ScheduleConfig::default().every.unwrap().as_secs() / 60,
        if quick { ", 2 hours scaled to 24" } else { "" }
    );
    println!("  syncs {:.0}, requests {:.0}", per_day(syncs), per_day(requests));
    println!(
        "  sync bodies {:.1} KB a day ({:.0} bytes a sync)   goal < 10 KB a day {}",
        per_day(bodies) / 1000.0,
        bodies as f64 / syncs as f64,
        if per_day(bodies) < 10_000.0 { "✔" } else { "✘" }
    );
    println!(
        "  on the wire, HTTP headers included: {:.1} KB a day ({:.0} bytes a sync; up {:.0}, down {:.0})",
        per_day(wire) / 1000.0,
        wire as f64 / syncs as f64,
        up_bytes.load(Ordering::SeqCst) as f64 / syncs as f64,
        down_bytes.load(Ordering::SeqCst) as f64 / syncs as f64,
    );
}

/// The relay, in a thread of this process.
fn serve_relay(db: &str) -> std::net::SocketAddr {
    let store = connect_relay_store::open(db, 2).unwrap();
    // The day's syncs come seconds apart here, not minutes: no rate limit.
    let rate = connect_relay::RateLimit { burst: 1e9, per_second: 1e9 };
    let limits = connect_relay::sync::SyncLimits::default();
    connect_tests::loopback::serve_in_thread(AppState::shared(store).with_limits(
        limits,
        rate,
        limits.max_request_bytes,
    ))
}
