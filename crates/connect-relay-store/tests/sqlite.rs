//! The relay conformance suite on SQLite: in memory, and on a file with its
//! full pool of connections.

use connect_relay_store::{POOL_SIZE, SqliteRelayStore};

mod in_memory {
    connect_relay_store::relay_conformance_tests!(connect_relay_store::SqliteRelayStore::open_in_memory().unwrap());
}

fn on_file() -> SqliteRelayStore {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("relay-conformance");
    std::fs::create_dir_all(&dir).unwrap();
    SqliteRelayStore::open(dir.join(format!("{}.db", uuid::Uuid::new_v4()))).unwrap()
}

mod on_file {
    connect_relay_store::relay_conformance_tests!(super::on_file());
}

#[test]
fn every_pooled_connection_saves_with_synchronous_full() {
    let levels = on_file().synchronous_of_every_connection().unwrap();
    assert_eq!(levels.len(), POOL_SIZE as usize);
    assert!(levels.iter().all(|l| *l == 2), "PRAGMA synchronous per connection: {levels:?}");
}

#[test]
fn a_database_from_a_newer_relay_is_refused_with_a_clear_error() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("relay-conformance");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}.db", uuid::Uuid::new_v4()));
    drop(SqliteRelayStore::open(&path).unwrap());
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let err = SqliteRelayStore::open(&path).unwrap_err();
    assert!(err.to_string().contains("schema 99") && err.to_string().contains("update the relay"), "{err}");
}
