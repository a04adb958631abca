//! Voice notes and photos as the screens read them: one read of a
//! resident's media per screen, shared through context by every shelf on it
//! (a page with twenty offers asks the store once, not twenty times), and
//! the words for a file's state and length.

use connect_device::{DeviceError, MediaItem, MediaState};
use connect_model::ResidentId;
use connect_model::media::{Media, MediaKind, MediaPlace};
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{Ui, use_backend_read};

/// A resident's media, read once for the screen that shows it.
#[derive(Clone, Copy)]
pub struct ResidentMedia(Resource<Result<Vec<MediaItem>, DeviceError>>);

/// Reads `resident`'s media (again after every change) for the shelves below.
pub fn use_provide_media(resident: ResidentId) -> ResidentMedia {
    let read = use_backend_read(move |backend| async move { backend.media(resident).await });
    use_context_provider(|| ResidentMedia(read))
}

/// The files attached at `place`, oldest first; none until the read is in.
#[must_use]
pub fn use_media_at(place: MediaPlace) -> Vec<MediaItem> {
    let Some(ResidentMedia(read)) = try_use_context::<ResidentMedia>() else { return Vec::new() };
    match &*read.read() {
        Some(Ok(items)) => items.iter().filter(|i| i.media.place == place).cloned().collect(),
        _ => Vec::new(),
    }
}

/// A length as a clock shows it: `0:42`, `10:00`.
#[must_use]
pub fn clock_words(ms: u64) -> String {
    let seconds = ms / 1000;
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// What a file is, in words: "Voice note, 0:42", or "Photo".
#[must_use]
pub fn kind_words(ui: Ui, media: &Media) -> String {
    match (media.kind, media.duration_ms) {
        (MediaKind::Voice, Some(ms)) => ui.tr(Msg::VoiceNoteLength, &[("time", clock_words(ms).into())]),
        (MediaKind::Voice, None) => ui.t(Msg::VoiceNote),
        (MediaKind::Photo, _) => ui.t(Msg::Photo),
    }
}

/// Where a file stands, in words: only here, sending (how far), safe with
/// the team, with the team only, or stuck and why.
#[must_use]
pub fn state_words(ui: Ui, item: &MediaItem) -> String {
    if let Some(why) = &item.stuck {
        return ui.tr(Msg::MediaStuck, &[("why", why.as_str().into())]);
    }
    match item.state {
        MediaState::Local => ui.t(Msg::MediaOnlyHere),
        MediaState::Uploading => ui.tr(Msg::MediaSending, &[("percent", i64::from(item.sent_percent).into())]),
        MediaState::Synced => ui.t(Msg::MediaSafe),
        MediaState::Remote => ui.t(Msg::MediaWithTeam),
    }
}

#[cfg(test)]
mod tests {
    use super::clock_words;

    #[test]
    fn lengths_read_as_minutes_and_seconds() {
        assert_eq!(clock_words(0), "0:00");
        assert_eq!(clock_words(42_900), "0:42");
        assert_eq!(clock_words(600_000), "10:00");
    }
}
