//! Where a key file's bytes live: a file beside the store natively, a
//! one-row SQLite database beside it in the browser.

/// Where a key file's bytes live. On native platforms, a file: written to a
/// temporary file, flushed, and renamed over the old one.
#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::io::Write;
    use std::path::{Path, PathBuf};

    pub(crate) fn exists(path: &Path) -> bool {
        path.exists()
    }

    pub(crate) fn read(path: &Path) -> std::io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    pub(crate) fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let mut tmp = path.to_owned().into_os_string();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && let Ok(dir) = std::fs::File::open(dir)
        {
            // Make the rename itself durable; not every platform allows it.
            let _ = dir.sync_all();
        }
        Ok(())
    }

    pub(crate) fn remove(path: &Path) -> std::io::Result<()> {
        match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

/// In the browser there is no file system, only SQLite's (the Origin
/// Private File System, through the VFS the app registers as the default).
/// So the key file is a one-row SQLite database beside the store, written
/// in a transaction: as atomic as the rename on native, and in OPFS beside
/// the database it opens.
#[cfg(target_arch = "wasm32")]
mod imp {
    use std::path::Path;

    use rusqlite::{Connection, OpenFlags, OptionalExtension};

    #[allow(clippy::needless_pass_by_value)] // used as a map_err function
    fn other(e: rusqlite::Error) -> std::io::Error {
        std::io::Error::other(e.to_string())
    }

    fn open(path: &Path, create: bool) -> std::io::Result<Connection> {
        let flags = if create {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
        };
        let conn = Connection::open_with_flags(path, flags).map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::CannotOpen) => std::io::Error::from(std::io::ErrorKind::NotFound),
            _ => other(e),
        })?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS key_file (id INTEGER PRIMARY KEY CHECK (id = 1), bytes BLOB NOT NULL)",
        )
        .map_err(other)?;
        Ok(conn)
    }

    pub(crate) fn exists(path: &Path) -> bool {
        read(path).is_ok()
    }

    pub(crate) fn read(path: &Path) -> std::io::Result<Vec<u8>> {
        open(path, false)?
            .query_row("SELECT bytes FROM key_file WHERE id = 1", [], |r| r.get(0))
            .optional()
            .map_err(other)?
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
    }

    pub(crate) fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        open(path, true)?
            .execute(
                "INSERT INTO key_file (id, bytes) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET bytes = ?1",
                [bytes],
            )
            .map(drop)
            .map_err(other)
    }

    pub(crate) fn remove(path: &Path) -> std::io::Result<()> {
        match open(path, false) {
            Ok(conn) => conn.execute("DELETE FROM key_file", []).map(drop).map_err(other),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
    }
}

pub(super) use imp::{exists, read, remove, write};
