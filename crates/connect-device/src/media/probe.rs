//! What a media file is, read from its first bytes, never from its name or
//! the type a browser claims; and a voice note's length, from its container.
//! Every reader here runs on untrusted bytes (a file picked from anywhere, a
//! recording from any browser): each bounds what it reads and answers `None`
//! rather than guessing.

use connect_model::media::MediaKind;

/// What the bytes are: a photo to re-encode, or a voice note in one of the
/// containers the app keeps, with the type it is stored as.
#[must_use]
pub fn sniff(bytes: &[u8]) -> Option<(MediaKind, &'static str)> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some((MediaKind::Photo, "image/jpeg"))
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some((MediaKind::Photo, "image/png"))
    } else if bytes.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
        Some((MediaKind::Voice, "audio/webm"))
    } else if bytes.starts_with(b"OggS") {
        Some((MediaKind::Voice, "audio/ogg"))
    } else if bytes.get(4..8) == Some(b"ftyp") {
        Some((MediaKind::Voice, "audio/mp4"))
    } else {
        None
    }
}

/// A voice note's length in milliseconds, where its container says it:
/// Ogg (the last page's granule position, at Opus's 48 kHz), MP4 (`mvhd`),
/// or WebM (the segment's `Duration`, which a browser's recorder often
/// leaves out: the app then gives the length it measured while recording).
#[must_use]
pub fn voice_duration_ms(bytes: &[u8]) -> Option<u64> {
    match sniff(bytes)? {
        (MediaKind::Voice, "audio/ogg") => ogg_duration_ms(bytes),
        (MediaKind::Voice, "audio/mp4") => mp4_duration_ms(bytes),
        (MediaKind::Voice, "audio/webm") => webm_duration_ms(bytes),
        _ => None,
    }
}

fn ogg_duration_ms(bytes: &[u8]) -> Option<u64> {
    // The last page header: "OggS", version, flags, then the granule position.
    let at = bytes.windows(4).rposition(|w| w == b"OggS")?;
    let granule = u64::from_le_bytes(bytes.get(at + 6..at + 14)?.try_into().ok()?);
    (granule != u64::MAX && granule > 0).then_some(granule / 48)
}

fn mp4_duration_ms(bytes: &[u8]) -> Option<u64> {
    let at = bytes.windows(4).position(|w| w == b"mvhd")? + 4;
    let version = *bytes.get(at)?;
    let (scale_at, duration) = if version == 1 {
        let d = u64::from_be_bytes(bytes.get(at + 24..at + 32)?.try_into().ok()?);
        (at + 20, d)
    } else {
        let d = u64::from(u32::from_be_bytes(bytes.get(at + 16..at + 20)?.try_into().ok()?));
        (at + 12, d)
    };
    let scale = u64::from(u32::from_be_bytes(bytes.get(scale_at..scale_at + 4)?.try_into().ok()?));
    (scale > 0).then(|| duration.saturating_mul(1000) / scale)
}

fn webm_duration_ms(bytes: &[u8]) -> Option<u64> {
    // Duration (EBML id 0x4489) is a float in units of the timecode scale
    // (id 0x2AD7B1; a millisecond unless it says otherwise), in the first
    // few kilobytes where a recorder that knows it writes it.
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let scale_ns = find_element(head, &[0x2A, 0xD7, 0xB1])
        .and_then(|v| (v.len() <= 8).then(|| v.iter().fold(0u64, |n, b| (n << 8) | u64::from(*b))))
        .unwrap_or(1_000_000);
    let value = find_element(head, &[0x44, 0x89])?;
    let units = match value.len() {
        4 => f64::from(f32::from_be_bytes(value.try_into().ok()?)),
        8 => f64::from_be_bytes(value.try_into().ok()?),
        _ => return None,
    };
    let ms = units * scale_ns as f64 / 1_000_000.0;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    (ms.is_finite() && ms > 0.0 && ms < 1e12).then_some(ms as u64)
}

/// The value of the first EBML element with `id` whose size is a one-byte
/// length (0x81..=0x88: what these small elements use).
fn find_element<'a>(bytes: &'a [u8], id: &[u8]) -> Option<&'a [u8]> {
    let at = bytes.windows(id.len() + 1).position(|w| w.starts_with(id) && (0x81..=0x88).contains(&w[id.len()]))?;
    let len = usize::from(bytes[at + id.len()] & 0x0F);
    bytes.get(at + id.len() + 1..at + id.len() + 1 + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_known_by_their_first_bytes_not_their_names() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some((MediaKind::Photo, "image/jpeg")));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some((MediaKind::Photo, "image/png")));
        assert_eq!(sniff(&[0x1A, 0x45, 0xDF, 0xA3, 0x9F]), Some((MediaKind::Voice, "audio/webm")));
        assert_eq!(sniff(b"OggS\0\x02"), Some((MediaKind::Voice, "audio/ogg")));
        assert_eq!(sniff(b"\0\0\0\x20ftypM4A "), Some((MediaKind::Voice, "audio/mp4")));
        for other in [&b""[..], b"GIF89a", b"%PDF-1.7", b"RIFF....WAVE", b"\xFF\xD8"] {
            assert_eq!(sniff(other), None, "{other:?}");
        }
    }

    #[test]
    fn a_voice_note_s_length_is_read_from_each_container() {
        // Ogg: the last page's granule position, 48,000 a second.
        let mut ogg = b"OggS\0\x02".to_vec();
        ogg.extend_from_slice(&[0; 8]);
        ogg.extend_from_slice(b"OggS\0\x04");
        ogg.extend_from_slice(&(48_000u64 * 61).to_le_bytes());
        assert_eq!(voice_duration_ms(&ogg), Some(61_000));
        // MP4: mvhd version 0, timescale 1000, duration 42,500.
        let mut mp4 = b"\0\0\0\x18ftypM4A \0\0\0\0".to_vec();
        mp4.extend_from_slice(b"\0\0\0\x6cmvhd\0\0\0\0");
        mp4.extend_from_slice(&[0; 8]);
        mp4.extend_from_slice(&1000u32.to_be_bytes());
        mp4.extend_from_slice(&42_500u32.to_be_bytes());
        assert_eq!(voice_duration_ms(&mp4), Some(42_500));
        // WebM: Duration as an 8-byte float of milliseconds.
        let mut webm = vec![0x1A, 0x45, 0xDF, 0xA3, 0x80, 0x44, 0x89, 0x88];
        webm.extend_from_slice(&12_345.0f64.to_be_bytes());
        assert_eq!(voice_duration_ms(&webm), Some(12_345));
        // A recorder's WebM without one, and cut-off headers: unknown.
        assert_eq!(voice_duration_ms(&[0x1A, 0x45, 0xDF, 0xA3, 0x80]), None);
        assert_eq!(voice_duration_ms(b"\0\0\0\x18ftypM4A mvhd\0"), None);
        assert_eq!(voice_duration_ms(b"OggS\0\x04\xff\xff\xff\xff\xff\xff\xff\xff"), None);
    }
}
