//! The media part of the suite: resumable uploads, the hash check, limits,
//! and deletion as documents stop referencing a blob or a resident is erased.

use std::collections::BTreeSet;

use connect_model::media::BlobHash;
use connect_model::{AuthorRole, DocKind, DocumentId, ResidentId};

use super::{at, commit, page_doc, team_with_device};
use crate::blobs::{Append, Appended, BlobLimits, BlobStore, CHUNK_BYTES};
use crate::{CommitOutcome, CommitSave, RelayStore, SyncCommit};

const LIMITS: BlobLimits = BlobLimits { blob_bytes: 2_000_000, team_bytes: 3_000_000 };

/// Bytes that differ at every position, so a misplaced chunk shows.
fn bytes(n: usize, seed: u8) -> Vec<u8> {
    (0..n).map(|i| u8::try_from((i * 31 + usize::from(seed)) % 251).unwrap_or(0)).collect()
}

fn append<'a>(team: connect_model::TeamId, doc: DocumentId, all: &[u8], offset: usize, part: &'a [u8]) -> Append<'a> {
    Append {
        team,
        doc,
        hash: BlobHash::of(all),
        length: all.len() as u64,
        offset: offset as u64,
        bytes: part,
        now: at(3),
    }
}

/// Every byte of a complete blob, read chunk by chunk as the relay serves it.
fn read_back<S: RelayStore>(store: &S, doc: DocumentId, hash: BlobHash) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some((start, chunk)) = store.blob_chunk(doc, hash, out.len() as u64).unwrap() {
        assert!(chunk.len() <= CHUNK_BYTES, "no chunk is larger than {CHUNK_BYTES}");
        let skip = out.len() - usize::try_from(start).unwrap();
        out.extend_from_slice(&chunk[skip..]);
    }
    out
}

/// An upload cut off resumes from what the relay says it has; once whole and
/// matching its hash it is complete, and sending it again changes nothing.
pub fn a_blob_sent_in_pieces_resumes_completes_once_and_reads_back_by_chunk<S: RelayStore>(store: &mut S) {
    let (team, _, _) = team_with_device(store, AuthorRole::Supporter);
    let doc = DocumentId::resident(ResidentId::random(), DocKind::Page);
    let all = bytes(CHUNK_BYTES * 2 + 12_345, 7);
    let hash = BlobHash::of(&all);
    assert_eq!(store.blob_status(doc, hash).unwrap(), None);
    let first = 300_001;
    assert_eq!(
        store.append_blob(&append(team, doc, &all, 0, &all[..first]), LIMITS).unwrap(),
        Appended::Partial { received: first as u64 }
    );
    let held = store.blob_status(doc, hash).unwrap().unwrap();
    assert_eq!((held.length, held.received, held.complete), (all.len() as u64, first as u64, false));
    assert_eq!(store.blob_chunk(doc, hash, 0).unwrap(), None, "an incomplete blob is not served");
    // A retry of the first piece is out of step: the relay says where to go on.
    let again = store.append_blob(&append(team, doc, &all, 0, &all[..first]), LIMITS).unwrap();
    assert_eq!(again, Appended::WrongOffset { received: first as u64 });
    let rest = store.append_blob(&append(team, doc, &all, first, &all[first..]), LIMITS).unwrap();
    assert_eq!(rest, Appended::Complete);
    assert!(store.blob_status(doc, hash).unwrap().unwrap().complete);
    assert_eq!(read_back(store, doc, hash), all);
    let (start, chunk) = store.blob_chunk(doc, hash, 400_000).unwrap().unwrap();
    assert!(start <= 400_000 && start + chunk.len() as u64 > 400_000);
    assert_eq!(store.blob_chunk(doc, hash, all.len() as u64).unwrap(), None, "nothing past the end");
    // Re-sent whole (a phone that never heard back): one copy, still complete.
    let resent = store.append_blob(&append(team, doc, &all, 0, &all), LIMITS).unwrap();
    assert_eq!(resent, Appended::Complete);
    assert_eq!(store.team_media_bytes(team).unwrap(), all.len() as u64);
    assert_eq!(read_back(store, doc, hash), all);
}

/// Bytes that do not hash to the name they were sent under are not kept.
pub fn a_blob_whose_bytes_do_not_match_its_name_is_deleted<S: RelayStore>(store: &mut S) {
    let (team, _, _) = team_with_device(store, AuthorRole::Supporter);
    let doc = DocumentId::resident(ResidentId::random(), DocKind::Page);
    let all = bytes(1000, 1);
    let mut wrong = all.clone();
    wrong[500] ^= 1;
    let a = Append { bytes: &wrong, ..append(team, doc, &all, 0, &wrong) };
    assert_eq!(store.append_blob(&a, LIMITS).unwrap(), Appended::HashMismatch);
    assert_eq!(store.blob_status(doc, BlobHash::of(&all)).unwrap(), None);
    assert_eq!(store.team_media_bytes(team).unwrap(), 0);
    assert_eq!(store.append_blob(&append(team, doc, &all, 0, &all), LIMITS).unwrap(), Appended::Complete);
}

/// Too large, a full team, bytes past the end: refused, with nothing of the
/// request kept; a changed length starts the upload again.
pub fn blob_uploads_past_a_limit_or_out_of_step_keep_nothing<S: RelayStore>(store: &mut S) {
    let (team, _, _) = team_with_device(store, AuthorRole::Supporter);
    let doc = DocumentId::resident(ResidentId::random(), DocKind::Page);
    let big = bytes(2_000_001, 2);
    assert_eq!(store.append_blob(&append(team, doc, &big, 0, &big[..10]), LIMITS).unwrap(), Appended::TooLarge);
    assert_eq!(store.blob_status(doc, BlobHash::of(&big)).unwrap(), None);
    let one = bytes(1_900_000, 3);
    assert_eq!(store.append_blob(&append(team, doc, &one, 0, &one), LIMITS).unwrap(), Appended::Complete);
    let two = bytes(1_200_000, 4);
    let full = store.append_blob(&append(team, doc, &two, 0, &two[..10]), LIMITS).unwrap();
    assert_eq!(full, Appended::TeamFull, "1.9 MB kept, 1.2 MB more would pass the team's 3 MB");
    let small = bytes(1000, 5);
    assert_eq!(
        store.append_blob(&append(team, doc, &small, 0, &small[..100]), LIMITS).unwrap(),
        Appended::Partial { received: 100 }
    );
    let mut past = small.clone();
    past.extend_from_slice(b"extra");
    let over = Append { bytes: &past[100..], ..append(team, doc, &small, 100, &small[100..]) };
    assert_eq!(store.append_blob(&over, LIMITS).unwrap(), Appended::PastTheEnd);
    assert_eq!(store.blob_status(doc, BlobHash::of(&small)).unwrap().unwrap().received, 100, "nothing more kept");
    // Another length for the same bytes starts the upload again.
    let restart = Append { length: 999, ..append(team, doc, &small, 100, &small[100..200]) };
    assert_eq!(store.append_blob(&restart, LIMITS).unwrap(), Appended::WrongOffset { received: 0 });
    assert_eq!(store.blob_status(doc, BlobHash::of(&small)).unwrap(), None, "the old start is gone");
    assert_eq!(store.append_blob(&append(team, doc, &small, 0, &small), LIMITS).unwrap(), Appended::Complete);
}

fn commit_media<S: RelayStore>(
    store: &S,
    (team, device, person): (connect_model::TeamId, connect_model::DeviceId, uuid::Uuid),
    doc: &mut connect_model::automerge::Automerge,
    id: DocumentId,
    media: &BTreeSet<BlobHash>,
    register: &[ResidentId],
) {
    // Each commit carries one small change, as a sync round would.
    let before = doc.get_heads();
    let ctx =
        connect_model::EditContext::new(connect_model::Author::new(AuthorRole::Supporter, "Amara", device), at(4));
    connect_model::page::rename(doc, &ctx, &format!("Doreen {}", media.len())).unwrap();
    let stored = store.load(id).unwrap();
    let (bytes, whole, base): (Vec<u8>, bool, Vec<_>) = match stored {
        None => (doc.save(), true, Vec::new()),
        Some(s) => (doc.save_after(&s.get_heads()), false, s.get_heads()),
    };
    let heads = doc.get_heads();
    let new: Vec<_> = doc.get_changes(if whole { &[] } else { &before }).iter().map(|c| c.hash()).collect();
    let saves = [CommitSave { id, bytes: &bytes, whole, base_heads: &base, heads: &heads, new_changes: &new, media }];
    let c = SyncCommit { saves: &saves, ..commit(team, person, device, register) };
    assert_eq!(store.commit_sync(&c).unwrap(), CommitOutcome::Committed);
}

/// A photo removed from its document is deleted in the commit that removes
/// it; a blob no document ever referenced is kept for the grace period, then
/// collected; one still referenced stays whatever its age.
pub fn a_blob_its_document_stops_referencing_is_deleted_and_strays_are_collected<S: RelayStore>(store: &mut S) {
    let who = team_with_device(store, AuthorRole::Supporter);
    let (team, device, _) = who;
    let r = ResidentId::random();
    let id = DocumentId::resident(r, DocKind::Page);
    let mut doc = page_doc(r, device, &[]);
    let (kept, removed, stray) = (bytes(500, 1), bytes(600, 2), bytes(700, 3));
    for b in [&kept, &removed, &stray] {
        assert_eq!(store.append_blob(&append(team, id, b, 0, b), LIMITS).unwrap(), Appended::Complete);
    }
    let both = BTreeSet::from([BlobHash::of(&kept), BlobHash::of(&removed)]);
    commit_media(store, who, &mut doc, id, &both, &[r]);
    assert!(store.blob_status(id, BlobHash::of(&removed)).unwrap().is_some());
    commit_media(store, who, &mut doc, id, &BTreeSet::from([BlobHash::of(&kept)]), &[]);
    assert_eq!(store.blob_status(id, BlobHash::of(&removed)).unwrap(), None, "removed, so deleted");
    assert_eq!(store.blob_chunk(id, BlobHash::of(&removed), 0).unwrap(), None);
    assert_eq!(store.collect_blobs(at(3)).unwrap(), 0, "nothing is older than the cutoff");
    assert_eq!(store.collect_blobs(at(10)).unwrap(), 1, "the stray is collected");
    assert_eq!(store.blob_status(id, BlobHash::of(&stray)).unwrap(), None);
    assert!(store.blob_status(id, BlobHash::of(&kept)).unwrap().unwrap().complete, "still referenced");
    assert_eq!(store.team_media_bytes(team).unwrap(), 500);
}

/// Erasing a resident deletes every media file of every document of theirs.
pub fn erasing_a_resident_deletes_their_media<S: RelayStore>(store: &mut S) {
    let who = team_with_device(store, AuthorRole::Supporter);
    let (team, device, _) = who;
    let r = ResidentId::random();
    let page = DocumentId::resident(r, DocKind::Page);
    let notes = DocumentId::resident(r, DocKind::TeamNotes);
    let mut doc = page_doc(r, device, &[]);
    let (photo, voice) = (bytes(CHUNK_BYTES + 1, 1), bytes(900, 2));
    store.append_blob(&append(team, page, &photo, 0, &photo), LIMITS).unwrap();
    store.append_blob(&append(team, notes, &voice, 0, &voice), LIMITS).unwrap();
    commit_media(store, who, &mut doc, page, &BTreeSet::from([BlobHash::of(&photo)]), &[r]);
    let other = bytes(300, 9);
    let elsewhere = DocumentId::resident(ResidentId::random(), DocKind::Page);
    store.append_blob(&append(team, elsewhere, &other, 0, &other), LIMITS).unwrap();
    store.erase_resident(r, at(6)).unwrap();
    assert_eq!(store.blob_status(page, BlobHash::of(&photo)).unwrap(), None);
    assert_eq!(store.blob_status(notes, BlobHash::of(&voice)).unwrap(), None);
    assert!(store.blob_status(elsewhere, BlobHash::of(&other)).unwrap().is_some(), "another resident's stays");
    assert_eq!(store.team_media_bytes(team).unwrap(), 300);
}
