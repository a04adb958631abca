//! Opening a store: with its key or in clear, encrypting one kept in clear
//! in place, and bringing its schema up to date.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::files::{
    OnDisk, apply_key, beside, encrypting_connection, finish_interrupted_encryption, make_durable, on_disk,
    overwrite_with_zeros, remove_if_present,
};
use super::{LAST_NEW_INDEX, MIGRATIONS, SqliteStore, StoreOptions};
use crate::keys::{KeyFile, StoreKey, Unlocking};
use crate::{DocumentStore, Result, StoreError};

impl SqliteStore {
    /// Opens (creating if needed) the store at `path` and brings its schema up
    /// to date. With a key, the store is encrypted (a new one is created
    /// encrypted); without one, a store that has a key file is refused with
    /// [`StoreError::NeedsPassphrase`].
    pub fn open(path: impl AsRef<Path>, options: &StoreOptions) -> Result<Self> {
        let path = path.as_ref();
        let path_str = path.display().to_string();
        finish_interrupted_encryption(path)?;
        match (&options.key, on_disk(path)) {
            (None, _) if KeyFile::for_store(path).exists() => {
                return Err(StoreError::NeedsPassphrase { path: path_str });
            }
            (Some(_), OnDisk::Plain) => return Err(StoreError::NotEncrypted { path: path_str }),
            _ => {}
        }
        let conn = Connection::open(path)
            .map_err(|e| StoreError::CannotOpen { path: path_str.clone(), reason: e.to_string() })?;
        if let Some(key) = &options.key {
            apply_key(&conn, key, &path_str)?;
        }
        Self::setup(conn, path_str, options.key.is_some())
    }

    /// Opens the encrypted store at `path` with the person's PIN or
    /// passphrase, creating the store and its key file when neither exists
    /// yet. Wrong guesses are counted and back off (see [`crate::keys`]).
    /// Returns the key too, for a second connection (sync) to the same store.
    pub fn open_with_passphrase(path: impl AsRef<Path>, passphrase: &str) -> Result<(Self, StoreKey)> {
        let path = path.as_ref();
        finish_interrupted_encryption(path)?;
        let key_file = KeyFile::for_store(path);
        if key_file.exists() || on_disk(path) != OnDisk::Nothing {
            return Self::open_unlocking(path, &key_file, Unlocking::pin(passphrase));
        }
        let key = key_file.create(passphrase, None)?;
        let store = Self::open(path, &StoreOptions { key: Some(key.clone()) })?;
        Ok((store, key))
    }

    /// Opens the encrypted store at `path` that `key_file` keeps the key of,
    /// with what the person gave (the PIN, the fingerprint's secret, or
    /// both). Wrong guesses are counted and back off (see [`crate::keys`]).
    pub fn open_unlocking(
        path: impl AsRef<Path>,
        key_file: &KeyFile,
        given: Unlocking<'_>,
    ) -> Result<(Self, StoreKey)> {
        let path = path.as_ref();
        finish_interrupted_encryption(path)?;
        if !key_file.exists() && on_disk(path) == OnDisk::Plain {
            return Err(StoreError::NotEncrypted { path: path.display().to_string() });
        }
        // An encrypted store whose key file is gone: unlocking says so.
        let key = key_file.unlock(given)?;
        let store = Self::open(path, &StoreOptions { key: Some(key.clone()) })?;
        Ok((store, key))
    }

    /// Encrypts a store kept in clear (made by an earlier version) in place,
    /// under a new key wrapped with `passphrase`: the store is copied into an
    /// encrypted file, the clear file is overwritten with zeros, and the
    /// encrypted copy takes its place. A crash at any point leaves either the
    /// clear store or the encrypted one, never neither.
    pub fn encrypt_in_place(path: impl AsRef<Path>, passphrase: &str) -> Result<StoreKey> {
        let path = path.as_ref();
        let path_str = path.display().to_string();
        finish_interrupted_encryption(path)?;
        if on_disk(path) != OnDisk::Plain {
            return Err(StoreError::CannotOpen {
                path: path_str,
                reason: "it is not a store kept in clear (already encrypted, or not a store)".into(),
            });
        }
        let key_file = KeyFile::for_store(path);
        // A key file left by an interrupted run is reused, so its passphrase stays the one to use.
        let key = if key_file.exists() {
            key_file.unlock(Unlocking::pin(passphrase))?
        } else {
            key_file.create(passphrase, None)?
        };
        let staging = beside(path, ".encrypting");
        let ready = beside(path, ".encrypted");
        let io = |e: std::io::Error| StoreError::CannotEncrypt { path: path_str.clone(), reason: e.to_string() };
        remove_if_present(&staging).map_err(io)?;
        {
            let conn = encrypting_connection(path, &staging, &key)?;
            let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            conn.query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))?;
            conn.execute_batch(&format!("PRAGMA encrypted.user_version = {version}; DETACH DATABASE encrypted;"))?;
        }
        std::fs::File::open(&staging).and_then(|f| f.sync_all()).map_err(io)?;
        std::fs::rename(&staging, &ready).map_err(io)?;
        for suffix in ["", "-wal"] {
            overwrite_with_zeros(&beside(path, suffix)).map_err(io)?;
        }
        finish_interrupted_encryption(path)?;
        Ok(key)
    }

    /// A private store in memory, for tests.
    pub fn open_in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?, ":memory:".into(), false)
    }

    /// Whether the store is encrypted at rest.
    #[must_use]
    pub fn is_encrypted(&self) -> bool {
        self.encrypted
    }

    fn setup(conn: Connection, path: String, encrypted: bool) -> Result<Self> {
        let cannot = |e: rusqlite::Error| StoreError::CannotOpen { path: path.clone(), reason: e.to_string() };
        conn.busy_timeout(std::time::Duration::from_secs(10)).map_err(cannot)?;
        // Reading the schema first tells a file that is not a database (or is
        // encrypted with another key) apart from one we can use.
        let version: i64 = match conn.query_row("PRAGMA user_version", [], |r| r.get(0)) {
            Ok(v) => v,
            Err(e) if encrypted && e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
                return Err(StoreError::WrongKey { path });
            }
            Err(e) => return Err(cannot(e)),
        };
        // Temporary tables and sorts stay in memory, so no page of resident
        // text is ever written to a temporary file. A 16 MiB page cache keeps
        // the index tables decrypted in memory once read.
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA foreign_keys = ON;
             PRAGMA secure_delete = ON;
             PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -16384;",
        )
        .map_err(cannot)?;
        make_durable(&conn, "main", &path)?;
        let mut store = Self { conn, session: crate::memory::rand_session(), path, encrypted };
        store.migrate(version)?;
        if version > 0 && version < LAST_NEW_INDEX {
            store.rebuild_indexes()?;
        }
        Ok(store)
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        let supported = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
        if from > supported {
            return Err(StoreError::NewerSchema { found: from, supported });
        }
        if from == supported {
            return Ok(());
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(usize::try_from(from).unwrap_or(0)) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i64::try_from(i + 1).unwrap_or(i64::MAX))?;
        }
        tx.commit()?;
        Ok(())
    }
}
