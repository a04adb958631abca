//! Voice notes and photos, "in my words": what a document says about them.
//!
//! A document never holds media bytes (they would cost memory on every load
//! of it). It holds a reference: the SHA-256 of the bytes ([`BlobHash`]),
//! their type and size, the duration or dimensions, a caption (the alt text),
//! for voice an optional typed transcript, who added it and where it is
//! attached. The bytes travel and are stored apart, addressed by that hash,
//! so a re-sent file is the same file and never a copy.
//!
//! References live in the document of what they are attached to: about me
//! and the page's offers, asks and goals on the page, a note's in its
//! journal (shared or team-only, so the relay withholds a team-only note's
//! photo exactly as it withholds the note), the story's in the story. Each
//! sits in the document's `media` map by its own id. Removing one deletes
//! its key, so a concurrent caption edit cannot bring it back; its bytes are
//! then deleted everywhere (the relay and the devices keep only what some
//! document references).
//!
//! Documents made before media have no `media` map; the first edit adds it
//! (two devices adding it at once leave two maps, read as one, as promises).

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use automerge::Automerge;
use autosurgeon::{Hydrate, Reconcile};

use crate::document::{self, CollabText};
use crate::ids::{DocKind, ItemId};
use crate::limits::{self, ITEM_MAX, LONG_TEXT_MAX};
use crate::string_enum::string_enum;
use crate::{Author, AuthorRole, EditContext, ModelError, Result, Timestamp, journal, page};

/// The largest media file kept: 25 MiB (a 10-minute voice note is under 2).
pub const MEDIA_BYTES_MAX: u64 = 25 * 1024 * 1024;
/// The longest voice note: 10 minutes (and a second's grace for the recorder).
pub const VOICE_MS_MAX: u64 = 10 * 60 * 1000 + 1000;
/// The longest side of a stored photo, in pixels.
pub const PHOTO_SIDE_MAX: u32 = 1600;
/// The type a photo is stored as: every photo is re-encoded on the phone.
pub const PHOTO_MIME: &str = "image/jpeg";
/// The types a voice note is stored as: Opus in WebM where the browser has
/// it, AAC in MP4 on iOS, Opus in Ogg from other recorders.
pub const VOICE_MIMES: [&str; 3] = ["audio/webm", "audio/mp4", "audio/ogg"];

/// The SHA-256 of a media file's bytes: its name everywhere.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BlobHash([u8; 32]);

impl BlobHash {
    /// The hash with these 32 bytes.
    #[must_use]
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// The 32 bytes.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The SHA-256 of `bytes` (for small inputs; large files are hashed
    /// as they stream).
    #[must_use]
    pub fn of(bytes: &[u8]) -> Self {
        use sha2::Digest;
        Self(sha2::Sha256::digest(bytes).into())
    }
}

impl fmt::Display for BlobHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode(self.0))
    }
}

impl fmt::Debug for BlobHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BlobHash({self})")
    }
}

impl FromStr for BlobHash {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self> {
        let invalid = || ModelError::Invalid {
            what: "media hash",
            value: s.chars().take(80).collect(),
            hint: "64 hexadecimal digits (a SHA-256)".into(),
        };
        let s = s.trim();
        if s.len() != 64 {
            return Err(invalid());
        }
        let mut out = [0u8; 32];
        hex::decode_to_slice(s.to_ascii_lowercase(), &mut out).map_err(|_| invalid())?;
        Ok(Self(out))
    }
}

impl serde::Serialize for BlobHash {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for BlobHash {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl Reconcile for BlobHash {
    type Key<'a> = autosurgeon::reconcile::NoKey;
    fn reconcile<R: autosurgeon::Reconciler>(&self, mut r: R) -> std::result::Result<(), R::Error> {
        r.str(self.to_string())
    }
}

impl Hydrate for BlobHash {
    fn hydrate_string(s: &str) -> std::result::Result<Self, autosurgeon::HydrateError> {
        s.parse().map_err(|e: ModelError| autosurgeon::HydrateError::unexpected("media hash", e.to_string()))
    }
}

string_enum! {
    /// What a piece of media is.
    MediaKind, "media kind" {
        /// A recorded voice note.
        Voice => "voice",
        /// A photo.
        Photo => "photo",
    }
}

/// Where a piece of media is attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(tag = "on", content = "id", rename_all = "snake_case")]
pub enum MediaPlace {
    /// "About me", on the page.
    About,
    /// An offer, ask or goal on the page.
    Item(ItemId),
    /// A journal note (shared or team-only).
    Note(ItemId),
    /// The resident's story.
    Story,
}

impl MediaPlace {
    /// The kinds of document that may hold media attached here.
    pub(crate) fn holds(self, kind: DocKind) -> bool {
        match self {
            MediaPlace::About | MediaPlace::Item(_) => kind == DocKind::Page,
            MediaPlace::Note(_) => matches!(kind, DocKind::Journal | DocKind::TeamNotes),
            MediaPlace::Story => kind == DocKind::Story,
        }
    }
}

impl fmt::Display for MediaPlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MediaPlace::About => f.write_str("about"),
            MediaPlace::Item(id) => write!(f, "item:{id}"),
            MediaPlace::Note(id) => write!(f, "note:{id}"),
            MediaPlace::Story => f.write_str("story"),
        }
    }
}

impl FromStr for MediaPlace {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self> {
        match s.split_once(':') {
            None if s == "about" => Ok(MediaPlace::About),
            None if s == "story" => Ok(MediaPlace::Story),
            Some(("item", id)) => Ok(MediaPlace::Item(id.parse()?)),
            Some(("note", id)) => Ok(MediaPlace::Note(id.parse()?)),
            _ => Err(ModelError::Invalid {
                what: "media place",
                value: s.chars().take(80).collect(),
                hint: "about, story, item:ID or note:ID".into(),
            }),
        }
    }
}

/// A piece of media as its document records it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Media {
    /// The reference's own id (one file attached twice has two).
    pub id: ItemId,
    /// The SHA-256 of the bytes.
    pub hash: BlobHash,
    /// Voice or photo.
    pub kind: MediaKind,
    /// The bytes' type, for example `image/jpeg` or `audio/webm`.
    pub mime: String,
    /// How many bytes.
    pub bytes: u64,
    /// A voice note's length.
    pub duration_ms: Option<u64>,
    /// A photo's width and height in pixels.
    pub dimensions: Option<(u32, u32)>,
    /// The caption, which is also its alt text.
    pub caption: String,
    /// For a voice note: what it says, typed, if someone typed it.
    pub transcript: String,
    /// Where it is attached.
    pub place: MediaPlace,
    /// Who added it.
    pub author: Author,
    /// When it was added.
    pub added_at: Timestamp,
}

impl Media {
    /// Whether the resident made it themself: "in my words".
    #[must_use]
    pub fn in_my_words(&self) -> bool {
        self.author.role == AuthorRole::Resident
    }
}

/// A new piece of media, for [`add`].
#[derive(Debug, Clone)]
pub struct NewMedia<'a> {
    /// The SHA-256 of the bytes, already in the device's store.
    pub hash: BlobHash,
    /// Voice or photo.
    pub kind: MediaKind,
    /// The bytes' type (one of [`PHOTO_MIME`] and [`VOICE_MIMES`]).
    pub mime: &'a str,
    /// How many bytes.
    pub bytes: u64,
    /// A voice note's length.
    pub duration_ms: Option<u64>,
    /// A photo's width and height.
    pub dimensions: Option<(u32, u32)>,
    /// The caption (alt text).
    pub caption: &'a str,
    /// A voice note's typed transcript, or empty.
    pub transcript: &'a str,
    /// Where to attach it.
    pub place: MediaPlace,
}

#[derive(Debug, Clone, Reconcile, Hydrate)]
struct StoredMedia {
    id: ItemId,
    hash: BlobHash,
    kind: MediaKind,
    mime: String,
    bytes: u64,
    /// 0: not a voice note.
    duration_ms: u64,
    /// 0 and 0: not a photo.
    width: u32,
    height: u32,
    caption: CollabText,
    transcript: CollabText,
    place: String,
    author: Author,
    added_at: Timestamp,
}

const MAP: &str = "media";

/// Checks what a reference says about its bytes, as [`add`] does before it
/// writes one and the relay does for every document it is sent.
pub fn check_file(
    kind: MediaKind,
    mime: &str,
    bytes: u64,
    duration_ms: Option<u64>,
    dimensions: Option<(u32, u32)>,
) -> Result<()> {
    let invalid =
        |what: &'static str, value: String, hint: &str| Err(ModelError::Invalid { what, value, hint: hint.into() });
    if bytes == 0 || bytes > MEDIA_BYTES_MAX {
        return invalid("media size", format!("{bytes} bytes"), "from 1 byte to 25 MiB");
    }
    match kind {
        MediaKind::Photo => {
            if mime != PHOTO_MIME {
                return invalid(
                    "photo type",
                    mime.chars().take(40).collect(),
                    "image/jpeg (photos are re-encoded on the phone)",
                );
            }
            match dimensions {
                Some((w, h)) if (1..=PHOTO_SIDE_MAX).contains(&w) && (1..=PHOTO_SIDE_MAX).contains(&h) => {}
                other => return invalid("photo size", format!("{other:?}"), "at most 1600 pixels a side"),
            }
        }
        MediaKind::Voice => {
            if !VOICE_MIMES.contains(&mime) {
                return invalid(
                    "voice note type",
                    mime.chars().take(40).collect(),
                    "audio/webm, audio/mp4 or audio/ogg",
                );
            }
            match duration_ms {
                Some(ms) if (1..=VOICE_MS_MAX).contains(&ms) => {}
                other => return invalid("voice note length", format!("{other:?} ms"), "up to 10 minutes"),
            }
        }
    }
    Ok(())
}

/// Attaches a piece of media (whose bytes the device already holds) to
/// `doc`: about me or an offer, ask or goal on a page, a note in a journal,
/// or a story. Returns the reference's id.
pub fn add(doc: &mut Automerge, ctx: &EditContext, new: &NewMedia<'_>) -> Result<ItemId> {
    check_file(new.kind, new.mime, new.bytes, new.duration_ms, new.dimensions)?;
    let caption = limits::optional("caption", new.caption, ITEM_MAX)?;
    let transcript = limits::optional("transcript", new.transcript, LONG_TEXT_MAX)?;
    check_place(doc, new.place)?;
    let id = ItemId::random();
    let (width, height) = new.dimensions.unwrap_or((0, 0));
    let stored = StoredMedia {
        id,
        hash: new.hash,
        kind: new.kind,
        mime: new.mime.to_owned(),
        bytes: new.bytes,
        duration_ms: new.duration_ms.unwrap_or(0),
        width,
        height,
        caption: caption.as_str().into(),
        transcript: transcript.as_str().into(),
        place: new.place.to_string(),
        author: ctx.author.clone(),
        added_at: ctx.now,
    };
    let message = match new.kind {
        MediaKind::Voice => "add voice note",
        MediaKind::Photo => "add photo",
    };
    document::edit(doc, ctx, message, |tx| {
        let map = document::root_map_for_writing(tx, MAP)?;
        document::insert_item(tx, &map, id, &stored)
    })?;
    Ok(id)
}

/// Removes a piece of media from `doc`. Its bytes are then deleted on the
/// relay and on every device, once no other reference names them.
pub fn remove(doc: &mut Automerge, ctx: &EditContext, id: ItemId) -> Result<()> {
    document::edit(doc, ctx, "remove media", |tx| {
        let mut found = false;
        for map in document::root_maps(tx, MAP)? {
            if document::item(tx, &map, id, "media").is_ok() {
                automerge::transaction::Transactable::delete(tx, &map, id.to_string())?;
                found = true;
            }
        }
        if found { Ok(()) } else { Err(ModelError::UnknownItem { kind: "media", id: id.to_string() }) }
    })
}

/// Changes a piece of media's caption (its alt text).
pub fn set_caption(doc: &mut Automerge, ctx: &EditContext, id: ItemId, caption: &str) -> Result<()> {
    let caption = limits::optional("caption", caption, ITEM_MAX)?;
    set_text(doc, ctx, id, "caption", &caption)
}

/// Changes a voice note's typed transcript.
pub fn set_transcript(doc: &mut Automerge, ctx: &EditContext, id: ItemId, transcript: &str) -> Result<()> {
    let transcript = limits::optional("transcript", transcript, LONG_TEXT_MAX)?;
    set_text(doc, ctx, id, "transcript", &transcript)
}

fn set_text(doc: &mut Automerge, ctx: &EditContext, id: ItemId, field: &str, text: &str) -> Result<()> {
    document::edit(doc, ctx, "edit media caption", |tx| {
        for map in document::root_maps(tx, MAP)? {
            if let Ok(obj) = document::item(tx, &map, id, "media") {
                return document::update_text(tx, &obj, field, text);
            }
        }
        Err(ModelError::UnknownItem { kind: "media", id: id.to_string() })
    })
}

/// Every piece of media in `doc` (any kind; most have none), oldest first.
pub fn read(doc: &Automerge) -> Result<Vec<Media>> {
    let stored: std::collections::BTreeMap<String, StoredMedia> = document::root_entries(doc, MAP)?;
    let mut out = stored
        .into_values()
        .map(|m| {
            Ok(Media {
                id: m.id,
                hash: m.hash,
                kind: m.kind,
                mime: m.mime,
                bytes: m.bytes,
                duration_ms: (m.duration_ms > 0).then_some(m.duration_ms),
                dimensions: (m.width > 0 && m.height > 0).then_some((m.width, m.height)),
                caption: m.caption.as_str().to_owned(),
                transcript: m.transcript.as_str().to_owned(),
                place: m.place.parse()?,
                author: m.author,
                added_at: m.added_at,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    out.sort_by(|a, b| a.added_at.cmp(&b.added_at).then(a.id.cmp(&b.id)));
    Ok(out)
}

/// The hashes `doc` references: the bytes that must be kept for it.
pub fn hashes(doc: &Automerge) -> Result<BTreeSet<BlobHash>> {
    Ok(read(doc)?.into_iter().map(|m| m.hash).collect())
}

/// Checks that `place` belongs in `doc`: an item that is on the page, a note
/// that is in the journal.
fn check_place(doc: &Automerge, place: MediaPlace) -> Result<()> {
    let kind = document::kind_of(doc)
        .ok_or_else(|| ModelError::WrongShape { expected: "connect", detail: "no document kind at its root".into() })?;
    document::check_kind(doc, kind)?;
    if !place.holds(kind) {
        return Err(ModelError::Invalid {
            what: "media place",
            value: place.to_string(),
            hint: format!("a {} document holds no media attached there", kind.as_str()),
        });
    }
    match place {
        MediaPlace::Item(id) => {
            let p = page::read(doc)?;
            let on_page = p.offers.iter().any(|o| o.id == id)
                || p.asks.iter().any(|a| a.id == id)
                || p.goals.iter().any(|g| g.id == id);
            if !on_page {
                return Err(ModelError::UnknownItem { kind: "offer, ask or goal", id: id.to_string() });
            }
        }
        MediaPlace::Note(id) => {
            if !journal::read(doc)?.entries.iter().any(|e| e.id == id) {
                return Err(ModelError::UnknownItem { kind: "note", id: id.to_string() });
            }
        }
        MediaPlace::About | MediaPlace::Story => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests;
