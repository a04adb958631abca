//! Both store implementations run the same conformance suite.

mod memory {
    connect_store::conformance_tests!(connect_store::MemoryStore::new());
}

mod sqlite_in_memory {
    connect_store::conformance_tests!(connect_store::SqliteStore::open_in_memory().unwrap());
}

mod sqlite_on_disk {
    // Each test gets its own file under Cargo's per-target scratch directory,
    // which lives with the build output rather than littering /tmp.
    connect_store::conformance_tests!({
        let path =
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("conformance-{}.db", uuid::Uuid::new_v4()));
        connect_store::SqliteStore::open(path, &connect_store::StoreOptions::default()).unwrap()
    });
}

mod sqlite_encrypted_on_disk {
    connect_store::conformance_tests!({
        let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("conformance-encrypted-{}.db", uuid::Uuid::new_v4()));
        let options = connect_store::StoreOptions { key: Some(connect_store::StoreKey::random()) };
        connect_store::SqliteStore::open(path, &options).unwrap()
    });
}
