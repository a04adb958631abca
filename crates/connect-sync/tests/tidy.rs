//! The sync core stays sans-I/O: its modules import no store crate, no
//! network client, no file system and no clock of their own.

#[test]
fn the_core_modules_import_no_store_socket_file_or_clock() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let relay_parts = ["relay/checks.rs", "relay/feed.rs", "relay/named.rs"];
    for module in
        ["protocol.rs", "api.rs", "access.rs", "device.rs", "relay.rs", "driver.rs"].into_iter().chain(relay_parts)
    {
        let text = std::fs::read_to_string(src.join(module)).unwrap();
        for banned in ["connect_store", "reqwest", "std::fs", "std::net", "tokio", "Utc::now", "SystemTime"] {
            assert!(!text.contains(banned), "{module} uses {banned}: the sync core does no I/O");
        }
    }
}
