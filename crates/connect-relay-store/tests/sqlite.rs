//! The relay conformance suite on SQLite: in memory, and on a file with its
//! full pool of connections.

use connect_relay_store::{POOL_SIZE, RelayStore, SqliteRelayStore};

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

/// A relay database made before the migrations both backends share (SQLite's
/// schema 2, as relays had it) opens on today's relay with its rows kept:
/// its invite gains a random id and still works, and its team's stored
/// bytes are counted from what it already held.
#[test]
fn a_database_from_before_the_shared_migrations_is_brought_up_to_date_with_its_rows() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("relay-conformance");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}.db", uuid::Uuid::new_v4()));
    let team = connect_model::TeamId::random().to_string();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../migrations/sqlite/0001_relay.sql")).unwrap();
        conn.execute_batch(include_str!("../migrations/sqlite/0002_feed_and_rounds.sql")).unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute("INSERT INTO teams (team_id, name, created_at) VALUES (?1, 'Team', 0)", [&team]).unwrap();
        conn.execute(
            "INSERT INTO invites (code_hash, team_id, role, created_at, expires_at)
             VALUES (x'0102', ?1, 'supporter', 0, 4102444800000)",
            [&team],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO documents (doc_id, team_id, kind, snapshot, chunk_bytes, heads)
             VALUES ('directory', ?1, 'directory', x'00112233', 6, x'')",
            [&team],
        )
        .unwrap();
    }
    let store = SqliteRelayStore::open(&path).unwrap();
    let invite = store.find_invite(&[1, 2]).unwrap().expect("the invite is kept");
    assert_eq!(invite.details.invite_id.get_version_num(), 4, "a random id");
    assert_eq!(store.invite(invite.details.invite_id).unwrap().as_ref(), Some(&invite), "found by its new id");
    assert_eq!(store.team_bytes(team.parse().unwrap()).unwrap(), 10, "the snapshot's 4 bytes and 6 in chunks");
    let version: i64 =
        rusqlite::Connection::open(&path).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 4);
}
