//! A relay in its own process takes the decompression bomb that once took
//! one from 12 MiB to 3 GiB (1 MiB that inflates to 1 GiB) three ways, as an
//! upload, inside a sync message and as a whole new document, and a change
//! of a million run-length-encoded operations: each is refused with a plain
//! reason, the relay's peak memory stays under 100 MiB, and the next device
//! syncs.

use connect_model::{AuthorRole, DeviceId, DocKind, DocumentId, ResidentId, Timestamp};
use connect_store::{DeviceIdentity, DocumentStore, MemoryStore};
use connect_sync::protocol::{DocBytes, SyncRequest, SyncResponse, Upload};
use connect_tests::bombs;
use connect_tests::processes::{RelayProcess, create_team, free_port, invite};

fn now() -> Timestamp {
    Timestamp::new(chrono::Utc::now())
}

/// Enrols a device over HTTP; its id and token.
fn enrol(url: &str, code: &str) -> (DeviceId, String) {
    let device = DeviceId::random();
    let enrolled = connect_tests::enrol(url, code, device, ("phone", "Amara")).unwrap();
    (device, enrolled.token)
}

fn sync(url: &str, token: &str, request: &SyncRequest) -> SyncResponse {
    let response = reqwest::blocking::Client::new()
        .post(format!("{url}/v1/sync"))
        .bearer_auth(token)
        .body(request.encode())
        .send()
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    SyncResponse::decode(&response.bytes().unwrap()).unwrap()
}

#[test]
fn every_kind_of_bomb_is_refused_within_100_mib_and_the_next_device_syncs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relay.db").display().to_string();
    let (team, code) = create_team(&db, "Connect East");
    let relay = RelayProcess::serve(&db, free_port());
    let url = relay.url();
    let (device, token) = enrol(&url, &code);

    // A real resident on the relay first, so the bombs have documents to hit.
    let mut store = MemoryStore::new();
    let me = DeviceIdentity {
        device_id: device,
        device_name: "phone".into(),
        person_name: "Amara".into(),
        role: AuthorRole::Coordinator,
        created_at: now(),
    };
    store.set_identity(&me).unwrap();
    let r = connect_store::create_resident(&mut store, &me, "Doreen", now()).unwrap();
    let uploads = connect_store::resident_documents(r)
        .into_iter()
        .map(|id| {
            let doc = store.load(id).unwrap();
            Upload { doc: id.into(), heads: doc.get_heads().iter().map(|h| h.0).collect(), bytes: doc.save() }
        })
        .collect();
    let first = sync(&url, &token, &SyncRequest { uploads, ..SyncRequest::default() });
    assert!(first.rejected.is_empty(), "{:?}", first.rejected);
    let before = relay.peak_rss();

    let page = DocumentId::resident(r, DocKind::Page);
    let fresh = DocumentId::resident(ResidentId::random(), DocKind::Page);
    let bombs: Vec<(&str, SyncRequest)> = vec![
        (
            "an upload",
            SyncRequest {
                uploads: vec![Upload {
                    doc: page.into(),
                    heads: vec![],
                    bytes: bombs::compressed_change(bombs::ZEROS_1GIB),
                }],
                ..SyncRequest::default()
            },
        ),
        (
            "a sync message",
            SyncRequest {
                messages: vec![DocBytes {
                    doc: page.into(),
                    bytes: bombs::sync_message(bombs::compressed_change(bombs::ZEROS_1GIB)),
                }],
                ..SyncRequest::default()
            },
        ),
        (
            "a whole new document",
            SyncRequest {
                uploads: vec![Upload { doc: fresh.into(), heads: vec![], bytes: bombs::document(bombs::ZEROS_1GIB) }],
                ..SyncRequest::default()
            },
        ),
        (
            "a million operations in one change",
            SyncRequest {
                uploads: vec![Upload { doc: page.into(), heads: vec![], bytes: bombs::MILLION_OPS.to_vec() }],
                ..SyncRequest::default()
            },
        ),
    ];
    for (way, request) in &bombs {
        let started = std::time::Instant::now();
        let answer = sync(&url, &token, request);
        assert_eq!(answer.rejected.len(), 1, "{way}: refused");
        assert!(answer.acks.is_empty(), "{way}: nothing kept");
        let reason = &answer.rejected[0].reason;
        assert!(reason.contains("unpack") || reason.contains("do not load"), "{way}: {reason}");
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "{way} took {:?}", started.elapsed());
    }
    let peak = relay.peak_rss();
    eprintln!("relay peak RSS: {} MiB before the bombs, {} MiB after", before >> 20, peak >> 20);
    assert!(peak < 100 << 20, "the relay peaked at {} MiB (before the bombs: {} MiB)", peak >> 20, before >> 20);

    // The next device syncs, and the resident is intact.
    let (_, next) = enrol(&url, &invite(&db, &team, "coordinator"));
    let answer = sync(&url, &next, &SyncRequest::default());
    assert!(answer.rejected.is_empty());
    assert!(answer.snapshots.iter().any(|s| s.doc == page.into()), "the resident's page comes down whole");
}

/// This process's peak resident memory (`VmHWM`), in bytes.
fn peak_rss() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux's /proc");
    let kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<usize>().ok())
        .expect("VmHWM in /proc/self/status");
    kib * 1024
}

/// Found by the `bombs` fuzz target (2026-12-07): a 101-byte document chunk
/// whose run-length columns claim a million operations. Loading it on a
/// device built every one of them (456 MiB) under the vendored automerge's
/// 8 Mi operations per chunk; with at most 64 operations per byte of chunk
/// it is refused before building them (measured: 0.03 s and about 2 MiB).
#[test]
fn a_hundred_byte_chunk_claiming_millions_of_operations_is_refused_on_a_device() {
    let crasher = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../fuzz/artifacts/bombs/oom-3b92759a3a5667a49a3acf4359cd58efe3b3159d"),
    )
    .expect("the crasher is kept beside the fuzz target");
    assert!(crasher.len() < 200);
    // Its first byte says "a chunk as it is" (tests/src/fuzz.rs).
    let chunk = &crasher[1..];
    // Start the peak afresh (Linux: 5 in clear_refs resets VmHWM to the current size).
    std::fs::write("/proc/self/clear_refs", "5").expect("the peak can be reset");
    let before = peak_rss();
    let loaded = connect_model::automerge::Automerge::load(chunk);
    let grew = peak_rss().saturating_sub(before);
    assert!(loaded.is_err(), "refused, not built");
    assert!(grew < 250 << 20, "decoding it took the process {} MiB higher", grew >> 20);
}
