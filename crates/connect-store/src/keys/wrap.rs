//! How the data key is wrapped: one *slot* per way of opening it, each the
//! key sealed with XChaCha20-Poly1305 under a key-encryption key made from
//! what the person gives.
//!
//! - [`SlotKind::Pin`]: Argon2id of the PIN. A phone without a fingerprint.
//! - [`SlotKind::FingerprintAndPin`]: HKDF-SHA-256 over Argon2id of the PIN
//!   and the 32 bytes the phone's authenticator gives for this app's
//!   credential (WebAuthn's PRF extension). Neither alone opens it.
//! - [`SlotKind::Fingerprint`]: HKDF-SHA-256 over the authenticator's bytes
//!   alone, present only where the team lets the fingerprint unlock by itself.
//!
//! A phone with a fingerprint has no PIN-only slot, so its files, with or
//! without the PIN, open nothing on another machine. Each slot's purpose is
//! bound into its seal, so a slot cannot be relabelled as another kind.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use zeroize::Zeroizing;

use super::StoreKey;

/// What Argon2id costs per guess: memory, passes and lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfCost {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Passes over the memory.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

impl KdfCost {
    /// For every PIN wrapped from now on: 46 MiB and 3 passes, the strongest
    /// that unlock in under a second in Chromium on a quiet 2-core machine
    /// (64 MiB took 1.02 to 1.07 s from the tap to the caseload;
    /// BENCHMARKS.md has the figures). One lane, because the browser's
    /// worker has one thread. Slots sealed at 64 MiB by an earlier build
    /// cost more, not less, so they are kept as they are.
    pub const CURRENT: Self = Self { memory_kib: 46 * 1024, iterations: 3, parallelism: 1 };
    /// The first key files' settings (OWASP's minimum: 19 MiB, 2 passes),
    /// raised to [`KdfCost::CURRENT`] at their next unlock.
    pub const FIRST: Self = Self { memory_kib: 19 * 1024, iterations: 2, parallelism: 1 };

    /// Argon2id of `passphrase` with `salt` at this cost: 32 bytes, or `None`
    /// if the settings are ones Argon2 refuses.
    #[must_use]
    pub fn stretch(&self, passphrase: &str, salt: &[u8]) -> Option<Zeroizing<[u8; 32]>> {
        let params = argon2::Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32)).ok()?;
        let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut out = Zeroizing::new([0u8; 32]);
        argon.hash_password_into(passphrase.as_bytes(), salt, out.as_mut()).ok()?;
        Some(out)
    }
}

/// The 32 bytes a phone's authenticator gives for this app's credential and
/// salt (WebAuthn PRF). Secret: wiped from memory when dropped, never stored.
pub struct PrfSecret(Zeroizing<[u8; 32]>);

impl PrfSecret {
    /// The secret from the authenticator's bytes; `None` unless exactly 32.
    #[must_use]
    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        let mut out = Zeroizing::new([0u8; 32]);
        (bytes.len() == 32).then(|| {
            out.copy_from_slice(bytes);
            Self(out)
        })
    }
}

impl std::fmt::Debug for PrfSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PrfSecret(hidden)")
    }
}

/// What the person gave, as far as a slot needs it.
#[derive(Clone, Copy, Default)]
pub(super) struct Given<'a> {
    pub(super) pin: Option<&'a str>,
    pub(super) prf: Option<&'a PrfSecret>,
}

/// Which secret a slot needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum SlotKind {
    /// The PIN alone.
    Pin,
    /// The fingerprint's secret and the PIN together.
    FingerprintAndPin,
    /// The fingerprint's secret alone.
    Fingerprint,
}

impl SlotKind {
    /// Bound into the seal. The PIN's is the first key files' context, so
    /// their wrapped keys read as PIN slots unchanged.
    fn context(self) -> &'static [u8] {
        match self {
            Self::Pin => b"connect-companion device store key v1",
            Self::FingerprintAndPin => b"connect-companion device store key v1 / fingerprint and PIN",
            Self::Fingerprint => b"connect-companion device store key v1 / fingerprint",
        }
    }
}

/// Argon2id's settings and salt for one slot, as the key file keeps them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct KdfParams {
    pub(super) algorithm: String,
    pub(super) memory_kib: u32,
    pub(super) iterations: u32,
    pub(super) parallelism: u32,
    pub(super) salt: String,
}

impl KdfParams {
    fn new(cost: KdfCost) -> Self {
        let mut salt = [0u8; 16];
        super::fill_random(&mut salt);
        Self {
            algorithm: "argon2id".into(),
            memory_kib: cost.memory_kib,
            iterations: cost.iterations,
            parallelism: cost.parallelism,
            salt: hex::encode(salt),
        }
    }

    fn cost(&self) -> KdfCost {
        KdfCost { memory_kib: self.memory_kib, iterations: self.iterations, parallelism: self.parallelism }
    }

    fn stretch(&self, pin: &str) -> Option<Zeroizing<[u8; 32]>> {
        if self.algorithm != "argon2id" {
            return None;
        }
        self.cost().stretch(pin, &hex::decode(&self.salt).ok()?)
    }
}

/// One way of opening the data key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Slot {
    pub(super) kind: SlotKind,
    /// For the kinds that take the PIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) kdf: Option<KdfParams>,
    pub(super) algorithm: String,
    pub(super) nonce: String,
    pub(super) ciphertext: String,
}

/// HKDF-SHA-256 of `parts` for `kind`.
fn expand(kind: SlotKind, parts: &[&[u8]]) -> Option<Zeroizing<[u8; 32]>> {
    let input = Zeroizing::new(parts.concat());
    let mut out = Zeroizing::new([0u8; 32]);
    Hkdf::<Sha256>::new(None, &input).expand(kind.context(), out.as_mut()).ok()?;
    Some(out)
}

/// The key-encryption key for `kind` from what was given, or `None` if
/// something it needs is missing.
fn kek(kind: SlotKind, kdf: Option<&KdfParams>, given: Given<'_>) -> Option<Zeroizing<[u8; 32]>> {
    match kind {
        SlotKind::Pin => kdf?.stretch(given.pin?),
        SlotKind::FingerprintAndPin => {
            let stretched = kdf?.stretch(given.pin?)?;
            expand(kind, &[stretched.as_ref(), given.prf?.0.as_ref()])
        }
        SlotKind::Fingerprint => expand(kind, &[given.prf?.0.as_ref()]),
    }
}

impl Slot {
    /// Seals `key` for `kind` under what was given (stretching the PIN at
    /// `cost`: [`KdfCost::CURRENT`] but in tests); `None` if something it
    /// needs is missing.
    pub(super) fn seal(kind: SlotKind, key: &StoreKey, given: Given<'_>, cost: KdfCost) -> Option<Self> {
        let kdf = (kind != SlotKind::Fingerprint).then(|| KdfParams::new(cost));
        let kek = kek(kind, kdf.as_ref(), given)?;
        let mut nonce = [0u8; 24];
        super::fill_random(&mut nonce);
        let cipher = XChaCha20Poly1305::new(kek.as_ref().into());
        let ciphertext =
            cipher.encrypt(XNonce::from_slice(&nonce), Payload { msg: key.0.as_ref(), aad: kind.context() }).ok()?;
        Some(Self {
            kind,
            kdf,
            algorithm: "xchacha20poly1305".into(),
            nonce: hex::encode(nonce),
            ciphertext: hex::encode(ciphertext),
        })
    }

    /// The data key, or `None` when what was given is wrong or missing (or
    /// the slot was tampered with: the two cannot be told apart, by design).
    pub(super) fn open(&self, given: Given<'_>) -> Option<StoreKey> {
        if self.algorithm != "xchacha20poly1305" {
            return None;
        }
        let kek = kek(self.kind, self.kdf.as_ref(), given)?;
        let nonce = hex::decode(&self.nonce).ok().filter(|n| n.len() == 24)?;
        let ciphertext = hex::decode(&self.ciphertext).ok()?;
        let cipher = XChaCha20Poly1305::new(kek.as_ref().into());
        let plain = Zeroizing::new(
            cipher.decrypt(XNonce::from_slice(&nonce), Payload { msg: &ciphertext, aad: self.kind.context() }).ok()?,
        );
        if plain.len() != 32 {
            return None;
        }
        let mut key = Zeroizing::new([0u8; 32]);
        key.copy_from_slice(&plain);
        Some(StoreKey(key))
    }

    /// Whether the PIN is stretched more cheaply here than new slots are.
    pub(super) fn is_outdated(&self) -> bool {
        self.kdf.as_ref().is_some_and(|k| {
            let (now, then) = (KdfCost::CURRENT, k.cost());
            then.memory_kib < now.memory_kib || then.iterations < now.iterations
        })
    }
}
