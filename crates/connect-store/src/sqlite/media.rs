//! [`MediaStore`] on SQLite: a row per file and its bytes in chunk rows, in
//! the same (encrypted) database as the documents.

use connect_model::DocumentId;
use connect_model::media::BlobHash;
use rusqlite::{OptionalExtension, params};

use super::SqliteStore;
use crate::media::{MEDIA_CHUNK_BYTES, MediaFile, MediaOrigin, MediaStore, MediaWrite, check_write};
use crate::{Result, StoreError};

const FILE_COLUMNS: &str = "doc_id, hash, length, stored, sent, origin, last_used";

fn file_from(row: &rusqlite::Row<'_>) -> rusqlite::Result<(String, String, i64, i64, i64, String, i64)> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?))
}

fn to_file(
    (doc, hash, length, stored, sent, origin, last_used): (String, String, i64, i64, i64, String, i64),
) -> Result<MediaFile> {
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    Ok(MediaFile {
        doc: doc.parse()?,
        hash: hash.parse()?,
        length: count(length),
        stored: count(stored),
        sent: count(sent),
        origin: MediaOrigin::parse(&origin),
        last_used,
    })
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl MediaStore for SqliteStore {
    fn write_media(&mut self, w: &MediaWrite<'_>) -> Result<u64> {
        let MediaWrite { doc, hash, length, start, bytes, origin, now_ms } = *w;
        let held = self.media_file(doc, hash)?;
        check_write(held.as_ref(), w)?;
        let (doc_key, hash_key) = (doc.to_string(), hash.to_string());
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        if held.is_none() {
            tx.execute(
                "INSERT INTO media_files (doc_id, hash, length, stored, sent, origin, last_used)
                 VALUES (?1, ?2, ?3, 0, 0, ?4, ?5)",
                params![doc_key, hash_key, to_i64(length), origin.as_str(), now_ms],
            )?;
        }
        let mut at = start;
        for piece in bytes.chunks(MEDIA_CHUNK_BYTES) {
            tx.execute(
                "INSERT INTO media_chunks (doc_id, hash, start, bytes) VALUES (?1, ?2, ?3, ?4)",
                params![doc_key, hash_key, to_i64(at), piece],
            )?;
            at += piece.len() as u64;
        }
        tx.execute(
            "UPDATE media_files SET stored = ?3 WHERE doc_id = ?1 AND hash = ?2",
            params![doc_key, hash_key, to_i64(at)],
        )?;
        tx.commit()?;
        Ok(at)
    }

    fn media_file(&self, doc: DocumentId, hash: BlobHash) -> Result<Option<MediaFile>> {
        let row = self
            .conn
            .prepare_cached(&format!("SELECT {FILE_COLUMNS} FROM media_files WHERE doc_id = ?1 AND hash = ?2"))?
            .query_row([doc.to_string(), hash.to_string()], file_from)
            .optional()?;
        row.map(to_file).transpose()
    }

    fn media_files(&self) -> Result<Vec<MediaFile>> {
        let mut stmt =
            self.conn.prepare_cached(&format!("SELECT {FILE_COLUMNS} FROM media_files ORDER BY doc_id, hash"))?;
        let rows = stmt.query_map([], file_from)?.collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().map(to_file).collect()
    }

    fn read_media(&self, doc: DocumentId, hash: BlobHash, at: u64) -> Result<Option<(u64, Vec<u8>)>> {
        let row: Option<(i64, Vec<u8>)> = self
            .conn
            .prepare_cached(
                "SELECT start, bytes FROM media_chunks WHERE doc_id = ?1 AND hash = ?2 AND start <= ?3
                 ORDER BY start DESC LIMIT 1",
            )?
            .query_row(params![doc.to_string(), hash.to_string(), to_i64(at)], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(row
            .map(|(start, bytes)| (u64::try_from(start).unwrap_or(0), bytes))
            .filter(|(start, bytes)| start + bytes.len() as u64 > at))
    }

    fn set_media_sent(&mut self, doc: DocumentId, hash: BlobHash, sent: u64) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE media_files SET sent = MIN(length, ?3) WHERE doc_id = ?1 AND hash = ?2",
            params![doc.to_string(), hash.to_string(), to_i64(sent)],
        )?;
        if n == 0 { Err(StoreError::NotFound(doc)) } else { Ok(()) }
    }

    fn touch_media(&mut self, doc: DocumentId, hash: BlobHash, now_ms: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE media_files SET last_used = ?3 WHERE doc_id = ?1 AND hash = ?2",
            params![doc.to_string(), hash.to_string(), now_ms],
        )?;
        Ok(())
    }

    fn delete_media(&mut self, doc: DocumentId, hash: BlobHash) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM media_chunks WHERE doc_id = ?1 AND hash = ?2", [doc.to_string(), hash.to_string()])?;
        tx.execute("DELETE FROM media_files WHERE doc_id = ?1 AND hash = ?2", [doc.to_string(), hash.to_string()])?;
        tx.commit()?;
        Ok(())
    }
}

/// Deletes every file of `doc`, inside the transaction that erases it.
pub(super) fn erase_media(tx: &rusqlite::Transaction<'_>, doc: &str) -> Result<()> {
    tx.execute("DELETE FROM media_chunks WHERE doc_id = ?1", [doc])?;
    tx.execute("DELETE FROM media_files WHERE doc_id = ?1", [doc])?;
    Ok(())
}
