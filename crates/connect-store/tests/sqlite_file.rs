//! Behaviour of the SQLite store's file: reopening, migrations and compaction.
//! (Surviving a killed process is tested in the workspace `tests/` crate.)

use connect_model::page::{self, Category};
use connect_model::{DocKind, DocumentId, Timestamp};
use connect_store::conformance::supporter;
use connect_store::{DocumentStore, SqliteStore, StoreError, StoreOptions, create_resident};

fn at(minutes: i64) -> Timestamp {
    Timestamp::from_millis(1_772_355_600_000 + minutes * 60_000)
}

fn open(path: &std::path::Path) -> SqliteStore {
    SqliteStore::open(path, &StoreOptions::default()).unwrap()
}

#[test]
fn everything_saved_is_there_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let me = supporter();
    let (r, heads) = {
        let mut store = open(&path);
        store.set_identity(&me).unwrap();
        let r = create_resident(&mut store, &me, "Doreen", at(0)).unwrap();
        let id = DocumentId::resident(r, DocKind::Page);
        store.edit(id, |d| page::add_offer(d, &me.context(at(1)), "knitting", Category::Creative)).unwrap();
        (r, store.load(id).unwrap().get_heads())
    };
    let store = open(&path);
    assert_eq!(store.identity().unwrap(), Some(me));
    let doc = store.load(DocumentId::resident(r, DocKind::Page)).unwrap();
    assert_eq!(doc.get_heads(), heads);
    assert_eq!(store.caseload().unwrap()[0].offers, 1);
}

#[test]
fn a_store_from_a_newer_app_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    drop(open(&path));
    let conn = rusqlite_free_bump(&path);
    drop(conn);
    let err = SqliteStore::open(&path, &StoreOptions::default()).unwrap_err();
    assert!(matches!(err, StoreError::NewerSchema { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("update the app"));
}

/// Sets `user_version` to 99 by writing the SQLite header directly, as a newer
/// app would have (offset 60, big-endian). Keeps this test free of SQL.
fn rusqlite_free_bump(path: &std::path::Path) -> std::fs::File {
    use std::io::{Seek, SeekFrom, Write};
    // Fold the WAL into the main file first so the header is authoritative.
    drop(open(path));
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.seek(SeekFrom::Start(60)).unwrap();
    f.write_all(&99u32.to_be_bytes()).unwrap();
    f.sync_all().unwrap();
    f
}

#[test]
fn a_file_that_is_not_a_store_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "this is not a database, just some words ".repeat(200)).unwrap();
    let err = SqliteStore::open(&path, &StoreOptions::default()).unwrap_err();
    assert!(matches!(err, StoreError::CannotOpen { .. }), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap().len(), 40 * 200, "the file is left untouched");
}

#[test]
fn compaction_keeps_stored_bytes_close_to_a_full_save() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let me = supporter();
    store.set_identity(&me).unwrap();
    let r = create_resident(&mut store, &me, "Doreen", at(0)).unwrap();
    let id = DocumentId::resident(r, DocKind::Page);
    for i in 0..400 {
        store
            .edit(id, |d| page::add_offer(d, &me.context(at(i)), &format!("offer number {i}"), Category::Other))
            .unwrap();
        let stored = store.stored_bytes(id).unwrap();
        let saved = store.load(id).unwrap().save().len();
        // Chunks are folded in once they outgrow the snapshot, so storage stays
        // within about twice a full save (plus the small compaction floor).
        assert!(stored <= saved * 2 + 4096, "edit {i}: stored {stored} vs save() {saved}");
    }
    store.compact_all().unwrap();
    let saved = store.load(id).unwrap().save().len();
    assert_eq!(store.stored_bytes(id).unwrap(), saved);
    assert_eq!(page::read(&store.load(id).unwrap()).unwrap().offers.len(), 400);
}

#[test]
fn rebuilt_index_tables_equal_the_maintained_ones_row_for_row() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let me = supporter();
    store.set_identity(&me).unwrap();
    for name in ["Ann", "Bea"] {
        let r = create_resident(&mut store, &me, name, at(0)).unwrap();
        let id = DocumentId::resident(r, DocKind::Page);
        store
            .edit(id, |d| {
                let a = page::add_ask(d, &me.context(at(1)), "help with the garden", Category::Practical)?;
                page::set_ask_status(d, &me.context(at(2)), a, page::AskStatus::InProgress)?;
                page::rename(d, &me.context(at(3)), &format!("{name} B."))
            })
            .unwrap();
    }
    let maintained = store.index_dump().unwrap();
    assert!(maintained.len() > 10);
    store.rebuild_indexes().unwrap();
    assert_eq!(store.index_dump().unwrap(), maintained);
}

#[test]
fn a_store_from_schema_1_is_upgraded_and_its_insight_facts_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let me = supporter();
    let facts = {
        let mut store = open(&path);
        store.set_identity(&me).unwrap();
        let r = create_resident(&mut store, &me, "Doreen", at(0)).unwrap();
        store
            .edit(DocumentId::resident(r, DocKind::Page), |d| {
                page::add_ask(d, &me.context(at(1)), "a ramp", Category::Practical).map(drop)
            })
            .unwrap();
        store.resident_facts().unwrap()
    };
    assert_eq!(facts[0].asks.len(), 1);
    // Undo schema 2 as a store written by the previous version would be.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE idx_promises; DROP TABLE idx_visit; DROP TABLE idx_facts; DROP INDEX documents_sync;
             DROP TABLE media_files; DROP TABLE media_chunks; PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let store = open(&path);
    assert_eq!(store.resident_facts().unwrap(), facts, "facts are filled in for documents stored before");
    assert_eq!(store.integrity_check().unwrap(), Ok(()));
}

#[test]
fn a_store_from_schema_2_removes_erased_words_from_its_search_index_at_once_after_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let secure_delete = |conn: &rusqlite::Connection| -> i64 {
        conn.query_row("SELECT v FROM search_fts_config WHERE k = 'secure-delete'", [], |r| r.get(0)).unwrap_or(0)
    };
    {
        let mut store = open(&path);
        let me = supporter();
        store.set_identity(&me).unwrap();
        create_resident(&mut store, &me, "Doreen", at(0)).unwrap();
    }
    // As the previous version left it: schema 2, full-text deletes that leave words behind.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE idx_promises; DROP TABLE idx_visit;
             INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 0);
             DROP TABLE media_files; DROP TABLE media_chunks; PRAGMA user_version = 2;",
        )
        .unwrap();
        assert_eq!(secure_delete(&conn), 0);
    }
    let store = open(&path);
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(secure_delete(&conn), 1);
    let migrations = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations")).unwrap().count();
    let version = conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(version, i64::try_from(migrations).unwrap(), "every migration since ran");
}

#[test]
fn a_store_from_schema_3_lists_the_promises_and_visits_it_already_held_after_the_upgrade() {
    use connect_model::promise::{self, NewPromise, Plan, PlanReason, PromiseBy, When};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let me = supporter();
    let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    let before = {
        let mut store = open(&path);
        store.set_identity(&me).unwrap();
        let r = create_resident(&mut store, &me, "Doreen", at(0)).unwrap();
        let page = DocumentId::resident(r, DocKind::Page);
        let ctx = me.context(at(1));
        let ramp = NewPromise {
            text: "ask the council about the ramp",
            by: PromiseBy::Supporter,
            by_name: "",
            when: Some(When::On(day("2026-03-04"))),
            ask: None,
        };
        store.edit(page, |d| promise::add(d, &ctx, &ramp)).unwrap();
        store.edit(page, |d| promise::set_next_visit(d, &ctx, Plan::TheyWillCall, PlanReason::Planned)).unwrap();
        (store.open_promises().unwrap(), store.caseload().unwrap())
    };
    assert_eq!(before.0.len(), 1);
    // As a store of the previous schema would hold them: no promise or visit rows.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE idx_promises; DROP TABLE idx_visit; DROP TABLE media_files; DROP TABLE media_chunks;
             PRAGMA user_version = 3;",
        )
        .unwrap();
    }
    let store = open(&path);
    assert_eq!((store.open_promises().unwrap(), store.caseload().unwrap()), before, "derived again at the upgrade");
}
