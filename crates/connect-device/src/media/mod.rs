//! Voice notes and photos as the device prepares them, before anything is
//! stored: what a file is ([`probe`]), a photo scaled and stripped of its
//! metadata ([`photo`]), a voice note checked and measured. The device's
//! calls that store, list, send and fetch media are in
//! [`crate::device::media`].

pub mod photo;
pub mod probe;

use connect_model::media::{self, MediaKind};

use crate::DeviceError;

/// A file ready to store: its kept bytes and what the document says of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// Voice or photo.
    pub kind: MediaKind,
    /// The type it is stored as.
    pub mime: &'static str,
    /// The bytes to keep.
    pub bytes: Vec<u8>,
    /// A voice note's length.
    pub duration_ms: Option<u64>,
    /// A photo's width and height.
    pub dimensions: Option<(u32, u32)>,
}

pub use crate::api::{INPUT_BYTES_MAX, INPUT_TOO_LARGE};

/// Prepares the bytes a person recorded, took or picked: a photo is
/// re-encoded ([`photo::prepare`]); a voice note is kept as recorded, its
/// length read from its container or, where the recorder wrote none, the
/// `measured_ms` the app timed. Anything else is refused in words.
pub fn prepare(bytes: Vec<u8>, measured_ms: Option<u64>) -> Result<Prepared, DeviceError> {
    if bytes.len() as u64 > INPUT_BYTES_MAX {
        return Err(DeviceError::refused(INPUT_TOO_LARGE));
    }
    let Some((kind, mime)) = probe::sniff(&bytes) else {
        return Err(DeviceError::refused(
            "That file is not a photo (JPEG or PNG) or a voice note (WebM, MP4 or Ogg audio).",
        ));
    };
    match kind {
        MediaKind::Photo => {
            let p = photo::prepare(&bytes).map_err(|e| DeviceError::Refused(e.to_string()))?;
            Ok(Prepared {
                kind,
                mime: media::PHOTO_MIME,
                bytes: p.jpeg,
                duration_ms: None,
                dimensions: Some((p.width, p.height)),
            })
        }
        MediaKind::Voice => {
            let Some(duration) = probe::voice_duration_ms(&bytes).or(measured_ms) else {
                return Err(DeviceError::refused(
                    "How long is that voice note? Its file does not say: give its length in seconds.",
                ));
            };
            let duration_ms = Some(duration.max(1));
            media::check_file(kind, mime, bytes.len() as u64, duration_ms, None)
                .map_err(|e| DeviceError::Refused(crate::sentence(e)))?;
            Ok(Prepared { kind, mime, bytes, duration_ms, dimensions: None })
        }
    }
}
