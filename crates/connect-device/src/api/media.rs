//! Voice notes and photos in the device's API: a new file to keep, each
//! file's state as the screens and `connect media list` show it, and what a
//! round of media sync did.

use connect_model::DocumentId;
use connect_model::media::{Media, MediaPlace};
use serde::{Deserialize, Serialize};

/// A file a person recorded, took or picked, to attach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFile {
    /// Where it goes.
    pub place: MediaPlace,
    /// The bytes as recorded or picked (a photo is re-encoded before it is kept).
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
