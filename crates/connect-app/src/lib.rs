//! `connect-app`: everything between the screens of `connect-ui` and the
//! device: the store-backed side that answers the screens ([`local`]), the
//! lock in front of the encrypted store ([`vault`]), sync and the relay
//! ([`network`]), and how calls reach the store without blocking the screens
//! ([`blocking`]), and the light relay probe that tells the auto-sync the
//! network is back ([`lifecycle`]). The `connect-app` binary launches it on a native platform;
//! `connect-web` runs [`local`] and [`vault`] in the browser's store worker.

#[cfg(not(target_arch = "wasm32"))]
pub mod blocking;
#[cfg(not(target_arch = "wasm32"))]
pub mod lifecycle;
pub mod local;
#[cfg(not(target_arch = "wasm32"))]
pub mod network;
pub mod vault;

/// An error from below as a sentence for the screen: a capital letter and a
/// full stop ("wrong PIN or passphrase (1 wrong guess)" → "Wrong PIN…").
pub(crate) fn sentence(e: impl std::fmt::Display) -> String {
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
