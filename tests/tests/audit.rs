//! The audit trail: who (person, device) changed what and when, joined from
//! the documents' own history on a device and the relay's accepted-change
//! log, and shown to each role only for the documents it may read.

mod harness;

use std::collections::BTreeMap;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use connect_model::history::{self, AcceptedRecord, KnownDevice};
use connect_model::page::{self, Category};
use connect_model::{AuthorRole, DocKind, DocumentId};
use connect_store::DocumentStore;
use harness::{Relay, at};
use tower::ServiceExt;

async fn history_as(app: &axum::Router, token: &str, resident: &str) -> (StatusCode, Vec<AcceptedRecord>) {
    let req = Request::get(format!("/v1/residents/{resident}/history"))
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let bytes = http_body_util::BodyExt::collect(resp.into_body()).await.unwrap().to_bytes();
    let changes = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|v| serde_json::from_value(v["changes"].clone()).ok())
        .unwrap_or_default();
    (status, changes)
}

#[tokio::test]
async fn each_change_is_named_with_its_person_and_device_and_each_role_sees_only_what_it_may_read() {
    let relay = Relay::new();
    let mut chloe = relay.enrol("Chloe", AuthorRole::Coordinator, None);
    let mut amara = relay.enrol("Amara", AuthorRole::Supporter, None);
    let ben = relay.enrol("Ben", AuthorRole::Supporter, None);

    let doreen = amara.resident_with_offer_and_team_note("Doreen", "curry", "stairs");
    amara.sync_ok();
    chloe.sync_ok();
    let ctx = chloe.identity.context(at(3));
    chloe
        .store
        .edit(DocumentId::resident(doreen, DocKind::Page), |d| page::add_ask(d, &ctx, "a ramp", Category::Practical))
        .unwrap();
    chloe.sync_ok();
    let mut own = relay.enrol("Doreen", AuthorRole::Resident, Some(doreen));
    own.sync_ok();
    // Amara writes one more change and does not sync: only her phone has it.
    let ctx = amara.identity.context(at(4));
    amara
        .store
        .edit(DocumentId::resident(doreen, DocKind::Page), |d| page::add_goal(d, &ctx, "bingo", page::GoalKind::Goal))
        .unwrap();

    let app = connect_relay::router(connect_relay::AppState::new(relay.db.lock().unwrap().clone()));
    let r = doreen.to_string();

    let (status, all) = history_as(&app, &chloe.token, &r).await;
    assert_eq!(status, StatusCode::OK);
    let who = |records: &[AcceptedRecord], what: &str| -> Vec<(String, String)> {
        records
            .iter()
            .filter(|c| c.what == what)
            .map(|c| (c.person.clone().unwrap_or_default(), c.device_name.clone().unwrap_or_default()))
            .collect()
    };
    assert_eq!(who(&all, "add offer"), [("Amara".to_owned(), "phone".to_owned())]);
    assert_eq!(who(&all, "add ask"), [("Chloe".to_owned(), "phone".to_owned())]);
    assert!(all.iter().any(|c| c.kind == DocKind::TeamNotes), "the coordinator sees team-only notes' history");
    assert!(all.iter().all(|c| c.accepted_at.is_some()), "every change the relay holds came through its log");
    assert!(all.iter().all(|c| c.what != "add goal"), "the relay cannot know what it never received");

    let (status, hers) = history_as(&app, &own.token, &r).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!hers.is_empty());
    assert!(hers.iter().all(|c| c.kind != DocKind::TeamNotes), "a resident never learns of team-only notes");

    let (status, _) = history_as(&app, &ben.token, &r).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "an unassigned supporter is not told the resident exists");
    let (status, _) = history_as(&app, "not-a-token", &r).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // On Amara's phone: her unsynced change joins the relay's records.
    let local: Vec<_> = DocKind::RESIDENT_KINDS
        .iter()
        .filter_map(|k| amara.store.load(DocumentId::resident(doreen, *k)).ok().map(|d| (*k, history::history(&d))))
        .collect();
    let me = BTreeMap::from([(
        amara.identity.device_id,
        KnownDevice { person: "Amara".into(), role: AuthorRole::Supporter, device_name: "phone".into() },
    )]);
    let trail = history::audit_trail(&local, &all, &me);
    let goal = trail.iter().find(|e| e.what == "add goal").unwrap();
    assert!(!goal.on_relay && goal.person.as_deref() == Some("Amara"));
    let ask = trail.iter().find(|e| e.what == "add ask").unwrap();
    assert!(ask.on_relay && ask.person.as_deref() == Some("Chloe"));
    assert_eq!(trail.len(), all.len() + 1);
}
