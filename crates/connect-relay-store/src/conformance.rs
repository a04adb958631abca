//! The suite every [`RelayStore`](crate::RelayStore) backend must pass.

use connect_model::automerge::{Automerge, ChangeHash};
use connect_model::directory;
use connect_model::page::{self, Category};
use connect_model::{Author, AuthorRole, DeviceId, DocKind, DocumentId, EditContext, ResidentId, TeamId, Timestamp};

use crate::{CommitOutcome, CommitSave, DocSave, Invite, InviteFrom, InviteProblem, RelayStore, SyncCommit};

mod blobs;
mod concurrency;
pub use blobs::*;
pub use concurrency::*;

/// A save that references no media.
static NO_MEDIA: std::collections::BTreeSet<connect_model::media::BlobHash> = std::collections::BTreeSet::new();

fn at(m: i64) -> Timestamp {
    Timestamp::from_millis(1_772_355_600_000 + m * 60_000)
}

/// Saves every change of `doc` as new, from `device`; its feed position.
///
/// # Panics
/// If the store refuses it.
pub fn save_whole<S: RelayStore>(
    store: &S,
    id: DocumentId,
    team: TeamId,
    doc: &Automerge,
    device: DeviceId,
    now: Timestamp,
) -> u64 {
    store.save(DocSave { id, team, doc, new_changes: &doc.get_heads(), device: Some(device), now }).unwrap()
}

/// What a phone sends of one document in a sync: the whole of it (a
/// document the relay has not stored), or the changes since `base`.
pub(crate) struct Sent {
    id: DocumentId,
    bytes: Vec<u8>,
    whole: bool,
    base: Vec<ChangeHash>,
    heads: Vec<ChangeHash>,
    new: Vec<ChangeHash>,
}

impl Sent {
    /// All of `doc`, as new.
    pub(crate) fn whole(id: DocumentId, doc: &Automerge) -> Self {
        let heads = doc.get_heads();
        Self { id, bytes: doc.save(), whole: true, base: Vec::new(), new: heads.clone(), heads }
    }

    /// The changes made to `doc` since `base`.
    pub(crate) fn since(id: DocumentId, doc: &Automerge, base: &[ChangeHash]) -> Self {
        let new = doc.get_changes(base).iter().map(|c| c.hash()).collect();
        Self { id, bytes: doc.save_after(base), whole: false, base: base.to_vec(), heads: doc.get_heads(), new }
    }

    /// As one save of a sync commit.
    pub(crate) fn save(&self) -> CommitSave<'_> {
        CommitSave {
            id: self.id,
            bytes: &self.bytes,
            whole: self.whole,
            base_heads: &self.base,
            heads: &self.heads,
            new_changes: &self.new,
            media: &NO_MEDIA,
        }
    }
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
            a_sync_commit_stores_everything_or_nothing,
            a_sync_commit_over_a_changed_document_is_a_conflict,
            unconfirmed_sync_states_are_forgotten_and_rounds_only_grow,
            the_feed_keeps_one_entry_per_document_its_latest,
            every_connection_answers_a_health_check,
            committed_chunks_build_on_the_stored_heads_and_fold_in_when_they_outgrow_the_snapshot,
            touch_puts_a_document_back_at_the_head_of_the_feed,
            counts_follow_documents_devices_and_teams,
            a_backup_is_written_and_a_bad_destination_is_an_error,
            two_concurrent_writers_of_one_document_lose_nothing,
            a_reader_polling_between_concurrent_commits_never_skips_one,
            invites_are_listed_cancelled_named_and_cancelled_with_their_maker,
            a_device_id_the_relay_has_seen_cannot_enrol_again,
            removing_a_person_revokes_their_devices_and_keeps_their_name,
            unassigning_ends_only_that_assignment,
            a_teams_stored_bytes_follow_its_saves_and_erasures,
            erasure_remembers_who_could_see_the_resident,
            a_blob_sent_in_pieces_resumes_completes_once_and_reads_back_by_chunk,
            a_blob_whose_bytes_do_not_match_its_name_is_deleted,
            blob_uploads_past_a_limit_or_out_of_step_keep_nothing,
            a_blob_its_document_stops_referencing_is_deleted_and_strays_are_collected,
            erasing_a_resident_deletes_their_media,
        );
    };
    (@each $make:expr; $($name:ident),+ $(,)?) => {
        $(
            #[test]
            fn $name() {
                let mut store = $make;
                $crate::conformance::$name(&mut store);
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
    let s1 = save_whole(store, id, team, &doc, device, at(1));
    let before = doc.get_heads();
    page::add_offer(&mut doc, &ctx, "cooking", Category::Caring).unwrap();
    let new: Vec<_> = doc.get_changes(&before).iter().map(|c| c.hash()).collect();
    let s2 = store.save(DocSave { id, team, doc: &doc, new_changes: &new, device: Some(device), now: at(2) }).unwrap();
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
    let s = save_whole(store, id, team, &doc, device, at(1));
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
    assert!(
        store
            .save(DocSave { id, team, doc: &doc, new_changes: &doc.get_heads(), device: Some(device), now: at(3) })
            .is_err(),
        "no resurrection"
    );
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

fn page_doc(r: ResidentId, device: DeviceId, offers: &[&str]) -> connect_model::automerge::Automerge {
    let ctx = EditContext::new(Author::new(AuthorRole::Supporter, "Amara", device), at(1));
    let actor = connect_model::actor_for(device, 1);
    let mut doc = page::create(&actor, r, "Doreen", &ctx).unwrap();
    for o in offers {
        page::add_offer(&mut doc, &ctx, o, Category::Practical).unwrap();
    }
    doc
}

fn commit<'a>(team: TeamId, person: uuid::Uuid, device: DeviceId, register: &'a [ResidentId]) -> SyncCommit<'a> {
    SyncCommit {
        team,
        person,
        device,
        now: at(5),
        register,
        saves: &[],
        sync_states: &[],
        round: 0,
        forget_assumed_after: None,
    }
}

/// A sync commit registers, saves, records sync states and the round, all at once.
pub fn a_sync_commit_stores_everything_or_nothing<S: RelayStore>(store: &mut S) {
    let (team, device, person) = team_with_device(store, AuthorRole::Supporter);
    let r = ResidentId::random();
    let id = DocumentId::resident(r, DocKind::Page);
    let doc = page_doc(r, device, &["soup"]);
    let sent = Sent::whole(id, &doc);
    let saves = [sent.save()];
    let states = [(id, vec![1, 2, 3], Some(4))];
    let register = [r];
    let c = SyncCommit { saves: &saves, sync_states: &states, round: 4, ..commit(team, person, device, &register) };
    assert_eq!(store.commit_sync(&c).unwrap(), CommitOutcome::Committed);
    assert_eq!(store.resident_team(r).unwrap(), Some(team));
    assert!(store.assignments(person).unwrap().contains(&r));
    assert_eq!(store.last_round(device).unwrap(), 4);
    let view = store.read_docs(device, &[id]).unwrap();
    assert_eq!(view.len(), 1);
    let stored = view[0].stored.as_ref().expect("stored");
    assert_eq!(stored.heads, sent.heads);
    assert_eq!(connect_model::automerge::Automerge::load(&stored.bytes).unwrap().get_heads(), sent.heads);
    assert_eq!((view[0].sync_state.clone(), view[0].assumed_round), (Some(vec![1, 2, 3]), Some(4)));
    assert_eq!(store.change_log(id).unwrap().len(), sent.heads.len());
    // A resident registered to another team is a conflict, and nothing of it is stored.
    let other = DocumentId::resident(ResidentId::random(), DocKind::Page);
    let stray = page_doc(other.resident_id().unwrap(), device, &[]);
    let stray_heads = stray.get_heads();
    let stray_bytes = stray.save();
    let saves = [CommitSave {
        id: other,
        bytes: &stray_bytes,
        whole: true,
        base_heads: &[],
        heads: &stray_heads,
        new_changes: &stray_heads,
        media: &NO_MEDIA,
    }];
    let (other_team, _, other_person) = team_with_device_named(store, "Elsewhere");
    let taken = [r, other.resident_id().unwrap()];
    let c = SyncCommit { saves: &saves, ..commit(other_team, other_person, device, &taken) };
    assert_eq!(store.commit_sync(&c).unwrap(), CommitOutcome::Conflict);
    assert!(store.load(other).unwrap().is_none(), "a conflicting commit stores nothing");
    assert_eq!(store.resident_team(other.resident_id().unwrap()).unwrap(), None);
}

fn team_with_device_named<S: RelayStore>(store: &mut S, name: &str) -> (TeamId, DeviceId, uuid::Uuid) {
    let ctx = EditContext::new(Author::new(AuthorRole::Coordinator, "relay", DeviceId::random()), at(0));
    let team_id = TeamId::random();
    let dir = directory::create(&connect_model::automerge::ActorId::random(), team_id, &ctx).unwrap();
    let team = store.create_team(name, &dir, at(0)).unwrap();
    let code = format!("code-{name}");
    store
        .create_invite(code.as_bytes(), &Invite { team, role: AuthorRole::Coordinator, resident: None }, at(0), at(60))
        .unwrap();
    let device = DeviceId::random();
    let token = format!("token-{name}");
    let record =
        store.redeem_invite(code.as_bytes(), "Chloe", device, "phone", token.as_bytes(), at(1)).unwrap().unwrap();
    (team, device, record.person.person_id)
}

/// A commit built on a copy that has since changed would lose the newer
/// changes: it stores nothing and says so.
pub fn a_sync_commit_over_a_changed_document_is_a_conflict<S: RelayStore>(store: &mut S) {
    let (team, device, person) = team_with_device(store, AuthorRole::Supporter);
    let r = ResidentId::random();
    let id = DocumentId::resident(r, DocKind::Page);
    let base = page_doc(r, device, &[]);
    save_whole(store, id, team, &base, device, at(2));
    let mut theirs = base.fork();
    let ctx = EditContext::new(Author::new(AuthorRole::Supporter, "Ben", device), at(3));
    page::add_offer(&mut theirs, &ctx, "theirs", Category::Practical).unwrap();
    let mut ours = base.fork();
    page::add_offer(&mut ours, &ctx, "ours", Category::Practical).unwrap();
    let new_changes: Vec<_> = theirs.get_changes(&base.get_heads()).iter().map(|c| c.hash()).collect();
    store
        .save(DocSave { id, team, doc: &theirs, new_changes: &new_changes, device: Some(device), now: at(3) })
        .unwrap();
    let sent = Sent::since(id, &ours, &base.get_heads());
    let saves = [sent.save()];
    let c = SyncCommit { saves: &saves, ..commit(team, person, device, &[]) };
    assert_eq!(store.commit_sync(&c).unwrap(), CommitOutcome::Conflict);
    let stored = store.load(id).unwrap().unwrap();
    assert_eq!(stored.get_heads(), theirs.get_heads(), "the newer change is kept and nothing of the stale copy is");
}

/// Sync states assumed after a round are forgotten on request; confirmed
/// ones stay; a device's round never goes back.
pub fn unconfirmed_sync_states_are_forgotten_and_rounds_only_grow<S: RelayStore>(store: &mut S) {
    let (team, device, person) = team_with_device(store, AuthorRole::Coordinator);
    let dir = DocumentId::directory(team);
    let r = ResidentId::random();
    let page_id = DocumentId::resident(r, DocKind::Page);
    let page_d = page_doc(r, device, &[]);
    save_whole(store, page_id, team, &page_d, device, at(2));
    let states = [(dir, vec![7], Some(3)), (page_id, vec![8], None)];
    let c = SyncCommit { sync_states: &states, round: 3, ..commit(team, person, device, &[]) };
    assert_eq!(store.commit_sync(&c).unwrap(), CommitOutcome::Committed);
    let c = SyncCommit { round: 1, forget_assumed_after: Some(2), ..commit(team, person, device, &[]) };
    assert_eq!(store.commit_sync(&c).unwrap(), CommitOutcome::Committed);
    assert_eq!(store.last_round(device).unwrap(), 3, "a round never goes back");
    let views = store.read_docs(device, &[dir, page_id]).unwrap();
    let state_of = |id| views.iter().find(|v| v.id == id).unwrap().sync_state.clone();
    assert_eq!(state_of(dir), None, "the state assumed in round 3 is forgotten");
    assert_eq!(state_of(page_id), Some(vec![8]), "a confirmed state stays");
}

/// However often a document changes, the feed holds one entry for it: its latest.
pub fn the_feed_keeps_one_entry_per_document_its_latest<S: RelayStore>(store: &mut S) {
    let (team, device, _) = team_with_device(store, AuthorRole::Supporter);
    let r = ResidentId::random();
    let id = DocumentId::resident(r, DocKind::Page);
    let mut doc = page_doc(r, device, &[]);
    let mut last = 0;
    for i in 0..3 {
        let ctx = EditContext::new(Author::new(AuthorRole::Supporter, "Amara", device), at(i));
        let before = doc.get_heads();
        page::add_offer(&mut doc, &ctx, &format!("offer {i}"), Category::Practical).unwrap();
        let new: Vec<_> = doc.get_changes(&before).iter().map(|c| c.hash()).collect();
        last =
            store.save(DocSave { id, team, doc: &doc, new_changes: &new, device: Some(device), now: at(i) }).unwrap();
    }
    let entries = store.feed_since(team, 0, 100).unwrap();
    let mine: Vec<_> = entries.iter().filter(|e| e.doc == id).collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].seq, last);
    assert!(entries.windows(2).all(|w| w[0].seq < w[1].seq), "oldest first");
    assert_eq!(store.feed_head(team).unwrap(), last);
}

/// The health check reads the store.
pub fn every_connection_answers_a_health_check<S: RelayStore>(store: &mut S) {
    team_with_device(store, AuthorRole::Supporter);
    store.check().unwrap();
    let pool = store.pool_state();
    assert!(pool.max >= 1 && pool.connections <= pool.max, "{pool:?}");
}

/// Chunks a sync commits append to what is stored; once they outgrow the
/// snapshot they are folded into it, and the document reads the same.
pub fn committed_chunks_build_on_the_stored_heads_and_fold_in_when_they_outgrow_the_snapshot<S: RelayStore>(
    store: &mut S,
) {
    let (team, device, person) = team_with_device(store, AuthorRole::Supporter);
    let r = ResidentId::random();
    let id = DocumentId::resident(r, DocKind::Page);
    let mut doc = page_doc(r, device, &[]);
    let sent = Sent::whole(id, &doc);
    let saves = [sent.save()];
    let register = [r];
    assert_eq!(
        store.commit_sync(&SyncCommit { saves: &saves, ..commit(team, person, device, &register) }).unwrap(),
        CommitOutcome::Committed
    );
    for round in 0..6 {
        let base = doc.get_heads();
        let ctx = EditContext::new(Author::new(AuthorRole::Supporter, "Amara", device), at(round));
        for i in 0..20 {
            page::add_offer(&mut doc, &ctx, &format!("round {round} offer {i} with some words"), Category::Other)
                .unwrap();
        }
        let sent = Sent::since(id, &doc, &base);
        let saves = [sent.save()];
        assert_eq!(
            store.commit_sync(&SyncCommit { saves: &saves, ..commit(team, person, device, &[]) }).unwrap(),
            CommitOutcome::Committed
        );
        let stored = store.load(id).unwrap().unwrap();
        assert_eq!(stored.get_heads(), doc.get_heads(), "round {round}");
        assert_eq!(page::read(&stored).unwrap().offers.len(), 20 * (round as usize + 1));
    }
    let view = store.read_docs(device, &[id]).unwrap();
    let stored = view[0].stored.as_ref().unwrap();
    assert!(stored.bytes.len() < 2 * doc.save().len() + 1024, "chunks were folded into the snapshot");
}

/// `touch` gives a stored document a new, highest feed number (one entry
/// still), and does nothing for a document that is not stored.
pub fn touch_puts_a_document_back_at_the_head_of_the_feed<S: RelayStore>(store: &mut S) {
    let (team, device, _) = team_with_device(store, AuthorRole::Supporter);
    let (a, b) = (ResidentId::random(), ResidentId::random());
    let (id_a, id_b) = (DocumentId::resident(a, DocKind::Page), DocumentId::resident(b, DocKind::Page));
    let (doc_a, doc_b) = (page_doc(a, device, &[]), page_doc(b, device, &[]));
    save_whole(store, id_a, team, &doc_a, device, at(1));
    let seq_b = save_whole(store, id_b, team, &doc_b, device, at(2));
    let touched = store.touch(id_a, at(3)).unwrap().expect("a stored document is touched");
    assert!(touched > seq_b);
    assert_eq!(store.feed_head(team).unwrap(), touched);
    let after_b = store.feed_since(team, seq_b, 100).unwrap();
    assert_eq!(after_b.iter().map(|e| (e.doc, e.seq)).collect::<Vec<_>>(), vec![(id_a, touched)]);
    assert_eq!(store.feed_since(team, 0, 100).unwrap().iter().filter(|e| e.doc == id_a).count(), 1);
    assert_eq!(store.load(id_a).unwrap().unwrap().get_heads(), doc_a.get_heads(), "touch changes nothing");
    let missing = DocumentId::resident(ResidentId::random(), DocKind::Page);
    assert_eq!(store.touch(missing, at(4)).unwrap(), None);
    assert_eq!(store.feed_head(team).unwrap(), touched);
}

/// The metrics' counts: stored documents, devices not revoked, and teams.
pub fn counts_follow_documents_devices_and_teams<S: RelayStore>(store: &mut S) {
    assert_eq!(store.counts().unwrap(), (0, 0, 0));
    let (team, device, person) = team_with_device(store, AuthorRole::Supporter);
    assert_eq!(store.counts().unwrap(), (1, 1, 1), "the team's directory, one device, one team");
    let r = ResidentId::random();
    store.register_resident(r, team, person, at(1)).unwrap();
    let doc = page_doc(r, device, &[]);
    save_whole(store, DocumentId::resident(r, DocKind::Page), team, &doc, device, at(1));
    assert_eq!(store.counts().unwrap(), (2, 1, 1));
    store.revoke_device(device, at(2)).unwrap();
    team_with_device_named(store, "Elsewhere");
    assert_eq!(store.counts().unwrap(), (3, 1, 2));
    store.erase_resident(r, at(3)).unwrap();
    assert_eq!(store.counts().unwrap(), (2, 1, 2));
}

/// A backup is a non-empty file readable by its owner only (each backend's
/// own tests restore it); one that cannot be written is an error, not a
/// silent success.
pub fn a_backup_is_written_and_a_bad_destination_is_an_error<S: RelayStore>(store: &mut S) {
    team_with_device(store, AuthorRole::Supporter);
    let dir = std::env::temp_dir().join(format!("connect-backup-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("relay.backup");
    // A file left there readable by all is made the owner's alone: a backup
    // holds every resident's words.
    std::fs::write(&path, b"an older file").unwrap();
    #[cfg(unix)]
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    store.backup(&path).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() > 0);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the backup is readable by its owner only, not {mode:o}");
    }
    let nowhere = dir.join("no-such-dir").join("relay.backup");
    assert!(store.backup(&nowhere).is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Invites a team lists; a cancelled one cannot be redeemed; a named one
/// names its person whatever the device says; revoking the device that made
/// invites cancels those still unused.
pub fn invites_are_listed_cancelled_named_and_cancelled_with_their_maker<S: RelayStore>(store: &mut S) {
    let (team, maker, _) = team_with_device(store, AuthorRole::Coordinator);
    let supporter = Invite { team, role: AuthorRole::Supporter, resident: None };
    let from = InviteFrom { name: Some("Amara Okafor".into()), created_by: Some(maker) };
    let named = store.create_invite_from(b"named", &supporter, &from, at(2), at(60)).unwrap();
    let cancelled = store.create_invite_from(b"cancel", &supporter, &from, at(3), at(60)).unwrap();
    let spare = store.create_invite_from(b"spare", &supporter, &from, at(4), at(60)).unwrap();
    let listed: Vec<_> = store.invites(team).unwrap().iter().map(|i| i.details.invite_id).collect();
    assert_eq!(&listed[..3], &[spare, cancelled, named], "newest first");
    assert_eq!(store.find_invite(b"named").unwrap().unwrap().details.created_by, Some(maker));
    assert!(store.cancel_invite(cancelled, at(5)).unwrap());
    assert!(!store.cancel_invite(cancelled, at(5)).unwrap(), "once");
    let refused = store.redeem_invite(b"cancel", "Eve", DeviceId::random(), "x", b"t-c", at(6)).unwrap();
    assert_eq!(refused.err(), Some(InviteProblem::Cancelled));
    let enrolled = store.redeem_invite(b"named", "Queen of Sheba", DeviceId::random(), "x", b"t-n", at(6)).unwrap();
    assert_eq!(enrolled.unwrap().person.name, "Amara Okafor", "the coordinator's name, not the device's");
    assert!(store.invite(named).unwrap().unwrap().used_at.is_some());
    assert!(store.revoke_device(maker, at(7)).unwrap());
    assert!(store.invite(spare).unwrap().unwrap().cancelled_at.is_some(), "cancelled with its maker");
    assert!(store.invite(uuid::Uuid::new_v4()).unwrap().is_none());
}

/// An id already enrolled (even revoked) is refused, and the invite stays unused.
pub fn a_device_id_the_relay_has_seen_cannot_enrol_again<S: RelayStore>(store: &mut S) {
    let (team, device, _) = team_with_device(store, AuthorRole::Supporter);
    store.revoke_device(device, at(2)).unwrap();
    store
        .create_invite(b"again", &Invite { team, role: AuthorRole::Supporter, resident: None }, at(2), at(60))
        .unwrap();
    let again = store.redeem_invite(b"again", "Amara", device, "phone", b"t-again", at(3)).unwrap();
    assert_eq!(again.err(), Some(InviteProblem::DeviceSeen));
    assert!(store.find_invite(b"again").unwrap().unwrap().used_at.is_none());
}

/// A person taken off the team: every device revoked, assignments gone, the
/// invites their devices made cancelled; their name stays.
pub fn removing_a_person_revokes_their_devices_and_keeps_their_name<S: RelayStore>(store: &mut S) {
    let (team, device, person) = team_with_device(store, AuthorRole::Supporter);
    let r = ResidentId::random();
    store.register_resident(r, team, person, at(1)).unwrap();
    let gone = store.remove_person(person, at(2)).unwrap().expect("a person");
    assert_eq!(gone.devices_revoked, 1);
    assert!(store.device(device).unwrap().unwrap().revoked);
    assert!(store.assignments(person).unwrap().is_empty());
    let listed = store.people(team).unwrap();
    assert!(listed.iter().any(|p| p.person_id == person && p.removed && p.name == "Amara"));
    assert!(store.remove_person(uuid::Uuid::new_v4(), at(3)).unwrap().is_none());
}

/// Unassigning one person leaves the resident's other assignments.
pub fn unassigning_ends_only_that_assignment<S: RelayStore>(store: &mut S) {
    let (team, _, person) = team_with_device(store, AuthorRole::Supporter);
    let other = uuid::Uuid::new_v4();
    let r = ResidentId::random();
    store.register_resident(r, team, person, at(1)).unwrap();
    store.assign(r, other).unwrap();
    assert!(store.unassign(r, person).unwrap());
    assert!(!store.unassign(r, person).unwrap());
    assert!(store.assignments(person).unwrap().is_empty());
    assert_eq!(store.assignments(other).unwrap(), vec![r]);
}

/// Every save adds its bytes to the team's total, an erasure takes them off.
pub fn a_teams_stored_bytes_follow_its_saves_and_erasures<S: RelayStore>(store: &mut S) {
    let (team, device, person) = team_with_device(store, AuthorRole::Supporter);
    let start = store.team_bytes(team).unwrap();
    assert!(start > 0, "the directory counts");
    let r = ResidentId::random();
    store.register_resident(r, team, person, at(1)).unwrap();
    let doc = page_doc(r, device, &["soup", "a lift to the market"]);
    save_whole(store, DocumentId::resident(r, DocKind::Page), team, &doc, device, at(1));
    assert_eq!(store.team_bytes(team).unwrap(), start + doc.save().len() as u64);
    store.erase_resident(r, at(2)).unwrap();
    assert_eq!(store.team_bytes(team).unwrap(), start);
    assert_eq!(store.team_bytes(TeamId::random()).unwrap(), 0);
}

/// Erasure keeps who was assigned to the resident (ids only), and nothing
/// is remembered of a resident never erased.
pub fn erasure_remembers_who_could_see_the_resident<S: RelayStore>(store: &mut S) {
    let (team, device, person) = team_with_device(store, AuthorRole::Supporter);
    let r = ResidentId::random();
    store.register_resident(r, team, person, at(1)).unwrap();
    let doc = page_doc(r, device, &[]);
    save_whole(store, DocumentId::resident(r, DocKind::Page), team, &doc, device, at(1));
    assert_eq!(store.erased_resident(r).unwrap(), None);
    store.erase_resident(r, at(2)).unwrap();
    let erased = store.erased_resident(r).unwrap().expect("remembered");
    assert_eq!((erased.team, erased.assigned), (team, vec![person]));
}
