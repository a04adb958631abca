//! A relay no device can knock over: a request that once panicked inside the
//! store lock, a handler that fails or panics, a reader beside a busy writer,
//! and a store that breaks under it. Each test then shows the next request,
//! from another device, still succeeds.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use connect_model::{AuthorRole, DeviceId, DocumentId, Timestamp};
use connect_relay::api::Fault;
use connect_relay::{AppState, admin, router};
use connect_relay_store::{RelayStore, SqliteRelayStore};
use connect_store::{DeviceIdentity, DocumentStore, MemoryStore};
use connect_sync::api::{EnrolRequest, EnrolResponse, ErrorBody};
use connect_sync::protocol::{SyncRequest, SyncResponse, Upload};
use http_body_util::BodyExt;
use tower::ServiceExt;

fn now() -> Timestamp {
    Timestamp::new(chrono::Utc::now())
}

struct Relay {
    app: Router,
    state: AppState,
    db: SqliteRelayStore,
    team: connect_model::TeamId,
    path: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

fn relay() -> Relay {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("relay.db");
    let db = SqliteRelayStore::open(&path).unwrap();
    let team = admin::create_team(&db, "Connect East", now()).unwrap().team;
    let state = AppState::new(db.clone());
    Relay { app: router(state.clone()), state, db, team, path, _dir: dir }
}

async fn body(response: axum::response::Response) -> (StatusCode, Vec<u8>) {
    let status = response.status();
    (status, response.into_body().collect().await.unwrap().to_bytes().to_vec())
}

impl Relay {
    /// Enrols a coordinator device over HTTP and returns its token and a store holding one resident.
    async fn device(&self, name: &str) -> (String, MemoryStore) {
        let invite = admin::create_invite(&self.db, self.team, AuthorRole::Coordinator, None, 24, now()).unwrap();
        let device_id = DeviceId::random();
        let request =
            EnrolRequest { invite: invite.code, device_id, device_name: "phone".into(), person_name: name.into() };
        let response = self
            .app
            .clone()
            .oneshot(
                Request::post("/v1/enrol")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(serde_json::to_vec(&request).unwrap()))
                    .unwrap(),
            )
            .await
            .unwrap();
        let (status, bytes) = body(response).await;
        assert_eq!(status, StatusCode::OK);
        let enrolled: EnrolResponse = serde_json::from_slice(&bytes).unwrap();
        let mut store = MemoryStore::new();
        let me = DeviceIdentity {
            device_id,
            device_name: "phone".into(),
            person_name: name.into(),
            role: AuthorRole::Coordinator,
            created_at: now(),
        };
        store.set_identity(&me).unwrap();
        connect_store::create_resident(&mut store, &me, "Doreen", now()).unwrap();
        (enrolled.token, store)
    }

    async fn sync(&self, token: &str, request: &SyncRequest) -> (StatusCode, Vec<u8>) {
        let response = self
            .app
            .clone()
            .oneshot(
                Request::post("/v1/sync")
                    .header(header::AUTHORIZATION, format!("Bearer {token}"))
                    .body(Body::from(request.encode()))
                    .unwrap(),
            )
            .await
            .unwrap();
        body(response).await
    }

    async fn get(&self, path: &str) -> StatusCode {
        self.app.clone().oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap().status()
    }
}

fn uploads_of(store: &MemoryStore) -> Vec<Upload> {
    store
        .pending()
        .unwrap()
        .into_iter()
        .map(|id| {
            let doc = store.load(id).unwrap();
            Upload { doc: id.into(), heads: doc.get_heads().iter().map(|h| h.0).collect(), bytes: doc.save() }
        })
        .collect()
}

#[tokio::test]
async fn missing_snapshots_over_the_response_budget_are_answered_and_the_relay_keeps_serving() {
    let dir = tempfile::tempdir().unwrap();
    let db = SqliteRelayStore::open(dir.path().join("relay.db")).unwrap();
    let team = admin::create_team(&db, "Connect East", now()).unwrap().team;
    let limits = connect_relay::sync::SyncLimits { response_budget: 1, ..Default::default() };
    let state = AppState::new(db.clone()).with_limits(limits, connect_relay::RateLimit::default(), 32 << 20);
    let r = Relay { app: router(state.clone()), state, db, team, path: dir.path().join("relay.db"), _dir: dir };

    let (amara, store) = r.device("Amara").await;
    let uploads = uploads_of(&store);
    let ids: Vec<_> = uploads.iter().map(|u| u.doc).collect();
    let (status, _) = r.sync(&amara, &SyncRequest { uploads, ..SyncRequest::default() }).await;
    assert_eq!(status, StatusCode::OK);

    // Chloe names every document as missing: their snapshots fill the budget
    // before the first feed entry. This used to panic while holding the one
    // store lock, and every later request from anyone got 500.
    let (chloe, _) = r.device("Chloe").await;
    let (status, bytes) = r.sync(&chloe, &SyncRequest { missing: ids.clone(), ..SyncRequest::default() }).await;
    assert_eq!(status, StatusCode::OK);
    let response = SyncResponse::decode(&bytes).unwrap();
    assert_eq!(response.snapshots.len(), ids.len());
    assert!(response.more);
    assert_eq!(response.cursor, 0);

    let (ben, _) = r.device("Ben").await;
    let (status, _) = r.sync(&ben, &SyncRequest::default()).await;
    assert_eq!(status, StatusCode::OK, "the next request from another device succeeds");
    assert_eq!(r.get("/healthz").await, StatusCode::OK);
}

#[tokio::test]
async fn a_handler_that_panics_or_fails_mid_request_changes_nothing_and_the_next_request_succeeds() {
    let r = relay();
    let (amara, store) = r.device("Amara").await;
    let upload = SyncRequest { uploads: uploads_of(&store), ..SyncRequest::default() };
    let page = DocumentId::try_from(upload.uploads[0].doc).unwrap();

    for fault in [Fault::Panic, Fault::Error] {
        r.state.inject_fault(fault);
        let (status, bytes) = r.sync(&amara, &upload).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{fault:?}");
        let error: ErrorBody = serde_json::from_slice(&bytes).unwrap();
        assert!(error.message.contains("nothing was changed"), "{error:?}");
        assert!(r.db.load(page).unwrap().is_none(), "{fault:?}: the failed request stored nothing");
    }

    let (chloe, _) = r.device("Chloe").await;
    assert_eq!(r.sync(&chloe, &SyncRequest::default()).await.0, StatusCode::OK);
    let (status, bytes) = r.sync(&amara, &upload).await;
    assert_eq!(status, StatusCode::OK, "the same request succeeds once the fault has passed");
    assert_eq!(SyncResponse::decode(&bytes).unwrap().acks.len(), upload.uploads.len());
    assert!(r.db.load(page).unwrap().is_some());
    assert_eq!(r.get("/healthz").await, StatusCode::OK);
}

#[tokio::test]
async fn readers_are_served_while_another_connection_holds_the_write_lock() {
    let r = relay();
    let (amara, _) = r.device("Amara").await;
    let writer = rusqlite::Connection::open(&r.path).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE; UPDATE teams SET name = 'Connect East' WHERE 1;").unwrap();
    // A global store lock would queue these behind the writer; the pool serves them beside it.
    let started = std::time::Instant::now();
    assert_eq!(r.get("/healthz").await, StatusCode::OK);
    let me = r
        .app
        .clone()
        .oneshot(
            Request::get("/v1/me")
                .header(header::AUTHORIZATION, format!("Bearer {amara}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "readers waited for the writer");
    writer.execute_batch("COMMIT").unwrap();
}

#[tokio::test]
async fn healthz_reads_the_store_and_says_when_it_cannot() {
    let r = relay();
    assert_eq!(r.get("/healthz").await, StatusCode::OK);
    let vandal = rusqlite::Connection::open(&r.path).unwrap();
    vandal.execute_batch("PRAGMA foreign_keys = OFF; DROP TABLE teams;").unwrap();
    assert_eq!(r.get("/healthz").await, StatusCode::SERVICE_UNAVAILABLE);
}
