//! Secrets: device tokens and invite codes. Both are random, shown once, and
//! stored only as SHA-256 hashes, so a copy of the relay database cannot be
//! used to impersonate a device or enrol a new one.

use rand::Rng;
use sha2::{Digest, Sha256};

/// Letters and digits that cannot be mistaken for each other when read aloud
/// or typed from a screen (no 0/O, 1/I/L).
const INVITE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A new device token: 32 random bytes, hex.
#[must_use]
pub fn new_token() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    hex::encode(bytes)
}

/// A new invite code: 12 characters in groups of four (about 59 bits).
#[must_use]
pub fn new_invite_code() -> String {
    let mut rng = rand::rng();
    let chars: Vec<char> =
        (0..12).map(|_| INVITE_ALPHABET[rng.random_range(0..INVITE_ALPHABET.len())] as char).collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// The hash stored for a token.
#[must_use]
pub fn hash_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.trim().as_bytes()).to_vec()
}

/// The hash stored for an invite code; case, spaces and dashes do not matter.
#[must_use]
pub fn hash_invite(code: &str) -> Vec<u8> {
    let normal: String = code.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect();
    Sha256::digest(format!("invite:{normal}").as_bytes()).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invite_codes_are_forgiving_to_type() {
        let code = new_invite_code();
        assert_eq!(code.len(), 14);
        assert_eq!(hash_invite(&code), hash_invite(&code.to_lowercase().replace('-', " ")));
        assert_ne!(hash_invite(&code), hash_invite(&new_invite_code()));
    }

    #[test]
    fn tokens_are_long_and_distinct() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_ne!(hash_token(&a), hash_token(&b));
    }
}
