//! Every role against every kind of document and every coordinator endpoint,
//! own and other residents, plus revoked and unknown tokens: each cell asserted.

mod harness;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use connect_model::page::{self, Category};
use connect_model::{AuthorRole, DocKind, DocumentId, ResidentId, journal};
use connect_relay::access::Access;
use connect_relay::sync::{SyncLimits, handle_sync};
use connect_store::DocumentStore;
use connect_sync::protocol::{SyncRequest, SyncResponse, Upload};
use harness::{Device, Relay, at};
use tower::ServiceExt;

/// What a device gets when it asks for a document, and when it writes one.
fn probe(relay: &Relay, device: &Device, owner: &Device, id: DocumentId) -> (bool, bool) {
    let db = relay.db.lock().unwrap();
    let read = {
        let req = SyncRequest { cursor: u64::MAX, missing: vec![id.into()], ..SyncRequest::default() };
        let (resp, _) = handle_sync(&*db, &device.record, &req, at(50), SyncLimits::default()).unwrap();
        resp.snapshots.iter().any(|s| s.doc == id.into())
    };
    // A write: the owner's copy plus one change made on this device.
    let mut doc = owner.store.load(id).unwrap().with_actor(connect_model::actor_for(device.identity.device_id, 3));
    let base = doc.get_heads();
    let ctx = device.identity.context(at(51));
    let made = match id.kind() {
        DocKind::Page => page::add_offer(&mut doc, &ctx, "probe", Category::Other).map(drop),
        DocKind::Journal | DocKind::TeamNotes => {
            let e =
                journal::NewEntry { happened_at: at(51), marker: journal::Marker::Visit, text: "probe", mood: None };
            journal::add_entry(&mut doc, &ctx, &e).map(drop)
        }
        DocKind::Directory => connect_model::directory::add_entry(
            &mut doc,
            &ctx,
            &connect_model::directory::NewEntry {
                name: "probe",
                kind: connect_model::directory::EntryKind::Place,
                description: "",
                contact: "",
                tags: "",
            },
        )
        .map(drop),
        _ => unreachable!("not probed"),
    };
    made.unwrap();
    let upload =
        Upload { doc: id.into(), heads: doc.get_heads().iter().map(|h| h.0).collect(), bytes: doc.save_after(&base) };
    let req = SyncRequest { cursor: u64::MAX, uploads: vec![upload], ..SyncRequest::default() };
    let (resp, _): (SyncResponse, _) = handle_sync(&*db, &device.record, &req, at(52), SyncLimits::default()).unwrap();
    let wrote = resp.rejected.is_empty() && resp.acks.iter().any(|a| a.doc == id.into());
    (read, wrote)
}

#[test]
fn every_role_sees_and_writes_exactly_what_it_should() {
    let relay = Relay::new();
    let mut amara = relay.enrol("Amara", AuthorRole::Supporter, None);
    let ben = relay.enrol("Ben", AuthorRole::Supporter, None);
    let mut chloe = relay.enrol("Chloe", AuthorRole::Coordinator, None);
    let me = amara.identity.clone();
    let doreen = connect_store::create_resident(&mut amara.store, &me, "Doreen", at(1)).unwrap();
    let kwame = connect_store::create_resident(&mut amara.store, &me, "Kwame", at(1)).unwrap();
    amara.sync_ok();
    chloe.sync_ok();
    let resident = relay.enrol("Doreen", AuthorRole::Resident, Some(doreen));

    let dir = DocumentId::directory(relay.team);
    let page_of = |r: ResidentId| DocumentId::resident(r, DocKind::Page);
    let cases: Vec<(&str, &Device, DocumentId, (bool, bool))> = vec![
        // (who, device, document, (may read, may write))
        ("coordinator / page", &chloe, page_of(doreen), (true, true)),
        ("coordinator / team notes", &chloe, DocumentId::resident(doreen, DocKind::TeamNotes), (true, true)),
        ("coordinator / directory", &chloe, dir, (true, true)),
        ("creating supporter / page", &amara, page_of(doreen), (true, true)),
        ("creating supporter / team notes", &amara, DocumentId::resident(doreen, DocKind::TeamNotes), (true, true)),
        ("supporter / directory", &amara, dir, (true, true)),
        ("unassigned supporter / page", &ben, page_of(doreen), (false, false)),
        ("unassigned supporter / team notes", &ben, DocumentId::resident(doreen, DocKind::TeamNotes), (false, false)),
        ("unassigned supporter / directory", &ben, dir, (true, true)),
        ("resident / own page", &resident, page_of(doreen), (true, true)),
        ("resident / own journal", &resident, DocumentId::resident(doreen, DocKind::Journal), (true, false)),
        ("resident / own team notes", &resident, DocumentId::resident(doreen, DocKind::TeamNotes), (false, false)),
        ("resident / other resident's page", &resident, page_of(kwame), (false, false)),
        ("resident / directory", &resident, dir, (false, false)),
    ];
    for (name, device, id, expected) in cases {
        let owner = if id.kind() == DocKind::Directory { &chloe } else { &amara };
        assert_eq!(probe(&relay, device, owner, id), expected, "{name}");
    }
    // The policy function agrees with what the protocol did.
    let db = relay.db.lock().unwrap();
    assert_eq!(connect_relay::access::access(&*db, &ben.record, page_of(doreen)).unwrap(), Access::None);
    assert_eq!(
        connect_relay::access::access(&*db, &resident.record, DocumentId::resident(doreen, DocKind::Journal)).unwrap(),
        Access::Read
    );
    drop(db);

    // Assignment opens the door for Ben.
    connect_relay::admin::assign(&*relay.db.lock().unwrap(), relay.team, doreen, ben.record.person.person_id, at(60))
        .unwrap();
    assert_eq!(probe(&relay, &ben, &amara, page_of(doreen)), (true, true), "assigned supporter / page");
}

async fn call(
    app: &axum::Router,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<serde_json::Value>,
) -> (StatusCode, serde_json::Value) {
    let mut req = Request::builder().method(method).uri(path);
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    let req = match body {
        Some(b) => req.header(header::CONTENT_TYPE, "application/json").body(Body::from(b.to_string())),
        None => req.body(Body::empty()),
    }
    .unwrap();
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let bytes = http_body_util::BodyExt::collect(resp.into_body()).await.unwrap().to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null))
}

#[tokio::test]
async fn every_endpoint_answers_each_role_as_it_should() {
    let db = connect_store::relay::SqliteRelayStore::open_in_memory().unwrap();
    let now = connect_model::Timestamp::new(chrono::Utc::now());
    let first = connect_relay::admin::create_team(&db, "Team", now).unwrap();
    let supporter_code =
        connect_relay::admin::create_invite(&db, first.team, AuthorRole::Supporter, None, 24, now).unwrap().code;
    let victim_code =
        connect_relay::admin::create_invite(&db, first.team, AuthorRole::Supporter, None, 24, now).unwrap().code;
    let app = connect_relay::router(connect_relay::AppState::new(db));
    let enrol = |code: String, name: &str| {
        let device = connect_model::DeviceId::random();
        (
            device,
            serde_json::json!({ "invite": code, "device_id": device, "device_name": "phone", "person_name": name }),
        )
    };
    let (_, body) = enrol(first.code.clone(), "Chloe");
    let (s, v) = call(&app, "POST", "/v1/enrol", None, Some(body.clone())).await;
    assert_eq!(s, StatusCode::OK);
    let coordinator = v["token"].as_str().unwrap().to_owned();
    let (s, v) = call(&app, "POST", "/v1/enrol", None, Some(body)).await;
    assert_eq!((s, v["error"].as_str()), (StatusCode::FORBIDDEN, Some("forbidden")), "an invite works once");
    let (_, body) = enrol(supporter_code, "Amara");
    let supporter = call(&app, "POST", "/v1/enrol", None, Some(body)).await.1["token"].as_str().unwrap().to_owned();
    let (victim_device, body) = enrol(victim_code, "Lost phone");
    let victim = call(&app, "POST", "/v1/enrol", None, Some(body)).await.1["token"].as_str().unwrap().to_owned();

    let invite = serde_json::json!({ "role": "supporter" });
    let assign = serde_json::json!({ "resident": ResidentId::random(), "person": uuid::Uuid::new_v4() });
    let revoke = format!("/v1/devices/{victim_device}/revoke");
    let erase = format!("/v1/residents/{}/erase", ResidentId::random());
    let endpoints: Vec<(&str, &str, Option<serde_json::Value>)> = vec![
        ("GET", "/v1/me", None),
        ("POST", "/v1/invites", Some(invite)),
        ("POST", "/v1/assignments", Some(assign)),
        ("GET", "/v1/people", None),
        ("POST", erase.as_str(), None),
    ];
    // (endpoint, coordinator, supporter, unknown token, no token)
    let expected = [
        (StatusCode::OK, StatusCode::OK),
        (StatusCode::OK, StatusCode::FORBIDDEN),
        (StatusCode::NOT_FOUND, StatusCode::FORBIDDEN),
        (StatusCode::OK, StatusCode::FORBIDDEN),
        (StatusCode::NOT_FOUND, StatusCode::FORBIDDEN),
    ];
    for ((method, path, body), (as_coordinator, as_supporter)) in endpoints.iter().zip(expected) {
        assert_eq!(
            call(&app, method, path, Some(&coordinator), body.clone()).await.0,
            as_coordinator,
            "coordinator {path}"
        );
        assert_eq!(call(&app, method, path, Some(&supporter), body.clone()).await.0, as_supporter, "supporter {path}");
        assert_eq!(
            call(&app, method, path, Some("not-a-token"), body.clone()).await.0,
            StatusCode::UNAUTHORIZED,
            "unknown {path}"
        );
        assert_eq!(call(&app, method, path, None, body.clone()).await.0, StatusCode::UNAUTHORIZED, "no token {path}");
    }
    // Revocation: a supporter may not revoke; a coordinator may; then the device is refused everywhere.
    assert_eq!(call(&app, "POST", &revoke, Some(&supporter), None).await.0, StatusCode::FORBIDDEN);
    assert_eq!(call(&app, "GET", "/v1/me", Some(&victim), None).await.0, StatusCode::OK);
    assert_eq!(call(&app, "POST", &revoke, Some(&coordinator), None).await.0, StatusCode::NO_CONTENT);
    for (method, path) in [("GET", "/v1/me"), ("POST", "/v1/sync")] {
        let (s, v) = call(&app, method, path, Some(&victim), None).await;
        assert_eq!((s, v["error"].as_str()), (StatusCode::FORBIDDEN, Some("device_revoked")), "{path}");
    }
    // Sync bodies: malformed, older and newer protocol versions.
    let sync = |token: &str, body: Vec<u8>| {
        Request::post("/v1/sync")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::from(body))
            .unwrap()
    };
    let mut older = SyncRequest::default().encode();
    older[5] = 0;
    let mut newer = SyncRequest::default().encode();
    newer[5] = 9;
    for (body, status, code) in [
        (b"hello".to_vec(), StatusCode::BAD_REQUEST, "bad_request"),
        (older, StatusCode::UPGRADE_REQUIRED, "update_app"),
        (newer, StatusCode::UPGRADE_REQUIRED, "update_relay"),
    ] {
        let resp = app.clone().oneshot(sync(&supporter, body)).await.unwrap();
        assert_eq!(resp.status(), status);
        let bytes = http_body_util::BodyExt::collect(resp.into_body()).await.unwrap().to_bytes();
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["error"], code);
        assert!(v["message"].as_str().unwrap().len() > 10, "a plain message");
    }
    let (s, _) = call(&app, "POST", "/v1/enrol", None, Some(serde_json::json!({"invite": "NOPE-NOPE-NOPE", "device_id": connect_model::DeviceId::random(), "device_name": "x", "person_name": "x"}))).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_device_that_floods_the_relay_is_slowed_not_served() {
    let db = connect_store::relay::SqliteRelayStore::open_in_memory().unwrap();
    let now = connect_model::Timestamp::new(chrono::Utc::now());
    let first = connect_relay::admin::create_team(&db, "Team", now).unwrap();
    let limits = connect_relay::sync::SyncLimits { max_documents: 3, ..connect_relay::sync::SyncLimits::default() };
    let state = connect_relay::AppState::new(db).with_limits(
        limits,
        connect_relay::RateLimit { burst: 3.0, per_second: 0.01 },
        1024,
    );
    let app = connect_relay::router(state);
    let body = serde_json::json!({ "invite": first.code, "device_id": connect_model::DeviceId::random(), "device_name": "x", "person_name": "x" });
    let token = call(&app, "POST", "/v1/enrol", None, Some(body)).await.1["token"].as_str().unwrap().to_owned();
    let sync = |body: Vec<u8>| {
        Request::post("/v1/sync")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::from(body))
            .unwrap()
    };
    // Too many documents in one request, and a body over the size limit.
    let many = SyncRequest {
        missing: vec![DocumentId::resident(ResidentId::random(), DocKind::Page).into(); 4],
        ..SyncRequest::default()
    };
    assert_eq!(app.clone().oneshot(sync(many.encode())).await.unwrap().status(), StatusCode::PAYLOAD_TOO_LARGE);
    let huge = SyncRequest {
        uploads: vec![Upload {
            doc: DocumentId::resident(ResidentId::random(), DocKind::Page).into(),
            heads: vec![],
            bytes: vec![0; 4096],
        }],
        ..SyncRequest::default()
    };
    assert_eq!(app.clone().oneshot(sync(huge.encode())).await.unwrap().status(), StatusCode::PAYLOAD_TOO_LARGE);
    // The bucket holds 3 requests (one spent above; the oversized body never
    // reached authentication): two more pass, then the device must wait.
    for _ in 0..2 {
        assert_eq!(app.clone().oneshot(sync(SyncRequest::default().encode())).await.unwrap().status(), StatusCode::OK);
    }
    let resp = app.clone().oneshot(sync(SyncRequest::default().encode())).await.unwrap();
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
}
