//! Every connection the device store opens saves with `synchronous = FULL`:
//! asserted on each, not assumed from SQLite's compiled-in default (which a
//! build can change, and which is NORMAL on some platforms' own SQLite).

use super::files::encrypting_connection;
use super::{SqliteStore, StoreOptions};
use crate::StoreKey;

/// `PRAGMA synchronous` of one schema: 2 is FULL.
fn synchronous(conn: &rusqlite::Connection, schema: &str) -> i64 {
    conn.query_row(&format!("PRAGMA {schema}.synchronous"), [], |r| r.get(0)).unwrap()
}

const FULL: i64 = 2;

#[test]
fn every_connection_the_device_store_opens_saves_with_synchronous_full() {
    let dir = tempfile::tempdir().unwrap();

    let clear = SqliteStore::open(dir.path().join("clear.db"), &StoreOptions::default()).unwrap();
    assert_eq!(synchronous(&clear.conn, "main"), FULL, "a store kept in clear");
    drop(clear);
    let keyed =
        SqliteStore::open(dir.path().join("keyed.db"), &StoreOptions { key: Some(StoreKey::random()) }).unwrap();
    assert_eq!(synchronous(&keyed.conn, "main"), FULL, "a store opened with its key");
    let (app, key) = SqliteStore::open_with_passphrase(dir.path().join("app.db"), "correct horse").unwrap();
    assert_eq!(synchronous(&app.conn, "main"), FULL, "a store opened with a passphrase");
    // The app's second connection (sync) to the same store, with the same key.
    let second = SqliteStore::open(dir.path().join("app.db"), &StoreOptions { key: Some(key.clone()) }).unwrap();
    assert_eq!(synchronous(&second.conn, "main"), FULL, "a second connection");
    let memory = SqliteStore::open_in_memory().unwrap();
    assert_eq!(synchronous(&memory.conn, "main"), FULL, "a store in memory");

    // The connection that copies a store kept in clear into its encrypted file: both files.
    let conn = encrypting_connection(&dir.path().join("clear.db"), &dir.path().join("copy.db"), &key).unwrap();
    assert_eq!(synchronous(&conn, "main"), FULL, "the store being encrypted");
    assert_eq!(synchronous(&conn, "encrypted"), FULL, "its encrypted copy");
}
