//! A photo as the app keeps it: decoded on the phone (JPEG or PNG, turned
//! upright as its EXIF orientation says), scaled to at most 1600 pixels on
//! its long side, and encoded again as a JPEG of at most 400 KB. Encoding
//! anew writes only pixels: EXIF (the place it was taken, the phone, the
//! time) and every other metadata block is gone before anything is stored.
//!
//! The decoder runs on untrusted files, within limits on size and memory.

use std::io::Cursor;

use connect_model::media::PHOTO_SIDE_MAX;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits, imageops::FilterType};

/// The most a stored photo may take: a 12-megapixel photo from a phone's
/// camera comes to about half this.
pub const PHOTO_BYTES_MAX: usize = 400 * 1000;

/// The largest picture decoded, a side: a 108-megapixel sensor's.
const DECODE_SIDE_MAX: u32 = 12_000;
/// The most memory one decode may take (a 48-megapixel photo takes 144 MiB).
const DECODE_ALLOC_MAX: u64 = 256 * 1024 * 1024;
/// JPEG qualities tried in turn until the photo fits [`PHOTO_BYTES_MAX`].
const QUALITIES: [u8; 5] = [82, 74, 66, 58, 50];

/// A photo ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// The JPEG bytes, with no metadata.
    pub jpeg: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Why a photo could not be prepared, in words for the person holding it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    /// Not a JPEG or PNG, or damaged.
    #[error("That picture could not be read: {0}")]
    Unreadable(String),
    /// Larger than any phone makes, or would take too much memory.
    #[error("That picture is too large to keep.")]
    TooLarge,
}

/// Prepares `bytes` (a JPEG or PNG from a camera or a gallery) for keeping.
pub fn prepare(bytes: &[u8]) -> Result<Photo, PhotoError> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| PhotoError::Unreadable(e.to_string()))?;
    if !matches!(reader.format(), Some(image::ImageFormat::Jpeg | image::ImageFormat::Png)) {
        return Err(PhotoError::Unreadable("it is not a JPEG or PNG photo".into()));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(DECODE_SIDE_MAX);
    limits.max_image_height = Some(DECODE_SIDE_MAX);
    limits.max_alloc = Some(DECODE_ALLOC_MAX);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(read_error)?;
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(read_error)?;
    picture.apply_orientation(orientation);
    let (w, h) = (picture.width(), picture.height());
    if w == 0 || h == 0 {
        return Err(PhotoError::Unreadable("it has no pixels".into()));
    }
    if w.max(h) > PHOTO_SIDE_MAX {
        picture = picture.resize(PHOTO_SIDE_MAX, PHOTO_SIDE_MAX, FilterType::Triangle);
    }
    let rgb = DynamicImage::ImageRgb8(picture.into_rgb8());
    let (width, height) = (rgb.width(), rgb.height());
    let mut jpeg = Vec::new();
    for quality in QUALITIES {
        jpeg.clear();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, quality)
            .encode_image(&rgb)
            .map_err(|e| PhotoError::Unreadable(e.to_string()))?;
        if jpeg.len() <= PHOTO_BYTES_MAX {
            break;
        }
    }
    Ok(Photo { jpeg, width, height })
}

fn read_error(e: image::ImageError) -> PhotoError {
    match e {
        image::ImageError::Limits(_) => PhotoError::TooLarge,
        other => PhotoError::Unreadable(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A noisy picture (noise compresses worst, like foliage in a garden).
    fn camera_jpeg(width: u32, height: u32, exif: Option<&[u8]>) -> Vec<u8> {
        let mut seed = 7u32;
        let picture = image::RgbImage::from_fn(width, height, |x, y| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let n = u8::try_from((seed >> 16) & 0x3f).unwrap_or(0);
            image::Rgb([
                u8::try_from((x * 255 / width) & 0xff).unwrap_or(0).saturating_add(n),
                u8::try_from((y * 255 / height) & 0xff).unwrap_or(0),
                n,
            ])
        });
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92)
            .encode_image(&DynamicImage::ImageRgb8(picture))
            .unwrap();
        if let Some(app1) = exif {
            // An APP1 "Exif" block right after the start-of-image marker.
            let mut block = vec![0xFF, 0xE1];
            block.extend_from_slice(&u16::try_from(app1.len() + 2).unwrap().to_be_bytes());
            block.extend_from_slice(app1);
            out.splice(2..2, block);
        }
        out
    }

    #[test]
    fn a_large_photo_is_scaled_to_1600_pixels_and_stored_small() {
        let photo = prepare(&camera_jpeg(4000, 3000, None)).unwrap();
        assert_eq!((photo.width, photo.height), (1600, 1200));
        assert!(photo.jpeg.len() <= PHOTO_BYTES_MAX, "{} bytes", photo.jpeg.len());
        let small = prepare(&camera_jpeg(640, 480, None)).unwrap();
        assert_eq!((small.width, small.height), (640, 480), "never scaled up");
    }

    #[test]
    fn exif_and_the_place_in_it_are_gone_and_the_photo_turned_upright() {
        // Exif with orientation 6 (turn 90° clockwise) and a GPS tag.
        let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x02".to_vec();
        exif.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]); // Orientation = 6
        exif.extend_from_slice(&[0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 0]); // GPS IFD pointer
        exif.extend_from_slice(&[0, 0, 0, 0]);
        exif.extend_from_slice(b"51.5362N 0.0810E Barking");
        let original = camera_jpeg(800, 600, Some(&exif));
        assert!(original.windows(4).any(|w| w == b"Exif"));
        let photo = prepare(&original).unwrap();
        assert_eq!((photo.width, photo.height), (600, 800), "turned upright");
        assert!(!photo.jpeg.windows(4).any(|w| w == b"Exif"), "no EXIF block");
        assert!(!photo.jpeg.windows(7).any(|w| w == b"Barking"), "no trace of where");
    }

    #[test]
    fn what_is_not_a_photo_is_refused_in_words() {
        for junk in [&b""[..], b"GIF89a......", b"\xFF\xD8\xFF\xE0 truncated", b"\x89PNG\r\n\x1a\nbroken"] {
            assert!(matches!(prepare(junk), Err(PhotoError::Unreadable(_))), "{junk:?}");
        }
    }
}
