//! A writer killed with SIGKILL mid-stream loses nothing it reported committed,
//! and the file stays sound. The store is encrypted, as on a device.
//!
//! What this test cannot tell: `synchronous = FULL` from `OFF`. A killed
//! process leaves its writes in the operating system's page cache, which
//! reaches the disk anyway, so a store that never called fsync passes too.
//! Only a lost power supply or a kernel crash would tell them apart, and
//! neither can be had in a test. That is why the store sets FULL on every
//! connection and reads it back, and why
//! `connect-store`'s `every_connection_the_device_store_opens_saves_with_synchronous_full`
//! checks each way a store is opened.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use connect_model::page;
use connect_model::{DocKind, DocumentId, Timestamp};
use connect_store::conformance::supporter;
use connect_store::{DocumentStore, SqliteStore, StoreKey, StoreOptions, create_resident};

const PASSPHRASE: &str = "crash test passphrase";

#[test]
fn edits_reported_committed_survive_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let me = supporter();
    let key: StoreKey;
    {
        let (mut store, k) = SqliteStore::open_with_passphrase(&path, PASSPHRASE).unwrap();
        key = k;
        store.set_identity(&me).unwrap();
        create_resident(&mut store, &me, "Doreen", Timestamp::from_millis(1_772_355_600_000)).unwrap();
    }
    let mut committed: Vec<i64> = Vec::new();
    let mut next = 0_i64;
    for round in 0..12 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_crash_writer"))
            .arg(&path)
            .arg(next.to_string())
            .env("CONNECT_PASSPHRASE", PASSPHRASE)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Let the child get 5 to 60 edits in, then kill it without warning.
        let wanted = 5 + (round * 7) % 56;
        let mut seen = 0;
        while let Some(Ok(line)) = lines.next() {
            if let Some(n) = line.strip_prefix("committed ") {
                committed.push(n.parse().unwrap());
                seen += 1;
                if seen >= wanted {
                    break;
                }
            }
        }
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        next = committed.last().copied().unwrap_or(next) + 1_000;

        let store = SqliteStore::open(&path, &StoreOptions { key: Some(key.clone()) }).unwrap();
        assert_eq!(store.integrity_check().unwrap(), Ok(()), "round {round}");
        let r = store.caseload().unwrap()[0].resident;
        let page = page::read(&store.load(DocumentId::resident(r, DocKind::Page)).unwrap()).unwrap();
        let texts: std::collections::HashSet<String> = page.offers.iter().map(|o| o.text.to_string()).collect();
        for n in &committed {
            assert!(texts.contains(&format!("edit {n}")), "round {round}: committed edit {n} is missing");
        }
        // The edit in flight when the child died may or may not be there, but
        // never anything the child did not try to write.
        assert!(page.offers.len() <= committed.len() + round as usize + 1);
    }
    assert!(committed.len() >= 12 * 5);
}
