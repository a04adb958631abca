//! Document heads as stores keep them: sorted, concatenated 32-byte hashes,
//! so two sets of heads compare equal exactly when their bytes do.

use automerge::ChangeHash;

/// Encodes heads for storage.
#[must_use]
pub fn encode(heads: &[ChangeHash]) -> Vec<u8> {
    sorted(heads).iter().flat_map(|h| h.0).collect()
}

/// Decodes heads written by [`encode`]; a trailing partial hash is ignored.
#[must_use]
pub fn decode(bytes: &[u8]) -> Vec<ChangeHash> {
    bytes
        .chunks_exact(32)
        .map(|c| {
            let mut h = [0u8; 32];
            h.copy_from_slice(c);
            ChangeHash(h)
        })
        .collect()
}

/// Heads in a fixed order, for comparisons.
#[must_use]
pub fn sorted(heads: &[ChangeHash]) -> Vec<ChangeHash> {
    let mut v = heads.to_vec();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_round_trip_in_one_order_whatever_order_they_came_in() {
        let a = ChangeHash([1; 32]);
        let b = ChangeHash([2; 32]);
        assert_eq!(encode(&[b, a]), encode(&[a, b]));
        assert_eq!(decode(&encode(&[b, a])), vec![a, b]);
        assert_eq!(decode(&[7; 40]).len(), 1, "a partial hash is dropped");
    }
}
