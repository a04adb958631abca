//! What a Connect Companion device does, written once.
//!
//! Every client of a device store (the screens on every platform, the web
//! app's store worker and the `connect` command line) asks the same
//! questions and gets the same answers, so the steps behind each (which
//! document an edit lands in, who is speaking, what enrolment records, what
//! a revoked device deletes) live here and nowhere else.
//!
//! - [`api`] (always): the questions ([`Request`], [`Edit`]), the answers
//!   ([`Reply`] and the views in [`api::views`]), what the lock screens know
//!   ([`api::lock`]) and the one error type, [`DeviceError`], in plain words.
//!   Plain values that cross to and from the web app's worker as JSON.
//! - [`client`] (always): [`DeviceClient`], the cheap handle the screens hold,
//!   with typed async calls over a [`Channel`] the launcher supplies, and the
//!   [`Vault`] trait the lock screens ask.
//!
//! With the `store` feature (the default), the device itself:
//! - `device`: [`Device`], the store-backed side that answers every request
//!   from a `DocumentStore`, reaching the relay through a [`Network`].
//! - `network`: the async [`Network`] trait and [`HttpNetwork`], its one
//!   implementation on reqwest: on tokio natively, over `fetch` in the browser.
//! - `session`: the sync drivers' store side over any `DocumentStore`.
//! - `vault`: [`StoreVault`], the encrypted store opened with a PIN (and a
//!   fingerprint), closed again when the app locks.
//! - `demo`: the fictional demo caseload a first run may offer.
//! - `export`: the subject access copy (JSON, and HTML from a template) and
//!   the team figures as CSV.
//! - `native` (not in the browser): calls run on tokio's blocking pool.
//!
//! Without `store` the crate depends on no store, no SQL and no network
//! client: `connect-ui` uses it that way.

pub mod api;
pub mod client;

#[cfg(feature = "store")]
pub mod demo;
#[cfg(feature = "store")]
pub mod device;
#[cfg(feature = "store")]
pub mod export;
#[cfg(feature = "store")]
pub mod media;
#[cfg(all(feature = "store", not(target_arch = "wasm32")))]
pub mod native;
#[cfg(feature = "store")]
pub mod network;
#[cfg(feature = "store")]
pub mod session;
#[cfg(feature = "testing")]
pub mod testing;
#[cfg(feature = "store")]
pub mod vault;

pub use api::error::DeviceError;
pub use api::lock::{FingerprintLock, FingerprintSupport, LockState, NewFingerprint, Opened, StorageInfo, Unlocking};
pub use api::{Edit, Edited, MediaItem, MediaPending, MediaSpace, MediaState, NewFile, Reply, Request};
pub use client::{Channel, DeviceClient, DeviceFuture, SharedVault, Vault};

#[cfg(feature = "store")]
pub use device::Device;
#[cfg(feature = "store")]
pub use network::{HttpNetwork, Network, RelayAccess};
#[cfg(feature = "store")]
pub use vault::StoreVault;

/// An error from below as a sentence for the screen: a capital letter and a
/// full stop ("wrong PIN or passphrase (1 wrong guess)" → "Wrong PIN…").
#[must_use]
pub fn sentence(e: impl std::fmt::Display) -> String {
    let text = e.to_string();
    let mut chars = text.chars();
    let mut out: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sentence;

    #[test]
    fn errors_read_as_sentences() {
        assert_eq!(sentence("wrong PIN or passphrase (1 wrong guess)"), "Wrong PIN or passphrase (1 wrong guess).");
        assert_eq!(sentence("Already fine."), "Already fine.");
        assert_eq!(sentence(""), ".");
    }
}
