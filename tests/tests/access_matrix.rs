//! Every role (coordinator, supporter, resident) against every kind of
//! document and every endpoint (the audit trail included), own and other
//! residents, plus revoked and unknown tokens: each cell asserted.

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
            let e = journal::NewEntry {
                happened_at: at(51),
                marker: journal::Marker::Visit,
                text: "probe",
                mood: None,
                reason: None,
            };
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
    let (amara, chloe, doreen, kwame) = harness::amara_and_chloe_with_two_residents(&relay);
    let ben = relay.enrol("Ben", AuthorRole::Supporter, None);
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

/// Enrols a device straight in the relay's database; returns it and its token.
fn enrol_directly(
    db: &connect_relay_store::SqliteRelayStore,
    team: connect_model::TeamId,
    name: &str,
    role: AuthorRole,
    resident: Option<ResidentId>,
    now: connect_model::Timestamp,
) -> (connect_relay_store::DeviceRecord, String) {
    use connect_relay_store::RelayStore;
    let code = connect_relay::admin::create_invite(db, team, role, resident, 24, now).unwrap().code;
    let token = connect_relay::auth::new_token();
    let hash = connect_relay::auth::hash_token(&token);
    let device = connect_model::DeviceId::random();
    let record = db.redeem_invite(&connect_relay::auth::hash_invite(&code), name, device, "phone", &hash, now).unwrap();
    (record.unwrap(), token)
}

/// Two residents made on `maker`'s device (with a team-only note for the
/// first), every document uploaded to the relay.
fn upload_two_residents(
    db: &connect_relay_store::SqliteRelayStore,
    maker: &connect_relay_store::DeviceRecord,
    now: connect_model::Timestamp,
) -> (ResidentId, ResidentId) {
    let mut store = connect_store::MemoryStore::new();
    let me = connect_store::DeviceIdentity {
        device_id: maker.device_id,
        device_name: "phone".into(),
        person_name: maker.person.name.clone(),
        role: AuthorRole::Supporter,
        created_at: now,
    };
    store.set_identity(&me).unwrap();
    let doreen = connect_store::create_resident(&mut store, &me, "Doreen", now).unwrap();
    let kwame = connect_store::create_resident(&mut store, &me, "Kwame", now).unwrap();
    let note = journal::NewEntry {
        happened_at: now,
        marker: journal::Marker::Visit,
        text: "worried",
        mood: None,
        reason: None,
    };
    store
        .edit(DocumentId::resident(doreen, DocKind::TeamNotes), |d| journal::add_entry(d, &me.context(now), &note))
        .unwrap();
    let uploads = [doreen, kwame]
        .into_iter()
        .flat_map(connect_store::resident_documents)
        .map(|id| {
            let doc = store.load(id).unwrap();
            Upload { doc: id.into(), heads: doc.get_heads().iter().map(|h| h.0).collect(), bytes: doc.save() }
        })
        .collect();
    let req = SyncRequest { cursor: u64::MAX, uploads, ..SyncRequest::default() };
    let (resp, _) = handle_sync(db, maker, &req, now, SyncLimits::default()).unwrap();
    assert!(resp.rejected.is_empty(), "{:?}", resp.rejected);
    (doreen, kwame)
}

/// Each endpoint with what it answers the coordinator, the supporter who
/// created the residents, a supporter not assigned to them, and Doreen (a
/// resident); "own" and "other" history are Doreen's and Kwame's.
fn endpoints_and_answers(
    doreen: ResidentId,
    kwame: ResidentId,
) -> Vec<(&'static str, String, Option<serde_json::Value>, [StatusCode; 4])> {
    use StatusCode as S;
    let invite = serde_json::json!({ "role": "supporter", "name": "Bogdan" });
    let assign = serde_json::json!({ "resident": ResidentId::random(), "person": uuid::Uuid::new_v4() });
    let unassign = serde_json::json!({ "resident": ResidentId::random(), "person": uuid::Uuid::new_v4() });
    let history_of = |r: ResidentId| format!("/v1/residents/{r}/history");
    let coordinators_only = [S::OK, S::FORBIDDEN, S::FORBIDDEN, S::FORBIDDEN];
    let coordinators_only_unknown = [S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN, S::FORBIDDEN];
    vec![
        ("GET", "/v1/me".into(), None, [S::OK, S::OK, S::OK, S::OK]),
        ("POST", "/v1/invites".into(), Some(invite), coordinators_only),
        ("POST", "/v1/assignments".into(), Some(assign), coordinators_only_unknown),
        ("GET", "/v1/people".into(), None, coordinators_only),
        ("POST", format!("/v1/residents/{}/erase", ResidentId::random()), None, coordinators_only_unknown),
        ("GET", history_of(doreen), None, [S::OK, S::OK, S::NOT_FOUND, S::OK]),
        ("GET", history_of(kwame), None, [S::OK, S::OK, S::NOT_FOUND, S::NOT_FOUND]),
        ("GET", history_of(ResidentId::random()), None, [S::NOT_FOUND; 4]),
        ("GET", "/v1/invites".into(), None, coordinators_only),
        ("POST", format!("/v1/invites/{}/cancel", uuid::Uuid::new_v4()), None, coordinators_only_unknown),
        ("POST", "/v1/assignments/remove".into(), Some(unassign), coordinators_only_unknown),
        ("POST", format!("/v1/people/{}/remove", uuid::Uuid::new_v4()), None, coordinators_only_unknown),
    ]
}

#[tokio::test]
async fn every_endpoint_answers_each_role_as_it_should() {
    let db = connect_relay_store::SqliteRelayStore::open_in_memory().unwrap();
    let now = connect_model::Timestamp::new(chrono::Utc::now());
    let first = connect_relay::admin::create_team(&db, "Team", now).unwrap();
    let supporter_code =
        connect_relay::admin::create_invite(&db, first.team, AuthorRole::Supporter, None, 24, now).unwrap().code;
    let victim_code =
        connect_relay::admin::create_invite(&db, first.team, AuthorRole::Supporter, None, 24, now).unwrap().code;
    // A supporter who created Doreen and Kwame (their documents on the relay),
    // and Doreen's own device.
    let (maker, maker_token) = enrol_directly(&db, first.team, "Maker", AuthorRole::Supporter, None, now);
    let (doreen, kwame) = upload_two_residents(&db, &maker, now);
    let (_, resident_token) = enrol_directly(&db, first.team, "Doreen", AuthorRole::Resident, Some(doreen), now);
    // Every wrong token below comes from one address: more than the
    // default allows before it answers 429 (the load test checks that).
    let lenient = connect_relay::Protection {
        failed_auth_per_address: connect_relay::RateLimit { burst: 1000.0, per_second: 100.0 },
        ..connect_relay::Protection::default()
    };
    let app = connect_relay::router(connect_relay::AppState::new(db).with_protection(lenient));
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

    let revoke = format!("/v1/devices/{victim_device}/revoke");
    let own_history = format!("/v1/residents/{doreen}/history");
    let roles = [
        ("coordinator", coordinator.as_str()),
        ("creating supporter", maker_token.as_str()),
        ("unassigned supporter", supporter.as_str()),
        ("resident", resident_token.as_str()),
    ];
    for (method, path, body, statuses) in endpoints_and_answers(doreen, kwame) {
        let (method, path) = (method, path.as_str());
        for ((role, token), status) in roles.iter().zip(statuses) {
            assert_eq!(call(&app, method, path, Some(token), body.clone()).await.0, status, "{role} {method} {path}");
        }
        assert_eq!(
            call(&app, method, path, Some("not-a-token"), body.clone()).await.0,
            StatusCode::UNAUTHORIZED,
            "unknown {path}"
        );
        assert_eq!(call(&app, method, path, None, body.clone()).await.0, StatusCode::UNAUTHORIZED, "no token {path}");
    }
    // A resident's own history holds only what they may read: never team-only notes.
    let kinds = |v: &serde_json::Value| -> Vec<String> {
        v["changes"].as_array().unwrap().iter().map(|c| c["kind"].as_str().unwrap().to_owned()).collect()
    };
    let (_, theirs) = call(&app, "GET", &own_history, Some(&resident_token), None).await;
    assert!(!kinds(&theirs).is_empty() && !kinds(&theirs).iter().any(|k| k == "team_notes"), "{theirs}");
    let (_, everything) = call(&app, "GET", &own_history, Some(&coordinator), None).await;
    assert!(kinds(&everything).iter().any(|k| k == "team_notes"), "{everything}");
    only_a_coordinator_revokes_and_the_device_is_then_refused(
        &app,
        &revoke,
        [&resident_token, &supporter, &coordinator, &victim],
    )
    .await;
    bad_bodies_are_refused_with_a_plain_message(&app, &supporter).await;
}

/// A resident or a supporter may not revoke a device; a coordinator may,
/// and then the device is refused everywhere.
async fn only_a_coordinator_revokes_and_the_device_is_then_refused(
    app: &axum::Router,
    revoke: &str,
    [resident, supporter, coordinator, victim]: [&str; 4],
) {
    // A resident may not revoke a device either.
    assert_eq!(call(app, "POST", revoke, Some(resident), None).await.0, StatusCode::FORBIDDEN);

    // Revocation: a supporter may not revoke; a coordinator may; then the device is refused everywhere.
    assert_eq!(call(app, "POST", revoke, Some(supporter), None).await.0, StatusCode::FORBIDDEN);
    assert_eq!(call(app, "GET", "/v1/me", Some(victim), None).await.0, StatusCode::OK);
    assert_eq!(call(app, "POST", revoke, Some(coordinator), None).await.0, StatusCode::NO_CONTENT);
    for (method, path) in [("GET", "/v1/me"), ("POST", "/v1/sync")] {
        let (s, v) = call(app, method, path, Some(victim), None).await;
        assert_eq!((s, v["error"].as_str()), (StatusCode::FORBIDDEN, Some("device_revoked")), "{path}");
    }
}

/// Sync bodies (malformed, an older or a newer protocol version) and an
/// unknown invite are refused, each with its code and a plain message.
async fn bad_bodies_are_refused_with_a_plain_message(app: &axum::Router, supporter: &str) {
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
        let resp = app.clone().oneshot(sync(supporter, body)).await.unwrap();
        assert_eq!(resp.status(), status);
        let bytes = http_body_util::BodyExt::collect(resp.into_body()).await.unwrap().to_bytes();
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["error"], code);
        assert!(v["message"].as_str().unwrap().len() > 10, "a plain message");
    }
    let (s, _) = call(app, "POST", "/v1/enrol", None, Some(serde_json::json!({"invite": "NOPE-NOPE-NOPE", "device_id": connect_model::DeviceId::random(), "device_name": "x", "person_name": "x"}))).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_device_that_floods_the_relay_is_slowed_not_served() {
    let db = connect_relay_store::SqliteRelayStore::open_in_memory().unwrap();
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
    // The bucket holds 3 requests, two spent above (the token is checked,
    // and the request counted, before the oversized body is refused): one
    // more passes, then the device must wait, and is told how long.
    assert_eq!(app.clone().oneshot(sync(SyncRequest::default().encode())).await.unwrap().status(), StatusCode::OK);
    let resp = app.clone().oneshot(sync(SyncRequest::default().encode())).await.unwrap();
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = resp.headers()[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
    assert!((1..=100).contains(&wait), "{wait}");
}

#[tokio::test]
async fn malformed_enrolments_count_against_the_enrolment_limit_as_wrong_codes_do() {
    let db = connect_relay_store::SqliteRelayStore::open_in_memory().unwrap();
    let now = connect_model::Timestamp::new(chrono::Utc::now());
    connect_relay::admin::create_team(&db, "Team", now).unwrap();
    let app = connect_relay::router(connect_relay::AppState::new(db));
    let junk = || Request::post("/v1/enrol").body(Body::from("{not json at all")).unwrap();
    let mut statuses = Vec::new();
    for _ in 0..14 {
        statuses.push(app.clone().oneshot(junk()).await.unwrap().status());
    }
    // Refused as malformed until the address's enrolments are spent, then told to wait.
    assert_eq!(statuses[0], StatusCode::BAD_REQUEST);
    assert_eq!(statuses.last(), Some(&StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
    let resp = app.clone().oneshot(junk()).await.unwrap();
    assert!(resp.headers().contains_key(header::RETRY_AFTER));
}

#[tokio::test]
async fn an_enrolment_as_the_nil_device_or_a_device_already_seen_is_refused_and_the_invite_kept() {
    let db = connect_relay_store::SqliteRelayStore::open_in_memory().unwrap();
    let now = connect_model::Timestamp::new(chrono::Utc::now());
    let first = connect_relay::admin::create_team(&db, "Team", now).unwrap();
    let app = connect_relay::router(connect_relay::AppState::new(db));
    let enrol = |device: connect_model::DeviceId| serde_json::json!({ "invite": first.code, "device_id": device, "device_name": "phone", "person_name": "Chloe" });
    let nil: connect_model::DeviceId = serde_json::from_value(serde_json::json!(uuid::Uuid::nil())).unwrap();
    let (s, refused) = call(&app, "POST", "/v1/enrol", None, Some(enrol(nil))).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{refused}");
    let phone = connect_model::DeviceId::random();
    let (s, enrolled) = call(&app, "POST", "/v1/enrol", None, Some(enrol(phone))).await;
    assert_eq!(s, StatusCode::OK, "the invite was kept for a real device");
    let chloe = enrolled["token"].as_str().unwrap().to_owned();
    // A second invite, and the same device id again: an id is never reused,
    // and the invite stays for the phone it was meant for.
    let (_, made) = call(
        &app,
        "POST",
        "/v1/invites",
        Some(&chloe),
        Some(serde_json::json!({ "role": "supporter", "name": "Amara" })),
    )
    .await;
    let again = |device: connect_model::DeviceId| serde_json::json!({ "invite": made["code"], "device_id": device, "device_name": "phone", "person_name": "Amara" });
    let (s, refused) = call(&app, "POST", "/v1/enrol", None, Some(again(phone))).await;
    assert!(s.is_client_error(), "{s}: {refused}");
    let (s, _) = call(&app, "POST", "/v1/enrol", None, Some(again(connect_model::DeviceId::random()))).await;
    assert_eq!(s, StatusCode::OK, "the invite was kept");
}

#[tokio::test]
async fn a_coordinator_lists_cancels_unassigns_and_removes_and_each_takes_effect() {
    let db = connect_relay_store::SqliteRelayStore::open_in_memory().unwrap();
    let now = connect_model::Timestamp::new(chrono::Utc::now());
    let first = connect_relay::admin::create_team(&db, "Team", now).unwrap();
    let (maker, maker_token) = enrol_directly(&db, first.team, "Maker", AuthorRole::Supporter, None, now);
    let (doreen, _) = upload_two_residents(&db, &maker, now);
    let app = connect_relay::router(connect_relay::AppState::new(db));
    let body = serde_json::json!({ "invite": first.code, "device_id": connect_model::DeviceId::random(), "device_name": "phone", "person_name": "Chloe" });
    let chloe = call(&app, "POST", "/v1/enrol", None, Some(body)).await.1["token"].as_str().unwrap().to_owned();
    // An invite made for a named person, listed (without its code), cancelled, and refused after.
    let (s, made) = call(
        &app,
        "POST",
        "/v1/invites",
        Some(&chloe),
        Some(serde_json::json!({ "role": "supporter", "name": "Amara Okafor" })),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    // An invite for nobody is refused: the coordinator names the person, so
    // the enrolling phone never names itself in the team's records.
    for unnamed in
        [serde_json::json!({ "role": "supporter" }), serde_json::json!({ "role": "supporter", "name": "  " })]
    {
        let (s, refused) = call(&app, "POST", "/v1/invites", Some(&chloe), Some(unnamed)).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{refused}");
        assert!(refused["message"].as_str().unwrap().contains("name the person"), "{refused}");
    }
    let id = made["invite_id"].as_str().unwrap().to_owned();
    let (_, listed) = call(&app, "GET", "/v1/invites", Some(&chloe), None).await;
    let mine = listed["invites"].as_array().unwrap().iter().find(|i| i["invite_id"] == id.as_str()).unwrap().clone();
    assert_eq!((mine["state"].as_str(), mine["name"].as_str()), (Some("pending"), Some("Amara Okafor")));
    assert!(!listed.to_string().contains(made["code"].as_str().unwrap()), "codes are never listed");
    assert_eq!(
        call(&app, "POST", &format!("/v1/invites/{id}/cancel"), Some(&chloe), None).await.0,
        StatusCode::NO_CONTENT
    );
    let body = serde_json::json!({ "invite": made["code"], "device_id": connect_model::DeviceId::random(), "device_name": "x", "person_name": "x" });
    let (s, v) = call(&app, "POST", "/v1/enrol", None, Some(body)).await;
    assert_eq!((s, v["message"].as_str().unwrap().contains("cancelled")), (StatusCode::FORBIDDEN, true));
    // Unassigning the maker from Doreen: their history of her is gone.
    let history = format!("/v1/residents/{doreen}/history");
    assert_eq!(call(&app, "GET", &history, Some(&maker_token), None).await.0, StatusCode::OK);
    let unassign = serde_json::json!({ "resident": doreen, "person": maker.person.person_id });
    assert_eq!(
        call(&app, "POST", "/v1/assignments/remove", Some(&chloe), Some(unassign)).await.0,
        StatusCode::NO_CONTENT
    );
    assert_eq!(call(&app, "GET", &history, Some(&maker_token), None).await.0, StatusCode::NOT_FOUND);
    // Taking the maker off the team revokes their device; their name stays.
    let (s, gone) =
        call(&app, "POST", &format!("/v1/people/{}/remove", maker.person.person_id), Some(&chloe), None).await;
    assert_eq!((s, gone["devices_revoked"].as_u64()), (StatusCode::OK, Some(1)));
    let (s, v) = call(&app, "GET", "/v1/me", Some(&maker_token), None).await;
    assert_eq!((s, v["error"].as_str()), (StatusCode::FORBIDDEN, Some("device_revoked")));
    let (_, people) = call(&app, "GET", "/v1/people", Some(&chloe), None).await;
    assert!(people["people"].as_array().unwrap().iter().any(|p| p["name"] == "Maker" && p["removed"] == true));
}

#[tokio::test]
async fn metrics_need_their_own_token_and_no_device_token_opens_them() {
    let db = connect_relay_store::SqliteRelayStore::open_in_memory().unwrap();
    let now = connect_model::Timestamp::new(chrono::Utc::now());
    let first = connect_relay::admin::create_team(&db, "Team", now).unwrap();
    let (_, device_token) = enrol_directly(&db, first.team, "Chloe", AuthorRole::Coordinator, None, now);
    let state = connect_relay::AppState::new(db);
    let closed = connect_relay::router(state.clone());
    assert_eq!(
        call(&closed, "GET", "/metrics", None, None).await.0,
        StatusCode::NOT_FOUND,
        "not served without a token set"
    );
    let metrics_token = "m".repeat(40);
    let app = connect_relay::router(state.clone().with_metrics_token(&metrics_token));
    for token in [None, Some(device_token.as_str()), Some("wrong")] {
        assert_eq!(call(&app, "GET", "/metrics", token, None).await.0, StatusCode::UNAUTHORIZED, "{token:?}");
    }
    let resp = app
        .clone()
        .oneshot(
            Request::get("/metrics")
                .header(header::AUTHORIZATION, format!("Bearer {metrics_token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()[header::CACHE_CONTROL], "no-store");
    // On its own address no token is asked.
    let own = connect_relay::api::metrics_router(state);
    assert_eq!(call(&own, "GET", "/metrics", None, None).await.0, StatusCode::OK);
}
