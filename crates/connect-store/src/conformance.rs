//! The conformance suite every [`DocumentStore`] must pass.
//!
//! Each check takes a fresh, empty store. [`conformance_tests!`](crate::conformance_tests)
//! turns the whole suite into one named `#[test]` per check for a backend.

use connect_model::automerge::Automerge;
use connect_model::journal::{self, Marker, NewEntry};
use connect_model::page::{self, AskStatus, Category, Section};
use connect_model::promise::{self, NewPromise, Plan, PlanReason, PromiseBy, PromiseState, When};
use connect_model::story::{self, Consent};
use connect_model::{AuthorRole, DeviceId, DocKind, DocumentId, ResidentId, Timestamp, checkin, circle};

use crate::{DeviceIdentity, DocumentStore, StoreError, SyncBatch, SyncStatus, create_resident};

mod media;
pub use media::*;

/// 2026-03-01T09:00:00Z plus `minutes`.
fn at(minutes: i64) -> Timestamp {
    Timestamp::from_millis(1_772_355_600_000 + minutes * 60_000)
}

/// A supporter identity for tests.
#[must_use]
pub fn supporter() -> DeviceIdentity {
    DeviceIdentity {
        device_id: DeviceId::random(),
        device_name: "test phone".into(),
        person_name: "Amara".into(),
        role: AuthorRole::Supporter,
        created_at: at(0),
    }
}

fn setup<S: DocumentStore>(store: &mut S) -> DeviceIdentity {
    let me = supporter();
    store.set_identity(&me).unwrap();
    me
}

/// Generates one `#[test]` per conformance check for the store made by `$make`.
#[macro_export]
macro_rules! conformance_tests {
    ($make:expr) => {
        $crate::conformance_tests!(@each $make;
            documents_round_trip_with_identical_heads,
            saving_twice_without_changes_changes_nothing,
            a_stale_copy_saved_later_merges_instead_of_overwriting,
            the_caseload_counts_come_from_the_index,
            search_matches_names_and_items_by_word_prefix,
            search_input_is_never_query_syntax,
            pending_documents_follow_sync_acknowledgements,
            sync_states_are_kept_per_peer_and_document,
            erased_documents_are_gone_and_cannot_return,
            unknown_documents_are_a_clear_error,
            rebuilt_indexes_equal_maintained_ones,
            identity_cannot_change_device,
            settings_are_set_and_cleared,
            a_document_under_the_wrong_id_is_refused,
            a_refused_edit_stores_nothing,
            insight_facts_come_from_the_index_and_follow_edits,
            story_consents_follow_the_latest_change,
            a_sync_write_merges_erases_marks_and_sets_in_one_go,
            promises_and_the_next_visit_come_from_the_index,
            media_is_written_in_steps_and_read_back_by_chunk,
            media_written_out_of_step_is_refused_and_keeps_nothing,
            media_remembers_what_the_relay_has_and_goes_when_deleted_or_erased,
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

/// A saved document loads back with the same heads and content.
pub fn documents_round_trip_with_identical_heads<S: DocumentStore>(store: &mut S) {
    let me = setup(store);
    let r = create_resident(store, &me, "Doreen", at(0)).unwrap();
    let id = DocumentId::resident(r, DocKind::Page);
    let mut doc = store.load(id).unwrap();
    for i in 0..30 {
        page::add_offer(&mut doc, &me.context(at(i)), &format!("offer {i}"), Category::Practical).unwrap();
        store.save(id, &mut doc).unwrap();
    }
    let loaded = store.load(id).unwrap();
    assert_eq!(loaded.get_heads(), doc.get_heads());
    assert_eq!(page::read(&loaded).unwrap(), page::read(&doc).unwrap());
    assert_eq!(loaded.get_actor(), &store.session_actor().unwrap(), "loaded documents write as this session");
    assert_eq!(connect_model::device_of_actor(loaded.get_actor()), Some(me.device_id));
    assert_eq!(store.document_ids().unwrap().len(), 6);
}

/// Saving a document that has no new changes is a no-op.
pub fn saving_twice_without_changes_changes_nothing<S: DocumentStore>(store: &mut S) {
    let me = setup(store);
    let r = create_resident(store, &me, "Doreen", at(0)).unwrap();
    let id = DocumentId::resident(r, DocKind::Page);
    let mut doc = store.load(id).unwrap();
    let heads = doc.get_heads();
    store.save(id, &mut doc).unwrap();
    store.save(id, &mut doc).unwrap();
    assert_eq!(store.load(id).unwrap().get_heads(), heads);
}

/// Two copies edited separately and saved one after the other both land.
pub fn a_stale_copy_saved_later_merges_instead_of_overwriting<S: DocumentStore>(store: &mut S) {
    let me = setup(store);
    let r = create_resident(store, &me, "Doreen", at(0)).unwrap();
    let id = DocumentId::resident(r, DocKind::Page);
    let mut first = store.load(id).unwrap();
    // Another session on this device (the CLI beside the app) holds its own copy.
    let other_session = me.actor(7);
    let mut second = store.load(id).unwrap().with_actor(other_session);
    page::add_offer(&mut first, &me.context(at(1)), "gardening", Category::Practical).unwrap();
    store.save(id, &mut first).unwrap();
    page::add_ask(&mut second, &me.context(at(2)), "a lift to the GP", Category::Practical).unwrap();
    store.save(id, &mut second).unwrap();
    let page = page::read(&store.load(id).unwrap()).unwrap();
    assert_eq!(page.offers.len(), 1);
    assert_eq!(page.asks.len(), 1);
    assert_eq!(page::read(&second).unwrap(), page, "the saving copy sees what it merged");
}

/// Caseload rows reflect every document of the resident.
pub fn the_caseload_counts_come_from_the_index<S: DocumentStore>(store: &mut S) {
    let me = setup(store);
    let zara = create_resident(store, &me, "Zara", at(0)).unwrap();
    let bob = create_resident(store, &me, "bob", at(0)).unwrap();
    let ctx = |m| me.context(at(m));
    let page_id = DocumentId::resident(zara, DocKind::Page);
    let ask = store
        .edit(page_id, |d| {
            page::add_offer(d, &ctx(1), "cooking", Category::Caring)?;
            let hidden = page::add_offer(d, &ctx(1), "old offer", Category::Caring)?;
            page::set_archived(d, &ctx(2), Section::Offers, hidden, true)?;
            page::add_ask(d, &ctx(3), "shopping", Category::Practical)?;
            page::add_ask(d, &ctx(3), "forms", Category::Knowledge)
        })
        .unwrap();
    store.edit(page_id, |d| page::set_ask_status(d, &ctx(4), ask, AskStatus::Met)).unwrap();
    store
        .edit(DocumentId::resident(zara, DocKind::Circle), |d| {
            let new = circle::NewTie {
                name: "Jean",
                kind: circle::TieKind::Person,
                relationship: "neighbour",
                ring: circle::Ring::Friendship,
                two_way: true,
            };
            circle::add_tie(d, &ctx(5), &new)?;
            circle::add_tie(d, &ctx(5), &circle::NewTie { ring: circle::Ring::Possibility, two_way: false, ..new })
        })
        .unwrap();
    let visit = NewEntry { happened_at: at(60), marker: Marker::Visit, text: "tea", mood: None, reason: None };
    store.edit(DocumentId::resident(zara, DocKind::Journal), |d| journal::add_entry(d, &ctx(6), &visit)).unwrap();
    let later = NewEntry { happened_at: at(90), ..visit.clone() };
    store.edit(DocumentId::resident(zara, DocKind::TeamNotes), |d| journal::add_entry(d, &ctx(7), &later)).unwrap();
    let answers = checkin::Answers {
        loneliness: Some(connect_model::measures::OnsLoneliness::Occasionally),
        ..checkin::Answers::default()
    };
    store.edit(DocumentId::resident(zara, DocKind::Checkins), |d| checkin::record(d, &ctx(8), answers)).unwrap();

    let rows = store.caseload().unwrap();
    assert_eq!(rows.iter().map(|r| r.preferred_name.as_str()).collect::<Vec<_>>(), ["bob", "Zara"]);
    let z = &rows[1];
    assert_eq!(z.resident, zara);
    assert_eq!((z.offers, z.asks_open, z.asks_met), (1, 1, 1));
    assert_eq!((z.circle_size, z.two_way), (1, 1));
    assert_eq!(z.last_contact, Some(at(90)), "team-only notes count as contact");
    assert_eq!(z.latest_checkin, Some(at(8)));
    assert_eq!(z.sync, SyncStatus::OnlyOnThisDevice);
    assert_eq!(z.pending_documents, 6);
    let b = &rows[0];
    assert_eq!((b.resident, b.offers, b.last_contact), (bob, 0, None));
    let items = store.items(zara).unwrap();
    assert_eq!(items.len(), 4);
    assert_eq!(items.iter().filter(|i| i.archived).count(), 1);
}

/// Search finds residents by name and by the words of current items.
pub fn search_matches_names_and_items_by_word_prefix<S: DocumentStore>(store: &mut S) {
    let me = setup(store);
    let r = create_resident(store, &me, "Doreen Smith", at(0)).unwrap();
    let other = create_resident(store, &me, "Kwame", at(0)).unwrap();
    let ctx = me.context(at(1));
    store
        .edit(DocumentId::resident(r, DocKind::Page), |d| {
            page::add_offer(d, &ctx, "Cooking Caribbean food", Category::Caring)?;
            let gone = page::add_ask(d, &ctx, "wheelchair ramp", Category::Practical)?;
            page::set_archived(d, &ctx, Section::Asks, gone, true)
        })
        .unwrap();
    store
        .edit(DocumentId::resident(other, DocKind::Page), |d| {
            page::add_ask(d, &ctx, "someone to go to the market with", Category::Company)
        })
        .unwrap();

    let hits = store.search("cook").unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].resident, hits[0].field.as_str()), (r, "offer"));
    assert_eq!(hits[0].preferred_name, "Doreen Smith");
    assert_eq!(store.search("smi").unwrap().iter().map(|h| h.field.as_str()).collect::<Vec<_>>(), ["name"]);
    assert_eq!(store.search("MARKET someone").unwrap().len(), 1);
    assert!(store.search("ramp").unwrap().is_empty(), "archived items are not found");
    assert!(store.search("cook market").unwrap().is_empty(), "every word must match one text");
    assert!(store.search("   ").unwrap().is_empty());
}

/// Query syntax characters in user input are treated as text, never as an error.
pub fn search_input_is_never_query_syntax<S: DocumentStore>(store: &mut S) {
    let me = setup(store);
    create_resident(store, &me, "Ann", at(0)).unwrap();
    for q in ["\"", "AND (", "ann*", "NEAR(ann", "a:b", "-ann", "^ann", "'; DROP TABLE documents; --"] {
        store.search(q).unwrap_or_else(|e| panic!("search {q:?} failed: {e}"));
    }
    assert_eq!(store.search("ann*").unwrap().len(), 1);
}

/// A document is pending until the relay acknowledges its current heads.
pub fn pending_documents_follow_sync_acknowledgements<S: DocumentStore>(store: &mut S) {
    let me = setup(store);
    let r = create_resident(store, &me, "Doreen", at(0)).unwrap();
    assert_eq!(store.pending().unwrap().len(), 6);
    for id in crate::resident_documents(r) {
        let heads = store.load(id).unwrap().get_heads();
        store.mark_synced(id, &heads).unwrap();
        assert_eq!(
            store.synced_heads(id).unwrap().map(|mut h| {
                h.sort();
                h
            }),
            Some({
                let mut h = heads.clone();
                h.sort();
                h
            })
        );
    }
    assert!(store.pending().unwrap().is_empty());
    assert_eq!(store.caseload().unwrap()[0].sync, SyncStatus::OnRelay);
    let id = DocumentId::resident(r, DocKind::Page);
    store.edit(id, |d| page::add_goal(d, &me.context(at(1)), "walk to the park", page::GoalKind::Goal)).unwrap();
    assert_eq!(store.pending().unwrap(), vec![id]);
    let row = &store.caseload().unwrap()[0];
    assert_eq!((row.sync, row.pending_documents), (SyncStatus::ChangesWaiting, 1));
}

/// Sync states are stored per peer and document.
pub fn sync_states_are_kept_per_peer_and_document<S: DocumentStore>(store: &mut S) {
    let me = setup(store);
    let r = create_resident(store, &me, "Doreen", at(0)).unwrap();
    let id = DocumentId::resident(r, DocKind::Page);
    assert_eq!(store.sync_state("relay", id).unwrap(), None);
    store.set_sync_state("relay", id, b"one").unwrap();
    store.set_sync_state("relay", id, b"two").unwrap();
    store.set_sync_state("other", id, b"three").unwrap();
    assert_eq!(store.sync_state("relay", id).unwrap().as_deref(), Some(&b"two"[..]));
    assert_eq!(store.sync_state("other", id).unwrap().as_deref(), Some(&b"three"[..]));
    let missing = DocumentId::resident(ResidentId::random(), DocKind::Page);
    assert!(matches!(store.set_sync_state("relay", missing, b"x"), Err(StoreError::NotFound(_))));
}

/// Erasure removes a document, its rows and its sync state, and blocks its return.
pub fn erased_documents_are_gone_and_cannot_return<S: DocumentStore>(store: &mut S) {
    let me = setup(store);
    let r = create_resident(store, &me, "Doreen", at(0)).unwrap();
    let keep = create_resident(store, &me, "Kwame", at(0)).unwrap();
    let id = DocumentId::resident(r, DocKind::Page);
    let mut copy = store.load(id).unwrap();
    store.set_sync_state("relay", id, b"s").unwrap();
    for doc in crate::resident_documents(r) {
        store.erase(doc).unwrap();
    }
    assert!(!store.contains(id).unwrap());
    assert!(store.is_erased(id).unwrap());
    assert_eq!(store.sync_state("relay", id).unwrap(), None);
    assert!(store.search("doreen").unwrap().is_empty());
    assert_eq!(store.caseload().unwrap().iter().map(|c| c.resident).collect::<Vec<_>>(), [keep]);
    assert!(store.items(r).unwrap().is_empty());
    page::add_offer(&mut copy, &me.context(at(1)), "still here?", Category::Other).unwrap();
    assert!(matches!(store.save(id, &mut copy), Err(StoreError::Erased(_))));
    assert!(!store.contains(id).unwrap());
}

/// Loading a document that is not here says so.
pub fn unknown_documents_are_a_clear_error<S: DocumentStore>(store: &mut S) {
    setup(store);
    let id = DocumentId::resident(ResidentId::random(), DocKind::Story);
    let err = store.load(id).unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)));
    assert!(err.to_string().contains(&id.to_string()));
}

/// Rebuilding the index from the documents gives what edits maintained.
pub fn rebuilt_indexes_equal_maintained_ones<S: DocumentStore>(store: &mut S) {
    let me = setup(store);
    for (i, name) in ["Ann", "Bea", "Cyril"].iter().enumerate() {
        let r = create_resident(store, &me, name, at(0)).unwrap();
        let ctx = me.context(at(i64::try_from(i).unwrap()));
        store
            .edit(DocumentId::resident(r, DocKind::Page), |d| page::add_offer(d, &ctx, "baking", Category::Creative))
            .unwrap();
    }
    let first = store.caseload().unwrap()[0].resident;
    let ctx = me.context(at(5));
    let ramp = NewPromise {
        text: "ask the council about the ramp",
        by: PromiseBy::Supporter,
        by_name: "",
        when: Some(When::On(day("2026-03-05"))),
        ask: None,
    };
    store.edit(DocumentId::resident(first, DocKind::Page), |d| promise::add(d, &ctx, &ramp)).unwrap();
    store
        .edit(DocumentId::resident(first, DocKind::Page), |d| {
            promise::set_next_visit(d, &ctx, Plan::TheyWillCall, PlanReason::Planned)
        })
        .unwrap();
    let before = (store.caseload().unwrap(), store.search("bak").unwrap(), store.open_promises().unwrap());
    store.rebuild_indexes().unwrap();
    assert_eq!((store.caseload().unwrap(), store.search("bak").unwrap(), store.open_promises().unwrap()), before);
}

/// A store belongs to one device for life.
pub fn identity_cannot_change_device<S: DocumentStore>(store: &mut S) {
    assert_eq!(store.identity().unwrap(), None);
    let me = setup(store);
    assert_eq!(store.identity().unwrap(), Some(me.clone()));
    let renamed = DeviceIdentity { device_name: "new name".into(), ..me.clone() };
    store.set_identity(&renamed).unwrap();
    assert_eq!(store.identity().unwrap().unwrap().device_name, "new name");
    assert!(store.set_identity(&supporter()).is_err());
    assert_eq!(store.identity().unwrap().unwrap().device_id, me.device_id);
}

/// Settings can be set, replaced and cleared.
pub fn settings_are_set_and_cleared<S: DocumentStore>(store: &mut S) {
    assert_eq!(store.setting("relay").unwrap(), None);
    store.set_setting("relay", Some("https://a")).unwrap();
    store.set_setting("relay", Some("https://b")).unwrap();
    assert_eq!(store.setting("relay").unwrap().as_deref(), Some("https://b"));
    store.set_setting("relay", None).unwrap();
    assert_eq!(store.setting("relay").unwrap(), None);
}

/// A document whose contents do not match its id is refused whole.
pub fn a_document_under_the_wrong_id_is_refused<S: DocumentStore>(store: &mut S) {
    let me = setup(store);
    let r = ResidentId::random();
    let mut circle_doc = circle::create(&store.session_actor().unwrap(), r, &me.context(at(0))).unwrap();
    let as_page = DocumentId::resident(r, DocKind::Page);
    assert!(matches!(store.save(as_page, &mut circle_doc), Err(StoreError::WrongKind { .. })));
    let someone_else = DocumentId::resident(ResidentId::random(), DocKind::Circle);
    assert!(store.save(someone_else, &mut circle_doc).is_err());
    let mut garbage = Automerge::new();
    assert!(store.save(as_page, &mut garbage).is_err());
    assert!(store.document_ids().unwrap().is_empty());
}

/// If the edit function fails, nothing is saved.
pub fn a_refused_edit_stores_nothing<S: DocumentStore>(store: &mut S) {
    let me = setup(store);
    let r = create_resident(store, &me, "Doreen", at(0)).unwrap();
    let id = DocumentId::resident(r, DocKind::Page);
    let heads = store.load(id).unwrap().get_heads();
    let result = store.edit(id, |d| {
        page::add_offer(d, &me.context(at(1)), "fine", Category::Other)?;
        page::add_offer(d, &me.context(at(1)), "", Category::Other)
    });
    assert!(matches!(result, Err(StoreError::Model(_))));
    assert_eq!(store.load(id).unwrap().get_heads(), heads);
    assert!(store.items(r).unwrap().is_empty());
}

/// Each resident's insight facts, joined across their documents, follow edits
/// and erasure, and rebuilding gives the same.
pub fn insight_facts_come_from_the_index_and_follow_edits<S: DocumentStore>(store: &mut S) {
    let me = setup(store);
    let ctx = me.context(at(1));
    let doreen = create_resident(store, &me, "Doreen", at(0)).unwrap();
    let kwame = create_resident(store, &me, "Kwame", at(0)).unwrap();
    store
        .edit(DocumentId::resident(doreen, DocKind::Page), |d| {
            let a = page::add_ask(d, &ctx, "a ramp", Category::Practical)?;
            page::set_ask_status(d, &ctx, a, AskStatus::Met)?;
            page::add_offer(d, &ctx, "curry", Category::Caring).map(drop)
        })
        .unwrap();
    store
        .edit(DocumentId::resident(doreen, DocKind::Circle), |d| {
            let new = circle::NewTie {
                name: "Jean",
                kind: circle::TieKind::Person,
                relationship: "",
                ring: circle::Ring::Friendship,
                two_way: true,
            };
            circle::add_tie(d, &ctx, &new).map(drop)
        })
        .unwrap();
    for (kind, marker) in
        [(DocKind::Journal, Marker::Visit), (DocKind::TeamNotes, Marker::Visit), (DocKind::Journal, Marker::NotToday)]
    {
        store
            .edit(DocumentId::resident(doreen, kind), |d| {
                let e = NewEntry { happened_at: at(5), marker, text: "seen", mood: None, reason: None };
                journal::add_entry(d, &ctx, &e).map(drop)
            })
            .unwrap();
    }
    let facts = store.resident_facts().unwrap();
    assert_eq!(facts.len(), 2, "one entry per resident");
    assert_eq!(store.document_ids_of_kind(DocKind::Story).unwrap().len(), 2);
    assert!(store.document_ids_of_kind(DocKind::Directory).unwrap().is_empty());
    let hers = facts.iter().find(|f| f.resident == Some(doreen)).unwrap();
    assert_eq!(hers.asks, [AskStatus::Met]);
    assert_eq!(hers.offers, 1);
    assert_eq!(hers.visits, [at(5), at(5)], "visits from both journals; a not-today is not a visit");
    assert_eq!(hers.ties.len(), 1);
    assert_eq!(hers.circle_at(at(6)).in_circle, 1);
    let his = facts.iter().find(|f| f.resident == Some(kwame)).unwrap();
    assert!(his.visits.is_empty() && his.ties.is_empty());
    store.rebuild_indexes().unwrap();
    assert_eq!(store.resident_facts().unwrap(), facts);
    for id in crate::resident_documents(kwame) {
        store.erase(id).unwrap();
    }
    assert_eq!(store.resident_facts().unwrap().len(), 1, "erased residents leave no facts");
}

/// The index's story consent is the latest change.
pub fn story_consents_follow_the_latest_change<S: DocumentStore>(store: &mut S) {
    let me = setup(store);
    let r = create_resident(store, &me, "Doreen", at(0)).unwrap();
    let id = DocumentId::resident(r, DocKind::Story);
    let row = |store: &S| store.story_consents().unwrap().into_iter().find(|s| s.resident == r).unwrap();
    assert_eq!((row(store).consent, row(store).has_text), (Consent::Private, false));
    store.edit(id, |d| story::set_text(d, &me.context(at(1)), "I grew up by the river")).unwrap();
    store.edit(id, |d| story::set_consent(d, &me.context(at(2)), Consent::Anonymous)).unwrap();
    assert_eq!((row(store).consent, row(store).has_text), (Consent::Anonymous, true));
    store.edit(id, |d| story::set_consent(d, &me.context(at(3)), Consent::Private)).unwrap();
    assert_eq!(row(store).consent, Consent::Private, "a withdrawal shows at once");
}

fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

/// Open promises with a day (shared and team-only) and each resident's next
/// visit come from the index, and follow edits; a promise kept, or with no
/// day, is not listed.
pub fn promises_and_the_next_visit_come_from_the_index<S: DocumentStore>(store: &mut S) {
    let me = setup(store);
    let r = create_resident(store, &me, "Doreen", at(0)).unwrap();
    let page = DocumentId::resident(r, DocKind::Page);
    let notes = DocumentId::resident(r, DocKind::TeamNotes);
    let ctx = me.context(at(1));
    let new = |text, when| NewPromise { text, by: PromiseBy::Supporter, by_name: "", when, ask: None };
    let ramp = store
        .edit(page, |d| {
            promise::add(d, &ctx, &new("ask the council about the ramp", Some(When::On(day("2026-03-04")))))
        })
        .unwrap();
    store.edit(page, |d| promise::add(d, &ctx, &new("a walk some day", Some(When::NoRush)))).unwrap();
    store.edit(notes, |d| promise::add(d, &ctx, &new("check the boiler", Some(When::By(day("2026-03-08")))))).unwrap();
    let open = store.open_promises().unwrap();
    let texts: Vec<(&str, bool)> = open.iter().map(|p| (p.terms.text.as_str(), p.shared)).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.contains(&("ask the council about the ramp", true)));
    assert!(texts.contains(&("check the boiler", false)), "team-only promises are listed for the team");
    store.edit(page, |d| promise::set_state(d, &me.context(at(2)), ramp, PromiseState::Done)).unwrap();
    assert_eq!(store.open_promises().unwrap().len(), 1, "a kept promise leaves the list");
    assert_eq!(store.caseload().unwrap()[0].next_visit, None);
    let next = Plan::On(day("2026-03-10"));
    store.edit(page, |d| promise::set_next_visit(d, &me.context(at(3)), next, PlanReason::Planned)).unwrap();
    assert_eq!(store.caseload().unwrap()[0].next_visit, Some(next));
    let facts = store.resident_facts().unwrap();
    assert_eq!(facts[0].promises.len(), 3, "the figures see every promise");
}

/// One sync round's write: a received copy is merged with an edit made
/// meanwhile (never replacing it), an erased document is deleted and a copy
/// of it is not stored again, "on the relay" is marked only where the heads
/// match after the merge, and settings move with it.
pub fn a_sync_write_merges_erases_marks_and_sets_in_one_go<S: DocumentStore>(store: &mut S) {
    let me = setup(store);
    let doreen = create_resident(store, &me, "Doreen", at(0)).unwrap();
    let kwame = create_resident(store, &me, "Kwame", at(0)).unwrap();
    let page_id = DocumentId::resident(doreen, DocKind::Page);
    let circle_id = DocumentId::resident(doreen, DocKind::Circle);
    let gone = DocumentId::resident(kwame, DocKind::Page);
    // The relay's copy, and an edit made here before it arrives.
    let mut relay_copy = store.load(page_id).unwrap().fork();
    page::add_offer(&mut relay_copy, &me.context(at(1)), "from the relay", Category::Practical).unwrap();
    store.edit(page_id, |d| page::add_offer(d, &me.context(at(2)), "made here", Category::Practical)).unwrap();
    let relay_heads = relay_copy.get_heads();
    let circle_heads = store.load(circle_id).unwrap().get_heads();
    let gone_copy = store.load(gone).unwrap();
    let mut saves = vec![(page_id, relay_copy), (gone, gone_copy)];
    let outcome = store
        .write_sync(SyncBatch {
            peer: "relay",
            saves: &mut saves,
            erase: &[gone],
            sync_states: &[(circle_id, vec![4, 2]), (gone, vec![1])],
            synced: &[(page_id, relay_heads), (circle_id, circle_heads)],
            settings: &[("sync_cursor", Some("12".into())), ("sync_talk", None)],
        })
        .unwrap();
    assert_eq!(outcome.erased, 1);
    assert_eq!(outcome.changed, 1, "only the page changed; the erased copy was skipped");
    let page = page::read(&store.load(page_id).unwrap()).unwrap();
    let offers: Vec<String> = page.offers.iter().map(|o| o.text.to_string()).collect();
    assert!(offers.contains(&"from the relay".to_owned()) && offers.contains(&"made here".to_owned()), "{offers:?}");
    assert_eq!(saves[0].1.get_heads().len(), 2, "the caller gets the merged copy back");
    assert!(store.pending().unwrap().contains(&page_id), "merged heads are not the relay's: still pending");
    assert!(!store.pending().unwrap().contains(&circle_id), "the circle's heads match the relay's");
    assert!(store.is_erased(gone).unwrap() && !store.contains(gone).unwrap());
    assert_eq!(store.sync_state("relay", circle_id).unwrap(), Some(vec![4, 2]));
    assert_eq!(store.setting("sync_cursor").unwrap().as_deref(), Some("12"));
}

/// Words that appear nowhere but in what [`write_secrets`] writes, for tests
/// that read a store's files (or their decrypted pages) for resident text.
pub const SECRETS: [&str; 5] = ["Zebediah", "Quillfeather", "marmalade", "trombone", "Wickhamshire"];

/// A resident whose name, offer, ask, shared and team-only notes and story
/// each carry one of [`SECRETS`], saved over several transactions as a
/// supporter would, from `start`. `me` is the store's identity.
pub fn write_secrets<S: DocumentStore>(store: &mut S, me: &DeviceIdentity, start: Timestamp) -> ResidentId {
    let minute = |m: i64| Timestamp::from_millis(start.millis() + m * 60_000);
    let r = create_resident(store, me, "Zebediah Quillfeather", start).unwrap();
    let ctx = me.context(minute(1));
    let page_id = DocumentId::resident(r, DocKind::Page);
    store.edit(page_id, |d| page::add_offer(d, &ctx, "I make marmalade every spring", Category::Caring)).unwrap();
    store.edit(page_id, |d| page::add_ask(d, &ctx, "someone to play trombone with", Category::Company)).unwrap();
    for kind in [DocKind::Journal, DocKind::TeamNotes] {
        let entry = NewEntry {
            happened_at: minute(2),
            marker: Marker::Visit,
            text: "Talked about Wickhamshire",
            mood: None,
            reason: None,
        };
        store.edit(DocumentId::resident(r, kind), |d| journal::add_entry(d, &ctx, &entry).map(drop)).unwrap();
    }
    store
        .edit(DocumentId::resident(r, DocKind::Story), |d| {
            story::set_text(d, &ctx, "Born in Wickhamshire, played trombone")
        })
        .unwrap();
    r
}
