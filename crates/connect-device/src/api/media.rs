//! Voice notes and photos in the device's API: a new file to keep, each
//! file's state as the screens and `connect media list` show it, and what a
//! round of media sync did.

use connect_model::DocumentId;
use connect_model::media::{Media, MediaPlace};
use serde::{Deserialize, Serialize};

/// The largest file taken in to be prepared: a camera's photo before it is
/// scaled (a 50-megapixel JPEG is about 20 MB), with room to spare. A voice
/// note must be within the model's 25 MiB as it is.
pub const INPUT_BYTES_MAX: u64 = 64 * 1024 * 1024;

/// Why a file too large to take in is refused.
pub const INPUT_TOO_LARGE: &str = "That file is too large for a photo or a voice note (64 MB at most).";

/// A file a person recorded, took or picked, to attach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFile {
    /// Where it goes.
    pub place: MediaPlace,
    /// The bytes as recorded or picked (a photo is re-encoded before it is kept).
    #[serde(with = "wire_bytes")]
    pub bytes: Vec<u8>,
    /// Its caption, which is also its alt text.
    pub caption: String,
    /// A voice note's typed transcript, or empty.
    pub transcript: String,
    /// A voice note's length as the app timed it, for recorders whose file
    /// does not say.
    pub measured_ms: Option<u64>,
    /// The resident made it themself: "in my words".
    pub by_resident: bool,
}

/// Where a file stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MediaState {
    /// Only on this phone: waiting to be sent.
    Local,
    /// Being sent: part of it is with the team.
    Uploading,
    /// Safe with the team (and here).
    Synced,
    /// With the team, not on this phone: fetched when opened.
    Remote,
}

impl MediaState {
    /// As `connect media list` prints it: `local`, `uploading`, `synced`, `remote`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            MediaState::Local => "local",
            MediaState::Uploading => "uploading",
            MediaState::Synced => "synced",
            MediaState::Remote => "remote",
        }
    }
}

/// One file, as a list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MediaItem {
    /// What its document says of it.
    pub media: Media,
    /// The document that holds it.
    pub doc: DocumentId,
    /// Where it stands.
    pub state: MediaState,
    /// How much of it the team has, in percent (100 once safe).
    pub sent_percent: u8,
    /// Whether its bytes are on this phone.
    pub here: bool,
    /// Why it is stuck, if sending it failed for a reason other than a
    /// missing signal (the team's space is full, say).
    pub stuck: Option<String>,
}

/// What one round of media sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaReport {
    /// Files the team now has whole that it lacked before.
    pub sent: u32,
    /// Bytes sent.
    pub sent_bytes: u64,
    /// Files fetched whole.
    pub received: u32,
    /// Bytes fetched.
    pub received_bytes: u64,
    /// Files still only (or partly) on this phone.
    pub waiting: u32,
    /// Files deleted here because no document names them any more.
    pub deleted: u32,
    /// Why files are stuck, one line each.
    pub stuck: Vec<String>,
}

/// Media waiting on this phone, for the sync chip.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaPending {
    /// Voice notes not yet safe with the team.
    pub voice: u32,
    /// Photos not yet safe with the team.
    pub photos: u32,
}

impl MediaPending {
    /// Both together.
    #[must_use]
    pub fn total(self) -> u32 {
        self.voice + self.photos
    }
}

/// What this phone keeps of voice notes and photos, for Settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaSpace {
    /// How much fetched copies may take, in bytes (200 MB unless changed).
    pub budget: u64,
    /// Bytes of copies fetched from the team (evicted first when over budget).
    pub fetched: u64,
    /// Bytes of files made on this phone (never evicted).
    pub made_here: u64,
}

/// File bytes in JSON as one base64 string: the web worker's messages are
/// JSON, where a list of numbers would take three to four times the bytes.
pub mod wire_bytes {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the bytes as base64.
    pub fn serialize<S: Serializer>(bytes: &[u8], to: S) -> Result<S::Ok, S::Error> {
        to.serialize_str(&STANDARD.encode(bytes))
    }

    /// Reads base64 back; anything else is an error in words.
    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<Vec<u8>, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(from)?;
        STANDARD
            .decode(text.as_bytes())
            .map_err(|e| serde::de::Error::custom(format!("file bytes are not base64: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_bytes_travel_as_base64_and_bad_base64_is_refused() {
        let file = NewFile {
            place: MediaPlace::About,
            bytes: (0..=255).collect(),
            caption: "the garden".into(),
            transcript: String::new(),
            measured_ms: Some(1200),
            by_resident: true,
        };
        let json = serde_json::to_string(&file).unwrap();
        assert!(json.len() < 600, "{} bytes of JSON for 256 of file", json.len());
        assert_eq!(serde_json::from_str::<NewFile>(&json).unwrap(), file);
        let bad = json.replace("AAEC", "!!!!");
        let err = serde_json::from_str::<NewFile>(&bad).unwrap_err().to_string();
        assert!(err.contains("not base64"), "{err}");
    }
}
