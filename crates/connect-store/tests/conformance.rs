//! Both store implementations run the same conformance suite.

mod memory {
    connect_store::conformance_tests!(connect_store::MemoryStore::new());
}

mod sqlite_in_memory {
    connect_store::conformance_tests!(connect_store::SqliteStore::open_in_memory().unwrap());
}

mod sqlite_on_disk {
    // Each test gets its own file; the directory is leaked for the test's life.
    connect_store::conformance_tests!({
        let dir = tempfile::tempdir().unwrap().keep();
        connect_store::SqliteStore::open(dir.join("store.db"), &connect_store::StoreOptions::default()).unwrap()
    });
}

mod relay_sqlite {
    connect_store::relay_conformance_tests!(connect_store::relay::SqliteRelayStore::open_in_memory().unwrap());
}
