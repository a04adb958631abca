//! Store benchmarks against the foundation's goals. Prints one line per goal.
//!
//! `cargo bench -p connect-device --bench store` runs them in full;
//! `-- --quick` runs a smaller version (CI compiles them and runs quick).
//!
//! Goals: caseload of 1,000 residents from the index < 20 ms; team insights
//! over 1,000 residents from the index < 200 ms; open and
//! hydrate a page with 2,000 changes of history < 15 ms; the Today screen
//! over 1,000 residents from the index < 30 ms; durable save of one
//! edit < 5 ms at p95; stored bytes after compaction <= 1.5x `save()`.
//!
//! Everything runs twice, on a store kept in clear and on an encrypted one
//! (SQLCipher), and the last lines give the cost of encryption (goal <= 1.3x).

use std::time::{Duration, Instant};

use connect_model::page::{self, Category};
use connect_model::{DocKind, DocumentId, Timestamp};
use connect_store::conformance::supporter;
use connect_store::{DeviceIdentity, DocumentStore, SqliteStore, StoreKey, StoreOptions, create_resident};

fn at(i: i64) -> Timestamp {
    Timestamp::from_millis(1_772_355_600_000 + i * 1000)
}

struct Stats(Vec<Duration>);

impl Stats {
    fn pct(&self, p: f64) -> Duration {
        let mut v = self.0.clone();
        v.sort();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        let i = ((v.len() as f64 - 1.0) * p).round() as usize;
        v[i]
    }

    fn line(&self, what: &str, goal: &str) {
        println!(
            "{what:<52} p50 {:>8.2} ms  p95 {:>8.2} ms  max {:>8.2} ms   goal {goal}",
            ms(self.pct(0.5)),
            ms(self.pct(0.95)),
            ms(self.pct(1.0))
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

/// The figures compared between a store in clear and an encrypted one.
struct Figures {
    caseload: Duration,
    insights: Duration,
    open: Duration,
    durable_p50: Duration,
    durable_p95: Duration,
    seed: Duration,
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let arg = |name: &str| {
        let args: Vec<String> = std::env::args().collect();
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse::<usize>().ok())
    };
    let residents = arg("--residents").unwrap_or(if quick { 100 } else { 1_000 });
    let history = if quick { 200 } else { 2_000 };
    let samples = if quick { 20 } else { 200 };
    println!("== store kept in clear");
    let clear = run(&StoreOptions::default(), residents, history, samples);
    println!("\n== encrypted store (SQLCipher)");
    let encrypted = run(&StoreOptions { key: Some(StoreKey::random()) }, residents, history, samples);
    println!("\n== cost of encryption (encrypted / clear)   goal <= 1.3x");
    let ratio = |what: &str, e: Duration, c: Duration| {
        println!("{what:<52} {:>8.2} ms / {:>8.2} ms = {:.2}x", ms(e), ms(c), e.as_secs_f64() / c.as_secs_f64());
    };
    ratio(&format!("caseload of {residents} residents, p50"), encrypted.caseload, clear.caseload);
    ratio(&format!("team insights over {residents} residents, p50"), encrypted.insights, clear.insights);
    ratio("open + hydrate a typical page, p50", encrypted.open, clear.open);
    ratio("durable edit of a page, p50", encrypted.durable_p50, clear.durable_p50);
    ratio("durable edit of a page, p95", encrypted.durable_p95, clear.durable_p95);
    ratio(&format!("seeding {residents} residents (bulk writes)"), encrypted.seed, clear.seed);
}

fn run(options: &StoreOptions, residents: usize, history: usize, samples: usize) -> Figures {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = SqliteStore::open(dir.path().join("bench.db"), options).expect("open");
    let me = supporter();
    store.set_identity(&me).expect("identity");

    let (ids, seed_time) = time(|| connect_device::demo::seed_demo(&mut store, &me, residents, at(0)).expect("seed"));
    println!("seeded {} demo residents in {:.1} s", ids.len(), seed_time.as_secs_f64());

    let (caseload, insights) = index_reads(&store, residents, samples);

    let open_typical = typical_page(&mut store, &me, history, samples);

    let (big_id, save_times, changes) = long_page(&mut store, &me, history, samples);

    // Durable save of one small edit on ordinary residents' pages, round the caseload.
    let durable = Stats(
        (0..samples)
            .map(|i| {
                let small = DocumentId::resident(ids[i % ids.len()], DocKind::Page);
                let ctx = me.context(at(200_000 + i64::try_from(i).unwrap_or(0)));
                time(|| {
                    store
                        .edit(small, |d| page::add_goal(d, &ctx, "walk to the shop", page::GoalKind::Goal))
                        .expect("edit")
                })
                .1
            })
            .collect(),
    );
    durable.line("durable edit (load, change, fsync'd save) of a page", "p95 < 5 ms");
    Stats(save_times).line(&format!("durable edit of the {changes}-change page"), "(for reference)");

    let stored = store.stored_bytes(big_id).expect("bytes");
    let saved = store.load(big_id).expect("load").save().len();
    #[allow(clippy::cast_precision_loss)]
    let ratio = stored as f64 / saved as f64;
    println!(
        "stored bytes vs save() for the long page: {stored} / {saved} = {ratio:.2}x   goal <= 1.5x (before compaction)"
    );
    store.compact_all().expect("compact");
    let stored = store.stored_bytes(big_id).expect("bytes");
    #[allow(clippy::cast_precision_loss)]
    let ratio = stored as f64 / saved as f64;
    println!("stored bytes vs save() after compaction: {stored} / {saved} = {ratio:.2}x   goal <= 1.5x");
    let file = std::fs::metadata(dir.path().join("bench.db")).map(|m| m.len()).unwrap_or(0);
    println!("database file: {:.1} MB for {} residents", file as f64 / 1e6, residents + 1);
    Figures {
        caseload: caseload.pct(0.5),
        insights: insights.pct(0.5),
        open: open_typical.pct(0.5),
        durable_p50: durable.pct(0.5),
        durable_p95: durable.pct(0.95),
        seed: seed_time,
    }
}

/// The caseload, Today and team insights, read from the index.
fn index_reads(store: &SqliteStore, residents: usize, samples: usize) -> (Stats, Stats) {
    let caseload = Stats(
        (0..samples)
            .map(|_| {
                let (rows, d) = time(|| store.caseload().expect("caseload"));
                assert_eq!(rows.len(), residents);
                d
            })
            .collect(),
    );
    caseload.line(&format!("caseload of {residents} residents from the index"), "< 20 ms");

    // Today, as the device answers it: the caseload and the open promises
    // from the index, the team's setting, and the lists built.
    let date = at(0).to_datetime().date_naive();
    let today = Stats(
        (0..samples)
            .map(|_| {
                let (t, d) = time(|| {
                    let caseload = store.caseload().expect("caseload");
                    let promises = store.open_promises().expect("promises");
                    connect_model::today::build(&caseload, &promises, date, connect_model::today::DEFAULT_NOT_SEEN_DAYS)
                });
                assert!(!t.is_empty(), "the demo caseload has promises due and residents to see");
                d
            })
            .collect(),
    );
    today.line(&format!("Today screen over {residents} residents from the index"), "< 30 ms");

    let insights = Stats(
        (0..samples.min(50))
            .map(|_| {
                let (built, d) = time(|| connect_model::insights::build(&store.resident_facts().expect("facts")));
                // Every resident counts (the figure is withheld only when 1 to 4 were never visited).
                let supported = built.residents_supported;
                assert!(
                    supported.value() == Some(residents as f64)
                        || supported == connect_model::insights::Figure::Withheld,
                    "{supported:?}"
                );
                d
            })
            .collect(),
    );
    insights.line(&format!("team insights over {residents} residents from the index"), "< 200 ms");
    (caseload, insights)
}

/// A typical long-lived page, opened and hydrated.
fn typical_page(store: &mut SqliteStore, me: &DeviceIdentity, history: usize, samples: usize) -> Stats {
    // A typical long-lived page: 2,000 changes of history over about 40 items
    // (most changes are edits, status changes and about-me rewrites).
    let typical = create_resident(store, me, "Typical history", at(0)).expect("resident");
    let typical_id = DocumentId::resident(typical, DocKind::Page);
    let mut doc = store.load(typical_id).expect("load");
    for i in 0..history {
        let ctx = me.context(at(i64::try_from(i).unwrap_or(0)));
        match i % 50 {
            0 => drop(
                page::add_offer(&mut doc, &ctx, &format!("offer {i}: something I can do"), Category::Practical)
                    .expect("edit"),
            ),
            25 => drop(
                page::add_ask(&mut doc, &ctx, &format!("ask {i}: could you help me with"), Category::Company)
                    .expect("edit"),
            ),
            n if n % 3 == 0 => {
                page::set_about_me(&mut doc, &ctx, &format!("About me, version {i}. I like gardens and the market."))
                    .expect("edit");
            }
            _ => {
                let p = page::read(&doc).expect("read");
                if let Some(a) = p.asks.get(i % p.asks.len().max(1)) {
                    let status = page::AskStatus::ALL[i % 4];
                    page::set_ask_status(&mut doc, &ctx, a.id, status).expect("edit");
                } else {
                    page::rename(&mut doc, &ctx, &format!("Typical {}", i % 3)).expect("edit");
                }
            }
        }
    }
    store.save(typical_id, &mut doc).expect("save");
    let typical_changes = store.load(typical_id).expect("load").get_changes(&[]).len();
    let typical_items = page::read(&doc).expect("read");
    let open_typical = Stats(
        (0..samples).map(|_| time(|| page::read(&store.load(typical_id).expect("load")).expect("hydrate")).1).collect(),
    );
    open_typical.line(
        &format!(
            "open + hydrate a page: {typical_changes} changes, {} items",
            typical_items.offers.len() + typical_items.asks.len()
        ),
        "< 15 ms",
    );
    open_typical
}

/// A page with a long history, edited durably, then opened and hydrated;
/// returns it, the times of its edits and how many changes it has.
fn long_page(
    store: &mut SqliteStore,
    me: &DeviceIdentity,
    history: usize,
    samples: usize,
) -> (DocumentId, Vec<Duration>, usize) {
    // A page with a long history: built in memory, stored, then edited through
    // the store so it has a snapshot and chunks like a real one.
    let big = create_resident(store, me, "Long history", at(0)).expect("resident");
    let big_id = DocumentId::resident(big, DocKind::Page);
    let mut doc = store.load(big_id).expect("load");
    for i in 0..history - 50 {
        let ctx = me.context(at(i64::try_from(i).unwrap_or(0)));
        if i % 10 == 0 {
            page::add_offer(&mut doc, &ctx, &format!("offer {i}: something I can do"), Category::Practical)
                .expect("edit");
        } else {
            let p = page::read(&doc).expect("read");
            let o = &p.offers[i % p.offers.len()];
            let text = format!("{} {}", o.text, i % 7);
            page::edit_text(&mut doc, &ctx, page::Section::Offers, o.id, &text).expect("edit");
        }
    }
    store.save(big_id, &mut doc).expect("save");
    let mut save_times = Vec::new();
    for i in 0..50.max(samples) {
        let ctx = me.context(at(100_000 + i64::try_from(i).unwrap_or(0)));
        let (_, d) = time(|| {
            store.edit(big_id, |d| page::add_ask(d, &ctx, &format!("ask {i}"), Category::Company)).expect("edit")
        });
        save_times.push(d);
    }
    let changes = store.load(big_id).expect("load").get_changes(&[]).len();
    let open = Stats(
        (0..samples)
            .map(|_| {
                time(|| {
                    let d = store.load(big_id).expect("load");
                    page::read(&d).expect("hydrate")
                })
                .1
            })
            .collect(),
    );
    open.line(&format!("worst case: {changes} changes over 200 items, all text edits"), "(for reference)");
    let load_only = Stats((0..samples).map(|_| time(|| store.load(big_id).expect("load")).1).collect());
    load_only.line("  of which: load from SQLite into Automerge", "");
    let loaded = store.load(big_id).expect("load");
    let hydrate_only = Stats((0..samples).map(|_| time(|| page::read(&loaded).expect("hydrate")).1).collect());
    hydrate_only.line("  of which: hydrate into a ResidentPage", "");
    let raw = Stats((0..samples).map(|_| time(|| loaded.hydrate(None)).1).collect());
    raw.line("  (automerge's own hydrate of the whole document)", "");
    (big_id, save_times, changes)
}
