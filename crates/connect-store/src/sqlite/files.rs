//! What a store is on disk, apart from the SQL in it: telling a store in
//! clear from an encrypted one, the files beside it, keying and making a
//! connection durable, finishing an interrupted encryption, and deleting
//! every file a store leaves.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

use crate::keys::{KeyFile, StoreKey};
use crate::{Result, StoreError};

/// The first 16 bytes of every SQLite file in clear; an encrypted file's
/// first bytes are its random salt.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// What is at a store's path before it is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OnDisk {
    /// No file, or an empty one: a new store.
    Nothing,
    /// An SQLite file in clear.
    Plain,
    /// Something else: an encrypted store, or a file that is not a store.
    Opaque,
}

pub(super) fn on_disk(path: &Path) -> OnDisk {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else { return OnDisk::Nothing };
    let mut header = [0u8; 16];
    match file.read(&mut header) {
        Ok(0) | Err(_) => OnDisk::Nothing,
        Ok(16) if &header == PLAIN_HEADER => OnDisk::Plain,
        Ok(_) => OnDisk::Opaque,
    }
}

/// `path` with `suffix` appended to its file name.
pub(super) fn beside(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    std::path::PathBuf::from(name)
}

/// Finishes an encryption that a crash interrupted after its encrypted copy
/// was complete: the copy replaces whatever is at `path`.
pub(super) fn finish_interrupted_encryption(path: &Path) -> Result<()> {
    let ready = beside(path, ".encrypted");
    if ready.exists() {
        let cannot = |e: std::io::Error| StoreError::CannotEncrypt {
            path: path.display().to_string(),
            reason: format!("cannot finish encrypting it: {e}"),
        };
        for suffix in ["-wal", "-shm"] {
            remove_if_present(&beside(path, suffix)).map_err(cannot)?;
        }
        std::fs::rename(&ready, path).map_err(cannot)?;
    }
    Ok(())
}

pub(super) fn remove_if_present(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Overwrites a file with zeros and flushes it, so its words do not linger
/// in the blocks it leaves behind (best effort: flash storage may still keep
/// old copies, which is why stores are encrypted from the start).
pub(super) fn overwrite_with_zeros(path: &Path) -> std::io::Result<()> {
    use std::io::Write;
    let Ok(meta) = std::fs::metadata(path) else { return Ok(()) };
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    let zeros = vec![0u8; 64 * 1024];
    let mut left = meta.len();
    while left > 0 {
        let n = usize::try_from(left.min(zeros.len() as u64)).unwrap_or(zeros.len());
        file.write_all(&zeros[..n])?;
        left -= n as u64;
    }
    file.sync_all()
}

/// Deletes every file of the store at `path`: the database, its WAL,
/// shared-memory and journal files, an interrupted encryption's copies, and
/// the key file. Used by [`SqliteStore::destroy`] and by a device whose PIN
/// was forgotten (it cannot open the store to destroy it).
pub fn destroy_files(path: &Path) -> Result<()> {
    let fail = |e: std::io::Error| StoreError::CannotDelete { path: path.display().to_string(), reason: e.to_string() };
    for suffix in ["", "-wal", "-shm", "-journal", ".encrypting", ".encrypted"] {
        remove_if_present(&beside(path, suffix)).map_err(fail)?;
    }
    KeyFile::for_store(path).remove()
}

/// Sets `synchronous = FULL` on `schema` of `conn` and checks that SQLite took
/// it, so a save that returned survives a crash or a flat battery whatever
/// default this build of SQLite was compiled with.
pub(super) fn make_durable(conn: &Connection, schema: &str, path: &str) -> Result<()> {
    conn.execute_batch(&format!("PRAGMA {schema}.synchronous = FULL;"))?;
    let level: i64 = conn.query_row(&format!("PRAGMA {schema}.synchronous"), [], |r| r.get(0))?;
    if level != 2 {
        return Err(StoreError::CannotOpen {
            path: path.to_owned(),
            reason: format!("saves cannot be made durable (synchronous is {level}, not FULL)"),
        });
    }
    Ok(())
}

/// The connection that copies the store kept in clear at `path` into an
/// encrypted file at `staging`, attached as `encrypted`; both durable.
pub(super) fn encrypting_connection(path: &Path, staging: &Path, key: &StoreKey) -> Result<Connection> {
    let path_str = path.display().to_string();
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    make_durable(&conn, "main", &path_str)?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    conn.execute("ATTACH DATABASE ?1 AS encrypted KEY ?2", params![staging.display().to_string(), key.raw().as_str()])?;
    make_durable(&conn, "encrypted", &path_str)?;
    Ok(conn)
}

/// Hands `key` to SQLCipher, after checking this build has SQLCipher at all:
/// a plain SQLite would ignore the key and write in clear.
pub(super) fn apply_key(conn: &Connection, key: &StoreKey, path: &str) -> Result<()> {
    let cipher: Option<String> = conn.query_row("PRAGMA cipher_version", [], |r| r.get(0)).optional()?;
    if cipher.is_none() {
        return Err(StoreError::CannotOpen {
            path: path.to_owned(),
            reason: "this build cannot encrypt stores".into(),
        });
    }
    // SQLCipher reports a failed page check on stderr; the caller gets a
    // clear error instead, so its log stays quiet.
    conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(())).optional()?;
    conn.execute_batch(&key.pragma())?;
    Ok(())
}
