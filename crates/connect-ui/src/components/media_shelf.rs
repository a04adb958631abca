//! The voice notes and photos at one place on a resident's record (about
//! me, an offer, ask or goal, a journal note, the story), and the way to add
//! one there. The media are read once per screen ([`crate::media_view`]).

use connect_model::ResidentId;
use connect_model::media::MediaPlace;
use dioxus::prelude::*;

use crate::components::{MediaAdder, MediaCard};
use crate::i18n::Msg;
use crate::media_view::use_media_at;
use crate::state::use_ui;

/// The files at `place`, and "Add a voice note or photo" unless `read_only`.
#[component]
pub fn MediaShelf(resident: ResidentId, place: MediaPlace, resident_mode: bool, read_only: bool) -> Element {
    let ui = use_ui();
    let items = use_media_at(place);
    rsx! {
        div { class: "media-shelf",
            if !items.is_empty() {
                ul { class: "media-list", "aria-label": ui.t(Msg::VoiceNotesAndPhotos),
                    for item in items {
                        MediaCard { key: "{item.media.id}", resident, item, resident_mode, read_only }
                    }
                }
            }
            if !read_only {
                MediaAdder { resident, place, resident_mode }
            }
        }
    }
}
