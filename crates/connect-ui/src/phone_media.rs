//! The phone's microphone, camera and player, for voice notes and photos,
//! where the platform lends them to the screens (the web app does; the
//! desktop and the preview do not, and offer choosing a photo from a file
//! instead).
//!
//! The launcher puts a [`SharedPhoneMedia`] in context. Recording runs on
//! the platform between [`PhoneMedia::start_voice`] and
//! [`PhoneMedia::stop_voice`]; the camera shows its picture in a `<video>`
//! the screens draw, for as long as [`PhoneMedia::show_camera`]'s future is
//! held, and [`PhoneMedia::snap`] takes what it shows. A file the screens
//! show or play gets an address from [`media_url`]: a `blob:` URL the
//! platform makes (the web app's Content-Security-Policy allows those), or
//! a `data:` URL where there is no platform.

use std::sync::Arc;

use base64::Engine;
use connect_device::client::{DeviceFuture, SendSyncOutsideWasm};

/// A voice note as the recorder gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recording {
    /// The recorder's file: Opus in WebM, or AAC in MP4 where that is all
    /// the browser has.
    pub bytes: Vec<u8>,
    /// Its type as the recorder wrote it (`audio/webm`, `audio/mp4`).
    pub mime: String,
    /// How long it ran, as the page timed it (MediaRecorder's WebM does not
    /// say its own length).
    pub measured_ms: u64,
}

/// What the platform does with the microphone, the camera and the player.
pub trait PhoneMedia: SendSyncOutsideWasm {
    /// Starts recording from the microphone; answers once it records. Fails
    /// in words if the microphone is refused, missing or in use.
    fn start_voice(&self) -> DeviceFuture<()>;
    /// Stops the recording and answers with it.
    fn stop_voice(&self) -> DeviceFuture<Recording>;
    /// Stops a recording and throws it away (the screen closed mid-recording).
    fn cancel_voice(&self);
    /// Shows the back camera's picture in the `<video>` with id `video_id`
    /// until the element goes or the future is dropped. Fails in words if the
    /// camera is refused or missing.
    fn show_camera(&self, video_id: &str) -> DeviceFuture<()>;
    /// The picture the `<video>` with id `video_id` shows now, as a JPEG.
    fn snap(&self, video_id: &str) -> DeviceFuture<Vec<u8>>;
    /// An address for these bytes the page may show or play.
    fn media_url(&self, bytes: &[u8], mime: &str) -> String;
    /// Lets an address from [`PhoneMedia::media_url`] go.
    fn release_url(&self, url: &str);
    /// Plays the `<audio>` with id `audio_id` if it is paused, or pauses it.
    fn play_or_pause(&self, audio_id: &str);
}

/// The phone's media as components hold it.
pub type SharedPhoneMedia = Arc<dyn PhoneMedia>;

/// An address for a file's bytes: the platform's, or a `data:` URL.
#[must_use]
pub fn media_url(platform: Option<&SharedPhoneMedia>, bytes: &[u8], mime: &str) -> String {
    match platform {
        Some(p) => p.media_url(bytes, mime),
        None => format!("data:{mime};base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_platform_a_file_is_shown_from_a_data_url_of_its_bytes() {
        let url = media_url(None, b"\xff\xd8\xff", "image/jpeg");
        assert_eq!(url, "data:image/jpeg;base64,/9j/");
    }
}
