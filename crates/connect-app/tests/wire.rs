//! Every answer the store-backed side gives crosses to the web app's page as
//! JSON: each must read back exactly as it was sent, over the fictional demo
//! caseload (check-ins with scores, team figures with suppressed numbers,
//! circles, stories and the directory).

use connect_app::local::StoreBackend;
use connect_model::{AuthorRole, Timestamp};
use connect_store::MemoryStore;
use connect_ui::{Reply, Request};

mod support;

fn demo() -> StoreBackend<MemoryStore> {
    let (mut store, me) = support::store_of("Amara", "phone", AuthorRole::Coordinator);
    connect_store::demo::seed_demo(&mut store, &me, 12, Timestamp::from_millis(1_772_355_600_000)).unwrap();
    StoreBackend::new(store, None)
}

fn round_trip(reply: &Reply) -> Reply {
    let json = serde_json::to_string(reply).unwrap();
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

#[test]
fn every_answer_reads_back_from_json_exactly() {
    let backend = demo();
    let rows = backend.caseload().unwrap();
    assert_eq!(rows.len(), 12);
    let mut asked = vec![
        Request::Me,
        Request::Caseload,
        Request::Search("garden".into()),
        Request::Overview,
        Request::ResidentLock,
        Request::Suggestions,
        Request::Introductions,
        Request::Directory,
        Request::Insights,
        Request::InsightCsvs,
        Request::ShareableStories,
    ];
    for row in &rows {
        asked.push(Request::Resident(row.resident));
        asked.push(Request::Audit(row.resident));
        asked.push(Request::SubjectAccess(row.resident));
    }
    let mut checkins = 0;
    for request in asked {
        let request = serde_json::from_str(&serde_json::to_string(&request).unwrap()).unwrap();
        let reply = backend.handle(request).unwrap();
        if let Reply::Resident(data) = &reply {
            checkins += data.checkins.as_ref().map_or(0, |c| c.checkins.len());
        }
        assert_eq!(round_trip(&reply), reply);
    }
    assert!(checkins > 0, "the demo has check-ins, so their scores were carried");
}

#[test]
fn a_refusal_reads_back_as_the_same_refusal() {
    let backend = demo();
    let refused = backend.handle(Request::CreateResident(String::new())).unwrap_err();
    let json = serde_json::to_string(&refused).unwrap();
    assert_eq!(serde_json::from_str::<connect_ui::BackendError>(&json).unwrap(), refused);
    assert!(matches!(refused, connect_ui::BackendError::Refused(_)), "{refused:?}");
}
