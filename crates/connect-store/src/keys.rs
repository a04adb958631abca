//! Encryption at rest: the key that opens the device store, and the key file
//! that keeps it wrapped under the person's PIN or passphrase.
//!
//! The store file (and its WAL, and the full-text index inside it) is
//! encrypted page by page by SQLCipher: AES-256 with an HMAC on every page,
//! using a random 32-byte *data key*. The data key is never written in clear.
//! It is wrapped with XChaCha20-Poly1305 under a key derived from the person's
//! PIN or passphrase by Argon2id with a random per-device salt, and the wrapped
//! key lives in a small JSON *key file* beside the store (`device.db.key`).
//!
//! Why a wrapped random key rather than a key derived straight from the PIN:
//! changing the PIN rewraps 32 bytes instead of re-encrypting the store, and a
//! platform keystore (Android Keystore, iOS Keychain) can hold the same data
//! key where one exists, without changing the store format.
//!
//! Wrong guesses are counted in the key file, so a restart does not reset
//! them: the first [`FREE_ATTEMPTS`] cost nothing, then each wrong guess
//! doubles the wait, from a minute up to an hour ([`backoff`]). The count
//! protects a phone in someone's hand; against someone who copies the files,
//! the protection is Argon2id's cost per guess, which is why a PIN must be at
//! least [`MIN_PASSPHRASE_CHARS`] characters. A forgotten PIN has no bypass:
//! the device is wiped and enrolled again, and the team's data comes back from
//! the relay.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use connect_model::Timestamp;
use zeroize::Zeroizing;

use crate::{Result, StoreError};

/// The fewest characters a PIN or passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 6;

/// The most characters a passphrase may have (Argon2 takes any length; this
/// keeps a pasted document from being one).
pub const MAX_PASSPHRASE_CHARS: usize = 1024;

/// Wrong guesses allowed before the first wait.
pub const FREE_ATTEMPTS: u32 = 3;

/// The longest wait between guesses.
const MAX_BACKOFF: Duration = Duration::from_secs(60 * 60);

/// Format of the key file this build writes and reads.
const KEY_FILE_FORMAT: u32 = 1;

/// Bound into every wrapped key, so a wrapped key cannot be lifted into
/// another purpose.
const WRAP_CONTEXT: &[u8] = b"connect-companion device store key v1";

/// Argon2id settings for new key files: OWASP's recommended minimum (19 MiB,
/// two passes, one lane), which costs a phone about a tenth of a second per
/// guess. Stored in the key file, so they can be raised later.
const KDF_MEMORY_KIB: u32 = 19 * 1024;
const KDF_ITERATIONS: u32 = 2;
const KDF_PARALLELISM: u32 = 1;

/// The 32-byte key SQLCipher encrypts the store with. Wiped from memory when
/// dropped; never printed.
#[derive(Clone)]
pub struct StoreKey(Zeroizing<[u8; 32]>);

impl StoreKey {
    /// A fresh random key.
    #[must_use]
    pub fn random() -> Self {
        let mut bytes = Zeroizing::new([0u8; 32]);
        fill_random(bytes.as_mut());
        Self(bytes)
    }

    /// The key as SQLCipher's raw-key string (`x'…'`): used as given, with
    /// no second key derivation.
    pub(crate) fn raw(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("x'{}'", Zeroizing::new(hex::encode(self.0.as_ref())).as_str()))
    }

    /// The `PRAGMA key` statement that hands this key to SQLCipher.
    pub(crate) fn pragma(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("PRAGMA key = \"{}\";", self.raw().as_str()))
    }
}

impl std::fmt::Debug for StoreKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StoreKey(hidden)")
    }
}

/// How long to wait before the next guess after `failed` wrong ones in a row,
/// or `None` when the next guess is free.
#[must_use]
pub fn backoff(failed: u32) -> Option<Duration> {
    let over = failed.checked_sub(FREE_ATTEMPTS).filter(|over| *over > 0)?;
    let doublings = over.min(16);
    Some(Duration::from_secs(30u64 << doublings).min(MAX_BACKOFF))
}

/// Wrong guesses so far and when the next guess is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct LockStatus {
    /// Wrong guesses in a row.
    pub failed_attempts: u32,
    /// No guess is tried before this time.
    pub retry_after: Option<Timestamp>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct KdfParams {
    algorithm: String,
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
    salt: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct WrappedKey {
    algorithm: String,
    nonce: String,
    ciphertext: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct KeyFileData {
    format: u32,
    kdf: KdfParams,
    wrapped_key: WrappedKey,
    failed_attempts: u32,
    retry_after_ms: Option<i64>,
}

/// The key file beside a store: the data key, wrapped under a passphrase, and
/// the count of wrong guesses.
#[derive(Debug, Clone)]
pub struct KeyFile {
    path: PathBuf,
}

impl KeyFile {
    /// The key file for the store at `store` (`device.db` → `device.db.key`).
    #[must_use]
    pub fn for_store(store: &Path) -> Self {
        let mut name = store.as_os_str().to_owned();
        name.push(".key");
        Self { path: PathBuf::from(name) }
    }

    /// Where the key file lives.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the store has a key file (is encrypted).
    #[must_use]
    pub fn exists(&self) -> bool {
        slot::exists(&self.path)
    }

    /// Makes a new random data key, wraps it under `passphrase` and writes the
    /// key file. Refused if one already exists: that would orphan its store.
    pub fn create(&self, passphrase: &str) -> Result<StoreKey> {
        check_passphrase(passphrase)?;
        if self.exists() {
            return Err(self.problem("a key file already exists; unlock it instead of making a new one"));
        }
        let key = StoreKey::random();
        self.write(&wrap(&key, passphrase)?)?;
        Ok(key)
    }

    /// Unwraps the data key with `passphrase`. A wrong passphrase is counted
    /// (and the count kept on disk); past [`FREE_ATTEMPTS`] no guess is even
    /// tried until the wait is over. The right one resets the count.
    pub fn unlock(&self, passphrase: &str, now: Timestamp) -> Result<StoreKey> {
        let mut data = self.read()?;
        if let Some(retry_after) = data.retry_after_ms.map(Timestamp::from_millis)
            && now < retry_after
        {
            return Err(StoreError::TryLater { retry_after });
        }
        match unwrap(&data, passphrase) {
            Some(key) => {
                if data.failed_attempts > 0 || data.retry_after_ms.is_some() {
                    data.failed_attempts = 0;
                    data.retry_after_ms = None;
                    self.write(&data)?;
                }
                Ok(key)
            }
            None => {
                data.failed_attempts = data.failed_attempts.saturating_add(1);
                let wait = backoff(data.failed_attempts);
                data.retry_after_ms = wait.map(|w| now.millis().saturating_add(millis(w)));
                self.write(&data)?;
                Err(StoreError::WrongPassphrase {
                    failed_attempts: data.failed_attempts,
                    retry_after: data.retry_after_ms.map(Timestamp::from_millis),
                })
            }
        }
    }

    /// Wrong guesses so far and when the next is allowed.
    pub fn status(&self) -> Result<LockStatus> {
        let data = self.read()?;
        Ok(LockStatus {
            failed_attempts: data.failed_attempts,
            retry_after: data.retry_after_ms.map(Timestamp::from_millis),
        })
    }

    /// Rewraps the data key under `new` (the store itself is untouched). The
    /// old passphrase must be right, and counts as a guess if it is not.
    pub fn change_passphrase(&self, old: &str, new: &str, now: Timestamp) -> Result<()> {
        check_passphrase(new)?;
        let key = self.unlock(old, now)?;
        self.write(&wrap(&key, new)?)
    }

    /// Deletes the key file: without it the store can never be opened again.
    pub fn remove(&self) -> Result<()> {
        slot::remove(&self.path).map_err(|e| self.problem(&format!("cannot delete it: {e}")))
    }

    fn problem(&self, reason: &str) -> StoreError {
        StoreError::KeyFile { path: self.path.display().to_string(), reason: reason.to_owned() }
    }

    fn read(&self) -> Result<KeyFileData> {
        let bytes = slot::read(&self.path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                self.problem("it is missing, so the store cannot be opened; enrol this device again")
            } else {
                self.problem(&format!("cannot read it: {e}"))
            }
        })?;
        let data: KeyFileData =
            serde_json::from_slice(&bytes).map_err(|e| self.problem(&format!("it is damaged: {e}")))?;
        if data.format != KEY_FILE_FORMAT {
            return Err(self.problem(&format!("format {} is not one this app reads; update the app", data.format)));
        }
        Ok(data)
    }

    /// Writes atomically, so a flat battery leaves the old key file or the new one.
    fn write(&self, data: &KeyFileData) -> Result<()> {
        let json = serde_json::to_vec_pretty(data).map_err(|e| self.problem(&e.to_string()))?;
        slot::write(&self.path, &json).map_err(|e| self.problem(&format!("cannot write it: {e}")))
    }
}

/// Where a key file's bytes live. On native platforms, a file: written to a
/// temporary file, flushed, and renamed over the old one.
#[cfg(not(target_arch = "wasm32"))]
mod slot {
    use std::io::Write;
    use std::path::{Path, PathBuf};

    pub(super) fn exists(path: &Path) -> bool {
        path.exists()
    }

    pub(super) fn read(path: &Path) -> std::io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    pub(super) fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
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

    pub(super) fn remove(path: &Path) -> std::io::Result<()> {
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
mod slot {
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

    pub(super) fn exists(path: &Path) -> bool {
        read(path).is_ok()
    }

    pub(super) fn read(path: &Path) -> std::io::Result<Vec<u8>> {
        open(path, false)?
            .query_row("SELECT bytes FROM key_file WHERE id = 1", [], |r| r.get(0))
            .optional()
            .map_err(other)?
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
    }

    pub(super) fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        open(path, true)?
            .execute(
                "INSERT INTO key_file (id, bytes) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET bytes = ?1",
                [bytes],
            )
            .map(drop)
            .map_err(other)
    }

    pub(super) fn remove(path: &Path) -> std::io::Result<()> {
        match open(path, false) {
            Ok(conn) => conn.execute("DELETE FROM key_file", []).map(drop).map_err(other),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
    }
}

fn check_passphrase(passphrase: &str) -> Result<()> {
    let chars = passphrase.chars().count();
    if passphrase.trim().chars().count() < MIN_PASSPHRASE_CHARS || chars > MAX_PASSPHRASE_CHARS {
        return Err(StoreError::WeakPassphrase { min: MIN_PASSPHRASE_CHARS, max: MAX_PASSPHRASE_CHARS });
    }
    Ok(())
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// Argon2id of `passphrase` with the key file's settings.
fn derive(kdf: &KdfParams, passphrase: &str) -> Option<Zeroizing<[u8; 32]>> {
    if kdf.algorithm != "argon2id" {
        return None;
    }
    let params = argon2::Params::new(kdf.memory_kib, kdf.iterations, kdf.parallelism, Some(32)).ok()?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let salt = hex::decode(&kdf.salt).ok()?;
    let mut out = Zeroizing::new([0u8; 32]);
    argon.hash_password_into(passphrase.as_bytes(), &salt, out.as_mut()).ok()?;
    Some(out)
}

/// Fills `bytes` from the operating system's random source (the browser's
/// Web Crypto in wasm). With none, nothing safe can be made: it panics, as
/// `rand`'s thread generator did.
pub fn fill_random(bytes: &mut [u8]) {
    getrandom::fill(bytes).expect("the system's random source is unavailable");
}

fn wrap(key: &StoreKey, passphrase: &str) -> Result<KeyFileData> {
    let mut salt = [0u8; 16];
    fill_random(&mut salt);
    let kdf = KdfParams {
        algorithm: "argon2id".into(),
        memory_kib: KDF_MEMORY_KIB,
        iterations: KDF_ITERATIONS,
        parallelism: KDF_PARALLELISM,
        salt: hex::encode(salt),
    };
    let kek = derive(&kdf, passphrase).ok_or(StoreError::KeyFile {
        path: String::new(),
        reason: "the key derivation settings were refused".into(),
    })?;
    let mut nonce = [0u8; 24];
    fill_random(&mut nonce);
    let cipher = XChaCha20Poly1305::new(kek.as_ref().into());
    let ciphertext = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: key.0.as_ref(), aad: WRAP_CONTEXT })
        .map_err(|_| StoreError::KeyFile { path: String::new(), reason: "the key could not be wrapped".into() })?;
    Ok(KeyFileData {
        format: KEY_FILE_FORMAT,
        kdf,
        wrapped_key: WrappedKey {
            algorithm: "xchacha20poly1305".into(),
            nonce: hex::encode(nonce),
            ciphertext: hex::encode(ciphertext),
        },
        failed_attempts: 0,
        retry_after_ms: None,
    })
}

/// The data key, or `None` when the passphrase is wrong (or the file was
/// tampered with: the two cannot be told apart, by design).
fn unwrap(data: &KeyFileData, passphrase: &str) -> Option<StoreKey> {
    if data.wrapped_key.algorithm != "xchacha20poly1305" {
        return None;
    }
    let kek = derive(&data.kdf, passphrase)?;
    let nonce = hex::decode(&data.wrapped_key.nonce).ok().filter(|n| n.len() == 24)?;
    let ciphertext = hex::decode(&data.wrapped_key.ciphertext).ok()?;
    let cipher = XChaCha20Poly1305::new(kek.as_ref().into());
    let plain = Zeroizing::new(
        cipher.decrypt(XNonce::from_slice(&nonce), Payload { msg: &ciphertext, aad: WRAP_CONTEXT }).ok()?,
    );
    let mut key = Zeroizing::new([0u8; 32]);
    if plain.len() != 32 {
        return None;
    }
    key.copy_from_slice(&plain);
    Some(StoreKey(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_millis(1_800_000_000_000 + seconds * 1000)
    }

    fn scratch() -> (tempfile::TempDir, KeyFile) {
        let dir = tempfile::tempdir().unwrap();
        let file = KeyFile::for_store(&dir.path().join("device.db"));
        (dir, file)
    }

    #[test]
    fn every_key_salt_and_nonce_is_fresh_from_the_system_random_source() {
        let (one, two) = (StoreKey::random(), StoreKey::random());
        assert_ne!(one.0.as_ref(), two.0.as_ref());
        assert_ne!(one.0.as_ref(), &[0u8; 32]);
        // The same key under the same passphrase, wrapped twice: nothing repeats.
        let (first, second) = (wrap(&one, "correct horse").unwrap(), wrap(&one, "correct horse").unwrap());
        assert_ne!(first.kdf.salt, second.kdf.salt);
        assert_ne!(first.wrapped_key.nonce, second.wrapped_key.nonce);
        assert_ne!(first.wrapped_key.ciphertext, second.wrapped_key.ciphertext);
    }

    #[test]
    fn the_key_file_sits_beside_the_store() {
        let file = KeyFile::for_store(Path::new("/data/connect/device.db"));
        assert_eq!(file.path(), Path::new("/data/connect/device.db.key"));
    }

    #[test]
    fn the_right_passphrase_unwraps_the_same_key_and_the_file_holds_no_key_in_clear() {
        let (_dir, file) = scratch();
        let key = file.create("correct horse").unwrap();
        let again = file.unlock("correct horse", at(0)).unwrap();
        assert_eq!(key.0.as_ref(), again.0.as_ref());
        let text = std::fs::read_to_string(file.path()).unwrap();
        assert!(!text.contains(&hex::encode(key.0.as_ref())), "the data key must not be written in clear");
        assert!(!text.contains("correct horse"));
    }

    #[test]
    fn backoff_is_free_three_times_then_doubles_up_to_an_hour() {
        let cases: &[(u32, Option<u64>)] = &[
            (0, None),
            (1, None),
            (3, None),
            (4, Some(60)),
            (5, Some(120)),
            (6, Some(240)),
            (9, Some(1920)),
            (10, Some(3600)),
            (50, Some(3600)),
            (u32::MAX, Some(3600)),
        ];
        for (failed, secs) in cases {
            assert_eq!(backoff(*failed).map(|d| d.as_secs()), *secs, "{failed} wrong guesses");
        }
        assert_eq!(backoff(FREE_ATTEMPTS + 1), Some(Duration::from_secs(60)));
    }

    #[test]
    fn wrong_guesses_are_counted_on_disk_and_then_make_you_wait() {
        let (_dir, file) = scratch();
        file.create("123456").unwrap();
        for n in 1..=3 {
            match file.unlock("654321", at(0)) {
                Err(StoreError::WrongPassphrase { failed_attempts, retry_after: None }) => {
                    assert_eq!(failed_attempts, n);
                }
                other => panic!("guess {n}: {other:?}"),
            }
        }
        // The fourth wrong guess starts a wait, kept in the file (a restart does not reset it).
        let Err(StoreError::WrongPassphrase { failed_attempts: 4, retry_after: Some(until) }) =
            file.unlock("000000", at(1))
        else {
            panic!("the fourth wrong guess should start a wait");
        };
        assert_eq!(until, at(61));
        let reopened = KeyFile::for_store(&file.path().with_extension(""));
        assert_eq!(reopened.status().unwrap(), LockStatus { failed_attempts: 4, retry_after: Some(at(61)) });
        // During the wait even the right PIN is not tried.
        assert!(
            matches!(file.unlock("123456", at(30)), Err(StoreError::TryLater { retry_after }) if retry_after == at(61))
        );
        // After it, the right PIN works and clears the count.
        file.unlock("123456", at(62)).unwrap();
        assert_eq!(file.status().unwrap(), LockStatus { failed_attempts: 0, retry_after: None });
    }

    #[test]
    fn changing_the_passphrase_keeps_the_key_and_retires_the_old_passphrase() {
        let (_dir, file) = scratch();
        let key = file.create("first pass").unwrap();
        assert!(matches!(
            file.change_passphrase("wrong one", "second pass", at(0)),
            Err(StoreError::WrongPassphrase { .. })
        ));
        file.change_passphrase("first pass", "second pass", at(1)).unwrap();
        assert!(file.unlock("first pass", at(2)).is_err());
        assert_eq!(file.unlock("second pass", at(3)).unwrap().0.as_ref(), key.0.as_ref());
    }

    #[test]
    fn short_passphrases_and_second_key_files_are_refused() {
        let (_dir, file) = scratch();
        for weak in ["", "12345", "      ", "  1234  "] {
            assert!(matches!(file.create(weak), Err(StoreError::WeakPassphrase { .. })), "{weak:?}");
        }
        assert!(!file.exists(), "a refused passphrase writes nothing");
        file.create("123456").unwrap();
        assert!(matches!(file.create("abcdef"), Err(StoreError::KeyFile { .. })));
        assert!(file.unlock("123456", at(0)).is_ok(), "the first key file is untouched");
    }

    #[test]
    fn a_damaged_or_missing_key_file_is_reported_not_guessed_around() {
        let (_dir, file) = scratch();
        assert!(
            matches!(file.unlock("123456", at(0)), Err(StoreError::KeyFile { reason, .. }) if reason.contains("missing"))
        );
        file.create("123456").unwrap();
        let mut text = std::fs::read_to_string(file.path()).unwrap();
        text.truncate(text.len() / 2);
        std::fs::write(file.path(), text).unwrap();
        assert!(
            matches!(file.unlock("123456", at(0)), Err(StoreError::KeyFile { reason, .. }) if reason.contains("damaged"))
        );
    }

    #[test]
    fn a_tampered_wrapped_key_does_not_unlock() {
        let (_dir, file) = scratch();
        file.create("123456").unwrap();
        let mut data: KeyFileData = serde_json::from_slice(&std::fs::read(file.path()).unwrap()).unwrap();
        let mut bytes = hex::decode(&data.wrapped_key.ciphertext).unwrap();
        bytes[0] ^= 1;
        data.wrapped_key.ciphertext = hex::encode(&bytes);
        file.write(&data).unwrap();
        assert!(matches!(file.unlock("123456", at(0)), Err(StoreError::WrongPassphrase { .. })));
    }
}
