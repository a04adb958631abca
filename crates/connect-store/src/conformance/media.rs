//! The media part of the suite: files written in steps, read back chunk by
//! chunk, refused out of step, and gone when deleted or their document erased.

use connect_model::media::BlobHash;
use connect_model::{DocKind, DocumentId, ResidentId};

use crate::media::{MEDIA_CHUNK_BYTES, MediaOrigin, MediaWrite, read_whole};
use crate::{DocumentStore, StoreError};

fn bytes(n: usize, seed: u8) -> Vec<u8> {
    (0..n).map(|i| u8::try_from((i * 13 + usize::from(seed)) % 241).unwrap_or(0)).collect()
}

#[allow(clippy::too_many_arguments)]
fn w(
    doc: DocumentId,
    hash: BlobHash,
    length: u64,
    start: u64,
    bytes: &[u8],
    origin: MediaOrigin,
    now_ms: i64,
) -> MediaWrite<'_> {
    MediaWrite { doc, hash, length, start, bytes, origin, now_ms }
}

fn page() -> DocumentId {
    DocumentId::resident(ResidentId::random(), DocKind::Page)
}

/// A file written in uneven steps reads back whole and by chunk, no chunk
/// larger than the store's chunk size.
pub fn media_is_written_in_steps_and_read_back_by_chunk<S: DocumentStore>(store: &mut S) {
    let doc = page();
    let all = bytes(MEDIA_CHUNK_BYTES * 2 + 777, 1);
    let hash = BlobHash::of(&all);
    let len = all.len() as u64;
    assert_eq!(store.media_file(doc, hash).unwrap(), None);
    let mut at = 0;
    for step in [1, 300_000, 99_999] {
        let end = (at + step).min(all.len());
        let stored = store.write_media(&w(doc, hash, len, at as u64, &all[at..end], MediaOrigin::Here, 5)).unwrap();
        assert_eq!(stored, end as u64);
        at = end;
    }
    store.write_media(&w(doc, hash, len, at as u64, &all[at..], MediaOrigin::Here, 5)).unwrap();
    let file = store.media_file(doc, hash).unwrap().unwrap();
    assert!(file.is_whole() && !file.is_sent());
    assert_eq!((file.origin, file.stored, file.sent), (MediaOrigin::Here, len, 0));
    assert_eq!(read_whole(store, doc, hash).unwrap(), all);
    let (start, chunk) = store.read_media(doc, hash, 400_000).unwrap().unwrap();
    assert!(chunk.len() <= MEDIA_CHUNK_BYTES && start <= 400_000 && start + chunk.len() as u64 > 400_000);
    assert_eq!(chunk[..], all[usize::try_from(start).unwrap()..][..chunk.len()]);
    assert_eq!(store.read_media(doc, hash, len).unwrap(), None, "nothing past the end");
    assert_eq!(store.media_files().unwrap(), vec![file]);
}

/// A write that would leave a gap, overlap, run past the end or change the
/// length is refused by what is wrong, and nothing of it is kept.
pub fn media_written_out_of_step_is_refused_and_keeps_nothing<S: DocumentStore>(store: &mut S) {
    let doc = page();
    let all = bytes(1000, 2);
    let hash = BlobHash::of(&all);
    store.write_media(&w(doc, hash, 1000, 0, &all[..400], MediaOrigin::Downloaded, 1)).unwrap();
    for (start, part, length) in [(500, &all[500..600], 1000), (0, &all[..10], 1000), (400, &all[400..], 999)] {
        let err = store.write_media(&w(doc, hash, length, start, part, MediaOrigin::Downloaded, 1)).unwrap_err();
        assert!(matches!(err, StoreError::MediaOutOfStep { .. }), "{err}");
    }
    let mut long = all[400..].to_vec();
    long.push(0);
    let err = store.write_media(&w(doc, hash, 1000, 400, &long, MediaOrigin::Downloaded, 1)).unwrap_err();
    assert!(err.to_string().contains("runs past"), "{err}");
    assert_eq!(store.media_file(doc, hash).unwrap().unwrap().stored, 400);
    assert_eq!(read_whole(store, doc, hash).unwrap(), all[..400]);
}

/// What the relay confirmed is remembered (never more than the file); a
/// deleted file, and every file of an erased document, is gone.
pub fn media_remembers_what_the_relay_has_and_goes_when_deleted_or_erased<S: DocumentStore>(store: &mut S) {
    let (doc, other) = (page(), page());
    let (a, b) = (bytes(100, 3), bytes(200, 4));
    let (ha, hb) = (BlobHash::of(&a), BlobHash::of(&b));
    store.write_media(&w(doc, ha, 100, 0, &a, MediaOrigin::Here, 1)).unwrap();
    store.write_media(&w(doc, hb, 200, 0, &b, MediaOrigin::Here, 1)).unwrap();
    store.write_media(&w(other, ha, 100, 0, &a, MediaOrigin::Downloaded, 1)).unwrap();
    store.set_media_sent(doc, ha, 60).unwrap();
    assert_eq!(store.media_file(doc, ha).unwrap().unwrap().sent, 60);
    store.set_media_sent(doc, ha, 1_000).unwrap();
    assert!(store.media_file(doc, ha).unwrap().unwrap().is_sent());
    assert!(store.set_media_sent(page(), ha, 1).is_err(), "no such file");
    store.touch_media(doc, hb, 99).unwrap();
    assert_eq!(store.media_file(doc, hb).unwrap().unwrap().last_used, 99);
    store.delete_media(doc, hb).unwrap();
    assert_eq!(store.media_file(doc, hb).unwrap(), None);
    assert_eq!(store.read_media(doc, hb, 0).unwrap(), None);
    store.erase(doc).unwrap();
    assert_eq!(store.media_file(doc, ha).unwrap(), None, "erased with its document");
    assert!(store.media_file(other, ha).unwrap().is_some(), "another document's copy stays");
}
