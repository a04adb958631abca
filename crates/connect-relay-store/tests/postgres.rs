//! The relay conformance suite on PostgreSQL, and what only PostgreSQL has:
//! several relay processes (here, separate pools) on one database, `pg_dump`
//! backups, erasure that leaves no old row version readable, and TLS
//! (`sslmode` and `sslrootcert`, against the throwaway server's certificate).
//!
//! These need a server: run them through `scripts/with-postgres` (which
//! `scripts/test-all` does). Without `CONNECT_TEST_POSTGRES` they fail and say so.

use connect_model::page::{self, Category};
use connect_model::{Author, AuthorRole, DeviceId, DocKind, DocumentId, EditContext, ResidentId, TeamId, Timestamp};
use connect_relay_store::conformance::save_whole;
use connect_relay_store::testing::{fresh_postgres_database, postgres_server};
use connect_relay_store::{DocSave, Invite, POOL_SIZE, PostgresRelayStore, RelayStore};

fn fresh() -> PostgresRelayStore {
    PostgresRelayStore::open(&fresh_postgres_database(), POOL_SIZE).unwrap()
}

mod conformance {
    connect_relay_store::relay_conformance_tests!(super::fresh());
}

fn at(m: i64) -> Timestamp {
    Timestamp::from_millis(1_772_355_600_000 + m * 60_000)
}

/// A team with one supporter device, and a resident whose page holds `words`.
fn team_with_resident(store: &PostgresRelayStore, words: &str) -> (TeamId, DeviceId, ResidentId) {
    let ctx = EditContext::new(Author::new(AuthorRole::Coordinator, "relay", DeviceId::random()), at(0));
    let team_id = TeamId::random();
    let dir = connect_model::directory::create(&connect_model::automerge::ActorId::random(), team_id, &ctx).unwrap();
    let team = store.create_team("Connect East", &dir, at(0)).unwrap();
    store.create_invite(b"code", &Invite { team, role: AuthorRole::Supporter, resident: None }, at(0), at(60)).unwrap();
    let device = DeviceId::random();
    let person = store.redeem_invite(b"code", "Amara", device, "phone", b"token", at(1)).unwrap().unwrap().person;
    let r = ResidentId::random();
    store.register_resident(r, team, person.person_id, at(1)).unwrap();
    let ctx = EditContext::new(Author::new(AuthorRole::Supporter, "Amara", device), at(1));
    let mut doc = page::create(&connect_model::actor_for(device, 1), r, "Doreen Quillfeather", &ctx).unwrap();
    let id = DocumentId::resident(r, DocKind::Page);
    save_whole(store, id, team, &doc, device, at(1));
    // A second save, so the words sit in a change chunk as well as a snapshot.
    let before = doc.get_heads();
    page::add_offer(&mut doc, &ctx, words, Category::Creative).unwrap();
    let new: Vec<_> = doc.get_changes(&before).iter().map(|c| c.hash()).collect();
    store.save(DocSave { id, team, doc: &doc, new_changes: &new, device: Some(device), now: at(2) }).unwrap();
    (team, device, r)
}

#[test]
fn a_pg_dump_backup_restores_into_a_new_database() {
    let store = fresh();
    let (team, _, r) = team_with_resident(&store, "I can mend bicycles");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("relay.dump");
    store.backup(&path).unwrap();
    let target = fresh_postgres_database();
    let restored = std::process::Command::new("pg_restore")
        .args(["--no-owner", "--dbname", &target])
        .arg(&path)
        .status()
        .expect("pg_restore runs (PostgreSQL's client programs on PATH)");
    assert!(restored.success());
    let copy = PostgresRelayStore::open(&target, 2).unwrap();
    assert_eq!(copy.teams().unwrap(), store.teams().unwrap());
    let page = copy.load(DocumentId::resident(r, DocKind::Page)).unwrap().unwrap();
    assert_eq!(page::read(&page).unwrap().offers[0].text.to_string(), "I can mend bicycles");
    assert_eq!(copy.feed_head(team).unwrap(), store.feed_head(team).unwrap());
}

#[test]
fn two_relays_on_one_database_see_each_others_writes_and_number_the_feed_in_commit_order() {
    let address = fresh_postgres_database();
    let (one, two) = (PostgresRelayStore::open(&address, 4).unwrap(), PostgresRelayStore::open(&address, 4).unwrap());
    let (team, device, _) = team_with_resident(&one, "I can cook");
    assert_eq!(two.device_by_token(b"token", at(3)).unwrap().unwrap().device_id, device, "enrolled through one");
    let start = two.feed_head(team).unwrap();
    const EACH: usize = 20;
    let done = &std::sync::atomic::AtomicUsize::new(0);
    let (written, seen) = std::thread::scope(|scope| {
        let writers: Vec<_> = [&one, &two]
            .into_iter()
            .map(|store| {
                scope.spawn(move || {
                    let mut ids = Vec::new();
                    for _ in 0..EACH {
                        let r = ResidentId::random();
                        let id = DocumentId::resident(r, DocKind::Page);
                        let ctx = EditContext::new(Author::new(AuthorRole::Supporter, "Amara", device), at(4));
                        let doc = page::create(&connect_model::actor_for(device, 1), r, "Ben", &ctx).unwrap();
                        save_whole(store, id, team, &doc, device, at(4));
                        ids.push(id);
                    }
                    done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    ids
                })
            })
            .collect();
        // A third pool polls, as a device syncing through either relay would.
        let reader = PostgresRelayStore::open(&address, 1).unwrap();
        let reader = scope.spawn(move || {
            let mut cursor = start;
            let mut seen = std::collections::BTreeSet::new();
            loop {
                let finished = done.load(std::sync::atomic::Ordering::SeqCst) == 2;
                for entry in reader.feed_since(team, cursor, 3).unwrap() {
                    cursor = entry.seq;
                    seen.insert(entry.doc);
                }
                if finished && reader.feed_since(team, cursor, 1).unwrap().is_empty() {
                    return seen;
                }
            }
        });
        let written: std::collections::BTreeSet<_> = writers.into_iter().flat_map(|w| w.join().unwrap()).collect();
        (written, reader.join().unwrap())
    });
    assert_eq!(written.len(), 2 * EACH);
    assert!(written.is_subset(&seen), "the reader skipped {} documents", written.difference(&seen).count());
    let seqs: Vec<u64> = one.feed_since(team, 0, 1000).unwrap().iter().map(|e| e.seq).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "no feed number is used twice");
}

/// Every byte string `words` could be stored as: itself, and the hex that
/// `pg_dump` writes bytea columns in.
fn forms(words: &str) -> [Vec<u8>; 2] {
    [words.as_bytes().to_vec(), hex::encode(words).into_bytes()]
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every file of the database's tables (heap, TOAST, indexes), read from the
/// server's data directory after a checkpoint.
fn table_files(address: &str) -> Vec<u8> {
    let mut client = postgres::Client::connect(address, postgres::NoTls).unwrap();
    client.batch_execute("CHECKPOINT").unwrap();
    let data = std::env::var("CONNECT_TEST_POSTGRES_DATA")
        .expect("CONNECT_TEST_POSTGRES_DATA names the test server's data directory (scripts/with-postgres sets it)");
    let oid: u32 = client
        .query_one("SELECT oid FROM pg_database WHERE datname = current_database()", &[])
        .unwrap()
        .get::<_, postgres::types::Oid>(0);
    let dir = std::path::Path::new(&data).join("base").join(oid.to_string());
    let mut all = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_file() {
            all.extend(std::fs::read(&path).unwrap());
        }
    }
    all
}

fn dump(address: &str) -> Vec<u8> {
    let out = std::process::Command::new("pg_dump")
        .args(["--data-only", "--dbname", address])
        .output()
        .expect("pg_dump runs (PostgreSQL's client programs on PATH)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn erasure_leaves_no_word_of_the_resident_in_a_dump_or_the_table_files() {
    let address = fresh_postgres_database();
    let store = PostgresRelayStore::open(&address, 2).unwrap();
    let words = "Quillfeather teaches origami on Tuesdays";
    let (team, _, r) = team_with_resident(&store, words);
    store
        .create_invite(b"theirs", &Invite { team, role: AuthorRole::Resident, resident: Some(r) }, at(2), at(60))
        .unwrap();
    store
        .redeem_invite(b"theirs", "Doreen Quillfeather", DeviceId::random(), "Quillfeather phone", b"t2", at(3))
        .unwrap()
        .unwrap();
    // The check can fail: before erasure, the words are there to be found.
    let (files, dumped) = (table_files(&address), dump(&address));
    assert!(
        forms("Quillfeather").iter().any(|f| contains(&files, f) || contains(&dumped, f)),
        "the test sees stored words"
    );
    store.erase_resident(r, at(4)).unwrap();
    let (files, dumped) = (table_files(&address), dump(&address));
    for needle in ["Quillfeather", "origami", "Doreen"] {
        for form in forms(needle) {
            assert!(!contains(&dumped, &form), "pg_dump still holds {needle:?}");
            assert!(!contains(&files, &form), "the table files still hold {needle:?}");
        }
    }
    assert!(store.is_erased(DocumentId::resident(r, DocKind::Page)).unwrap());
}

#[test]
fn a_database_from_a_newer_relay_is_refused_with_a_clear_error() {
    let address = fresh_postgres_database();
    drop(PostgresRelayStore::open(&address, 1).unwrap());
    let mut client = postgres::Client::connect(&address, postgres::NoTls).unwrap();
    client.batch_execute("INSERT INTO relay_schema (version) VALUES (99)").unwrap();
    let err = PostgresRelayStore::open(&address, 1).unwrap_err();
    assert!(err.to_string().contains("schema 99") && err.to_string().contains("update the relay"), "{err}");
}

#[test]
fn two_relays_starting_together_on_a_new_database_migrate_it_once() {
    let address = fresh_postgres_database();
    std::thread::scope(|scope| {
        let opened: Vec<_> = (0..3).map(|_| scope.spawn(|| PostgresRelayStore::open(&address, 1))).collect();
        for o in opened {
            o.join().unwrap().unwrap();
        }
    });
    let mut client = postgres::Client::connect(&address, postgres::NoTls).unwrap();
    let versions: i64 = client.query_one("SELECT COUNT(*) FROM relay_schema", &[]).unwrap().get(0);
    // PostgreSQL's own first migrations, then those both backends run.
    let count =
        |dir: &str| std::fs::read_dir(format!("{}/migrations/{dir}", env!("CARGO_MANIFEST_DIR"))).unwrap().count();
    let migrations = count("postgres") + count("both");
    assert_eq!(versions, i64::try_from(migrations).unwrap(), "each migration applied once");
}

/// A relay database made before the migrations both backends share
/// (PostgreSQL's schema 1) opens on today's relay with its rows kept: its
/// invite gains a random id and still works, and its team's stored bytes are
/// counted from what it already held.
#[test]
fn a_database_from_before_the_shared_migrations_is_brought_up_to_date_with_its_rows() {
    let address = fresh_postgres_database();
    let team = TeamId::random().to_string();
    let mut client = postgres::Client::connect(&address, postgres::NoTls).unwrap();
    client.batch_execute(include_str!("../migrations/postgres/0001_relay.sql")).unwrap();
    client
        .batch_execute("CREATE TABLE relay_schema (version INTEGER NOT NULL); INSERT INTO relay_schema VALUES (1)")
        .unwrap();
    client.execute("INSERT INTO teams (team_id, name, created_at) VALUES ($1, 'Team', 0)", &[&team]).unwrap();
    client
        .execute(
            "INSERT INTO invites (code_hash, team_id, role, created_at, expires_at)
             VALUES ('\\x0102', $1, 'supporter', 0, 4102444800000)",
            &[&team],
        )
        .unwrap();
    client
        .execute(
            "INSERT INTO documents (doc_id, team_id, kind, snapshot, chunk_bytes, heads)
             VALUES ('directory', $1, 'directory', '\\x00112233', 6, '')",
            &[&team],
        )
        .unwrap();
    let store = PostgresRelayStore::open(&address, 1).unwrap();
    let invite = store.find_invite(&[1, 2]).unwrap().expect("the invite is kept");
    assert_eq!(invite.details.invite_id.get_version_num(), 4, "a random id");
    assert_eq!(store.invite(invite.details.invite_id).unwrap().as_ref(), Some(&invite), "found by its new id");
    assert_eq!(store.team_bytes(team.parse().unwrap()).unwrap(), 10, "the snapshot's 4 bytes and 6 in chunks");
    let version: i32 = client.query_one("SELECT MAX(version) FROM relay_schema", &[]).unwrap().get(0);
    assert_eq!(version, 3);
}

#[test]
fn an_unreachable_or_wrong_database_says_which_and_why_without_the_password() {
    let server = postgres_server();
    let missing = server.rsplit_once('/').map(|(base, _)| format!("{base}/no_such_database")).unwrap();
    let err = PostgresRelayStore::open(&missing, 1).unwrap_err().to_string();
    assert!(err.contains("no_such_database") && err.contains("does not exist"), "{err}");
    let err = PostgresRelayStore::open("postgres://someone:secret@127.0.0.1:1/db", 1).unwrap_err().to_string();
    assert!(err.contains("127.0.0.1:1") && !err.contains("secret"), "{err}");
    let err = PostgresRelayStore::open("postgres://[not a url", 1).unwrap_err().to_string();
    assert!(err.contains("not a PostgreSQL address"), "{err}");
}

/// The test server's CA (`scripts/with-postgres` makes it and signs the
/// server's certificate for 127.0.0.1 and localhost with it).
fn server_ca() -> String {
    std::env::var("CONNECT_TEST_POSTGRES_CA")
        .expect("CONNECT_TEST_POSTGRES_CA names the test server's CA (scripts/with-postgres sets it)")
}

/// `address` with `parameters` added to its query.
fn with(address: &str, parameters: &str) -> String {
    format!("{address}{}{parameters}", if address.contains('?') { '&' } else { '?' })
}

/// How many of the connections to `address`'s database are encrypted, and
/// how many there are, as the server sees them.
fn encrypted_connections(address: &str) -> (i64, i64) {
    let database = address.split('?').next().unwrap().rsplit('/').next().unwrap();
    let mut client = postgres::Client::connect(&postgres_server(), postgres::NoTls).unwrap();
    let row = client
        .query_one(
            "SELECT COUNT(*) FILTER (WHERE s.ssl), COUNT(*) FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)
             WHERE a.datname = $1",
            &[&database],
        )
        .unwrap();
    (row.get(0), row.get(1))
}

/// A store at `address` works: a team written through one connection is read
/// back through the pool.
fn round_trip(store: &PostgresRelayStore) {
    let (team, device, _) = team_with_resident(store, "I can sing");
    assert_eq!(store.device_by_token(b"token", at(3)).unwrap().unwrap().device_id, device);
    assert!(store.teams().unwrap().iter().any(|(t, _)| *t == team));
}

#[test]
fn without_sslmode_the_store_prefers_tls_so_the_suite_above_runs_encrypted() {
    let address = fresh_postgres_database();
    assert!(!address.contains("sslmode"), "the suite's own address names no sslmode");
    let store = PostgresRelayStore::open(&address, 2).unwrap();
    round_trip(&store);
    let (encrypted, all) = encrypted_connections(&address);
    assert!(all > 0 && encrypted == all, "{encrypted} of {all} connections encrypted");
}

#[test]
fn disable_connects_in_plain_and_require_and_verify_full_with_the_right_ca_encrypt() {
    let verify = format!("sslmode=verify-full&sslrootcert={}", server_ca());
    for (parameters, encrypts) in [("sslmode=disable", false), ("sslmode=require", true), (verify.as_str(), true)] {
        let address = with(&fresh_postgres_database(), parameters);
        let store = PostgresRelayStore::open(&address, 2).unwrap();
        let mode = parameters.split('&').next().unwrap();
        assert!(store.place().ends_with(&format!("({mode})")) && !store.place().contains("sslrootcert"));
        round_trip(&store);
        let (encrypted, all) = encrypted_connections(&address);
        let expected = if encrypts { all } else { 0 };
        assert!(all > 0 && encrypted == expected, "{parameters}: {encrypted} of {all} connections encrypted");
    }
}

/// A CA of its own, which signed nothing the test server holds.
fn other_ca(dir: &std::path::Path) -> std::path::PathBuf {
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    // The real CA's name: only the signature tells them apart.
    params.distinguished_name.push(rcgen::DnType::CommonName, "Connect throwaway test CA");
    let ca = params.self_signed(&rcgen::KeyPair::generate().unwrap()).unwrap();
    let path = dir.join("other-ca.pem");
    std::fs::write(&path, ca.pem()).unwrap();
    path
}

#[test]
fn verify_full_with_a_ca_that_did_not_sign_the_certificate_is_refused_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let wrong = other_ca(dir.path());
    for mode in ["verify-full", "verify-ca", "require"] {
        let address = with(&fresh_postgres_database(), &format!("sslmode={mode}&sslrootcert={}", wrong.display()));
        let err = PostgresRelayStore::open(&address, 1).unwrap_err().to_string();
        let expected = format!("not signed by the CA in sslrootcert={}", wrong.display());
        assert!(err.contains(&expected) && err.contains("cannot open the relay database postgres://"), "{mode}: {err}");
    }
}

#[test]
fn verify_full_refuses_a_certificate_for_another_host_and_verify_ca_accepts_it() {
    // The server's certificate names 127.0.0.1 and localhost; reached at the
    // same address under another name, only the name check can fail.
    let server = postgres_server();
    let port = server.rsplit_once(':').unwrap().1.split('/').next().unwrap().to_owned();
    let database = fresh_postgres_database().rsplit('/').next().unwrap().to_owned();
    let elsewhere = |mode: &str| {
        format!(
            "postgres://postgres@db.internal:{port}/{database}?hostaddr=127.0.0.1&sslmode={mode}&sslrootcert={}",
            server_ca()
        )
    };
    let err = PostgresRelayStore::open(&elsewhere("verify-full"), 1).unwrap_err().to_string();
    assert!(err.contains("not issued for the host in the address") && err.contains("db.internal"), "{err}");
    let store = PostgresRelayStore::open(&elsewhere("verify-ca"), 1).unwrap();
    round_trip(&store);
}

#[test]
fn the_public_cas_do_not_vouch_for_a_private_certificate() {
    let address = with(&fresh_postgres_database(), "sslrootcert=system");
    let err = PostgresRelayStore::open(&address, 1).unwrap_err().to_string();
    assert!(err.contains("not signed by a public CA (sslrootcert=system)"), "{err}");
}

#[test]
fn a_pg_dump_backup_checks_the_certificate_as_the_address_says() {
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    std::fs::copy(server_ca(), &ca).unwrap();
    let address = with(&fresh_postgres_database(), &format!("sslmode=verify-full&sslrootcert={}", ca.display()));
    let store = PostgresRelayStore::open(&address, 1).unwrap();
    store.backup(&dir.path().join("first.dump")).unwrap();
    // The pool is connected already; pg_dump connects anew and reads the CA
    // file again, so with another CA in its place only pg_dump is refused.
    std::fs::copy(other_ca(dir.path()), &ca).unwrap();
    let err = store.backup(&dir.path().join("second.dump")).unwrap_err().to_string();
    assert!(err.contains("certificate verify failed"), "{err}");
    assert!(store.teams().is_ok(), "the pool is unharmed");
}
