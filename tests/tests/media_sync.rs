//! Voice notes and photos between phones through a real relay on a
//! loopback socket: made offline, sent by their own queue after the
//! documents, fetched whole and byte-identical on another phone, never
//! twice; an upload cut off resumes from what the relay holds; a full team
//! space leaves the file waiting with the reason on it; a removal and an
//! erasure delete the bytes everywhere.

use std::sync::{Arc, Mutex};

use connect_device::api::{MediaState, NewFile};
use connect_device::network::{MediaPart, Network};
use connect_device::{Device, HttpNetwork};
use connect_model::media::{BlobHash, MediaKind, MediaPlace};
use connect_model::{AuthorRole, DeviceId, DocKind, DocumentId, TeamId, Timestamp};
use connect_relay::{AppState, admin};
use connect_relay_store::SqliteRelayStore;
use connect_relay_store::blobs::BlobStore;
use connect_store::{DeviceIdentity, DocumentStore, MediaStore, MemoryStore};

type Phone = Device<MemoryStore, HttpNetwork>;

fn now() -> Timestamp {
    Timestamp::new(chrono::Utc::now())
}

struct Relay {
    url: String,
    db: Arc<Mutex<SqliteRelayStore>>,
    team: TeamId,
}

/// A relay on 127.0.0.1 keeping `team_media_bytes` of media for a team.
fn start_relay(team_media_bytes: u64) -> Relay {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("media-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = SqliteRelayStore::open(dir.join("relay.db")).unwrap();
    let team = admin::create_team(&db, "Team", now()).unwrap().team;
    let rate = connect_relay::RateLimit { burst: 1e6, per_second: 1e6 };
    let limits = connect_relay::sync::SyncLimits { team_media_bytes, ..Default::default() };
    let state = AppState::new(db.clone()).with_limits(limits, rate, 32 << 20);
    let url = format!("http://{}", connect_tests::loopback::serve_in_thread(state));
    Relay { url, db: Arc::new(Mutex::new(db)), team }
}

async fn phone(relay: &Relay, name: &str, role: AuthorRole) -> Phone {
    let mut store = MemoryStore::new();
    let me = DeviceIdentity {
        device_id: DeviceId::random(),
        device_name: format!("{name}'s phone"),
        person_name: name.into(),
        role,
        created_at: now(),
    };
    store.set_identity(&me).unwrap();
    let code = admin::create_invite(&*relay.db.lock().unwrap(), relay.team, role, None, 24, now()).unwrap().code;
    let device = Device::new(store, HttpNetwork);
    device.enrol(&relay.url, &code, false).await.unwrap();
    device
}

fn camera_photo() -> Vec<u8> {
    connect_tests::samples::camera_photo(3000, 2000, 0x1f, 90)
}

fn voice_note(bytes: usize, seconds: u64) -> Vec<u8> {
    connect_tests::samples::voice_note(bytes, seconds, 0)
}

fn file(place: MediaPlace, bytes: Vec<u8>, caption: &str, by_resident: bool) -> NewFile {
    NewFile { place, bytes, caption: caption.into(), transcript: String::new(), measured_ms: None, by_resident }
}

#[tokio::test]
async fn media_made_offline_reaches_another_phone_whole_once_and_goes_when_removed_or_erased() {
    let relay = start_relay(u64::MAX);
    let amara = phone(&relay, "Amara", AuthorRole::Supporter).await;
    let chloe = phone(&relay, "Chloe", AuthorRole::Coordinator).await;
    let doreen = amara.create_resident("Doreen").unwrap();
    // Made on the doorstep with no signal: kept here, waiting.
    let (photo_id, photo) =
        amara.add_media(doreen, file(MediaPlace::About, camera_photo(), "My roses", false)).unwrap();
    let (_, voice) =
        amara.add_media(doreen, file(MediaPlace::About, voice_note(700_000, 61), "My curry", true)).unwrap();
    assert_eq!(amara.media_pending().unwrap().voice, 1);
    assert_eq!(amara.media_pending().unwrap().photos, 1);
    let listed = amara.media_of(doreen).unwrap();
    assert!(listed.iter().all(|m| m.state == MediaState::Local && m.here));
    let voice_item = listed.iter().find(|m| m.media.kind == MediaKind::Voice).unwrap();
    assert!(voice_item.media.in_my_words(), "recorded by the resident in her own voice");
    assert_eq!(voice_item.media.duration_ms, Some(61_000));
    let photo_item = listed.iter().find(|m| m.media.kind == MediaKind::Photo).unwrap();
    assert_eq!(photo_item.media.dimensions, Some((1600, 1067)), "scaled to 1600 on its long side");
    assert!(photo_item.media.bytes <= 400_000, "{} bytes", photo_item.media.bytes);

    let sent = amara.sync_everything().await.unwrap();
    assert_eq!((sent.media.sent, sent.media.waiting), (2, 0), "{sent:?}");
    assert!(amara.media_of(doreen).unwrap().iter().all(|m| m.state == MediaState::Synced));
    let again = amara.sync_everything().await.unwrap();
    assert_eq!((again.media.sent, again.media.sent_bytes), (0, 0), "nothing is sent twice");

    let got = chloe.sync_everything().await.unwrap();
    assert_eq!(got.media.received, 2, "fetched within the phone's budget: {got:?}");
    let page = DocumentId::resident(doreen, DocKind::Page);
    for hash in [photo, voice] {
        let theirs = chloe.media_bytes(page, hash).await.unwrap();
        let ours = amara.media_bytes(page, hash).await.unwrap();
        assert!(theirs == ours, "byte-identical");
        assert_eq!(BlobHash::of(&theirs), hash);
    }

    // Removed on one phone: gone from the relay and, at its next sync, the other.
    amara.remove_media(doreen, photo_id).unwrap();
    assert!(amara.with_store(|s| s.media_file(page, photo)).unwrap().is_none(), "deleted here at once");
    amara.sync_everything().await.unwrap();
    let relay_db = relay.db.lock().unwrap().clone();
    assert_eq!(relay_db.blob_status(page, photo).unwrap(), None, "deleted on the relay");
    let after = chloe.sync_everything().await.unwrap();
    assert_eq!(after.media.deleted, 1);
    let kinds: Vec<MediaKind> = chloe.media_of(doreen).unwrap().iter().map(|m| m.media.kind).collect();
    assert_eq!(kinds, vec![MediaKind::Voice]);

    // Erased: every copy of her media goes with her.
    chloe.erase_resident(doreen).await.unwrap();
    amara.sync_everything().await.unwrap();
    assert!(amara.with_store(|s| s.media_files()).unwrap().is_empty(), "erased from the phone");
    assert_eq!(relay_db.blob_status(page, voice).unwrap(), None, "and from the relay");
}

#[tokio::test]
async fn an_upload_cut_off_resumes_from_what_the_relay_holds() {
    let relay = start_relay(u64::MAX);
    let amara = phone(&relay, "Amara", AuthorRole::Supporter).await;
    let doreen = amara.create_resident("Doreen").unwrap();
    let bytes = voice_note(5 * 1024 * 1024, 300);
    let length = bytes.len() as u64;
    let (_, hash) = amara.add_media(doreen, file(MediaPlace::About, bytes.clone(), "", false)).unwrap();
    amara.sync().await.unwrap();
    // The first 4 MiB reached the relay before the signal went.
    let page = DocumentId::resident(doreen, DocKind::Page);
    let access = amara.relay().unwrap();
    let cut = 4 * 1024 * 1024;
    for at in (0..cut).step_by(1024 * 1024) {
        let part = MediaPart {
            doc: page,
            hash,
            length,
            offset: at,
            bytes: bytes[at as usize..(at + 1024 * 1024) as usize].to_vec(),
        };
        HttpNetwork.media_send(&access, part).await.unwrap();
    }
    let resumed = amara.sync_media().await.unwrap();
    assert_eq!(resumed.sent, 1);
    assert_eq!(resumed.sent_bytes, length - cut, "only the rest was sent");
    let held = HttpNetwork.media_held(&access, page, hash).await.unwrap();
    assert_eq!(held, length);
}

#[tokio::test]
async fn a_full_team_space_leaves_the_file_waiting_with_the_reason_and_documents_go_on() {
    let relay = start_relay(100_000);
    let amara = phone(&relay, "Amara", AuthorRole::Supporter).await;
    let doreen = amara.create_resident("Doreen").unwrap();
    amara.add_media(doreen, file(MediaPlace::About, voice_note(300_000, 20), "", false)).unwrap();
    let report = amara.sync_everything().await.unwrap();
    assert_eq!(report.pending, 0, "the documents went");
    assert_eq!((report.media.sent, report.media.waiting), (0, 1));
    let item = &amara.media_of(doreen).unwrap()[0];
    assert_eq!(item.state, MediaState::Local);
    assert!(item.stuck.as_deref().is_some_and(|w| w.contains("full")), "{:?}", item.stuck);
}

#[tokio::test]
async fn an_upload_that_never_moves_is_called_stuck_instead_of_tried_for_ever() {
    let relay = connect_device::testing::FakeRelay::new();
    relay.media_stalls.store(true, std::sync::atomic::Ordering::SeqCst);
    let mut store = MemoryStore::new();
    store.set_identity(&connect_store::conformance::supporter()).unwrap();
    let phone = Device::new(store, relay.clone());
    phone.enrol("https://relay.example.org", "CODE", false).await.unwrap();
    let doreen = phone.create_resident("Doreen").unwrap();
    phone.add_media(doreen, file(MediaPlace::About, voice_note(3_000_000, 30), "", false)).unwrap();
    let report = phone.sync_media().await.unwrap();
    assert_eq!((report.sent, report.waiting, report.stuck.len()), (0, 1, 1), "{report:?}");
    let item = &phone.media_of(doreen).unwrap()[0];
    assert!(item.stuck.as_deref().is_some_and(|w| w.contains("stopped moving")), "{:?}", item.stuck);
    assert!(relay.media_calls.load(std::sync::atomic::Ordering::SeqCst) < 10, "a few tries, not for ever");
}
