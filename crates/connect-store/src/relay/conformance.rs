//! The suite every [`RelayStore`](super::RelayStore) backend must pass.

use connect_model::directory;
use connect_model::page::{self, Category};
use connect_model::{Author, AuthorRole, DeviceId, DocKind, DocumentId, EditContext, ResidentId, TeamId, Timestamp};

use super::{Invite, InviteProblem, RelayStore};

fn at(m: i64) -> Timestamp {
    Timestamp::from_millis(1_772_355_600_000 + m * 60_000)
}

fn team_with_device<S: RelayStore>(store: &mut S, role: AuthorRole) -> (TeamId, DeviceId, uuid::Uuid) {
    let ctx = EditContext::new(Author::new(AuthorRole::Coordinator, "relay", DeviceId::random()), at(0));
    let team_id = TeamId::random();
    let dir = directory::create(&connect_model::automerge::ActorId::random(), team_id, &ctx).unwrap();
    let team = store.create_team("Connect East", &dir, at(0)).unwrap();
    assert_eq!(team, team_id);
    let invite = Invite { team, role, resident: None };
    store.create_invite(b"code-hash", &invite, at(0), at(60)).unwrap();
    let device = DeviceId::random();
    let record = store.redeem_invite(b"code-hash", "Amara", device, "phone", b"token-hash", at(1)).unwrap().unwrap();
    (team, device, record.person.person_id)
}

/// Generates one `#[test]` per relay conformance check.
#[macro_export]
macro_rules! relay_conformance_tests {
    ($make:expr) => {
        $crate::relay_conformance_tests!(@each $make;
            invites_are_one_time_and_expire,
            tokens_find_devices_until_revoked,
            documents_round_trip_and_feed_numbers_changes,
            erasure_removes_documents_and_leaves_tombstones,
            erasure_revokes_the_residents_own_devices_and_forgets_their_name,
            assignments_follow_creation_and_coordinator_choice,
        );
    };
    (@each $make:expr; $($name:ident),+ $(,)?) => {
        $(
            #[test]
            fn $name() {
                let mut store = $make;
                $crate::relay::conformance::$name(&mut store);
            }
        )+
    };
}

/// An invite works once, and not after it expires.
pub fn invites_are_one_time_and_expire<S: RelayStore>(store: &mut S) {
    let (team, _, _) = team_with_device(store, AuthorRole::Supporter);
    let again = store.redeem_invite(b"code-hash", "Eve", DeviceId::random(), "x", b"t2", at(2)).unwrap();
    assert_eq!(again, Err(InviteProblem::Used));
    let unknown = store.redeem_invite(b"nope", "Eve", DeviceId::random(), "x", b"t3", at(2)).unwrap();
    assert_eq!(unknown, Err(InviteProblem::Unknown));
    store.create_invite(b"old", &Invite { team, role: AuthorRole::Supporter, resident: None }, at(0), at(5)).unwrap();
    let late = store.redeem_invite(b"old", "Eve", DeviceId::random(), "x", b"t4", at(6)).unwrap();
    assert_eq!(late, Err(InviteProblem::Expired));
    assert_eq!(store.people(team).unwrap().len(), 1);
}

/// A token finds its device; revocation is remembered.
pub fn tokens_find_devices_until_revoked<S: RelayStore>(store: &mut S) {
    let (team, device, _) = team_with_device(store, AuthorRole::Coordinator);
    let found = store.device_by_token(b"token-hash", at(3)).unwrap().unwrap();
    assert_eq!((found.device_id, found.person.role, found.revoked), (device, AuthorRole::Coordinator, false));
    assert!(store.device_by_token(b"other", at(3)).unwrap().is_none());
    assert!(store.revoke_device(device, at(4)).unwrap());
    assert!(store.device_by_token(b"token-hash", at(5)).unwrap().unwrap().revoked);
    assert!(!store.revoke_device(DeviceId::random(), at(4)).unwrap());
    assert_eq!(store.devices(team).unwrap().len(), 1);
}

/// Saved documents load with the same heads; every save gets a feed number.
pub fn documents_round_trip_and_feed_numbers_changes<S: RelayStore>(store: &mut S) {
    let (team, device, person) = team_with_device(store, AuthorRole::Supporter);
    let head0 = store.feed_head(team).unwrap();
    assert!(head0 > 0, "creating a team puts its directory in the feed");
    let r = ResidentId::random();
    store.register_resident(r, team, person, at(1)).unwrap();
    let ctx = EditContext::new(Author::new(AuthorRole::Supporter, "Amara", device), at(1));
    let actor = connect_model::actor_for(device, 1);
    let mut doc = page::create(&actor, r, "Doreen", &ctx).unwrap();
    let id = DocumentId::resident(r, DocKind::Page);
    let s1 = store.save(id, team, &doc, &doc.get_heads(), Some(device), at(1)).unwrap();
    let before = doc.get_heads();
    page::add_offer(&mut doc, &ctx, "cooking", Category::Caring).unwrap();
    let new: Vec<_> = doc.get_changes(&before).iter().map(|c| c.hash()).collect();
    let s2 = store.save(id, team, &doc, &new, Some(device), at(2)).unwrap();
    assert!(s2 > s1 && s1 > head0);
    assert_eq!(store.load(id).unwrap().unwrap().get_heads(), doc.get_heads());
    let feed = store.feed_since(team, head0, 100).unwrap();
    assert_eq!(feed.len(), 1, "one entry per document, its latest");
    assert_eq!((feed[0].seq, feed[0].doc, feed[0].erased), (s2, id, false));
    assert!(store.feed_since(team, s2, 100).unwrap().is_empty());
    assert_eq!(store.change_log(id).unwrap().len(), 2);
    assert!(store.change_log(id).unwrap().iter().all(|c| c.device == device));
    store.set_sync_state(device, id, Some(b"state")).unwrap();
    assert_eq!(store.sync_state(device, id).unwrap().as_deref(), Some(&b"state"[..]));
    store.set_sync_state(device, id, None).unwrap();
    assert_eq!(store.sync_state(device, id).unwrap(), None);
    assert_eq!(store.resident_team(r).unwrap(), Some(team));
}

/// Erasure deletes documents, states and log, and tombstones stay in the feed.
pub fn erasure_removes_documents_and_leaves_tombstones<S: RelayStore>(store: &mut S) {
    let (team, device, person) = team_with_device(store, AuthorRole::Supporter);
    let r = ResidentId::random();
    store.register_resident(r, team, person, at(1)).unwrap();
    let ctx = EditContext::new(Author::new(AuthorRole::Supporter, "Amara", device), at(1));
    let doc = page::create(&connect_model::actor_for(device, 1), r, "Doreen", &ctx).unwrap();
    let id = DocumentId::resident(r, DocKind::Page);
    let s = store.save(id, team, &doc, &doc.get_heads(), Some(device), at(1)).unwrap();
    store.set_sync_state(device, id, Some(b"x")).unwrap();
    let erased = store.erase_resident(r, at(2)).unwrap();
    assert_eq!(erased.len(), 6);
    assert!(store.load(id).unwrap().is_none());
    assert!(store.is_erased(id).unwrap());
    assert_eq!(store.sync_state(device, id).unwrap(), None);
    assert!(store.change_log(id).unwrap().is_empty());
    assert!(store.assignments(person).unwrap().is_empty());
    let feed = store.feed_since(team, s - 1, 100).unwrap();
    assert!(feed.iter().any(|e| e.doc == id && e.erased));
    assert!(store.save(id, team, &doc, &doc.get_heads(), Some(device), at(3)).is_err(), "no resurrection");
}

/// Erasure reaches the resident's own devices: they are revoked (so their
/// next contact wipes them), the resident's name leaves the people and device
/// rows, and unused invites for them stop working.
pub fn erasure_revokes_the_residents_own_devices_and_forgets_their_name<S: RelayStore>(store: &mut S) {
    let (team, _, person) = team_with_device(store, AuthorRole::Supporter);
    let r = ResidentId::random();
    store.register_resident(r, team, person, at(1)).unwrap();
    let theirs = Invite { team, role: AuthorRole::Resident, resident: Some(r) };
    store.create_invite(b"their-code", &theirs, at(1), at(60)).unwrap();
    store.create_invite(b"spare-code", &theirs, at(1), at(60)).unwrap();
    let own = DeviceId::random();
    store.redeem_invite(b"their-code", "Doreen Smith", own, "Doreen's phone", b"their-token", at(2)).unwrap().unwrap();
    store.erase_resident(r, at(3)).unwrap();
    let record = store.device(own).unwrap().unwrap();
    assert!(record.revoked, "the resident's own phone is revoked");
    assert!(!record.name.contains("Doreen") && !record.person.name.contains("Doreen"));
    assert!(store.people(team).unwrap().iter().all(|p| !p.name.contains("Doreen")));
    let spare = store.redeem_invite(b"spare-code", "Doreen", DeviceId::random(), "x", b"t2", at(4)).unwrap();
    assert_eq!(spare.err(), Some(InviteProblem::Unknown), "their unused invites are gone");
}

/// Residents are assigned to whoever created them, and to whoever a coordinator picks.
pub fn assignments_follow_creation_and_coordinator_choice<S: RelayStore>(store: &mut S) {
    let (team, _, person) = team_with_device(store, AuthorRole::Supporter);
    let r1 = ResidentId::random();
    let r2 = ResidentId::random();
    store.register_resident(r1, team, person, at(1)).unwrap();
    store.register_resident(r2, team, uuid::Uuid::new_v4(), at(1)).unwrap();
    assert_eq!(store.assignments(person).unwrap(), vec![r1]);
    store.assign(r2, person).unwrap();
    store.assign(r2, person).unwrap();
    let mut got = store.assignments(person).unwrap();
    got.sort();
    let mut want = vec![r1, r2];
    want.sort();
    assert_eq!(got, want);
}
