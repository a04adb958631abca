//! Media bytes on the device: voice notes and photos, kept apart from the
//! documents that reference them, in chunks of at most [`MEDIA_CHUNK_BYTES`],
//! in the same encrypted store, so nothing ever loads a whole file at once
//! and a stolen phone gives none of them away.
//!
//! A file is named as on the relay: by the document it belongs to and the
//! SHA-256 of its bytes. Each remembers where it came from ([`MediaOrigin`]):
//! made here (it waits to be sent, and is never evicted) or downloaded (a
//! copy of what the team holds, evicted first when space runs short), and
//! how many of its bytes the relay has confirmed.

use connect_model::DocumentId;
use connect_model::media::BlobHash;

use crate::Result;

/// The most bytes one stored chunk holds.
pub const MEDIA_CHUNK_BYTES: usize = 256 * 1024;

/// Where a file on this device came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaOrigin {
    /// Recorded or taken on this device: it waits here until the relay has
    /// it, and is never evicted.
    Here,
    /// Downloaded from the relay: a copy, evicted first.
    Downloaded,
}

impl MediaOrigin {
    /// As stored.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            MediaOrigin::Here => "here",
            MediaOrigin::Downloaded => "downloaded",
        }
    }

    /// From its stored form; anything unknown reads as made here, so such a
    /// file is kept and never evicted.
    #[must_use]
    pub fn parse(s: &str) -> Self {
        if s == "downloaded" { MediaOrigin::Downloaded } else { MediaOrigin::Here }
    }
}

/// Checks a write against what is stored of its file (`None`: nothing
/// yet), as both stores do before they keep anything.
pub(crate) fn check_write(held: Option<&MediaFile>, w: &MediaWrite<'_>) -> Result<()> {
    let (hash, length, start, bytes) = (w.hash, w.length, w.start, w.bytes.len());
    let out_of_step = |detail: String| Err(crate::StoreError::MediaOutOfStep { hash: hash.to_string(), detail });
    let stored = match held {
        Some(f) if f.length != length => {
            return out_of_step(format!("it is {} bytes long, not {length}", f.length));
        }
        Some(f) => f.stored,
        None => 0,
    };
    if start != stored {
        return out_of_step(format!("{stored} bytes are stored; a write at {start} would leave a gap or overlap"));
    }
    if start + bytes as u64 > length {
        return out_of_step(format!("a write of {bytes} bytes at {start} runs past its {length} bytes"));
    }
    Ok(())
}

/// What the device holds of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaFile {
    /// The document it belongs to.
    pub doc: DocumentId,
    /// The SHA-256 of its bytes.
    pub hash: BlobHash,
    /// Its whole length.
    pub length: u64,
    /// How many bytes of it this device holds, from the start.
    pub stored: u64,
    /// How many bytes of it the relay has confirmed, from the start.
    pub sent: u64,
    /// Where it came from.
    pub origin: MediaOrigin,
    /// When it was last opened (milliseconds since the epoch), for eviction.
    pub last_used: i64,
}

impl MediaFile {
    /// Whether every byte is here.
    #[must_use]
    pub fn is_whole(&self) -> bool {
        self.stored == self.length
    }

    /// Whether the relay has every byte.
    #[must_use]
    pub fn is_sent(&self) -> bool {
        self.sent >= self.length
    }
}

/// Bytes to store for a file, at `start`.
#[derive(Debug, Clone, Copy)]
pub struct MediaWrite<'a> {
    /// The document the file belongs to.
    pub doc: DocumentId,
    /// The SHA-256 of the whole file.
    pub hash: BlobHash,
    /// The whole file's length.
    pub length: u64,
    /// Where these bytes start.
    pub start: u64,
    /// The bytes.
    pub bytes: &'a [u8],
    /// Where the file came from.
    pub origin: MediaOrigin,
    /// Now, in milliseconds since the epoch.
    pub now_ms: i64,
}

/// The media half of a device store. Both stores implement it and pass the
/// shared conformance suite ([`crate::conformance`]).
pub trait MediaStore {
    /// Appends a write's bytes at its `start` (which must be where the
    /// stored bytes end), creating the file's record on the first write.
    /// Answers how many bytes are stored. Storing past the length, or a
    /// different length than the file began with, is refused.
    fn write_media(&mut self, write: &MediaWrite<'_>) -> Result<u64>;
    /// The record of file `hash` of `doc`, if the device has one.
    fn media_file(&self, doc: DocumentId, hash: BlobHash) -> Result<Option<MediaFile>>;
    /// Every file record, of every document.
    fn media_files(&self) -> Result<Vec<MediaFile>>;
    /// The stored chunk that holds byte `at`: where it starts, and its bytes.
    fn read_media(&self, doc: DocumentId, hash: BlobHash, at: u64) -> Result<Option<(u64, Vec<u8>)>>;
    /// Records that the relay holds `sent` bytes of the file.
    fn set_media_sent(&mut self, doc: DocumentId, hash: BlobHash, sent: u64) -> Result<()>;
    /// Records that the file was opened now.
    fn touch_media(&mut self, doc: DocumentId, hash: BlobHash, now_ms: i64) -> Result<()>;
    /// Deletes the file's bytes and record (overwritten, as erased text is).
    fn delete_media(&mut self, doc: DocumentId, hash: BlobHash) -> Result<()>;
}

/// At most `max` stored bytes of a file from byte `from` on, read chunk by
/// chunk: a piece to send, or (from 0, with no limit) the whole file.
pub fn read_range(
    store: &(impl MediaStore + ?Sized),
    doc: DocumentId,
    hash: BlobHash,
    from: u64,
    max: usize,
) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut at = from;
    while out.len() < max {
        let Some((start, chunk)) = store.read_media(doc, hash, at)? else { break };
        let skip = usize::try_from(at.saturating_sub(start)).unwrap_or(usize::MAX).min(chunk.len());
        let take = (chunk.len() - skip).min(max - out.len());
        if take == 0 {
            break;
        }
        out.extend_from_slice(&chunk[skip..skip + take]);
        at += take as u64;
    }
    Ok(out)
}

/// Every stored byte of a file: for what must have it whole (an export, a
/// check of its hash, a small file played).
pub fn read_whole(store: &(impl MediaStore + ?Sized), doc: DocumentId, hash: BlobHash) -> Result<Vec<u8>> {
    read_range(store, doc, hash, 0, usize::MAX)
}
