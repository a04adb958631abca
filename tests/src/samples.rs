//! Media files as phones make them, for the media tests and bench: a
//! camera's noisy photo and a voice note in an Ogg container.

/// A photo as a phone's camera takes it: `width` by `height`, with noise
/// (which compresses worst, like leaves in a garden) of up to `noise` in
/// its blue channel, encoded at `quality`.
///
/// # Panics
/// If the JPEG encoder fails.
#[must_use]
pub fn camera_photo(width: u32, height: u32, noise: u8, quality: u8) -> Vec<u8> {
    let mut seed = 11u32;
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let n = u8::try_from((seed >> 16) & u32::from(noise)).unwrap_or(0);
        image::Rgb([u8::try_from(x % 256).unwrap_or(0), u8::try_from(y % 256).unwrap_or(0), n])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(&image::DynamicImage::ImageRgb8(picture))
        .expect("a JPEG");
    out
}

/// A voice note of `bytes` of (made-up) audio in an Ogg container whose last
/// page's granule position makes it `seconds` long; `seed` makes each differ.
#[must_use]
pub fn voice_note(bytes: usize, seconds: u64, seed: u8) -> Vec<u8> {
    let mut out = b"OggS\0\x02".to_vec();
    out.extend_from_slice(&[seed; 8]);
    out.extend((0..bytes).map(|i| u8::try_from((i * 7 + usize::from(seed) * 13) % 251).unwrap_or(0)));
    out.extend_from_slice(b"OggS\0\x04");
    out.extend_from_slice(&(48_000 * seconds).to_le_bytes());
    out
}
