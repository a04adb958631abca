//! `DeviceSync` scripted, as automerge and samod test their state machines:
//! given this event, the session asks for exactly this effect. No store, no
//! relay, no socket: each test plays the driver and the relay by hand.

use connect_model::automerge::transaction::Transactable;
use connect_model::automerge::{AutoCommit, Automerge, ChangeHash, ROOT};
use connect_model::{DocKind, DocumentId, ResidentId};
use connect_sync::SyncError;
use connect_sync::device::{DeviceEffect, DeviceEvent, DeviceSync, LoadedDoc, MAX_IDLE_ROUNDS, Written};
use connect_sync::driver::SessionStart;
use connect_sync::protocol::{Ack, DocBytes, Limits, Rejection, SyncRequest, SyncResponse, WireDocId};

fn page() -> DocumentId {
    DocumentId::resident(ResidentId::random(), DocKind::Page)
}

/// A small document with one edit.
fn doc(words: &str) -> Automerge {
    let mut d = AutoCommit::new();
    d.put(ROOT, "words", words).unwrap();
    d.document().clone()
}

fn start(pending: Vec<DocumentId>) -> SessionStart {
    SessionStart { cursor: 0, applied: 0, limits: Limits::FLOOR, pending, talk: Vec::new() }
}

fn loaded(id: DocumentId, d: Option<Automerge>) -> LoadedDoc {
    LoadedDoc { id, doc: d, sync_state: None, synced_heads: None }
}

fn heads(d: &Automerge) -> Vec<[u8; 32]> {
    d.get_heads().iter().map(|h| h.0).collect()
}

fn sorted(mut h: Vec<ChangeHash>) -> Vec<ChangeHash> {
    h.sort();
    h
}

/// A response from the relay at `cursor`, round 1, with nothing else in it.
fn response(cursor: u64) -> SyncResponse {
    SyncResponse { cursor, round: 1, limits: Limits::FLOOR, ..SyncResponse::default() }
}

#[track_caller]
fn sent(effect: &DeviceEffect) -> SyncRequest {
    match effect {
        DeviceEffect::Send(body) => SyncRequest::decode(body).unwrap(),
        other => panic!("expected a request to send, got {other:?}"),
    }
}

#[track_caller]
fn step(session: &mut DeviceSync, event: DeviceEvent) -> DeviceEffect {
    session.handle(event).unwrap()
}

#[test]
fn with_nothing_pending_a_session_asks_the_feed_once_and_ends() {
    let (mut session, effect) = DeviceSync::new(start(Vec::new()));
    let request = sent(&effect);
    assert!(request.uploads.is_empty() && request.messages.is_empty() && request.missing.is_empty());
    assert_eq!((request.cursor, request.applied), (0, 0));
    // The relay has nothing new, but a first round: the round is written.
    let effect = step(&mut session, DeviceEvent::Received(response(0).encode()));
    let DeviceEffect::Write(write) = effect else { panic!("the round is written: {effect:?}") };
    assert_eq!((write.cursor, write.round), (0, 1));
    assert!(write.saves.is_empty() && write.erase.is_empty());
    let effect = step(&mut session, DeviceEvent::Written(Written { round: 1, ..Written::default() }));
    let DeviceEffect::Done(report) = effect else { panic!("done: {effect:?}") };
    assert_eq!(report.rounds, 1);
    assert!(report.bytes_up > 0 && report.bytes_down > 0);
}

#[test]
fn a_pending_document_is_loaded_uploaded_whole_and_marked_on_the_relay_when_acknowledged() {
    let id = page();
    let d = doc("I make a good curry");
    let (mut session, effect) = DeviceSync::new(start(vec![id]));
    let DeviceEffect::Load(ids) = effect else { panic!("pending documents are loaded first: {effect:?}") };
    assert_eq!(ids, vec![id]);
    let effect = step(&mut session, DeviceEvent::Loaded(vec![loaded(id, Some(d.clone()))]));
    let request = sent(&effect);
    assert_eq!(request.uploads.len(), 1, "never on the relay: the whole document");
    assert_eq!(request.uploads[0].doc, WireDocId::from(id));
    assert_eq!(request.uploads[0].heads, heads(&d));
    assert_eq!(Automerge::load(&request.uploads[0].bytes).unwrap().get_heads(), d.get_heads());

    let mut answer = response(1);
    answer.acks.push(Ack { doc: id.into(), heads: heads(&d) });
    let effect = step(&mut session, DeviceEvent::Received(answer.encode()));
    let DeviceEffect::Write(write) = effect else { panic!("{effect:?}") };
    assert_eq!(write.cursor, 1);
    assert_eq!(write.synced, vec![(id, sorted(d.get_heads()))], "on the relay: these exact heads");
    let effect = step(&mut session, DeviceEvent::Written(Written { round: 1, ..Written::default() }));
    let DeviceEffect::Done(report) = effect else { panic!("{effect:?}") };
    assert_eq!(report.documents_sent, 1);
}

#[test]
fn an_acknowledgement_of_other_heads_does_not_mark_a_document_as_on_the_relay() {
    let id = page();
    let d = doc("words");
    let (mut session, _) = DeviceSync::new(start(vec![id]));
    step(&mut session, DeviceEvent::Loaded(vec![loaded(id, Some(d))]));
    let mut answer = response(1);
    answer.acks.push(Ack { doc: id.into(), heads: vec![[7; 32]] });
    let effect = step(&mut session, DeviceEvent::Received(answer.encode()));
    let DeviceEffect::Write(write) = effect else { panic!("{effect:?}") };
    assert!(write.synced.is_empty(), "{:?}", write.synced);
}

#[test]
fn a_session_cut_off_mid_conversation_resumes_those_documents_first() {
    let id = page();
    let start = SessionStart { talk: vec![id], ..start(Vec::new()) };
    let (mut session, effect) = DeviceSync::new(start);
    let DeviceEffect::Load(ids) = effect else { panic!("{effect:?}") };
    assert_eq!(ids, vec![id]);
    let effect = step(&mut session, DeviceEvent::Loaded(vec![loaded(id, Some(doc("x")))]));
    let request = sent(&effect);
    assert_eq!(request.messages.len(), 1, "the conversation goes on with a sync message");
    assert_eq!(request.messages[0].doc, WireDocId::from(id));
}

#[test]
fn a_document_the_relay_talks_about_is_loaded_and_if_absent_asked_for_whole() {
    let here = page();
    let absent = page();
    let relay_doc = doc("from the relay");
    let mut relay_state = connect_model::automerge::sync::State::new();
    use connect_model::automerge::sync::SyncDoc;
    let message = relay_doc.generate_sync_message(&mut relay_state).unwrap().encode();
    let (mut session, effect) = DeviceSync::new(start(Vec::new()));
    sent(&effect);
    let mut answer = response(2);
    answer.messages.push(DocBytes { doc: here.into(), bytes: message.clone() });
    answer.messages.push(DocBytes { doc: absent.into(), bytes: message });
    let effect = step(&mut session, DeviceEvent::Received(answer.encode()));
    let DeviceEffect::Load(mut ids) = effect else { panic!("named documents are loaded: {effect:?}") };
    ids.sort();
    let mut both = vec![here, absent];
    both.sort();
    assert_eq!(ids, both);
    let effect = step(&mut session, DeviceEvent::Loaded(vec![loaded(here, Some(doc("mine"))), loaded(absent, None)]));
    let DeviceEffect::Write(write) = effect else { panic!("{effect:?}") };
    assert!(write.sync_states.iter().any(|(id, _)| *id == here), "the conversation's state is kept");
    assert_eq!(write.talk, vec![here], "and carried on in the next request");
    let effect = step(&mut session, DeviceEvent::Written(Written { round: 1, ..Written::default() }));
    let request = sent(&effect);
    assert_eq!(request.missing, vec![WireDocId::from(absent)], "a document not here is asked for whole");
}

#[test]
fn a_snapshot_is_saved_with_its_heads_marked_and_an_erasure_deletes_and_forgets() {
    let new = page();
    let gone = page();
    let snap = doc("a resident new to this phone");
    let (mut session, effect) = DeviceSync::new(start(Vec::new()));
    sent(&effect);
    let mut answer = response(3);
    answer.snapshots.push(DocBytes { doc: new.into(), bytes: snap.save() });
    answer.erased.push(gone.into());
    let effect = step(&mut session, DeviceEvent::Received(answer.encode()));
    let DeviceEffect::Write(write) = effect else { panic!("{effect:?}") };
    assert_eq!(write.saves.len(), 1);
    assert_eq!(write.saves[0].0, new);
    assert_eq!(write.synced, vec![(new, sorted(snap.get_heads()))]);
    assert_eq!(write.erase, vec![gone]);
    let effect =
        step(&mut session, DeviceEvent::Written(Written { changed: 1, erased: 1, round: 1, ..Written::default() }));
    let DeviceEffect::Done(report) = effect else { panic!("{effect:?}") };
    assert_eq!((report.documents_changed, report.documents_erased), (1, 1));
}

#[test]
fn a_refused_document_is_reported_with_its_reason_and_not_offered_again() {
    let id = page();
    let (mut session, _) = DeviceSync::new(start(vec![id]));
    step(&mut session, DeviceEvent::Loaded(vec![loaded(id, Some(doc("too long")))]));
    let mut answer = response(1);
    answer.rejected.push(Rejection { doc: id.into(), reason: "an offer is at most 2000 characters".into() });
    let effect = step(&mut session, DeviceEvent::Received(answer.encode()));
    let effect = match effect {
        DeviceEffect::Write(_) => step(&mut session, DeviceEvent::Written(Written { round: 1, ..Written::default() })),
        other => other,
    };
    let DeviceEffect::Done(report) = effect else { panic!("nothing more is sent for it: {effect:?}") };
    assert_eq!(report.rejected, vec![(id, "an offer is at most 2000 characters".to_owned())]);
}

#[test]
fn batches_never_carry_more_documents_than_the_relay_takes() {
    let ids: Vec<DocumentId> = (0..5).map(|_| page()).collect();
    let limits = Limits { max_documents: 2, ..Limits::FLOOR };
    let (mut session, effect) = DeviceSync::new(SessionStart { limits, ..start(ids) });
    let DeviceEffect::Load(first) = effect else { panic!("{effect:?}") };
    assert!(first.len() <= 2, "only what fits is loaded: {}", first.len());
    let mut effect =
        step(&mut session, DeviceEvent::Loaded(first.iter().map(|id| loaded(*id, Some(doc("x")))).collect()));
    let mut uploaded = 0;
    let mut cursor = 0;
    for _ in 0..20 {
        match effect {
            DeviceEffect::Load(more) => {
                effect = step(
                    &mut session,
                    DeviceEvent::Loaded(more.iter().map(|id| loaded(*id, Some(doc("x")))).collect()),
                );
            }
            DeviceEffect::Send(ref body) => {
                let request = SyncRequest::decode(body).unwrap();
                assert!(request.uploads.len() + request.messages.len() <= 2, "a batch within the limit");
                uploaded += request.uploads.len();
                cursor += 1;
                let answer = SyncResponse { limits, ..response(cursor) };
                effect = step(&mut session, DeviceEvent::Received(answer.encode()));
            }
            DeviceEffect::Write(ref write) => {
                let round = write.round;
                effect = step(&mut session, DeviceEvent::Written(Written { round, ..Written::default() }));
            }
            DeviceEffect::Done(_) => break,
        }
    }
    assert_eq!(uploaded, 5, "every pending document went, in batches of two");
}

#[test]
fn a_relay_that_keeps_saying_more_without_progress_stops_the_session() {
    let (mut session, effect) = DeviceSync::new(start(Vec::new()));
    sent(&effect);
    let stuck = SyncResponse { more: true, round: 0, ..response(0) };
    let mut result = Ok(());
    for _ in 0..=MAX_IDLE_ROUNDS + 1 {
        match session.handle(DeviceEvent::Received(stuck.encode())) {
            Ok(DeviceEffect::Send(_)) => {}
            Ok(other) => panic!("{other:?}"),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    assert!(matches!(result, Err(SyncError::DidNotSettle(_))), "{result:?}");
}

#[test]
fn an_event_out_of_step_and_an_unreadable_answer_are_errors_not_panics() {
    let (mut session, _) = DeviceSync::new(start(Vec::new()));
    let out_of_step = session.handle(DeviceEvent::Loaded(Vec::new()));
    assert!(matches!(out_of_step, Err(SyncError::OutOfOrder(_))), "{out_of_step:?}");
    let (mut session, _) = DeviceSync::new(start(Vec::new()));
    let junk = session.handle(DeviceEvent::Received(b"not a response".to_vec()));
    assert!(matches!(junk, Err(SyncError::Protocol(_))), "{junk:?}");
    let (mut session, _) = DeviceSync::new(start(Vec::new()));
    let mut bad = response(1);
    bad.snapshots.push(DocBytes { doc: page().into(), bytes: b"not a document".to_vec() });
    let refused = session.handle(DeviceEvent::Received(bad.encode()));
    assert!(matches!(refused, Err(SyncError::BadRelayData(_))), "{refused:?}");
}
