//! Encryption at rest: a device store's files, read without the key, give
//! away no resident's words; without the key the store will not open; a store
//! kept in clear by an earlier version is encrypted in place with nothing lost.

use std::path::{Path, PathBuf};

use connect_model::{DocKind, DocumentId, ResidentId, Timestamp};
use connect_store::conformance::{SECRETS, supporter};
use connect_store::{DocumentStore, KeyFile, SqliteStore, StoreError, StoreKey, StoreOptions};

fn at(minutes: i64) -> Timestamp {
    Timestamp::from_millis(1_772_355_600_000 + minutes * 60_000)
}

/// A fresh directory under Cargo's per-target scratch space.
fn scratch() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("encryption-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes a resident whose name, offer, ask, visit note, team-only note and
/// story each carry one of [`SECRETS`], so every table (documents, index rows,
/// the full-text index) holds them.
fn write_secrets(store: &mut SqliteStore) -> ResidentId {
    let me = supporter();
    store.set_identity(&me).unwrap();
    connect_store::conformance::write_secrets(store, &me, at(0))
}

/// Every file of the store at `path` that exists, with its bytes.
fn store_files(path: &Path) -> Vec<(String, Vec<u8>)> {
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .filter_map(|suffix| {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            std::fs::read(&name).ok().map(|b| (PathBuf::from(name).display().to_string(), b))
        })
        .collect()
}

/// Which of [`SECRETS`] appear in any of the files, in any letter case
/// (the full-text index keeps its words in lower case).
fn secrets_found(path: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for (file, bytes) in store_files(path) {
        let lower = bytes.to_ascii_lowercase();
        for secret in SECRETS {
            let needle = secret.to_ascii_lowercase();
            if lower.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                found.push(format!("{secret} in {file}"));
            }
        }
    }
    found
}

#[test]
fn a_store_kept_in_clear_shows_the_words_which_is_what_encryption_must_prevent() {
    // The control: the same writes without a key leave the words readable,
    // so the search below is able to find them.
    let dir = scratch();
    let path = dir.join("clear.db");
    let mut store = SqliteStore::open(&path, &StoreOptions::default()).unwrap();
    write_secrets(&mut store);
    let found = secrets_found(&path);
    assert!(found.len() >= SECRETS.len(), "{found:?}");
}

#[test]
fn an_encrypted_store_holds_no_resident_words_in_its_file_wal_or_search_index() {
    let dir = scratch();
    let path = dir.join("device.db");
    let (mut store, _key) = SqliteStore::open_with_passphrase(&path, "correct horse").unwrap();
    assert!(store.is_encrypted());
    let r = write_secrets(&mut store);
    // While the store is open, the newest pages are in the WAL.
    let wal = store_files(&path).into_iter().find(|(f, _)| f.ends_with("-wal")).map_or(0, |(_, b)| b.len());
    assert!(wal > 0, "the writes should still be in the WAL");
    assert_eq!(secrets_found(&path), Vec::<String>::new());
    // The search index works from the inside.
    assert_eq!(store.search("marmalade").unwrap()[0].resident, r);
    drop(store);
    assert_eq!(secrets_found(&path), Vec::<String>::new());
    let key_file = std::fs::read(KeyFile::for_store(&path).path()).unwrap();
    assert!(!String::from_utf8_lossy(&key_file).contains("correct horse"));
}

#[test]
fn without_its_key_an_encrypted_store_refuses_to_open_and_says_why() {
    let dir = scratch();
    let path = dir.join("device.db");
    let (mut store, key) = SqliteStore::open_with_passphrase(&path, "507193").unwrap();
    let r = write_secrets(&mut store);
    drop(store);

    let err = SqliteStore::open(&path, &StoreOptions::default()).unwrap_err();
    assert!(matches!(err, StoreError::NeedsPassphrase { .. }), "{err}");
    assert!(err.to_string().contains("encrypted"), "{err}");

    let err = SqliteStore::open(&path, &StoreOptions { key: Some(StoreKey::random()) }).unwrap_err();
    assert!(matches!(err, StoreError::WrongKey { .. }), "{err}");

    let err = SqliteStore::open_with_passphrase(&path, "731946").unwrap_err();
    assert!(matches!(err, StoreError::WrongPassphrase { failed_attempts: 1, .. }), "{err}");

    // Nothing was lost by the refusals.
    let store = SqliteStore::open(&path, &StoreOptions { key: Some(key) }).unwrap();
    assert_eq!(store.caseload().unwrap()[0].resident, r);
    drop(store);

    // With the key file gone the store cannot be opened at all, and says so.
    KeyFile::for_store(&path).remove().unwrap();
    let err = SqliteStore::open_with_passphrase(&path, "507193").unwrap_err();
    assert!(matches!(&err, StoreError::KeyFile { reason, .. } if reason.contains("missing")), "{err}");
    let err = SqliteStore::open(&path, &StoreOptions::default()).unwrap_err();
    assert!(matches!(err, StoreError::CannotOpen { .. }), "{err}");
}

#[test]
fn a_key_for_a_store_kept_in_clear_is_refused_rather_than_ignored() {
    let dir = scratch();
    let path = dir.join("device.db");
    drop(SqliteStore::open(&path, &StoreOptions::default()).unwrap());
    let err = SqliteStore::open(&path, &StoreOptions { key: Some(StoreKey::random()) }).unwrap_err();
    assert!(matches!(err, StoreError::NotEncrypted { .. }), "{err}");
    let err = SqliteStore::open_with_passphrase(&path, "507193").unwrap_err();
    assert!(matches!(err, StoreError::NotEncrypted { .. }), "{err}");
    assert!(!KeyFile::for_store(&path).exists(), "no key file is made for a store it cannot use");
}

#[test]
fn a_store_kept_in_clear_is_encrypted_in_place_with_nothing_lost() {
    let dir = scratch();
    let path = dir.join("device.db");
    let mut store = SqliteStore::open(&path, &StoreOptions::default()).unwrap();
    let r = write_secrets(&mut store);
    let caseload = store.caseload().unwrap();
    let index = store.index_dump().unwrap();
    let heads = store.load(DocumentId::resident(r, DocKind::Page)).unwrap().get_heads();
    drop(store);

    let key = SqliteStore::encrypt_in_place(&path, "a good passphrase").unwrap();
    assert_eq!(secrets_found(&path), Vec::<String>::new());
    for leftover in [".encrypting", ".encrypted"] {
        let mut name = path.as_os_str().to_owned();
        name.push(leftover);
        assert!(!Path::new(&name).exists(), "{leftover} left behind");
    }

    let store = SqliteStore::open(&path, &StoreOptions { key: Some(key) }).unwrap();
    assert_eq!(store.caseload().unwrap(), caseload);
    assert_eq!(store.index_dump().unwrap(), index);
    assert_eq!(store.load(DocumentId::resident(r, DocKind::Page)).unwrap().get_heads(), heads);
    assert_eq!(store.integrity_check().unwrap(), Ok(()));
    drop(store);
    let (store, _) = SqliteStore::open_with_passphrase(&path, "a good passphrase").unwrap();
    assert_eq!(store.caseload().unwrap().len(), 1);
    drop(store);
    // Encrypting twice is refused and harms nothing.
    assert!(SqliteStore::encrypt_in_place(&path, "a good passphrase").is_err());
    assert!(SqliteStore::open_with_passphrase(&path, "a good passphrase").is_ok());
}

#[test]
fn an_encryption_cut_off_after_its_copy_was_complete_is_finished_at_the_next_open() {
    let dir = scratch();
    let path = dir.join("device.db");
    // The state a crash leaves between "encrypted copy complete" and "copy
    // moved into place": the encrypted copy beside a zeroed clear file.
    let (mut store, _) = SqliteStore::open_with_passphrase(&path, "507193").unwrap();
    let r = write_secrets(&mut store);
    drop(store);
    let mut ready = path.as_os_str().to_owned();
    ready.push(".encrypted");
    std::fs::rename(&path, &ready).unwrap();
    std::fs::write(&path, vec![0u8; 8192]).unwrap();

    let (store, _) = SqliteStore::open_with_passphrase(&path, "507193").unwrap();
    assert_eq!(store.caseload().unwrap()[0].resident, r);
    assert!(!Path::new(&ready).exists());
}

#[test]
fn destroying_a_store_removes_its_files_and_its_key() {
    let dir = scratch();
    let path = dir.join("device.db");
    let (mut store, _) = SqliteStore::open_with_passphrase(&path, "507193").unwrap();
    write_secrets(&mut store);
    store.destroy().unwrap();
    assert!(store_files(&path).is_empty());
    assert!(!KeyFile::for_store(&path).exists());
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "nothing of the store is left");
}

#[test]
fn a_store_whose_pin_is_forgotten_can_still_be_wiped() {
    let dir = scratch();
    let path = dir.join("device.db");
    let (mut store, _) = SqliteStore::open_with_passphrase(&path, "507193").unwrap();
    write_secrets(&mut store);
    drop(store);
    connect_store::destroy_files(&path).unwrap();
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    // And the device starts again with a new PIN.
    let (store, _) = SqliteStore::open_with_passphrase(&path, "new pin 1").unwrap();
    assert!(store.caseload().unwrap().is_empty());
}
