//! Every answer the device gives crosses to the web app's page as
//! JSON: each must read back exactly as it was sent, over the fictional demo
//! caseload (check-ins with scores, team figures with suppressed numbers,
//! circles, stories and the directory).

use connect_device::native::wait_for;
use connect_device::network::Offline;
use connect_device::{Device, DeviceError, Reply, Request};
use connect_model::{AuthorRole, DeviceId, Timestamp};
use connect_store::{DeviceIdentity, DocumentStore, MemoryStore};

fn demo() -> Device<MemoryStore, Offline> {
    let mut store = MemoryStore::new();
    let me = DeviceIdentity {
        device_id: DeviceId::random(),
        device_name: "phone".into(),
        person_name: "Amara".into(),
        role: AuthorRole::Coordinator,
        created_at: Timestamp::from_millis(1_772_355_600_000),
    };
    store.set_identity(&me).unwrap();
    connect_device::demo::seed_demo(&mut store, &me, 12, Timestamp::from_millis(1_772_355_600_000)).unwrap();
    Device::new(store, Offline)
}

fn round_trip(reply: &Reply) -> Reply {
    let json = serde_json::to_string(reply).unwrap();
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

#[test]
fn every_answer_reads_back_from_json_exactly() {
    let device = demo();
    let rows = device.caseload().unwrap();
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
        let reply = wait_for(device.call(request)).unwrap();
        if let Reply::Resident(data) = &reply {
            checkins += data.checkins.as_ref().map_or(0, |c| c.checkins.len());
        }
        assert_eq!(round_trip(&reply), reply);
    }
    assert!(checkins > 0, "the demo has check-ins, so their scores were carried");
}

#[test]
fn a_refusal_reads_back_as_the_same_refusal() {
    let device = demo();
    let refused = wait_for(device.call(Request::CreateResident(String::new()))).unwrap_err();
    let json = serde_json::to_string(&refused).unwrap();
    assert_eq!(serde_json::from_str::<DeviceError>(&json).unwrap(), refused);
    assert!(matches!(refused, DeviceError::Refused(_)), "{refused:?}");
}
