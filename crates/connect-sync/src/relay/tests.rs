//! Scripted tests of [`RelayRound`]: given this event, the round answers
//! exactly this effect. Each event (`Read`, `Feed`, `Facts`, `Committed`)
//! and each effect (`Read`, `ReadFeed`, `ReadFacts`, `Commit`, `Respond`)
//! appears, with what the round refuses and why.

use std::io::Write;

use connect_model::automerge::Automerge;
use connect_model::{
    Author, AuthorRole, DeviceId, DocKind, DocumentId, EditContext, ResidentId, TeamId, Timestamp, page, story,
};

use super::*;
use crate::access::{Caller, ResidentFacts};
use crate::protocol::{DocBytes, SyncRequest, Upload};

fn at(minute: i64) -> Timestamp {
    Timestamp::from_millis(1_772_355_600_000 + minute * 60_000)
}

fn caller(role: AuthorRole, team: TeamId) -> Caller {
    let resident = (role == AuthorRole::Resident).then(ResidentId::random);
    Caller { device: DeviceId::random(), person: uuid::Uuid::new_v4(), team, role, resident }
}

fn ctx(c: &Caller, role: AuthorRole) -> EditContext {
    EditContext::new(Author::new(role, "Amara", c.device), at(1))
}

/// A new resident's page, written on `c`'s device.
fn page_by(c: &Caller, r: ResidentId) -> Automerge {
    page::create(&connect_model::actor_for(c.device, 1), r, "Doreen", &ctx(c, c.role)).unwrap()
}

/// A supporter, a new resident's page as the relay holds it, and a copy of it
/// on the supporter's phone to change.
fn a_supporters_page_to_edit() -> (Caller, DocumentId, Automerge, Automerge) {
    let c = caller(AuthorRole::Supporter, TeamId::random());
    let r = ResidentId::random();
    let base = page_by(&c, r);
    let doc = base.fork().with_actor(connect_model::actor_for(c.device, 2));
    (c, DocumentId::resident(r, DocKind::Page), base, doc)
}

fn upload(id: DocumentId, doc: &Automerge) -> Upload {
    Upload { doc: id.into(), heads: doc.get_heads().iter().map(|h| h.0).collect(), bytes: doc.save() }
}

fn stored(id: DocumentId, doc: &Automerge, facts: ResidentFacts) -> StoredDoc {
    StoredDoc {
        id,
        stored: Some(StoredBytes { bytes: doc.save(), heads: doc.get_heads(), compacted: true }),
        erased: false,
        facts,
        sync_state: None,
        assumed_round: None,
    }
}

/// Runs the named-documents phase: the `Read` the round asks for first,
/// answered with `docs`, must be followed by a `ReadFeed`, answered with an
/// empty feed; returns the effect after that.
fn through_named(round: &mut RelayRound<'_>, first: &RelayEffect, docs: Vec<StoredDoc>) -> RelayEffect {
    assert!(matches!(first, RelayEffect::Read(_)), "{first:?}");
    let next = round.handle(RelayEvent::Read(docs)).unwrap();
    assert!(matches!(next, RelayEffect::ReadFeed { .. }), "{next:?}");
    round.handle(RelayEvent::Feed(Vec::new())).unwrap()
}

fn rejections(effect: &RelayEffect) -> Vec<String> {
    match effect {
        RelayEffect::Respond(r, _) => r.rejected.iter().map(|r| r.reason.clone()).collect(),
        other => panic!("expected a response, got {other:?}"),
    }
}

#[test]
fn a_poll_reads_the_feed_and_answers_with_no_writes() {
    let team = TeamId::random();
    let c = caller(AuthorRole::Supporter, team);
    let request = SyncRequest { cursor: 7, applied: 3, ..SyncRequest::default() };
    let start = RoundStart { last_round: 3, team_bytes: 0 };
    let (mut round, effect) = RelayRound::new(c, &request, start, RelayLimits::default()).unwrap();
    assert!(matches!(&effect, RelayEffect::Read(ids) if ids.is_empty()));
    let effect = round.handle(RelayEvent::Read(Vec::new())).unwrap();
    assert!(
        matches!(effect, RelayEffect::ReadFeed { after: 7, limit } if limit == RelayLimits::default().feed_page + 1)
    );
    match round.handle(RelayEvent::Feed(Vec::new())).unwrap() {
        RelayEffect::Respond(response, outcome) => {
            assert_eq!((response.cursor, response.round, response.more), (7, 3, false));
            assert_eq!(outcome, RelayOutcome::default());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_new_residents_upload_is_committed_then_answered() {
    let team = TeamId::random();
    let c = caller(AuthorRole::Supporter, team);
    let r = ResidentId::random();
    let id = DocumentId::resident(r, DocKind::Page);
    let doc = page_by(&c, r);
    let request = SyncRequest { uploads: vec![upload(id, &doc)], ..SyncRequest::default() };
    let (mut round, effect) = RelayRound::new(c, &request, RoundStart::default(), RelayLimits::default()).unwrap();
    assert!(matches!(&effect, RelayEffect::Read(ids) if ids == &vec![id]));
    let effect = through_named(&mut round, &effect, Vec::new());
    let RelayEffect::Commit(writes) = effect else { panic!("{effect:?}") };
    assert_eq!(writes.register, vec![r], "a resident seen for the first time is registered");
    assert_eq!(writes.saves.len(), 1);
    assert!(writes.saves[0].whole && writes.saves[0].heads == doc.get_heads());
    assert_eq!(writes.sync_states.len(), 1);
    match round.handle(RelayEvent::Committed).unwrap() {
        RelayEffect::Respond(response, outcome) => {
            assert_eq!(response.acks.len(), 1);
            assert!(response.rejected.is_empty());
            assert_eq!(outcome.changes_accepted, doc.get_changes(&[]).len() as u64);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_event_out_of_step_is_an_error_not_a_panic() {
    let c = caller(AuthorRole::Supporter, TeamId::random());
    let request = SyncRequest::default();
    let (mut round, _) = RelayRound::new(c, &request, RoundStart::default(), RelayLimits::default()).unwrap();
    assert!(matches!(round.handle(RelayEvent::Committed), Err(SyncError::OutOfOrder(_))));
    assert!(matches!(round.handle(RelayEvent::Feed(Vec::new())), Err(SyncError::OutOfOrder(_))));
    let too_many = SyncRequest { missing: vec![DocumentId::directory(c.team).into(); 3], ..SyncRequest::default() };
    let limits = RelayLimits { max_documents: 2, ..RelayLimits::default() };
    assert!(matches!(
        RelayRound::new(c, &too_many, RoundStart::default(), limits),
        Err(SyncError::TooManyDocuments { documents: 3, limit: 2 })
    ));
}

#[test]
fn a_supporter_is_asked_about_feed_entries_and_sees_only_what_it_may() {
    let team = TeamId::random();
    let maker = caller(AuthorRole::Supporter, team);
    let mine = caller(AuthorRole::Supporter, team);
    let (theirs_r, mine_r) = (ResidentId::random(), ResidentId::random());
    let (theirs_id, mine_id) =
        (DocumentId::resident(theirs_r, DocKind::Page), DocumentId::resident(mine_r, DocKind::Page));
    let (theirs_doc, mine_doc) = (page_by(&maker, theirs_r), page_by(&maker, mine_r));
    let request = SyncRequest::default();
    let (mut round, effect) = RelayRound::new(mine, &request, RoundStart::default(), RelayLimits::default()).unwrap();
    assert!(matches!(effect, RelayEffect::Read(_)));
    round.handle(RelayEvent::Read(Vec::new())).unwrap();
    let feed =
        vec![FeedEntry { seq: 1, doc: theirs_id, erased: false }, FeedEntry { seq: 2, doc: mine_id, erased: false }];
    let effect = round.handle(RelayEvent::Feed(feed)).unwrap();
    assert!(matches!(&effect, RelayEffect::ReadFacts(ids) if ids == &vec![theirs_id, mine_id]), "{effect:?}");
    let facts = vec![
        (theirs_id, ResidentFacts { team: Some(team), assigned: false }),
        (mine_id, ResidentFacts { team: Some(team), assigned: true }),
    ];
    let effect = round.handle(RelayEvent::Facts(facts)).unwrap();
    assert!(matches!(&effect, RelayEffect::Read(ids) if ids == &vec![mine_id]), "only its own resident is read");
    let effect = round.handle(RelayEvent::Read(vec![stored(
        mine_id,
        &mine_doc,
        ResidentFacts { team: Some(team), assigned: true },
    )]));
    let RelayEffect::Commit(writes) = effect.unwrap() else { panic!("a snapshot records its assumption") };
    assert_eq!(writes.sync_states.len(), 1);
    assert_eq!(writes.sync_states[0].2, Some(1), "assumed in the new round");
    let RelayEffect::Respond(response, _) = round.handle(RelayEvent::Committed).unwrap() else { panic!() };
    assert_eq!(response.snapshots.len(), 1);
    assert_eq!(response.snapshots[0].doc, mine_id.into());
    assert_eq!((response.cursor, response.round), (2, 1));
    drop(theirs_doc);
}

#[test]
fn a_tombstone_goes_only_to_a_device_that_could_see_the_resident() {
    let team = TeamId::random();
    let gone = DocumentId::resident(ResidentId::random(), DocKind::Page);
    let feed = || vec![FeedEntry { seq: 5, doc: gone, erased: true }];
    let erased_for = |c: Caller, assigned: Option<bool>| {
        let request = SyncRequest::default();
        let (mut round, _) = RelayRound::new(c, &request, RoundStart::default(), RelayLimits::default()).unwrap();
        round.handle(RelayEvent::Read(Vec::new())).unwrap();
        let mut effect = round.handle(RelayEvent::Feed(feed())).unwrap();
        if let Some(assigned) = assigned {
            assert!(matches!(&effect, RelayEffect::ReadFacts(ids) if ids == &vec![gone]), "{effect:?}");
            effect =
                round.handle(RelayEvent::Facts(vec![(gone, ResidentFacts { team: Some(team), assigned })])).unwrap();
        }
        match effect {
            RelayEffect::Respond(r, _) => (r.erased, r.cursor),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(erased_for(caller(AuthorRole::Coordinator, team), None), (vec![gone.into()], 5));
    assert_eq!(erased_for(caller(AuthorRole::Supporter, team), Some(true)), (vec![gone.into()], 5));
    assert_eq!(erased_for(caller(AuthorRole::Supporter, team), Some(false)), (vec![], 5), "the cursor still moves on");
}

#[test]
fn a_request_that_lost_a_response_forgets_the_assumptions_made_after_it() {
    let c = caller(AuthorRole::Coordinator, TeamId::random());
    let request = SyncRequest { applied: 2, ..SyncRequest::default() };
    let (mut round, effect) =
        RelayRound::new(c, &request, RoundStart { last_round: 4, team_bytes: 0 }, RelayLimits::default()).unwrap();
    let effect = through_named(&mut round, &effect, Vec::new());
    let RelayEffect::Commit(writes) = effect else { panic!("{effect:?}") };
    assert_eq!((writes.forget_assumed_after, writes.round), (Some(2), 4));
}

/// A supporter's change to a resident's story, as `by` says.
fn consent_upload(c: &Caller, by: &EditContext) -> (DocumentId, Automerge, Upload) {
    let r = ResidentId::random();
    let id = DocumentId::resident(r, DocKind::Story);
    let base = story::create(&connect_model::actor_for(c.device, 1), r, &ctx(c, c.role)).unwrap();
    let mut doc = base.fork().with_actor(connect_model::actor_for(c.device, 2));
    story::set_consent(&mut doc, by, story::Consent::Named).unwrap();
    let up = Upload {
        doc: id.into(),
        heads: doc.get_heads().iter().map(|h| h.0).collect(),
        bytes: doc.save_after(&base.get_heads()),
    };
    (id, base, up)
}

fn answer_upload(c: Caller, id: DocumentId, base: &Automerge, up: Upload, limits: RelayLimits) -> RelayEffect {
    let request = SyncRequest { uploads: vec![up], ..SyncRequest::default() };
    let (mut round, effect) = RelayRound::new(c, &request, RoundStart::default(), limits).unwrap();
    let facts = ResidentFacts { team: Some(c.team), assigned: true };
    let effect = through_named(&mut round, &effect, vec![stored(id, base, facts)]);
    match effect {
        RelayEffect::Commit(_) => round.handle(RelayEvent::Committed).unwrap(),
        other => other,
    }
}

#[test]
fn a_supporter_may_record_the_residents_consent_only_as_recorded_by_a_supporter() {
    let c = caller(AuthorRole::Supporter, TeamId::random());
    // The supporter's own consent change, and the resident's on the
    // supporter's phone ("hand to resident"): both kept.
    for by in [
        ctx(&c, AuthorRole::Supporter),
        ctx(&c, AuthorRole::Supporter).by(Author::new(AuthorRole::Resident, "Doreen", c.device)),
    ] {
        let (id, base, up) = consent_upload(&c, &by);
        assert!(rejections(&answer_upload(c, id, &base, up, RelayLimits::default())).is_empty(), "{by:?}");
    }
    // The resident's consent, unmarked, from a supporter's device: refused.
    let (id, base, up) = consent_upload(&c, &ctx(&c, AuthorRole::Resident));
    assert_eq!(rejections(&answer_upload(c, id, &base, up, RelayLimits::default())), vec![checks::CLAIM_REFUSED]);
    // Words claimed for another device.
    let elsewhere = EditContext::new(Author::new(AuthorRole::Supporter, "Ben", DeviceId::random()), at(2));
    let (id, base, up) = consent_upload(&c, &elsewhere);
    assert_eq!(rejections(&answer_upload(c, id, &base, up, RelayLimits::default())), vec![checks::CLAIM_REFUSED]);
}

#[test]
fn a_document_past_its_byte_quota_or_the_teams_is_refused_and_the_rest_kept() {
    let team = TeamId::random();
    let c = caller(AuthorRole::Supporter, team);
    let (small_r, big_r) = (ResidentId::random(), ResidentId::random());
    let small = page_by(&c, small_r);
    let mut big = page_by(&c, big_r);
    page::set_about_me(&mut big, &ctx(&c, AuthorRole::Supporter), &"many words ".repeat(1500)).unwrap();
    let ids = [DocumentId::resident(small_r, DocKind::Page), DocumentId::resident(big_r, DocKind::Page)];
    let request = SyncRequest { uploads: vec![upload(ids[0], &small), upload(ids[1], &big)], ..SyncRequest::default() };
    let limits = RelayLimits { document_bytes: big.save().len() - 1, ..RelayLimits::default() };
    let (mut round, effect) = RelayRound::new(c, &request, RoundStart::default(), limits).unwrap();
    let RelayEffect::Commit(writes) = through_named(&mut round, &effect, Vec::new()) else { panic!() };
    assert_eq!(writes.saves.iter().map(|s| s.id).collect::<Vec<_>>(), vec![ids[0]], "the small one is kept");
    let RelayEffect::Respond(response, _) = round.handle(RelayEvent::Committed).unwrap() else { panic!() };
    assert_eq!(response.rejected.len(), 1);
    assert!(response.rejected[0].reason.contains("would grow past"), "{:?}", response.rejected);
    // A full team takes nothing new.
    let start = RoundStart { last_round: 0, team_bytes: RelayLimits::default().team_bytes };
    let (mut round, effect) = RelayRound::new(c, &request, start, RelayLimits::default()).unwrap();
    let effect = through_named(&mut round, &effect, Vec::new());
    assert_eq!(rejections(&effect).len(), 2);
    assert!(rejections(&effect)[0].contains("team's space"), "{:?}", rejections(&effect));
}

#[test]
fn text_past_the_apps_limits_is_refused_with_the_field_named() {
    let (c, id, base, mut doc) = a_supporters_page_to_edit();
    // Written past the model's own check, as a modified app could.
    let mut tx = doc.transaction();
    connect_model::automerge::transaction::Transactable::put(
        &mut tx,
        connect_model::automerge::ROOT,
        "preferred_name",
        "n".repeat(connect_model::limits::NAME_MAX + 1),
    )
    .unwrap();
    tx.commit();
    let up = Upload {
        doc: id.into(),
        heads: doc.get_heads().iter().map(|h| h.0).collect(),
        bytes: doc.save_after(&base.get_heads()),
    };
    let reasons = rejections(&answer_upload(c, id, &base, up, RelayLimits::default()));
    assert_eq!(reasons, vec!["its name is longer than the 200 characters the app allows".to_owned()]);
}

/// A compressed change chunk whose DEFLATE stream inflates to `size` zero bytes.
fn compressed_bomb(size: usize) -> Vec<u8> {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(&vec![0; size]).unwrap();
    let body = e.finish().unwrap();
    let mut chunk = vec![0x85, 0x6f, 0x4a, 0x83, 0, 0, 0, 0, 2];
    let mut n = body.len();
    loop {
        let b = u8::try_from(n & 0x7f).unwrap();
        n >>= 7;
        chunk.push(if n == 0 { b } else { b | 0x80 });
        if n == 0 {
            break;
        }
    }
    chunk.extend(body);
    chunk
}

#[test]
fn a_compressed_bomb_is_refused_within_the_budget_and_the_next_document_is_kept() {
    let team = TeamId::random();
    let c = caller(AuthorRole::Supporter, team);
    let r = ResidentId::random();
    let (bomb_id, good_id) = (DocumentId::resident(r, DocKind::Page), DocumentId::resident(r, DocKind::Circle));
    let good = connect_model::circle::create(&connect_model::actor_for(c.device, 1), r, &ctx(&c, c.role)).unwrap();
    let base = page_by(&c, r);
    let bomb = compressed_bomb(4 << 20);
    let decode = DecodeBudget { inflate_per_document: 1 << 20, ..DecodeBudget::default() };
    let limits = RelayLimits { decode, ..RelayLimits::default() };
    let message = connect_model::automerge::sync::Message {
        heads: Vec::new(),
        need: Vec::new(),
        have: Vec::new(),
        changes: bomb.clone().into(),
        flags: None,
        version: connect_model::automerge::sync::MessageVersion::V1,
    };
    let request = SyncRequest {
        uploads: vec![Upload { doc: bomb_id.into(), heads: Vec::new(), bytes: bomb }, upload(good_id, &good)],
        messages: vec![DocBytes { doc: bomb_id.into(), bytes: message.encode() }],
        ..SyncRequest::default()
    };
    let facts = ResidentFacts { team: Some(team), assigned: true };
    let (mut round, effect) = RelayRound::new(c, &request, RoundStart::default(), limits).unwrap();
    let RelayEffect::Commit(writes) = through_named(&mut round, &effect, vec![stored(bomb_id, &base, facts)]) else {
        panic!("the good document is saved")
    };
    assert_eq!(writes.saves.iter().map(|s| s.id).collect::<Vec<_>>(), vec![good_id]);
    let RelayEffect::Respond(response, outcome) = round.handle(RelayEvent::Committed).unwrap() else { panic!() };
    let reasons: Vec<_> = response.rejected.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(reasons, vec![checks::TOO_BIG_TO_UNPACK, checks::TOO_BIG_TO_UNPACK], "as an upload and in a message");
    assert!(outcome.decoded.inflate <= 2 << 20, "no more than the budget was inflated: {:?}", outcome.decoded);
}

#[test]
fn a_change_of_too_many_operations_is_refused_before_it_is_built() {
    let (c, id, base, mut doc) = a_supporters_page_to_edit();
    let mut tx = doc.transaction();
    let list = connect_model::automerge::transaction::Transactable::put_object(
        &mut tx,
        connect_model::automerge::ROOT,
        "junk",
        connect_model::automerge::ObjType::List,
    )
    .unwrap();
    for i in 0..5_000 {
        connect_model::automerge::transaction::Transactable::insert(&mut tx, &list, i, 0_i64).unwrap();
    }
    tx.commit();
    let up = Upload {
        doc: id.into(),
        heads: doc.get_heads().iter().map(|h| h.0).collect(),
        bytes: doc.save_after(&base.get_heads()),
    };
    let limits = RelayLimits {
        decode: DecodeBudget { ops_per_document: 1_000, ..DecodeBudget::default() },
        ..RelayLimits::default()
    };
    let effect = answer_upload(c, id, &base, up.clone(), limits);
    assert_eq!(rejections(&effect), vec![checks::TOO_BIG_TO_UNPACK]);
    let limits = RelayLimits {
        decode: DecodeBudget { changes_per_document: 0, ..DecodeBudget::default() },
        ..RelayLimits::default()
    };
    assert_eq!(rejections(&answer_upload(c, id, &base, up, limits)), vec![checks::TOO_MANY_CHANGES]);
}
