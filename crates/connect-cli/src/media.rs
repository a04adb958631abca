//! `connect media`: voice notes and photos. What each does is the device
//! core's (`connect_device::device::media`); this only reads the arguments
//! and prints, and its output is a contract scripts rely on: `add` prints
//! the file's SHA-256 alone on its last line, and `list --json` gives each
//! file's hash, type, bytes, state and where it is attached.

use anyhow::Context;
use connect_device::api::{MediaItem, NewFile};
use connect_model::media::{BlobHash, MediaPlace};
use serde::Serialize;

use crate::args::{ByArg, MediaCmd};
use crate::commands::Session;
use crate::render;

/// One file as `connect media list --json` gives it.
#[derive(Serialize)]
struct Listed<'a> {
    hash: BlobHash,
    id: connect_model::ItemId,
    kind: &'a str,
    mime: &'a str,
    bytes: u64,
    state: &'a str,
    sent_percent: u8,
    attached_to: MediaPlace,
    document: connect_model::DocumentId,
    caption: &'a str,
    transcript: &'a str,
    duration_ms: Option<u64>,
    dimensions: Option<(u32, u32)>,
    in_my_words: bool,
    added_by: &'a str,
    stuck: Option<&'a str>,
}

fn listed(m: &MediaItem) -> Listed<'_> {
    Listed {
        hash: m.media.hash,
        id: m.media.id,
        kind: m.media.kind.as_str(),
        mime: &m.media.mime,
        bytes: m.media.bytes,
        state: m.state.as_str(),
        sent_percent: m.sent_percent,
        attached_to: m.media.place,
        document: m.doc,
        caption: &m.media.caption,
        transcript: &m.media.transcript,
        duration_ms: m.media.duration_ms,
        dimensions: m.media.dimensions,
        in_my_words: m.media.in_my_words(),
        added_by: &m.media.author.name,
        stuck: m.stuck.as_deref(),
    }
}

/// Runs one `connect media` command.
pub(crate) fn run(s: &Session, cmd: MediaCmd) -> anyhow::Result<()> {
    match cmd {
        MediaCmd::Add { resident, file, on, note, story, about: _, caption, transcript, duration, by } => {
            let r = s.resident(&resident)?;
            // Refused before it is read: a file of any size could be named.
            let size = std::fs::metadata(&file).with_context(|| format!("cannot read {}", file.display()))?.len();
            anyhow::ensure!(
                size <= connect_device::media::INPUT_BYTES_MAX,
                "{}",
                connect_device::media::INPUT_TOO_LARGE
            );
            let bytes = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let place = match (on, note, story) {
                (Some(item), _, _) => MediaPlace::Item(item),
                (_, Some(n), _) => MediaPlace::Note(n),
                (_, _, true) => MediaPlace::Story,
                _ => MediaPlace::About,
            };
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let measured_ms = duration.filter(|d| d.is_finite() && *d > 0.0).map(|d| (d * 1000.0).round() as u64);
            let new = NewFile { place, bytes, caption, transcript, measured_ms, by_resident: by == ByArg::Resident };
            let (id, hash) = s.device.add_media(r, new).map_err(|e| s.said(e))?;
            println!("Kept on this device; it goes to the team at the next sync. Its id: {id}");
            println!("{hash}");
            Ok(())
        }
        MediaCmd::List { resident } => {
            let items = s.device.media_of(s.resident(&resident)?).map_err(|e| s.said(e))?;
            let rows: Vec<Listed<'_>> = items.iter().map(listed).collect();
            s.print(&rows, || render::media_list(&items))
        }
        MediaCmd::Get { hash, out } => {
            let (doc, _) = s.device.find_media(hash).map_err(|e| s.said(e))?;
            let bytes = s.wait(s.device.media_bytes(doc, hash))?;
            std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
            println!("Wrote {} bytes to {}.", bytes.len(), out.display());
            Ok(())
        }
        MediaCmd::Remove { resident, id } => {
            s.device.remove_media(s.resident(&resident)?, id).map_err(|e| s.said(e))?;
            println!("Removed: deleted here, and from the team and every device at their next sync.");
            Ok(())
        }
    }
}
