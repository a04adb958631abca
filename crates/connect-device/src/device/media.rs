//! Voice notes and photos on the device: kept, listed, opened, removed, and
//! sent and fetched by their own queue, apart from document sync.
//!
//! The queue never holds up documents: a device syncs its documents first,
//! then media, one request of at most `BLOB_PATCH_BYTES` at a time, so an
//! edit made while a long upload is stuck still reaches the team in one
//! round trip. An upload resumes from what the relay says it holds; a
//! download, from what is stored here. A file is kept only while a document
//! names it: one removed (here or on another phone) or erased is deleted at
//! the next round. Copies fetched from the team stay within the phone's
//! media budget (Settings; 200 MB unless changed), the least recently
//! opened evicted first; what was made here and waits to be sent never is.

use std::collections::{BTreeMap, BTreeSet};

use connect_model::media::{self, BlobHash, Media, MediaPlace, NewMedia};
use connect_model::{DocKind, DocumentId, ItemId, ModelError, ResidentId, journal};
use connect_store::media::{read_range, read_whole};
use connect_store::{DocumentStore, MediaFile, MediaOrigin, MediaWrite, StoreError};
use connect_sync::SyncError;
use connect_sync::api::BLOB_PATCH_BYTES;

use super::{Device, now, store_error};
use crate::DeviceError;
use crate::api::{MediaItem, MediaPending, MediaReport, MediaSpace, MediaState, NewFile};
use crate::network::{MediaPart, MediaRange, Network, RelayAccess};

/// The setting that holds the phone's media budget, in megabytes.
pub const MEDIA_BUDGET_SETTING: &str = "media_budget_mb";
/// The media budget unless Settings changed it.
pub const DEFAULT_MEDIA_BUDGET_MB: u64 = 200;
/// Set while a media round still has files to fetch, so the next round
/// looks through the documents again even if none changed.
const SCAN_DUE_SETTING: &str = "media_scan_due";
/// The kinds of document that may hold media.
const MEDIA_KINDS: [DocKind; 4] = [DocKind::Page, DocKind::Journal, DocKind::TeamNotes, DocKind::Story];

/// The setting that says why a file is stuck.
fn stuck_setting(hash: BlobHash) -> String {
    format!("media_stuck:{hash}")
}

/// Deletes a file's bytes and whatever this phone noted about it.
fn forget_file(store: &mut impl DocumentStore, doc: DocumentId, hash: BlobHash) -> Result<(), DeviceError> {
    store.delete_media(doc, hash).map_err(store_error)?;
    store.set_setting(&stuck_setting(hash), None).map_err(store_error)
}

/// How many requests in a row may move an upload no further before the
/// file is called stuck (a relay that keeps answering the same offset).
const STALLED_STEPS: u32 = 3;

fn now_ms() -> i64 {
    now().millis()
}

/// A file's state from what this phone holds of it.
fn state_of(file: Option<&MediaFile>) -> (MediaState, u8) {
    let Some(f) = file else { return (MediaState::Remote, 100) };
    let percent = u8::try_from(f.sent.saturating_mul(100) / f.length.max(1)).unwrap_or(100).min(100);
    match f.origin {
        MediaOrigin::Here if f.is_sent() => (MediaState::Synced, 100),
        MediaOrigin::Here if f.sent > 0 => (MediaState::Uploading, percent),
        MediaOrigin::Here => (MediaState::Local, 0),
        MediaOrigin::Downloaded if f.is_whole() => (MediaState::Synced, 100),
        MediaOrigin::Downloaded => (MediaState::Remote, 100),
    }
}

/// What stopped sending or fetching a file.
enum Halt {
    /// No signal, or the relay asked to wait: the round ends, to resume next time.
    Later,
    /// The relay refused this file (the team's space is full, say): the
    /// reason is on the file, and the round goes on to the next.
    Stuck(String),
    /// The device must answer this (it was revoked).
    Fail(DeviceError),
}

impl<S: DocumentStore, N: Network> Device<S, N> {
    /// The document of `resident` that holds media attached at `place`.
    fn media_doc(&self, resident: ResidentId, place: MediaPlace) -> Result<DocumentId, DeviceError> {
        let kind = match place {
            MediaPlace::About | MediaPlace::Item(_) => DocKind::Page,
            MediaPlace::Story => DocKind::Story,
            MediaPlace::Note(note) => {
                let shared = DocumentId::resident(resident, DocKind::Journal);
                let holds = self.with(|s| match s.load(shared) {
                    Ok(doc) => Ok(journal::read(&doc).is_ok_and(|j| j.entries.iter().any(|e| e.id == note))),
                    Err(StoreError::NotFound(_)) => Ok(false),
                    Err(e) => Err(store_error(e)),
                })?;
                if holds { DocKind::Journal } else { DocKind::TeamNotes }
            }
        };
        Ok(DocumentId::resident(resident, kind))
    }

    /// Keeps a file a person recorded, took or picked, and attaches it:
    /// a photo re-encoded without its metadata, a voice note as recorded.
    /// Its bytes are stored before the document names them, so a reference
    /// never points at nothing. Answers the reference's id and the file's hash.
    pub fn add_media(&self, resident: ResidentId, new: NewFile) -> Result<(ItemId, BlobHash), DeviceError> {
        let prepared = crate::media::prepare(new.bytes, new.measured_ms)?;
        let hash = BlobHash::of(&prepared.bytes);
        let doc = self.media_doc(resident, new.place)?;
        let at = now();
        let (ctx, as_resident) = self.voices(resident, at)?;
        let ctx = if new.by_resident { as_resident } else { ctx };
        let length = prepared.bytes.len() as u64;
        let made_now = self.with(|s| {
            if s.media_file(doc, hash).map_err(store_error)?.is_some_and(|f| f.is_whole()) {
                return Ok(false);
            }
            let write = MediaWrite {
                doc,
                hash,
                length,
                start: 0,
                bytes: &prepared.bytes,
                origin: MediaOrigin::Here,
                now_ms: at.millis(),
            };
            s.write_media(&write).map_err(store_error)?;
            Ok(true)
        })?;
        let reference = NewMedia {
            hash,
            kind: prepared.kind,
            mime: prepared.mime,
            bytes: length,
            duration_ms: prepared.duration_ms,
            dimensions: prepared.dimensions,
            caption: &new.caption,
            transcript: &new.transcript,
            place: new.place,
        };
        let added = self.with(|s| s.edit(doc, |d| media::add(d, &ctx, &reference)).map_err(store_error));
        if added.is_err() && made_now {
            // Nothing names the bytes: they go, as the refusal says nothing was kept.
            self.with(|s| forget_file(s, doc, hash))?;
        }
        Ok((added?, hash))
    }

    /// Every file attached anywhere on a resident's record, oldest first,
    /// with where each stands.
    pub fn media_of(&self, resident: ResidentId) -> Result<Vec<MediaItem>, DeviceError> {
        let mut out = Vec::new();
        for (doc, list) in self.referenced(resident)? {
            for m in list {
                let (file, stuck) = self.with(|s| {
                    let file = s.media_file(doc, m.hash).map_err(store_error)?;
                    let stuck = s.setting(&stuck_setting(m.hash)).map_err(store_error)?;
                    Ok((file, stuck))
                })?;
                let (state, sent_percent) = state_of(file.as_ref());
                let here = file.as_ref().is_some_and(MediaFile::is_whole);
                out.push(MediaItem { media: m, doc, state, sent_percent, here, stuck });
            }
        }
        out.sort_by(|a, b| a.media.added_at.cmp(&b.media.added_at).then(a.media.id.cmp(&b.media.id)));
        Ok(out)
    }

    /// The media each of a resident's documents on this phone references.
    fn referenced(&self, resident: ResidentId) -> Result<Vec<(DocumentId, Vec<Media>)>, DeviceError> {
        let mut out = Vec::new();
        for kind in MEDIA_KINDS {
            let id = DocumentId::resident(resident, kind);
            let listed = self.with(|s| match s.load(id) {
                Ok(doc) => media::read(&doc).map(Some).map_err(|e| store_error(StoreError::Model(e))),
                Err(StoreError::NotFound(_)) => Ok(None),
                Err(e) => Err(store_error(e)),
            })?;
            if let Some(list) = listed {
                out.push((id, list));
            }
        }
        Ok(out)
    }

    /// The file named `hash` anywhere on this device's residents: its
    /// document and reference.
    pub fn find_media(&self, hash: BlobHash) -> Result<(DocumentId, Media), DeviceError> {
        let docs = self.with(|s| s.document_ids().map_err(store_error))?;
        for doc in docs.into_iter().filter(|d| MEDIA_KINDS.contains(&d.kind())) {
            let found = self.with(|s| {
                let d = s.load(doc).map_err(store_error)?;
                Ok(media::read(&d).unwrap_or_default().into_iter().find(|m| m.hash == hash))
            })?;
            if let Some(m) = found {
                return Ok((doc, m));
            }
        }
        Err(DeviceError::refused("No voice note or photo with that hash is on this device."))
    }

    /// A file's bytes: from this phone, or fetched from the team (resuming
    /// a fetch cut off before) and checked against its hash.
    pub async fn media_bytes(&self, doc: DocumentId, hash: BlobHash) -> Result<Vec<u8>, DeviceError> {
        let held = self.with(|s| s.media_file(doc, hash).map_err(store_error))?;
        if held.as_ref().is_some_and(MediaFile::is_whole) {
            return self.with(|s| {
                s.touch_media(doc, hash, now_ms()).map_err(store_error)?;
                read_whole(s, doc, hash).map_err(store_error)
            });
        }
        let length = match held {
            Some(f) => f.length,
            None => {
                let d = self.with(|s| s.load(doc).map_err(store_error))?;
                let refs = media::read(&d).map_err(|e| store_error(StoreError::Model(e)))?;
                let m = refs.into_iter().find(|m| m.hash == hash);
                m.ok_or_else(|| DeviceError::refused("That file is not attached to this document."))?.bytes
            }
        };
        let relay = self.relay()?;
        self.fetch(&relay, doc, hash, length).await?;
        self.evict_over_budget(Some((doc, hash)))?;
        self.with(|s| read_whole(s, doc, hash).map_err(store_error))
    }

    /// Fetches the rest of a file, storing each piece as it comes, then
    /// checks the whole against its hash (deleting it if it does not match).
    async fn fetch(
        &self,
        relay: &RelayAccess,
        doc: DocumentId,
        hash: BlobHash,
        length: u64,
    ) -> Result<u64, DeviceError> {
        let mut stored = self.with(|s| Ok(s.media_file(doc, hash).map_err(store_error)?.map_or(0, |f| f.stored)))?;
        let start = stored;
        while stored < length {
            let max = (length - stored).min(BLOB_PATCH_BYTES as u64);
            let bytes =
                self.reached(self.network.media_fetch(relay, MediaRange { doc, hash, offset: stored, max }).await)?;
            if bytes.is_empty() || stored + bytes.len() as u64 > length {
                return Err(DeviceError::Network("The team's copy of that file is not the size it should be.".into()));
            }
            let write = MediaWrite {
                doc,
                hash,
                length,
                start: stored,
                bytes: &bytes,
                origin: MediaOrigin::Downloaded,
                now_ms: now_ms(),
            };
            stored = self.with(|s| s.write_media(&write).map_err(store_error))?;
        }
        let whole = self.with(|s| read_whole(s, doc, hash).map_err(store_error))?;
        if BlobHash::of(&whole) != hash {
            self.with(|s| forget_file(s, doc, hash))?;
            return Err(DeviceError::Network(
                "The file fetched from the team was damaged on the way; try again.".into(),
            ));
        }
        Ok(stored - start)
    }

    /// Removes a voice note or photo from a resident's record; its bytes go
    /// from this phone now, and from the team and every phone at their next sync.
    pub fn remove_media(&self, resident: ResidentId, id: ItemId) -> Result<(), DeviceError> {
        let at = now();
        let (ctx, _) = self.voices(resident, at)?;
        for (doc, list) in self.referenced(resident)? {
            let Some(m) = list.iter().find(|m| m.id == id) else { continue };
            let still_named = list.iter().any(|other| other.id != id && other.hash == m.hash);
            return self.with(|s| {
                s.edit(doc, |d| media::remove(d, &ctx, id)).map_err(store_error)?;
                if !still_named {
                    forget_file(s, doc, m.hash)?;
                }
                Ok(())
            });
        }
        Err(store_error(StoreError::Model(ModelError::UnknownItem { kind: "media", id: id.to_string() })))
    }

    /// Media made here and not yet safe with the team, by kind.
    pub fn media_pending(&self) -> Result<MediaPending, DeviceError> {
        let files = self.with(|s| s.media_files().map_err(store_error))?;
        let mut pending = MediaPending::default();
        let waiting: BTreeSet<(DocumentId, BlobHash)> =
            files.iter().filter(|f| f.origin == MediaOrigin::Here && !f.is_sent()).map(|f| (f.doc, f.hash)).collect();
        let docs: BTreeSet<DocumentId> = waiting.iter().map(|(d, _)| *d).collect();
        for doc in docs {
            let refs = self.with(|s| match s.load(doc) {
                Ok(d) => Ok(media::read(&d).unwrap_or_default()),
                Err(_) => Ok(Vec::new()),
            })?;
            let mut seen = BTreeSet::new();
            for m in refs.into_iter().filter(|m| waiting.contains(&(doc, m.hash)) && seen.insert(m.hash)) {
                match m.kind {
                    media::MediaKind::Voice => pending.voice += 1,
                    media::MediaKind::Photo => pending.photos += 1,
                }
            }
        }
        Ok(pending)
    }

    /// The phone's media budget in bytes.
    pub fn media_budget(&self) -> Result<u64, DeviceError> {
        let mb = self.with(|s| s.setting(MEDIA_BUDGET_SETTING).map_err(store_error))?;
        Ok(mb.and_then(|m| m.parse().ok()).unwrap_or(DEFAULT_MEDIA_BUDGET_MB) * 1_000_000)
    }

    /// What voice notes and photos take here, for Settings: fetched copies
    /// (which the budget bounds) and files made here (which it never evicts).
    pub fn media_space(&self) -> Result<MediaSpace, DeviceError> {
        let files = self.with(|s| s.media_files().map_err(store_error))?;
        let mut space = MediaSpace { budget: self.media_budget()?, ..MediaSpace::default() };
        for f in files {
            match f.origin {
                MediaOrigin::Here => space.made_here += f.stored,
                MediaOrigin::Downloaded => space.fetched += f.stored,
            }
        }
        Ok(space)
    }

    /// Sets the phone's media budget, in megabytes (at least 10).
    pub fn set_media_budget(&self, megabytes: u64) -> Result<(), DeviceError> {
        let mb = megabytes.max(10).to_string();
        self.with(|s| s.set_setting(MEDIA_BUDGET_SETTING, Some(&mb)).map_err(store_error))
    }

    /// One round of media sync, after documents: deletes what no document
    /// names, sends what was made here, then fetches what the budget allows
    /// of what this phone's residents have. Stops quietly when the signal
    /// goes (what was sent or fetched stays), and resumes next round.
    pub async fn sync_media(&self) -> Result<MediaReport, DeviceError> {
        self.media_round(true).await
    }

    /// [`Device::sync_media`] after a document sync. Finding what the
    /// documents name costs a load of every document, so it is done only
    /// when the sync changed documents here or an earlier round left a file
    /// to fetch; sending what waits here needs no document at all.
    pub(crate) async fn media_round(&self, documents_changed: bool) -> Result<MediaReport, DeviceError> {
        let relay = self.relay()?;
        let mut report = MediaReport::default();
        let scan = documents_changed || self.with(|s| s.setting(SCAN_DUE_SETTING).map_err(store_error))?.is_some();
        let named = if scan { Some(self.forget_unnamed(&mut report)?) } else { None };
        let files = self.with(|s| s.media_files().map_err(store_error))?;
        let mut complete = true;
        for f in files.iter().filter(|f| f.origin == MediaOrigin::Here && !f.is_sent()) {
            match self.send(&relay, f, &mut report).await {
                Ok(()) => {}
                Err(Halt::Stuck(why)) => report.stuck.push(why),
                Err(Halt::Later) => {
                    complete = false;
                    break;
                }
                Err(Halt::Fail(e)) => return Err(e),
            }
        }
        if let Some(named) = named.filter(|_| complete) {
            complete = match self.prefetch(&relay, &named, &mut report).await {
                Ok(fetched_all) => fetched_all,
                Err(Halt::Fail(e)) => return Err(e),
                Err(_) => false,
            };
        }
        if scan {
            let due = (!complete).then_some("true");
            self.with(|s| s.set_setting(SCAN_DUE_SETTING, due).map_err(store_error))?;
        }
        report.waiting = self.media_pending()?.total();
        Ok(report)
    }

    /// Deletes files no document on this phone names (removed here or on
    /// another phone, or their resident erased); answers what is named, by
    /// document, with each file's length.
    fn forget_unnamed(&self, report: &mut MediaReport) -> Result<BTreeMap<(DocumentId, BlobHash), Media>, DeviceError> {
        let docs = self.with(|s| s.document_ids().map_err(store_error))?;
        let mut named = BTreeMap::new();
        for doc in docs.into_iter().filter(|d| MEDIA_KINDS.contains(&d.kind())) {
            let refs = self.with(|s| Ok(media::read(&s.load(doc).map_err(store_error)?).unwrap_or_default()))?;
            for m in refs {
                named.insert((doc, m.hash), m);
            }
        }
        for f in self.with(|s| s.media_files().map_err(store_error))? {
            if !named.contains_key(&(f.doc, f.hash)) {
                self.with(|s| forget_file(s, f.doc, f.hash))?;
                report.deleted += 1;
            }
        }
        Ok(named)
    }

    /// Sends one file from where the relay's copy ends.
    async fn send(&self, relay: &RelayAccess, f: &MediaFile, report: &mut MediaReport) -> Result<(), Halt> {
        let held = self.network.media_held(relay, f.doc, f.hash).await;
        let mut held = self.halt_on(held, f.hash)?;
        let mut stalled = 0;
        while held < f.length {
            let bytes = self
                .with(|s| read_range(s, f.doc, f.hash, held, BLOB_PATCH_BYTES).map_err(store_error))
                .map_err(Halt::Fail)?;
            if bytes.is_empty() || stalled >= STALLED_STEPS {
                // Never a loop without end: a copy here cut short, or a relay
                // that will not move on, leaves the file stuck with a reason.
                return Err(self.stuck(f.hash, "Sending this file stopped moving; it stays on this phone."));
            }
            let part = MediaPart { doc: f.doc, hash: f.hash, length: f.length, offset: held, bytes };
            let sent = part.bytes.len() as u64;
            let now_held = self.network.media_send(relay, part).await;
            let now_held = self.halt_on(now_held, f.hash)?;
            if now_held == held + sent {
                report.sent_bytes += sent;
            }
            stalled = if now_held > held { 0 } else { stalled + 1 };
            held = now_held;
            self.with(|s| s.set_media_sent(f.doc, f.hash, held).map_err(store_error)).map_err(Halt::Fail)?;
        }
        self.with(|s| {
            s.set_media_sent(f.doc, f.hash, f.length).map_err(store_error)?;
            s.set_setting(&stuck_setting(f.hash), None).map_err(store_error)
        })
        .map_err(Halt::Fail)?;
        report.sent += 1;
        Ok(())
    }

    /// A media call's outcome: no signal or a wait ends the round; a
    /// revoked device wipes; any other refusal marks the file stuck (in
    /// words, on the file) and the round goes on to the next file.
    fn halt_on<T>(&self, outcome: Result<T, SyncError>, hash: BlobHash) -> Result<T, Halt> {
        match outcome {
            Ok(v) => Ok(v),
            Err(SyncError::Unreachable(_) | SyncError::RateLimited { .. } | SyncError::Busy { .. }) => Err(Halt::Later),
            Err(e) => match self.reached::<()>(Err(e)) {
                Err(DeviceError::Wiped) => Err(Halt::Fail(DeviceError::Wiped)),
                Err(why) => Err(self.stuck(hash, &why.to_string())),
                Ok(()) => Err(Halt::Later),
            },
        }
    }

    /// Notes on the file why it is stuck, for its list and the next round.
    fn stuck(&self, hash: BlobHash, words: &str) -> Halt {
        match self.with(|s| s.set_setting(&stuck_setting(hash), Some(words)).map_err(store_error)) {
            Ok(()) => Halt::Stuck(words.to_owned()),
            Err(e) => Halt::Fail(e),
        }
    }

    /// Fetches what this phone's residents have and it lacks, newest first,
    /// while the budget allows. Answers whether nothing is left to fetch
    /// later (a file not on the relay yet is, for the next round).
    async fn prefetch(
        &self,
        relay: &RelayAccess,
        named: &BTreeMap<(DocumentId, BlobHash), Media>,
        report: &mut MediaReport,
    ) -> Result<bool, Halt> {
        let budget = self.media_budget().map_err(Halt::Fail)?;
        let mut fetched_all = true;
        let files = self.with(|s| s.media_files().map_err(store_error)).map_err(Halt::Fail)?;
        let mut used: u64 = files.iter().map(|f| f.stored).sum();
        let whole: BTreeSet<(DocumentId, BlobHash)> =
            files.iter().filter(|f| f.is_whole()).map(|f| (f.doc, f.hash)).collect();
        let mut wanted: Vec<(&(DocumentId, BlobHash), &Media)> =
            named.iter().filter(|(key, _)| !whole.contains(key)).collect();
        wanted.sort_by_key(|(_, m)| std::cmp::Reverse(m.added_at));
        for ((doc, hash), m) in wanted {
            if used + m.bytes > budget {
                continue;
            }
            match self.fetch(relay, *doc, *hash, m.bytes).await {
                Ok(fetched) => {
                    used += m.bytes;
                    report.received += 1;
                    report.received_bytes += fetched;
                }
                Err(DeviceError::Wiped) => return Err(Halt::Fail(DeviceError::Wiped)),
                Err(DeviceError::Unreachable(_) | DeviceError::Wait { .. }) => return Err(Halt::Later),
                // Not on the relay yet (its maker has not sent it): next round.
                Err(_) => fetched_all = false,
            }
        }
        Ok(fetched_all)
    }

    /// Evicts fetched copies, least recently opened first, until what this
    /// phone keeps fits its budget; never what was made here, nor `keep`.
    fn evict_over_budget(&self, keep: Option<(DocumentId, BlobHash)>) -> Result<(), DeviceError> {
        let budget = self.media_budget()?;
        let mut files = self.with(|s| s.media_files().map_err(store_error))?;
        let mut used: u64 = files.iter().map(|f| f.stored).sum();
        files.sort_by_key(|f| f.last_used);
        for f in files {
            if used <= budget {
                break;
            }
            if f.origin == MediaOrigin::Downloaded && Some((f.doc, f.hash)) != keep {
                self.with(|s| forget_file(s, f.doc, f.hash))?;
                used -= f.stored;
            }
        }
        Ok(())
    }
}
