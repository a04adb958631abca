//! The bodies of the fuzz targets, shared by `fuzz/` (libFuzzer on nightly)
//! and by `tests/tests/fuzz_replay.rs`, which replays the committed corpus
//! and every crasher in an ordinary `cargo test`, so CI guards them on stable.
//!
//! Each function takes arbitrary bytes and must never panic. Where an input is
//! accepted, it also checks what must hold of it (a decoded request encodes
//! back to the same bytes; a relay answer always decodes).

use std::path::PathBuf;
use std::sync::OnceLock;

use connect_model::{AuthorRole, DeviceId, DocKind, DocumentId, ResidentId, TeamId, Timestamp};
use connect_relay::sync::{SyncLimits, handle_sync};
use connect_relay_store::{DeviceRecord, RelayStore, SqliteRelayStore};
use connect_store::{DeviceIdentity, DocumentStore, MemoryStore, SqliteStore};
use connect_sync::api;
use connect_sync::protocol::{SyncRequest, SyncResponse, Upload, WireDocId};

/// A fuzz target's body.
pub type Target = fn(&[u8]);

/// The fuzz targets, by name: `fuzz/fuzz_targets/NAME.rs` and `fuzz/corpus/NAME/`.
pub const TARGETS: [(&str, Target); 8] = [
    ("sync_request", sync_request),
    ("bombs", bombs),
    ("relay_round", relay_round),
    ("automerge_import", automerge_import),
    ("json_bodies", json_bodies),
    ("web_app_inputs", web_app_inputs),
    ("media_files", media_files),
    ("blob_requests", blob_requests),
];

mod media;
pub use media::{blob_requests, media_files};

static SCRATCH: OnceLock<PathBuf> = OnceLock::new();

/// Where the targets keep their scratch files (the system's temporary folder
/// unless set; tests set their own). Only the first call counts.
pub fn use_scratch_folder(path: PathBuf) {
    let _ = SCRATCH.set(path);
}

fn at() -> Timestamp {
    Timestamp::from_millis(1_772_355_600_000)
}

/// Large compressed chunks and run-length columns: the first byte picks
/// how the rest is wrapped (a compressed change's DEFLATE body, a document's
/// compressed column, a chunk as it is, a sync message's changes). Decoding
/// must stay within the patched automerge's default limits on a device and
/// within the budget the relay's round gives, whatever the bytes; run with a
/// low `-rss_limit_mb` (fuzz/README.md) to catch any decode that is not.
pub fn bombs(data: &[u8]) {
    use connect_model::automerge::decode_budget::{Budget, with_budget};
    use connect_model::automerge::sync::{self, SyncDoc};
    let Some((&form, rest)) = data.split_first() else { return };
    let chunk = match form % 4 {
        0 => crate::bombs::compressed_change(rest),
        1 => crate::bombs::document(rest),
        2 => rest.to_vec(),
        _ => crate::bombs::sync_message(crate::bombs::compressed_change(rest)),
    };
    // A device, with the patch's defaults.
    let _ = connect_model::automerge::Automerge::load(&chunk);
    // The relay's round, within a budget.
    let budget = Budget { inflate: 4 << 20, ops: 200_000 };
    let ((), spent) = with_budget(budget, || {
        let mut doc = connect_model::automerge::Automerge::new();
        if form % 4 == 3 {
            if let Ok(message) = sync::Message::decode(&chunk) {
                let _ = doc.receive_sync_message(&mut sync::State::new(), message);
            }
        } else {
            let _ = doc.load_incremental(&chunk);
        }
    });
    assert!(spent.inflate <= budget.inflate && spent.ops <= budget.ops, "decoding went past its budget: {spent:?}");
}

/// `SyncRequest` decoding: anything decoded encodes back to the same bytes.
pub fn sync_request(data: &[u8]) {
    if let Ok(request) = SyncRequest::decode(data) {
        let again = request.encode();
        assert_eq!(SyncRequest::decode(&again).ok(), Some(request), "a decoded request survives a round trip");
    }
    let _ = SyncResponse::decode(data);
}

/// A relay with a real team on disk: a directory, a resident with all six
/// documents uploaded by a supporter, and a coordinator, supporter and
/// resident device. Built once; each input runs against a fresh copy.
struct RelayFixture {
    file: PathBuf,
    team: TeamId,
    resident: ResidentId,
    devices: [DeviceRecord; 3],
}

fn relay_fixture() -> &'static RelayFixture {
    static FIXTURE: OnceLock<RelayFixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let scratch = SCRATCH.get().cloned().unwrap_or_else(std::env::temp_dir);
        let dir = scratch.join(format!("connect-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        let file = dir.join("fixture.db");
        let _ = std::fs::remove_file(&file);
        let db = SqliteRelayStore::open(&file).expect("a relay store");
        let team = connect_relay::admin::create_team(&db, "Fuzz", at()).expect("a team").team;
        let enrol = |role: AuthorRole, resident: Option<ResidentId>| {
            let invite = connect_relay::admin::create_invite(&db, team, role, resident, 24, at()).expect("an invite");
            db.redeem_invite(
                &connect_relay::auth::hash_invite(&invite.code),
                "Someone",
                DeviceId::random(),
                "phone",
                &connect_relay::auth::hash_token(&connect_relay::auth::new_token()),
                at(),
            )
            .expect("redeemed")
            .expect("a device")
        };
        let supporter = enrol(AuthorRole::Supporter, None);
        let coordinator = enrol(AuthorRole::Coordinator, None);
        let mut store = MemoryStore::new();
        let me = DeviceIdentity {
            device_id: supporter.device_id,
            device_name: "phone".into(),
            person_name: "Amara".into(),
            role: AuthorRole::Supporter,
            created_at: at(),
        };
        store.set_identity(&me).expect("an identity");
        let resident = connect_store::create_resident(&mut store, &me, "Doreen", at()).expect("a resident");
        let uploads = store
            .pending()
            .expect("pending")
            .into_iter()
            .map(|id| {
                let doc = store.load(id).expect("a document");
                Upload { doc: id.into(), heads: doc.get_heads().iter().map(|h| h.0).collect(), bytes: doc.save() }
            })
            .collect();
        handle_sync(&db, &supporter, &SyncRequest { uploads, ..SyncRequest::default() }, at(), SyncLimits::default())
            .expect("the first upload");
        let resident_device = enrol(AuthorRole::Resident, Some(resident));
        RelayFixture { file, team, resident, devices: [coordinator, supporter, resident_device] }
    })
}

/// Points most of the request's documents at the fixture's real ones, so the
/// fuzzer spends its time in the merge and access logic, not on unknown ids.
fn retarget(wire: &mut WireDocId, f: &RelayFixture) {
    if wire.0[0] < 0xc0 {
        wire.0 = if wire.1 == 6 { *f.team.uuid().as_bytes() } else { *f.resident.uuid().as_bytes() };
    }
}

/// The relay half of the sync core against a relay store holding a real team:
/// the first byte picks the device (coordinator, supporter or the resident's
/// own), the rest is a sync body. The answer must always encode and decode,
/// and the same request sent twice must be answered twice.
pub fn relay_round(data: &[u8]) {
    let Some((&who, body)) = data.split_first() else { return };
    let Ok(mut request) = SyncRequest::decode(body) else { return };
    let f = relay_fixture();
    for u in &mut request.uploads {
        retarget(&mut u.doc, f);
    }
    for m in &mut request.messages {
        retarget(&mut m.doc, f);
    }
    for w in &mut request.missing {
        retarget(w, f);
    }
    let copy = f.file.with_file_name(format!("run-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
    }
    std::fs::copy(&f.file, &copy).expect("a copy of the fixture");
    let db = SqliteRelayStore::open(&copy).expect("the copy opens");
    let device = &f.devices[usize::from(who) % 3];
    let limits = SyncLimits { response_budget: 4096, feed_page: 3, ..SyncLimits::default() };
    for _ in 0..2 {
        if let Ok((response, _)) = handle_sync(&db, device, &request, at(), limits) {
            assert_eq!(SyncResponse::decode(&response.encode()).ok(), Some(response), "the answer decodes");
        }
    }
    let _ = db.check();
}

/// `.automerge` import on the device: anything is refused with a reason or
/// merged; the store stays readable.
pub fn automerge_import(data: &[u8]) {
    let Ok(mut store) = SqliteStore::open_in_memory() else { return };
    let me = DeviceIdentity {
        device_id: DeviceId::random(),
        device_name: "phone".into(),
        person_name: "Amara".into(),
        role: AuthorRole::Coordinator,
        created_at: at(),
    };
    store.set_identity(&me).expect("an identity");
    if let Ok((id, _)) = connect_device::export::import_automerge(&mut store, data) {
        assert!(store.load(id).is_ok(), "an imported document loads");
        let _ = connect_device::export::import_automerge(&mut store, data);
    }
    store.caseload().expect("the caseload reads after any import");
    let _ = store.search("a");
    let _ = store.resident_facts();
}

/// The JSON body of every endpoint: typed bodies that decode encode back to
/// the same value, and the relay's own handlers never answer 5xx to a body.
pub fn json_bodies(data: &[u8]) {
    fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(data: &[u8]) {
        if let Ok(value) = serde_json::from_slice::<T>(data) {
            let text = serde_json::to_vec(&value).expect("a typed body serialises");
            assert_eq!(serde_json::from_slice::<T>(&text).ok(), Some(value), "a body survives a round trip");
        }
    }
    round_trip::<api::EnrolRequest>(data);
    round_trip::<api::EnrolResponse>(data);
    round_trip::<api::InviteRequest>(data);
    round_trip::<api::InviteResponse>(data);
    round_trip::<api::AssignRequest>(data);
    round_trip::<api::PeopleResponse>(data);
    round_trip::<api::HistoryResponse>(data);
    round_trip::<api::ErrorBody>(data);
    round_trip::<api::Device>(data);
    round_trip::<connect_sync::protocol::Limits>(data);

    let app = json_app();
    for path in ["/v1/enrol", "/v1/invites", "/v1/assignments"] {
        let status = app.post(path, data);
        assert!(status < 500, "{path} answered {status} to a body");
    }
    // A body whose path id is fuzzed too.
    if let Ok(text) = std::str::from_utf8(data)
        && !text.contains(['/', '?', '#', ' '])
        && !text.is_empty()
        && text.len() < 200
    {
        for path in [format!("/v1/residents/{text}/history"), format!("/v1/devices/{text}/revoke")] {
            if axum::http::Uri::try_from(path.as_str()).is_ok() {
                let status = app.post(&path, b"");
                assert!(status < 500, "{path} answered {status}");
            }
        }
    }
}

/// The relay's router over an in-memory store with a coordinator, kept for
/// the whole fuzzing run (its handlers are what is tested, not its data).
struct JsonApp {
    runtime: tokio::runtime::Runtime,
    router: axum::Router,
    token: String,
}

impl JsonApp {
    fn post(&self, path: &str, body: &[u8]) -> u16 {
        use tower::ServiceExt;
        let request = axum::http::Request::post(path)
            .header(axum::http::header::AUTHORIZATION, format!("Bearer {}", self.token))
            .header(axum::http::header::CONTENT_TYPE, "application/json")
            .body(axum::body::Body::from(body.to_vec()))
            .expect("a request");
        let router = self.router.clone();
        self.runtime.block_on(async move { router.oneshot(request).await.map_or(0, |r| r.status().as_u16()) })
    }
}

fn json_app() -> &'static JsonApp {
    static APP: OnceLock<JsonApp> = OnceLock::new();
    APP.get_or_init(|| {
        let db = SqliteRelayStore::open_in_memory().expect("a relay store");
        // The handlers read the clock, so this fixture lives in the present.
        let now = Timestamp::new(chrono::Utc::now());
        let team = connect_relay::admin::create_team(&db, "Fuzz", now).expect("a team").team;
        let invite =
            connect_relay::admin::create_invite(&db, team, AuthorRole::Coordinator, None, 24, now).expect("an invite");
        let token = connect_relay::auth::new_token();
        db.redeem_invite(
            &connect_relay::auth::hash_invite(&invite.code),
            "Chloe",
            DeviceId::random(),
            "laptop",
            &connect_relay::auth::hash_token(&token),
            now,
        )
        .expect("redeemed")
        .expect("a device");
        let state = connect_relay::AppState::new(db).with_limits(
            SyncLimits::default(),
            connect_relay::RateLimit { burst: 1e12, per_second: 1e12 },
            1 << 20,
        );
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
        JsonApp { runtime, router: connect_relay::router(state), token }
    })
}

/// Seed inputs for each target, written by `fuzz_seeds` into `fuzz/corpus/`.
#[must_use]
pub fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    let f = relay_fixture();
    let doc = |kind| DocumentId::resident(f.resident, kind);
    let mut store = MemoryStore::new();
    let me = DeviceIdentity {
        device_id: f.devices[1].device_id,
        device_name: "phone".into(),
        person_name: "Amara".into(),
        role: AuthorRole::Supporter,
        created_at: at(),
    };
    store.set_identity(&me).expect("an identity");
    let other = connect_store::create_resident(&mut store, &me, "Kwame", at()).expect("a resident");
    let page = store.load(DocumentId::resident(other, DocKind::Page)).expect("a page");
    let upload = SyncRequest {
        cursor: 0,
        uploads: vec![Upload {
            doc: DocumentId::resident(other, DocKind::Page).into(),
            heads: page.get_heads().iter().map(|h| h.0).collect(),
            bytes: page.save(),
        }],
        ..SyncRequest::default()
    };
    let missing =
        SyncRequest { missing: vec![doc(DocKind::Page).into(), doc(DocKind::Story).into()], ..SyncRequest::default() };
    let idle = SyncRequest { cursor: 3, applied: 1, ..SyncRequest::default() };
    let mut seeds = vec![
        ("sync_request", upload.encode()),
        ("sync_request", missing.encode()),
        ("sync_request", idle.encode()),
        ("automerge_import", page.save()),
        ("automerge_import", store.load(DocumentId::resident(other, DocKind::Circle)).expect("a circle").save()),
        (
            "json_bodies",
            serde_json::to_vec(&api::EnrolRequest {
                invite: "ABCD-EFGH-JKLM".into(),
                device_id: DeviceId::random(),
                device_name: "phone".into(),
                person_name: "Amara".into(),
            })
            .expect("json"),
        ),
        ("json_bodies", br#"{"role":"resident","resident":null,"hours":24}"#.to_vec()),
        (
            "json_bodies",
            br#"{"resident":"03030303-0303-0303-0303-030303030303","person":"02020202-0202-0202-0202-020202020202"}"#
                .to_vec(),
        ),
    ];
    for (who, request) in [(0u8, &upload), (1, &missing), (2, &idle), (1, &upload)] {
        seeds.push(("relay_round", [vec![who], request.encode()].concat()));
    }
    seeds.extend(web_app_seeds(other));
    seeds.extend(media::seeds());
    seeds
}

/// Page↔worker messages as the app writes them, and a camera frame holding
/// an invite's QR code.
fn web_app_seeds(resident: ResidentId) -> Vec<(&'static str, Vec<u8>)> {
    use connect_device::{DeviceError, Request, Unlocking};
    use connect_web::message::{Answer, Envelope, WorkerCall};
    let calls = [
        WorkerCall::Unlock(Unlocking::pin("507193")),
        WorkerCall::Create { name: "Amara".into(), pin: "507193".into(), demo: true, fingerprint: None },
        WorkerCall::Call(Request::Search("curry".into())),
        WorkerCall::Call(Request::Resident(resident)),
        WorkerCall::Call(Request::SetAutoSync(15)),
        WorkerCall::Call(Request::Enrol { relay: "https://relay.example".into(), code: "ABCD-EFGH-JKLM".into() }),
    ];
    let mut seeds: Vec<(&'static str, Vec<u8>)> = calls
        .into_iter()
        .zip(1u64..)
        .map(|(call, id)| ("web_app_inputs", serde_json::to_vec(&Envelope { id, call }).expect("json")))
        .collect();
    let answer = Answer { id: 9, answer: Err(DeviceError::Refused("Wrong PIN.".into())) };
    seeds.push(("web_app_inputs", serde_json::to_vec(&answer).expect("json")));
    let unreachable = Answer { id: 10, answer: Err(DeviceError::Unreachable("No connection.".into())) };
    seeds.push(("web_app_inputs", serde_json::to_vec(&unreachable).expect("json")));
    let broken = Answer::broken("The app could not open its files on this phone.".into());
    seeds.push(("web_app_inputs", serde_json::to_vec(&broken).expect("json")));
    // A 64 × 64 frame: 2 pixels a module of a version 1 code, on white.
    let code = qrcode::QrCode::new(b"ABCD-EFGH").expect("a QR code");
    let (modules, dark) = (code.width(), code.to_colors());
    let mut frame = vec![63u8, 63];
    for y in 0..64 {
        for x in 0..64 {
            let (mx, my) = ((x / 2) as isize - 4, (y / 2) as isize - 4);
            let inside = (0..modules as isize).contains(&mx) && (0..modules as isize).contains(&my);
            let black = inside && dark[my as usize * modules + mx as usize] == qrcode::Color::Dark;
            let shade = if black { 0 } else { 255 };
            frame.extend_from_slice(&[shade, shade, shade, 255]);
        }
    }
    seeds.push(("web_app_inputs", frame));
    seeds
}

/// What the web app reads that it did not write itself in that moment: the
/// messages between its page and its store worker, and camera frames for a
/// QR code. A panic in wasm stops the whole app, so neither may panic. A
/// call that reads encodes again and reads back, with its number.
pub fn web_app_inputs(data: &[u8]) {
    use connect_web::message::{Answer, read_call};
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(envelope) = read_call(text) {
            let again = serde_json::to_string(&envelope).expect("a call serialises");
            let back = read_call(&again).expect("a call that read once reads again");
            assert_eq!(back.id, envelope.id, "the call keeps its number");
        }
        let _ = serde_json::from_str::<Answer>(text);
    }
    // A frame: the first two bytes give its size (up to 64 × 64), the rest
    // its RGBA pixels, short or long.
    if let [w, h, pixels @ ..] = data {
        let (width, height) = (usize::from(*w % 64) + 1, usize::from(*h % 64) + 1);
        let _ = connect_web::frame::read_qr(pixels, width, height);
    }
}
