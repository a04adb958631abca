//! The relay's logs never contain resident text: not on success, not when a
//! document is refused, not when a request is malformed.

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Request, header};
use connect_model::page::{self, Category};
use connect_model::{AuthorRole, DeviceId, DocKind, DocumentId, Timestamp};
use connect_relay::{AppState, admin, router};
use connect_relay_store::SqliteRelayStore;
use connect_store::{DeviceIdentity, DocumentStore, MemoryStore};
use connect_sync::protocol::{SyncRequest, Upload};
use tower::ServiceExt;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const SECRET: &str = "Doreen is frightened of her neighbour's dog";
const NAME: &str = "Doreen Zebedee-Quince";

fn now() -> Timestamp {
    Timestamp::new(chrono::Utc::now())
}

#[tokio::test]
async fn logs_carry_ids_and_outcomes_but_never_resident_text() {
    let logs = Captured::default();
    let writer = logs.clone();
    tracing::subscriber::set_global_default(
        tracing_subscriber::fmt()
            .json()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(move || writer.clone())
            .finish(),
    )
    .unwrap();

    let db = SqliteRelayStore::open_in_memory().unwrap();
    let first = admin::create_team(&db, "Team", now()).unwrap();
    let second = admin::create_invite(&db, first.team, AuthorRole::Supporter, None, 24, now()).unwrap();
    let app = router(AppState::new(db));

    let enrol = |code: &str, device: DeviceId| {
        let body =
            serde_json::json!({ "invite": code, "device_id": device, "device_name": "phone", "person_name": "Amara" });
        Request::post("/v1/enrol")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let token_of = |bytes: &[u8]| {
        serde_json::from_slice::<serde_json::Value>(bytes).unwrap()["token"].as_str().unwrap().to_owned()
    };

    let amara = DeviceId::random();
    let resp = app.clone().oneshot(enrol(&first.code, amara)).await.unwrap();
    let token = token_of(&http_body_util::BodyExt::collect(resp.into_body()).await.unwrap().to_bytes());
    let mallory = DeviceId::random();
    let resp = app.clone().oneshot(enrol(&second.code, mallory)).await.unwrap();
    let mallory_token = token_of(&http_body_util::BodyExt::collect(resp.into_body()).await.unwrap().to_bytes());

    // Amara uploads a resident whose name and offer are distinctive text.
    let mut store = MemoryStore::new();
    let me = DeviceIdentity {
        device_id: amara,
        device_name: "p".into(),
        person_name: "Amara".into(),
        role: AuthorRole::Coordinator,
        created_at: now(),
    };
    store.set_identity(&me).unwrap();
    let r = connect_store::create_resident(&mut store, &me, NAME, now()).unwrap();
    let id = DocumentId::resident(r, DocKind::Page);
    store.edit(id, |d| page::add_offer(d, &me.context(now()), SECRET, Category::Other).map(drop)).unwrap();
    let uploads: Vec<Upload> = connect_store::resident_documents(r)
        .into_iter()
        .map(|id| {
            let doc = store.load(id).unwrap();
            Upload { doc: id.into(), heads: doc.get_heads().iter().map(|h| h.0).collect(), bytes: doc.save() }
        })
        .collect();
    let sync = |token: &str, body: Vec<u8>| {
        Request::post("/v1/sync")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::from(body))
            .unwrap()
    };
    let ok = app
        .clone()
        .oneshot(sync(&token, SyncRequest { uploads: uploads.clone(), ..SyncRequest::default() }.encode()))
        .await
        .unwrap();
    assert!(ok.status().is_success());

    // Mallory (not assigned) tries to write the same documents: refused, and logged.
    let refused = app
        .clone()
        .oneshot(sync(&mallory_token, SyncRequest { uploads, ..SyncRequest::default() }.encode()))
        .await
        .unwrap();
    assert!(refused.status().is_success());
    // A malformed body that contains the secret text.
    let garbage = [
        connect_sync::protocol::MAGIC.as_slice(),
        &connect_sync::protocol::PROTOCOL_VERSION.to_be_bytes(),
        SECRET.as_bytes(),
    ]
    .concat();
    let bad = app.clone().oneshot(sync(&token, garbage)).await.unwrap();
    assert_eq!(bad.status(), 400);

    let text = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(text.contains("\"path\":\"/v1/sync\""), "requests are logged: {text}");
    assert!(text.contains("document refused"), "refusals are logged");
    assert!(text.contains(&amara.to_string()), "device ids are logged");
    for secret in [SECRET, NAME, "frightened", "Zebedee"] {
        assert!(!text.contains(secret), "{secret:?} leaked into the logs");
    }
}
