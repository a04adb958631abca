//! Sync protocol goals, and sync at scale. Prints one line per figure.
//!
//! `cargo bench -p connect-tests --bench sync` runs it in full; `-- --quick`
//! runs a smaller version (CI). `CONNECT_BENCH_SCALES=200,1000` picks the
//! caseload sizes of the scale part (default 200, 1,000 and 5,000 residents).
//!
//! Protocol goals, in-process:
//! - nothing changed across 1,000 documents: 1 round trip, under 1 KB in total;
//! - one offline edit: at most 2 round trips, under 1 KB;
//! - a fresh device receiving a 200-resident caseload: 1 round trip, body within
//!   5% of the relay's own documents saved compacted.
//!
//! At scale, with the relay in a child process (so its peak RSS is its own)
//! on a SQLite file, and devices on encrypted SQLite stores, over HTTP on
//! loopback: upload of a new caseload, fresh pull by a coordinator, idle
//! sync, one edit, relay peak RSS, and sessions per second with 100
//! concurrent devices.
//!
//! What the relay's limits cost (issue 20): sessions per second of 100
//! concurrent devices against a relay with every limit on and one with none,
//! alternating in the same run. Goal: the limits cost at most 10%.
//!
//! On PostgreSQL (when `CONNECT_TEST_POSTGRES` names a server, as
//! `scripts/with-postgres` sets it): sessions per second with 100 concurrent
//! devices through one relay process, and through two processes sharing the
//! database.
//!
//! Every relay child runs as `connect-relay serve` does (the limits on,
//! served with header timeouts and a connection cap), except that enrolment
//! is not limited per address: every bench device enrols from 127.0.0.1.

#[path = "../tests/harness/mod.rs"]
mod harness;

use std::time::Instant;

use connect_model::page::{self, Category};
use connect_model::{AuthorRole, DocKind, DocumentId};
use connect_relay::{AppState, Protection, RateLimit};
use connect_relay_store::SqliteRelayStore;
use connect_store::{DocumentStore, MemoryStore, SqliteStore, StoreOptions};
use harness::{Relay, at};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--relay-child") {
        relay_child(&args[i + 1], !args.iter().any(|a| a == "--unlimited"));
        return;
    }
    let quick = args.iter().any(|a| a == "--quick");
    let residents = if quick { 40 } else { 200 };

    let relay = Relay::new();
    let mut amara = relay.enrol("Amara", AuthorRole::Supporter, None);
    // Demo residents with offers, circles, notes and check-ins.
    let ids = connect_device::demo::seed_demo(&mut amara.store, &amara.identity, residents, at(0)).unwrap();
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
    // Against the relay's own documents, saved compacted: what an ideal
    // transfer of them would weigh.
    let compacted: usize = {
        let db = relay.db.lock().unwrap();
        chloe
            .store
            .document_ids()
            .unwrap()
            .iter()
            .map(|id| connect_relay_store::RelayStore::load(&*db, *id).unwrap().unwrap().save().len())
            .sum()
    };
    println!(
        "fresh device receiving {residents} residents ({} documents): {} round trip(s), {:.1} KB down vs {:.1} KB compacted = {:+.1}%   goal 1 round trip, within 5%",
        chloe.store.document_ids().unwrap().len(),
        fresh.rounds,
        fresh.bytes_down as f64 / 1024.0,
        compacted as f64 / 1024.0,
        (fresh.bytes_down as f64 / compacted as f64 - 1.0) * 100.0
    );

    let scales: Vec<usize> = match std::env::var("CONNECT_BENCH_SCALES") {
        Ok(list) => list.split(',').filter_map(|n| n.trim().parse().ok()).collect(),
        Err(_) if quick => vec![40],
        Err(_) => vec![200, 1_000, 5_000],
    };
    for residents in scales {
        scale(residents, if quick { 20 } else { 100 }, if quick { 3 } else { 10 });
    }
    limits_cost(if quick { 20 } else { 100 }, if quick { 3 } else { 10 }, if quick { 1 } else { 5 });
    on_postgres(if quick { 20 } else { 100 }, if quick { 3 } else { 10 });
}

/// Sessions per second on PostgreSQL, through one relay process and two.
fn on_postgres(devices: usize, syncs_each: usize) {
    if std::env::var_os(connect_relay_store::testing::POSTGRES_ENV).is_none() {
        println!(
            "PostgreSQL: not measured ({} is not set; run through scripts/with-postgres)",
            connect_relay_store::testing::POSTGRES_ENV
        );
        return;
    }
    for instances in [1, 2] {
        let address = connect_relay_store::testing::fresh_postgres_database();
        let crowd = crowd(&address, devices);
        let relays: Vec<ChildRelay> = (0..instances).map(|_| ChildRelay::start_on(&address, true)).collect();
        let urls: Vec<String> = relays.iter().map(|r| r.url.clone()).collect();
        let (sessions, secs) = throughput(&urls, crowd, syncs_each);
        println!(
            "PostgreSQL, {instances} relay process(es): {devices} concurrent devices x {syncs_each} edit+sync sessions: {:.0} sessions/s ({secs:.1} s in all)",
            sessions as f64 / secs
        );
    }
}

/// A team of `devices` supporters' invites in the relay database at
/// `address` (a file or a `postgres://` URL): their codes.
fn crowd(address: &str, devices: usize) -> Vec<String> {
    let db = connect_relay_store::open(address, 2).unwrap();
    let now = connect_model::Timestamp::new(chrono::Utc::now());
    let team = connect_relay::admin::create_team(&*db, "Bench", now).unwrap().team;
    (0..devices)
        .map(|_| connect_relay::admin::create_invite(&*db, team, AuthorRole::Supporter, None, 24, now).unwrap().code)
        .collect()
}

/// What the limits cost: the same crowd against a relay with every limit on
/// and one with none, `rounds` times each, alternating which goes first, each
/// on a new SQLite file. Prints each side's median and every run.
fn limits_cost(devices: usize, syncs_each: usize, rounds: usize) {
    let mut rates: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
    for round in 0..rounds {
        let order = if round % 2 == 0 { [true, false] } else { [false, true] };
        for limited in order {
            let dir = tempfile::tempdir().unwrap();
            let db = dir.path().join("relay.db").display().to_string();
            let crowd = crowd(&db, devices);
            let relay = ChildRelay::start_on(&db, limited);
            let (sessions, secs) = throughput(std::slice::from_ref(&relay.url), crowd, syncs_each);
            rates[usize::from(!limited)].push(sessions as f64 / secs);
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let runs = |v: &[f64]| v.iter().map(|r| format!("{r:.0}")).collect::<Vec<_>>().join(", ");
    let [mut with, mut without] = rates;
    let (on, off) = (median(&mut with), median(&mut without));
    println!(
        "the limits' cost, {devices} concurrent devices x {syncs_each} edit+sync sessions, {rounds} alternating runs each: \
         with the limits {on:.0} sessions/s (median of {}), without {off:.0} sessions/s (median of {}): {:+.1}%   goal: at most 10% slower",
        runs(&with),
        runs(&without),
        (on / off - 1.0) * 100.0
    );
}

/// The relay, in this process: `--relay-child DB` (a file or a `postgres://`
/// URL), with `limited` as `connect-relay serve` runs it (but enrolment per
/// address: the bench's devices all share one) or else with no limit any
/// client could reach (`--unlimited`: `RelayLimits::without_budgets`,
/// `Protection::off`, served by plain `axum::serve` with no timer and no
/// connection cap, as the relay was before issue 20). Prints its address,
/// then serves.
fn relay_child(db: &str, limited: bool) {
    let store = connect_relay_store::open(db, connect_relay_store::POOL_SIZE).unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    println!("{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    let unlimited = RateLimit { burst: 1e9, per_second: 1e9 };
    let state = AppState::shared(store);
    let state = if limited {
        state.with_protection(Protection { enrol_per_address: unlimited, ..Protection::default() })
    } else {
        let limits = connect_relay::sync::SyncLimits::default().without_budgets();
        state.with_limits(limits, unlimited, limits.max_request_bytes).with_protection(Protection::off())
    };
    let app = connect_relay::router(state);
    connect_relay::runtime(connect_relay_store::POOL_SIZE).unwrap().block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener).unwrap();
        if limited {
            let limits = connect_relay::serve::ServeLimits::default();
            connect_relay::serve::serve(listener, app, None, limits, std::future::pending()).await;
        } else {
            axum::serve(listener, app).await.unwrap();
        }
    });
}

/// A relay child process, killed when dropped.
struct ChildRelay {
    child: std::process::Child,
    url: String,
}

impl ChildRelay {
    fn start(db: &std::path::Path) -> Self {
        Self::start_on(&db.display().to_string(), true)
    }

    /// A relay on `db`, with its limits on or (`limited` false) off.
    fn start_on(db: &str, limited: bool) -> Self {
        use std::io::BufRead;
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .arg("--relay-child")
            .arg(db)
            .args((!limited).then_some("--unlimited"))
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        Self { child, url: format!("http://{}", line.trim()) }
    }

    /// Peak resident memory (VmHWM), in MiB.
    fn peak_rss_mib(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    }
}

impl Drop for ChildRelay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An encrypted device store in `dir`, enrolled with the relay at `url`.
fn device(
    dir: &std::path::Path,
    name: &str,
    role: AuthorRole,
    url: &str,
    invite: &str,
) -> (SqliteStore, connect_store::DeviceIdentity, connect_sync::http::HttpTransport) {
    let options = StoreOptions { key: Some(connect_store::StoreKey::random()) };
    let mut store = SqliteStore::open(dir.join(format!("{name}.db")), &options).unwrap();
    let identity =
        connect_store::DeviceIdentity { role, person_name: name.into(), ..connect_store::conformance::supporter() };
    store.set_identity(&identity).unwrap();
    let e = connect_tests::enrol(url, invite, identity.device_id, ("bench", name)).unwrap();
    let transport = connect_sync::http::HttpTransport::new(url, &e.token, false).unwrap();
    (store, identity, transport)
}

/// Sync at one caseload size, through a relay in its own process.
fn scale(residents: usize, devices: usize, syncs_each: usize) {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("relay.db");
    let (invites, crowd) = {
        let db = SqliteRelayStore::open(&db_path).unwrap();
        let now = connect_model::Timestamp::new(chrono::Utc::now());
        let team = connect_relay::admin::create_team(&db, "Bench", now).unwrap().team;
        let invite = |role| connect_relay::admin::create_invite(&db, team, role, None, 24, now).unwrap().code;
        let invites = [invite(AuthorRole::Coordinator), invite(AuthorRole::Coordinator)];
        let crowd: Vec<String> = (0..devices).map(|_| invite(AuthorRole::Supporter)).collect();
        (invites, crowd)
    };
    let relay = ChildRelay::start(&db_path);

    let (mut amara, me, mut amara_link) = device(dir.path(), "Amara", AuthorRole::Coordinator, &relay.url, &invites[0]);
    let seeded = Instant::now();
    let ids = connect_device::demo::seed_demo(&mut amara, &me, residents, at(0)).unwrap();
    let seeding = seeded.elapsed().as_secs_f64();
    let documents = amara.document_ids().unwrap().len();

    let started = Instant::now();
    let up = connect_device::session::run_session(&mut amara, &mut amara_link, chrono::Utc::now()).unwrap();
    let upload = started.elapsed().as_secs_f64();
    let after_upload = relay.peak_rss_mib();
    assert_eq!(up.pending, 0);
    println!(
        "{residents} residents ({documents} documents; seeded in {seeding:.1} s): upload of the new caseload {upload:.2} s, {} round trips, {:.1} MB up",
        up.rounds,
        up.bytes_up as f64 / 1e6
    );

    let (mut chloe, _, mut chloe_link) = device(dir.path(), "Chloe", AuthorRole::Coordinator, &relay.url, &invites[1]);
    let started = Instant::now();
    let pull = connect_device::session::run_session(&mut chloe, &mut chloe_link, chrono::Utc::now()).unwrap();
    let fresh = started.elapsed().as_secs_f64();
    let received = chloe.document_ids().unwrap().len();
    assert!(received >= documents, "the fresh device received {received} of {documents}");
    println!(
        "{residents} residents: fresh pull by a new coordinator {fresh:.2} s ({received} documents), {} round trips, {:.1} MB down",
        pull.rounds,
        pull.bytes_down as f64 / 1e6
    );

    let after_pulls = relay.peak_rss_mib();
    let idle = connect_device::session::run_session(&mut chloe, &mut chloe_link, chrono::Utc::now()).unwrap();
    println!(
        "{residents} residents: idle sync {} round trip(s), {} bytes in total",
        idle.rounds,
        idle.bytes_up + idle.bytes_down
    );

    let ctx = me.context(at(100));
    amara
        .edit(DocumentId::resident(ids[0], DocKind::Page), |d| {
            page::add_offer(d, &ctx, "I can fix bikes", Category::Practical)
        })
        .unwrap();
    let sent = connect_device::session::run_session(&mut amara, &mut amara_link, chrono::Utc::now()).unwrap();
    let got = connect_device::session::run_session(&mut chloe, &mut chloe_link, chrono::Utc::now()).unwrap();
    println!(
        "{residents} residents: one edit {} round trip(s) and {} bytes up; {} round trip(s) and {} bytes for the other device to receive it",
        sent.rounds,
        sent.bytes_up + sent.bytes_down,
        got.rounds,
        got.bytes_up + got.bytes_down
    );

    let (sessions, secs) = throughput(std::slice::from_ref(&relay.url), crowd, syncs_each);
    println!(
        "{residents} residents: {devices} concurrent devices x {syncs_each} edit+sync sessions: {:.0} sessions/s ({secs:.1} s in all)",
        sessions as f64 / secs
    );
    println!(
        "{residents} residents: relay peak RSS {after_upload:.1} MiB through the upload, {after_pulls:.1} MiB through the fresh pull, {:.1} MiB after the concurrent devices",
        relay.peak_rss_mib()
    );
}

/// Devices syncing concurrently over real HTTP on loopback, each with an edit
/// per sync, spread over the relays at `urls`. Returns the sessions run and
/// the seconds they took.
fn throughput(urls: &[String], invites: Vec<String>, syncs_each: usize) -> (usize, f64) {
    let devices = invites.len();
    let started = Instant::now();
    let handles: Vec<_> = invites
        .into_iter()
        .enumerate()
        .map(|(i, code)| {
            let url = urls[i % urls.len()].clone();
            std::thread::spawn(move || {
                let mut store = MemoryStore::new();
                let identity = connect_store::conformance::supporter();
                store.set_identity(&identity).unwrap();
                let e = connect_tests::enrol(&url, &code, identity.device_id, ("bench", &format!("D{i}"))).unwrap();
                let mut transport = connect_sync::http::HttpTransport::new(&url, &e.token, false).unwrap();
                let r = connect_store::create_resident(&mut store, &identity, &format!("R{i}"), at(0)).unwrap();
                for n in 0..syncs_each {
                    let ctx = identity.context(at(n as i64));
                    store
                        .edit(DocumentId::resident(r, DocKind::Page), |d| {
                            page::add_offer(d, &ctx, &format!("offer {n}"), Category::Other)
                        })
                        .unwrap();
                    connect_device::session::run_session(&mut store, &mut transport, chrono::Utc::now()).unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    (devices * syncs_each, started.elapsed().as_secs_f64())
}
