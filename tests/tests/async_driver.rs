//! The async driver (the app's, and the browser's over `fetch`) runs the same
//! sans-I/O core as the blocking one: two devices converge through a real
//! relay on loopback, with offline edits on both.

use connect_device::session::StoreSession;
use connect_model::page::{self, Category};
use connect_model::{AuthorRole, DeviceId, DocKind, DocumentId, Timestamp};
use connect_relay_store::{RelayStore, SqliteRelayStore};
use connect_store::{DeviceIdentity, DocumentStore, MemoryStore};
use connect_sync::http::AsyncHttpTransport;
use connect_sync::run_session_async;

fn now() -> Timestamp {
    Timestamp::new(chrono::Utc::now())
}

/// A device enrolled straight in the relay's database, with its token.
fn enrol(db: &SqliteRelayStore, team: connect_model::TeamId, name: &str) -> (MemoryStore, String) {
    let code = connect_relay::admin::create_invite(db, team, AuthorRole::Coordinator, None, 24, now()).unwrap().code;
    let token = connect_relay::auth::new_token();
    let device_id = DeviceId::random();
    db.redeem_invite(
        &connect_relay::auth::hash_invite(&code),
        name,
        device_id,
        "phone",
        &connect_relay::auth::hash_token(&token),
        now(),
    )
    .unwrap()
    .unwrap();
    let mut store = MemoryStore::new();
    store
        .set_identity(&DeviceIdentity {
            device_id,
            device_name: "phone".into(),
            person_name: name.into(),
            role: AuthorRole::Coordinator,
            created_at: now(),
        })
        .unwrap();
    (store, token)
}

fn offers(store: &MemoryStore, id: DocumentId) -> Vec<String> {
    let mut texts: Vec<String> =
        page::read(&store.load(id).unwrap()).unwrap().offers.iter().map(|o| o.text.to_string()).collect();
    texts.sort();
    texts
}

#[tokio::test]
async fn two_devices_on_the_async_driver_converge_through_a_real_relay() {
    let db = SqliteRelayStore::open_in_memory().unwrap();
    let team = connect_relay::admin::create_team(&db, "Connect East", now()).unwrap().team;
    let (mut amara, amara_token) = enrol(&db, team, "Amara");
    let (mut chloe, chloe_token) = enrol(&db, team, "Chloe");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let relay = db.clone();
    tokio::spawn(async move {
        axum::serve(listener, connect_relay::router(connect_relay::AppState::new(relay))).await.unwrap();
    });

    let me = amara.identity().unwrap().unwrap();
    let doreen = connect_store::create_resident(&mut amara, &me, "Doreen", now()).unwrap();
    let page_id = DocumentId::resident(doreen, DocKind::Page);
    let mut amara_link = AsyncHttpTransport::new(&url, &amara_token, false).unwrap();
    let mut chloe_link = AsyncHttpTransport::new(&url, &chloe_token, false).unwrap();
    let up = run_session_async(&mut StoreSession(&mut amara), &mut amara_link, chrono::Utc::now()).await.unwrap();
    assert_eq!(up.pending, 0, "{up:?}");
    assert!(db.load(page_id).unwrap().is_some());
    let down = run_session_async(&mut StoreSession(&mut chloe), &mut chloe_link, chrono::Utc::now()).await.unwrap();
    assert!(down.documents_changed >= DocKind::RESIDENT_KINDS.len(), "{down:?}");

    // Both edit offline, then sync: each sees both offers.
    let chloe_me = chloe.identity().unwrap().unwrap();
    amara.edit(page_id, |d| page::add_offer(d, &me.context(now()), "soup on Sundays", Category::Caring)).unwrap();
    chloe
        .edit(page_id, |d| page::add_offer(d, &chloe_me.context(now()), "a lift to the market", Category::Practical))
        .unwrap();
    for _ in 0..2 {
        run_session_async(&mut StoreSession(&mut amara), &mut amara_link, chrono::Utc::now()).await.unwrap();
        run_session_async(&mut StoreSession(&mut chloe), &mut chloe_link, chrono::Utc::now()).await.unwrap();
    }
    let both = vec!["a lift to the market".to_owned(), "soup on Sundays".to_owned()];
    assert_eq!(offers(&amara, page_id), both);
    assert_eq!(offers(&chloe, page_id), both);
    assert!(amara.pending().unwrap().is_empty() && chloe.pending().unwrap().is_empty());
}
