//! Deterministic multi-device sync: a relay and several devices in one process,
//! random offline edits, random sync order and dropped responses. All devices
//! that may see a document end with identical copies; nothing is lost; nothing
//! is duplicated; a resident never receives team-only notes.

mod harness;

use std::collections::BTreeMap;

use connect_model::page::{self, Category};
use connect_model::{AuthorRole, DocKind, DocumentId, ResidentId, circle, journal};
use connect_store::DocumentStore;
use harness::{Device, Relay, at};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

fn texts_of(doc: &connect_model::automerge::Automerge) -> Vec<String> {
    let p = page::read(doc).unwrap();
    p.offers.iter().map(|o| o.text.to_string()).chain(p.asks.iter().map(|a| a.text.to_string())).collect()
}

#[test]
fn a_new_resident_reaches_the_relay_in_one_round_trip_and_reaches_others() {
    let relay = Relay::new();
    let mut amara = relay.enrol("Amara", AuthorRole::Supporter, None);
    let mut coordinator = relay.enrol("Chloe", AuthorRole::Coordinator, None);
    let r = connect_store::create_resident(&mut amara.store, &amara.identity, "Doreen", at(1)).unwrap();
    let report = amara.sync_ok();
    assert_eq!(report.rounds, 1, "{report:?}");
    assert_eq!(report.pending, 0);
    assert_eq!(amara.store.caseload().unwrap()[0].sync, connect_store::SyncStatus::OnRelay);
    let got = coordinator.sync_ok();
    assert_eq!(got.rounds, 1);
    assert!(coordinator.store.contains(DocumentId::resident(r, DocKind::TeamNotes)).unwrap());
    assert!(coordinator.store.contains(DocumentId::directory(relay.team)).unwrap());
    // An unassigned supporter sees the team directory but not Doreen.
    let mut ben = relay.enrol("Ben", AuthorRole::Supporter, None);
    ben.sync_ok();
    assert!(!ben.store.contains(DocumentId::resident(r, DocKind::Page)).unwrap());
    assert!(ben.store.contains(DocumentId::directory(relay.team)).unwrap());
    // Once assigned, Ben receives her documents.
    connect_relay::admin::assign(&*relay.db.lock().unwrap(), relay.team, r, ben.record.person.person_id, at(2))
        .unwrap();
    ben.sync_ok();
    assert!(ben.store.contains(DocumentId::resident(r, DocKind::Page)).unwrap());
}

#[test]
fn one_offline_edit_takes_two_round_trips_at_most_and_nothing_changed_takes_one() {
    let relay = Relay::new();
    let mut amara = relay.enrol("Amara", AuthorRole::Supporter, None);
    let mut residents = Vec::new();
    for i in 0..50 {
        residents
            .push(connect_store::create_resident(&mut amara.store, &amara.identity, &format!("R{i}"), at(1)).unwrap());
    }
    amara.sync_ok();
    let quiet = amara.sync_ok();
    assert_eq!(quiet.rounds, 1);
    assert!(quiet.bytes_up + quiet.bytes_down < 1024, "{quiet:?}");
    let ctx = amara.identity.context(at(5));
    amara
        .store
        .edit(DocumentId::resident(residents[3], DocKind::Page), |d| {
            page::add_offer(d, &ctx, "baking", Category::Creative)
        })
        .unwrap();
    let edit = amara.sync_ok();
    assert!(edit.rounds <= 2, "{edit:?}");
    assert!(edit.bytes_up + edit.bytes_down < 1024, "{edit:?}");
    assert_eq!(edit.pending, 0);
}

#[test]
fn a_resident_device_sees_only_its_own_documents_and_never_team_notes() {
    let relay = Relay::new();
    let mut amara = relay.enrol("Amara", AuthorRole::Supporter, None);
    let doreen = connect_store::create_resident(&mut amara.store, &amara.identity, "Doreen", at(1)).unwrap();
    let other = connect_store::create_resident(&mut amara.store, &amara.identity, "Kwame", at(1)).unwrap();
    let ctx = amara.identity.context(at(2));
    let entry = journal::NewEntry {
        happened_at: at(2),
        marker: journal::Marker::Visit,
        text: "safeguarding worry",
        mood: None,
        reason: None,
    };
    amara
        .store
        .edit(DocumentId::resident(doreen, DocKind::TeamNotes), |d| journal::add_entry(d, &ctx, &entry))
        .unwrap();
    amara.sync_ok();
    let mut resident = relay.enrol("Doreen", AuthorRole::Resident, Some(doreen));
    resident.sync_ok();
    let ids = resident.store.document_ids().unwrap();
    let mut kinds: Vec<_> = ids.iter().map(|id| (id.resident_id(), id.kind())).collect();
    kinds.sort();
    assert!(ids.iter().all(|id| id.resident_id() == Some(doreen)), "{ids:?}");
    assert!(!ids.contains(&DocumentId::resident(doreen, DocKind::TeamNotes)));
    assert!(!ids.contains(&DocumentId::resident(other, DocKind::Page)));
    assert_eq!(ids.len(), 5, "{kinds:?}");

    // Her own words go up, marked as hers, and reach the supporter.
    let mine = resident.identity.context(at(3));
    resident
        .store
        .edit(DocumentId::resident(doreen, DocKind::Page), |d| {
            page::add_offer(d, &mine, "I can knit", Category::Creative)
        })
        .unwrap();
    let report = resident.sync_ok();
    assert!(report.rejected.is_empty(), "{report:?}");
    amara.sync_ok();
    let page = page::read(&amara.store.load(DocumentId::resident(doreen, DocKind::Page)).unwrap()).unwrap();
    assert!(page.offers.iter().any(|o| o.text.as_str() == "I can knit" && o.author.is_resident()));

    // She may read the shared journal but not write it.
    let note = journal::NewEntry {
        happened_at: at(4),
        marker: journal::Marker::Visit,
        text: "my own note",
        mood: None,
        reason: None,
    };
    resident
        .store
        .edit(DocumentId::resident(doreen, DocKind::Journal), |d| journal::add_entry(d, &mine, &note))
        .unwrap();
    let report = resident.sync_ok();
    assert_eq!(report.rejected.len(), 1, "{report:?}");
    assert_eq!(report.pending, 1, "the refused change stays on her phone, not lost");
}

#[test]
fn changes_written_by_another_device_are_refused() {
    let relay = Relay::new();
    let mut amara = relay.enrol("Amara", AuthorRole::Supporter, None);
    let mut mallory = relay.enrol("Mallory", AuthorRole::Coordinator, None);
    let r = connect_store::create_resident(&mut amara.store, &amara.identity, "Doreen", at(1)).unwrap();
    amara.sync_ok();
    mallory.sync_ok();
    // Mallory forges a change that claims to be written on Amara's device.
    let id = DocumentId::resident(r, DocKind::Page);
    let mut doc = mallory.store.load(id).unwrap();
    doc.set_actor(connect_model::actor_for(amara.identity.device_id, 99));
    let forged = amara.identity.context(at(2));
    page::add_offer(&mut doc, &forged, "forged words", Category::Other).unwrap();
    mallory.store.save(id, &mut doc).unwrap();
    let report = mallory.sync_ok();
    assert_eq!(report.rejected.len(), 1, "{report:?}");
    amara.sync_ok();
    let page = page::read(&amara.store.load(id).unwrap()).unwrap();
    assert!(page.offers.is_empty(), "the forged offer never reached anyone");
}

#[test]
fn random_offline_edits_random_order_and_dropped_responses_converge() {
    for seed in 0..6u64 {
        run_random(seed);
    }
}

fn run_random(seed: u64) {
    let mut rng = StdRng::seed_from_u64(seed);
    let relay = Relay::new();
    let mut devices: Vec<Device> = vec![
        relay.enrol("Amara", AuthorRole::Supporter, None),
        relay.enrol("Ben", AuthorRole::Supporter, None),
        relay.enrol("Chloe", AuthorRole::Coordinator, None),
    ];
    let mut residents: Vec<ResidentId> = Vec::new();
    for name in ["Doreen", "Kwame"] {
        let d = &mut devices[0];
        residents.push(connect_store::create_resident(&mut d.store, &d.identity, name, at(1)).unwrap());
    }
    devices[0].sync_ok();
    for r in &residents {
        let person = devices[1].record.person.person_id;
        connect_relay::admin::assign(&*relay.db.lock().unwrap(), relay.team, *r, person, at(2)).unwrap();
    }
    devices.push(relay.enrol("Doreen", AuthorRole::Resident, Some(residents[0])));
    for d in &mut devices {
        d.sync_ok();
    }

    let mut added: BTreeMap<String, usize> = BTreeMap::new();
    for step in 0..60 {
        let who = rng.random_range(0..devices.len());
        if rng.random_bool(0.6) {
            let d = &mut devices[who];
            let r = if d.identity.role == AuthorRole::Resident {
                residents[0]
            } else {
                residents[rng.random_range(0..residents.len())]
            };
            let ctx = d.identity.context(at(20 + step));
            let text = format!("s{seed} step {step} by {}", d.identity.person_name);
            let id = DocumentId::resident(r, DocKind::Page);
            if !d.store.contains(id).unwrap() {
                continue;
            }
            if rng.random_bool(0.7) {
                d.store.edit(id, |doc| page::add_offer(doc, &ctx, &text, Category::Other)).unwrap();
                added.insert(text, 0);
            } else {
                let cid = DocumentId::resident(r, DocKind::Circle);
                let new = circle::NewTie {
                    name: &text,
                    kind: circle::TieKind::Person,
                    relationship: "",
                    ring: circle::Ring::Friendship,
                    two_way: false,
                };
                d.store.edit(cid, |doc| circle::add_tie(doc, &ctx, &new)).unwrap();
            }
        } else {
            // A sync that may lose its responses on the way back.
            let _ = devices[who].sync(Some(&mut rng), 0.3);
        }
    }
    // Signal comes back everywhere: sync until quiet.
    for _ in 0..3 {
        for d in &mut devices {
            d.sync_ok();
        }
    }
    let db = relay.db.lock().unwrap();
    for r in &residents {
        let id = DocumentId::resident(*r, DocKind::Page);
        let relay_doc = connect_relay_store::RelayStore::load(&*db, id).unwrap().unwrap();
        let mut relay_heads = relay_doc.get_heads();
        relay_heads.sort();
        for d in &devices {
            if !d.store.contains(id).unwrap() {
                continue;
            }
            let mut heads = d.store.load(id).unwrap().get_heads();
            heads.sort();
            assert_eq!(heads, relay_heads, "seed {seed}: {} differs from the relay", d.identity.person_name);
            assert!(d.store.pending().unwrap().is_empty(), "seed {seed}: {} still has pending", d.identity.person_name);
        }
        for text in texts_of(&relay_doc) {
            if let Some(n) = added.get_mut(&text) {
                *n += 1;
            }
        }
    }
    for (text, n) in &added {
        assert_eq!(*n, 1, "seed {seed}: {text:?} appears {n} times (0 = lost, 2+ = duplicated)");
    }
    assert!(!devices[3].store.document_ids().unwrap().iter().any(|id| id.kind() == DocKind::TeamNotes));
}

#[test]
fn an_erased_resident_disappears_from_every_device_and_cannot_come_back() {
    let relay = Relay::new();
    let (mut amara, mut chloe, doreen, kwame) = harness::amara_and_chloe_with_two_residents(&relay);
    // Amara edits Doreen's page offline, unaware of the erasure to come.
    let ctx = amara.identity.context(at(2));
    let page_id = DocumentId::resident(doreen, DocKind::Page);
    amara.store.edit(page_id, |d| page::add_offer(d, &ctx, "written offline", Category::Other)).unwrap();

    let erased = connect_relay_store::RelayStore::erase_resident(&*relay.db.lock().unwrap(), doreen, at(3)).unwrap();
    assert_eq!(erased.len(), 6);

    let report = chloe.sync_ok();
    assert_eq!(report.documents_erased, 6);
    let report = amara.sync_ok();
    assert_eq!(report.documents_erased, 6, "{report:?}");
    for d in [&amara, &chloe] {
        assert!(d.store.document_ids().unwrap().iter().all(|id| id.resident_id() != Some(doreen)));
        assert!(d.store.search("Doreen").unwrap().is_empty(), "index rows are gone too");
        assert_eq!(d.store.caseload().unwrap().iter().map(|r| r.resident).collect::<Vec<_>>(), [kwame]);
        assert!(d.store.pending().unwrap().is_empty(), "the offline edit is not waiting to resurrect her");
    }
    let db = relay.db.lock().unwrap();
    assert!(connect_relay_store::RelayStore::load(&*db, page_id).unwrap().is_none(), "no resurrection on the relay");
}

/// Which of `words` appear in the relay's database file or its WAL.
fn words_in_relay_files(path: &std::path::Path, words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for suffix in ["", "-wal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let Ok(bytes) = std::fs::read(&name) else { continue };
        for w in words {
            if bytes.windows(w.len()).any(|window| window == w.as_bytes()) {
                found.push(format!("{w} in relay.db{suffix}"));
            }
        }
    }
    found
}

#[test]
fn erasure_reaches_a_device_that_was_offline_and_leaves_no_trace_in_the_relay_file() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("erasure-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("relay.db");
    let relay = Relay::on_disk(&path);
    let mut amara = relay.enrol("Amara", AuthorRole::Supporter, None);
    let mut chloe = relay.enrol("Chloe", AuthorRole::Coordinator, None);
    let mut ben = relay.enrol("Ben", AuthorRole::Supporter, None);

    let doreen = amara.resident_with_offer_and_team_note(
        "Zebediah Quillfeather",
        "marmalade every spring",
        "Wickhamshire stairs",
    );
    amara.sync_ok();
    connect_relay::admin::assign(&*relay.db.lock().unwrap(), relay.team, doreen, ben.record.person.person_id, at(2))
        .unwrap();
    let mut own = relay.enrol("Zebediah Quillfeather", AuthorRole::Resident, Some(doreen));
    for d in [&mut chloe, &mut ben, &mut own] {
        d.sync_ok();
    }
    let secrets = ["Quillfeather", "marmalade", "Wickhamshire", "bagpipes"];
    assert!(words_in_relay_files(&path, &secrets).len() >= 3, "the control: the relay file held the words before");

    // Ben is in a tower block with no signal: he edits, unaware of the erasure.
    let ctx = ben.identity.context(at(3));
    ben.store
        .edit(DocumentId::resident(doreen, DocKind::Page), |d| {
            page::add_offer(d, &ctx, "bagpipes, written offline", Category::Other).map(drop)
        })
        .unwrap();

    let erased = connect_relay_store::RelayStore::erase_resident(&*relay.db.lock().unwrap(), doreen, at(4)).unwrap();
    assert_eq!(erased.len(), 6);
    for d in [&mut amara, &mut chloe] {
        d.sync_ok();
    }
    // Signal again: Ben's copy and his offline edit go, and do not come back.
    let report = ben.sync_ok();
    assert!(report.documents_erased >= 5, "{report:?}");
    for d in [&amara, &chloe, &ben] {
        assert!(
            d.store.document_ids().unwrap().iter().all(|id| id.resident_id() != Some(doreen)),
            "{}",
            d.identity.person_name
        );
        assert!(d.store.caseload().unwrap().is_empty());
        assert!(d.store.pending().unwrap().is_empty(), "nothing waits to resurrect her");
        assert!(d.store.search("marmalade").unwrap().is_empty());
    }
    ben.sync_ok();
    // Her own phone is revoked, so its next contact wipes it.
    assert!(matches!(own.sync(None, 0.0), Err(connect_sync::SyncError::Revoked)));
    assert_eq!(words_in_relay_files(&path, &secrets), Vec::<String>::new(), "no trace in the relay's file");
}

/// Promises merge like every record: offline on two team phones, one marks
/// a promise done while the other rewords it; the resident's own phone moves
/// the next visit and keeps a promise of hers; a team-only promise never
/// reaches her phone; and everyone ends with the same promises.
#[test]
fn promises_edited_offline_on_several_phones_merge_and_team_only_ones_stay_with_the_team() {
    use connect_model::promise::{self, NewPromise, Plan, PlanReason, PromiseBy, PromiseState, When};
    let relay = Relay::new();
    let mut amara = relay.enrol("Amara", AuthorRole::Supporter, None);
    let mut chloe = relay.enrol("Chloe", AuthorRole::Coordinator, None);
    let doreen = connect_store::create_resident(&mut amara.store, &amara.identity, "Doreen", at(1)).unwrap();
    let page = DocumentId::resident(doreen, DocKind::Page);
    let notes = DocumentId::resident(doreen, DocKind::TeamNotes);
    let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    let new = |text, by| NewPromise { text, by, by_name: "", when: Some(When::On(day("2026-03-10"))), ask: None };
    let ctx = amara.identity.context(at(2));
    let ramp = amara
        .store
        .edit(page, |d| promise::add(d, &ctx, &new("ask the council about the ramp", PromiseBy::Supporter)))
        .unwrap();
    let curry =
        amara.store.edit(page, |d| promise::add(d, &ctx, &new("teach Amara her curry", PromiseBy::Resident))).unwrap();
    amara
        .store
        .edit(notes, |d| promise::add(d, &ctx, &new("check the boiler (safeguarding)", PromiseBy::Team)))
        .unwrap();
    amara.sync_ok();
    chloe.sync_ok();
    let mut resident = relay.enrol("Doreen", AuthorRole::Resident, Some(doreen));
    resident.sync_ok();

    // All three offline at once.
    let ctx = amara.identity.context(at(3));
    amara.store.edit(page, |d| promise::set_state(d, &ctx, ramp, PromiseState::Done)).unwrap();
    let ctx = chloe.identity.context(at(3));
    chloe
        .store
        .edit(page, |d| promise::edit_text(d, &ctx, ramp, "ask the council about the ramp and the rail"))
        .unwrap();
    let mine = resident.identity.context(at(4));
    resident.store.edit(page, |d| promise::set_state(d, &mine, curry, PromiseState::Done)).unwrap();
    resident
        .store
        .edit(page, |d| promise::set_next_visit(d, &mine, Plan::TheyWillCall, PlanReason::ResidentNotNow))
        .unwrap();

    for _ in 0..2 {
        for device in [&mut amara, &mut chloe, &mut resident] {
            let report = device.sync_ok();
            assert!(report.rejected.is_empty(), "{report:?}");
        }
    }
    let read = |d: &Device| promise::read(&d.store.load(page).unwrap()).unwrap();
    let theirs = read(&amara);
    assert_eq!(read(&chloe), theirs);
    assert_eq!(read(&resident), theirs);
    let ramp = theirs.iter().find(|p| p.id == ramp).unwrap();
    assert_eq!(ramp.terms.text, "ask the council about the ramp and the rail");
    assert_eq!(ramp.state(), PromiseState::Done);
    let curry = theirs.iter().find(|p| p.id == curry).unwrap();
    assert_eq!(curry.state(), PromiseState::Done);
    assert!(curry.changes[0].by.is_resident() && curry.changes[0].by.recorded_by.is_none(), "on her own phone");
    let next = promise::next_visit(&chloe.store.load(page).unwrap()).unwrap().unwrap();
    assert_eq!((next.plan, next.reason), (Plan::TheyWillCall, PlanReason::ResidentNotNow));
    assert!(!resident.store.contains(notes).unwrap(), "the team-only promise never reaches her phone");
    assert_eq!(chloe.store.open_promises().unwrap().len(), 1, "the team sees its own");
    assert!(resident.store.open_promises().unwrap().is_empty());
}
