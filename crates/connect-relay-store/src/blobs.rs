//! Media bytes on the relay: voice notes and photos, stored apart from the
//! documents that reference them, in chunks, written once over [`Sql`] for
//! both backends.
//!
//! A blob is named by the document it belongs to and the SHA-256 of its
//! bytes, so a device has exactly the access to it that it has to that
//! document (a team-only note's photo is withheld as the note is), and
//! erasing a resident's documents erases their media. Uploads resume: a
//! device asks how much the relay has ([`BlobStore::blob_status`]) and
//! appends the rest ([`BlobStore::append_blob`]) in requests of any size up
//! to the relay's limit, each kept as chunks of at most [`CHUNK_BYTES`]; no
//! call holds a whole file in memory. An upload that gives the same file a
//! different length starts it again (only the hash can say which was right).
//! When the last byte arrives the chunks
//! are hashed as they are read back: a match completes the blob, a mismatch
//! deletes it. A complete blob is never written again, so a retried upload
//! never makes a copy.
//!
//! Which blobs are kept follows the documents: each sync commit records the
//! hashes a document references ([`set_doc_media`]). A blob its document
//! stopped referencing (a photo removed) is deleted in that commit; one no
//! document has referenced yet (uploaded before its document arrived) is
//! kept for a grace period, then collected ([`BlobStore::collect_blobs`]).

use std::collections::BTreeSet;

use connect_model::media::BlobHash;
use connect_model::{DocumentId, TeamId, Timestamp};
use sha2::Digest;

use crate::Result;
use crate::sql::{self, Cell, Param, Sql, SqlRunner};

/// The most bytes one chunk row holds.
pub const CHUNK_BYTES: usize = 256 * 1024;

/// How long a blob no document references is kept: long enough for a phone
/// that uploaded it to send the document that names it.
pub const UNREFERENCED_GRACE_MS: i64 = 7 * 24 * 3600 * 1000;

/// How much of a blob the relay holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlobStatus {
    /// The whole blob's length, as its uploader declared it.
    pub length: u64,
    /// How many of its bytes the relay has, from the start.
    pub received: u64,
    /// Whether every byte arrived and they hash to its name.
    pub complete: bool,
}

/// The limits an upload is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlobLimits {
    /// The largest blob.
    pub blob_bytes: u64,
    /// The most media bytes one team keeps on the relay.
    pub team_bytes: u64,
}

/// One request's bytes for a blob.
#[derive(Debug, Clone, Copy)]
pub struct Append<'a> {
    /// The uploading device's team.
    pub team: TeamId,
    /// The document the blob belongs to.
    pub doc: DocumentId,
    /// The blob's name.
    pub hash: BlobHash,
    /// The whole blob's length.
    pub length: u64,
    /// Where these bytes start.
    pub offset: u64,
    /// The bytes.
    pub bytes: &'a [u8],
    /// When.
    pub now: Timestamp,
}

/// What an append did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Appended {
    /// Kept; the relay now has this many bytes and waits for the rest.
    Partial {
        /// Bytes held from the start.
        received: u64,
    },
    /// The blob is whole and matches its hash (now, or already before).
    Complete,
    /// The bytes did not start where the relay's copy ends: nothing kept.
    WrongOffset {
        /// Where the next bytes must start.
        received: u64,
    },
    /// More bytes than the declared length: nothing kept.
    PastTheEnd,
    /// The blob is larger than the relay keeps.
    TooLarge,
    /// The team's media space would overflow.
    TeamFull,
    /// Every byte arrived but they do not hash to the blob's name: the
    /// bytes are deleted and the upload must start again.
    HashMismatch,
}

/// The relay's media, for any store whose SQL [`Sql`] runs.
pub trait BlobStore {
    /// How much of `hash` under `doc` the relay holds, if any.
    fn blob_status(&self, doc: DocumentId, hash: BlobHash) -> Result<Option<BlobStatus>>;
    /// Appends one request's bytes, as [`Appended`] says.
    fn append_blob(&self, append: &Append<'_>, limits: BlobLimits) -> Result<Appended>;
    /// The chunk of a complete blob that holds byte `at`: where it starts
    /// and its bytes. `None` past the end or if the blob is not complete.
    fn blob_chunk(&self, doc: DocumentId, hash: BlobHash, at: u64) -> Result<Option<(u64, Vec<u8>)>>;
    /// The media bytes a team keeps (complete or not).
    fn team_media_bytes(&self, team: TeamId) -> Result<u64>;
    /// Deletes blobs no document references, uploaded before `cutoff`; how many.
    fn collect_blobs(&self, cutoff: Timestamp) -> Result<u64>;
}

impl<T: SqlRunner + ?Sized> BlobStore for T {
    fn blob_status(&self, doc: DocumentId, hash: BlobHash) -> Result<Option<BlobStatus>> {
        sql::read(self, |db| status(db, doc, hash))
    }

    fn append_blob(&self, append: &Append<'_>, limits: BlobLimits) -> Result<Appended> {
        sql::write(self, |db| append_in(db, append, limits))
    }

    fn blob_chunk(&self, doc: DocumentId, hash: BlobHash, at: u64) -> Result<Option<(u64, Vec<u8>)>> {
        sql::read(self, |db| {
            if !status(db, doc, hash)?.is_some_and(|s| s.complete) {
                return Ok(None);
            }
            chunk_at(db, &doc.to_string(), &hash.to_string(), at)
        })
    }

    fn team_media_bytes(&self, team: TeamId) -> Result<u64> {
        sql::read(self, |db| team_bytes(db, team))
    }

    fn collect_blobs(&self, cutoff: Timestamp) -> Result<u64> {
        sql::write(self, |db| {
            let old = db.rows(
                "SELECT b.doc_id, b.hash FROM blobs b WHERE b.created_at < $1 AND NOT EXISTS
                   (SELECT 1 FROM doc_media m WHERE m.doc_id = b.doc_id AND m.hash = b.hash)",
                &[Param::Int(cutoff.millis())],
            )?;
            let mut n = 0;
            for row in old {
                let mut cells = row.into_iter();
                let (Some(doc), Some(hash)) = (cells.next(), cells.next()) else { continue };
                delete_blob(db, &doc.into_text()?, &hash.into_text()?)?;
                n += 1;
            }
            Ok(n)
        })
    }
}

fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn status(db: &mut dyn Sql, doc: DocumentId, hash: BlobHash) -> Result<Option<BlobStatus>> {
    let row = db.first(
        "SELECT length, received, complete FROM blobs WHERE doc_id = $1 AND hash = $2",
        &[Param::Text(&doc.to_string()), Param::Text(&hash.to_string())],
    )?;
    row.map(|r| {
        Ok(BlobStatus { length: to_u64(r[0].int()?), received: to_u64(r[1].int()?), complete: r[2].int()? == 1 })
    })
    .transpose()
}

fn team_bytes(db: &mut dyn Sql, team: TeamId) -> Result<u64> {
    let row = db.first(
        "SELECT CAST(COALESCE(SUM(length), 0) AS BIGINT) FROM blobs WHERE team_id = $1",
        &[Param::Text(&team.to_string())],
    )?;
    Ok(row.map(|r| r[0].int()).transpose()?.map_or(0, to_u64))
}

fn append_in(db: &mut dyn Sql, a: &Append<'_>, limits: BlobLimits) -> Result<Appended> {
    let (doc, hash) = (a.doc.to_string(), a.hash.to_string());
    let team = a.team.to_string();
    // The team's row first, as every writer of a team's data takes it: one
    // upload at a time per team, so two cannot both fit the last space.
    if db.is_postgres() {
        db.rows("SELECT 1 FROM teams WHERE team_id = $1 FOR UPDATE", &[Param::Text(&team)])?;
    }
    let held = match status(db, a.doc, a.hash)? {
        Some(s) if s.complete => return Ok(Appended::Complete),
        // A different length for the same bytes: one of the two uploads was
        // wrong, and only the hash can tell. Start again with this one.
        Some(s) if s.length != a.length => {
            delete_blob(db, &doc, &hash)?;
            None
        }
        other => other,
    };
    let held = match held {
        Some(s) => s,
        None => {
            if a.length == 0 || a.length > limits.blob_bytes {
                return Ok(Appended::TooLarge);
            }
            if a.offset != 0 {
                return Ok(Appended::WrongOffset { received: 0 });
            }
            if a.bytes.len() as u64 > a.length {
                return Ok(Appended::PastTheEnd);
            }
            if team_bytes(db, a.team)?.saturating_add(a.length) > limits.team_bytes {
                return Ok(Appended::TeamFull);
            }
            db.exec(
                "INSERT INTO blobs (doc_id, hash, team_id, length, received, complete, created_at)
                 VALUES ($1, $2, $3, $4, 0, 0, $5)",
                &[
                    Param::Text(&doc),
                    Param::Text(&hash),
                    Param::Text(&team),
                    Param::Int(to_i64(a.length)),
                    Param::Int(a.now.millis()),
                ],
            )?;
            BlobStatus { length: a.length, received: 0, complete: false }
        }
    };
    if a.offset != held.received {
        return Ok(Appended::WrongOffset { received: held.received });
    }
    let received = held.received + a.bytes.len() as u64;
    if received > held.length {
        return Ok(Appended::PastTheEnd);
    }
    let mut start = held.received;
    for piece in a.bytes.chunks(CHUNK_BYTES) {
        db.exec(
            "INSERT INTO blob_chunks (doc_id, hash, start, bytes) VALUES ($1, $2, $3, $4)",
            &[Param::Text(&doc), Param::Text(&hash), Param::Int(to_i64(start)), Param::Bytes(piece)],
        )?;
        start += piece.len() as u64;
    }
    db.exec(
        "UPDATE blobs SET received = $3 WHERE doc_id = $1 AND hash = $2",
        &[Param::Text(&doc), Param::Text(&hash), Param::Int(to_i64(received))],
    )?;
    if received < held.length {
        return Ok(Appended::Partial { received });
    }
    if hash_of_chunks(db, &doc, &hash)? == a.hash {
        db.exec(
            "UPDATE blobs SET complete = 1 WHERE doc_id = $1 AND hash = $2",
            &[Param::Text(&doc), Param::Text(&hash)],
        )?;
        Ok(Appended::Complete)
    } else {
        delete_blob(db, &doc, &hash)?;
        Ok(Appended::HashMismatch)
    }
}

/// The SHA-256 of a blob's chunks, read one at a time.
fn hash_of_chunks(db: &mut dyn Sql, doc: &str, hash: &str) -> Result<BlobHash> {
    let mut hasher = sha2::Sha256::new();
    let mut at = 0;
    while let Some((start, bytes)) = chunk_at(db, doc, hash, at)? {
        let skip = usize::try_from(at - start).unwrap_or(usize::MAX).min(bytes.len());
        hasher.update(&bytes[skip..]);
        at = start + bytes.len() as u64;
    }
    Ok(BlobHash::from_bytes(hasher.finalize().into()))
}

fn chunk_at(db: &mut dyn Sql, doc: &str, hash: &str, at: u64) -> Result<Option<(u64, Vec<u8>)>> {
    let row = db.first(
        "SELECT start, bytes FROM blob_chunks WHERE doc_id = $1 AND hash = $2 AND start <= $3
         ORDER BY start DESC LIMIT 1",
        &[Param::Text(doc), Param::Text(hash), Param::Int(to_i64(at))],
    )?;
    let Some(row) = row else { return Ok(None) };
    let mut cells = row.into_iter();
    let start = to_u64(cells.next().unwrap_or(Cell::Null).int()?);
    let bytes = cells.next().unwrap_or(Cell::Null).into_bytes()?;
    Ok((start + bytes.len() as u64 > at).then_some((start, bytes)))
}

fn delete_blob(db: &mut dyn Sql, doc: &str, hash: &str) -> Result<()> {
    db.exec("DELETE FROM blob_chunks WHERE doc_id = $1 AND hash = $2", &[Param::Text(doc), Param::Text(hash)])?;
    db.exec("DELETE FROM blobs WHERE doc_id = $1 AND hash = $2", &[Param::Text(doc), Param::Text(hash)])?;
    Ok(())
}

/// Records the media `doc` now references, inside a sync commit's
/// transaction: a blob it referenced before and no longer does (a photo
/// removed) is deleted with its bytes.
pub fn set_doc_media(db: &mut dyn Sql, doc: DocumentId, media: &BTreeSet<BlobHash>) -> Result<()> {
    let key = doc.to_string();
    let before: BTreeSet<String> = db
        .rows("SELECT hash FROM doc_media WHERE doc_id = $1", &[Param::Text(&key)])?
        .into_iter()
        .filter_map(|r| r.into_iter().next())
        .map(Cell::into_text)
        .collect::<Result<_>>()?;
    let now: BTreeSet<String> = media.iter().map(ToString::to_string).collect();
    for gone in before.difference(&now) {
        db.exec("DELETE FROM doc_media WHERE doc_id = $1 AND hash = $2", &[Param::Text(&key), Param::Text(gone)])?;
        delete_blob(db, &key, gone)?;
    }
    for new in now.difference(&before) {
        db.exec("INSERT INTO doc_media (doc_id, hash) VALUES ($1, $2)", &[Param::Text(&key), Param::Text(new)])?;
    }
    Ok(())
}

/// Deletes every blob of `docs` and what they reference (a resident erased).
pub fn forget_docs(db: &mut dyn Sql, docs: &[DocumentId]) -> Result<()> {
    for doc in docs {
        let key = doc.to_string();
        db.exec("DELETE FROM blob_chunks WHERE doc_id = $1", &[Param::Text(&key)])?;
        db.exec("DELETE FROM blobs WHERE doc_id = $1", &[Param::Text(&key)])?;
        db.exec("DELETE FROM doc_media WHERE doc_id = $1", &[Param::Text(&key)])?;
    }
    Ok(())
}
