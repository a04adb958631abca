//! An in-memory [`DocumentStore`] for tests and throwaway previews. It keeps the
//! same index rows as the SQLite store, derived by the same function.

use std::collections::{BTreeMap, BTreeSet};

use connect_model::automerge::{ActorId, Automerge, ChangeHash, ReadDoc};
use connect_model::insights::ResidentFacts;
use connect_model::promise::{PromiseState, When};
use connect_model::today::PromiseRow;
use connect_model::{DocumentId, ResidentId};

use crate::index::{self, CaseloadRow, IndexRows, ItemRow, SearchHit, StoryRow, SyncStatus};
use crate::media::{MEDIA_CHUNK_BYTES, MediaFile, MediaStore, MediaWrite, check_write};
use crate::{DeviceIdentity, DocumentStore, Result, StoreError};
use connect_model::heads::sorted;
use connect_model::media::BlobHash;

struct Stored {
    bytes: Vec<u8>,
    heads: Vec<ChangeHash>,
    synced_heads: Option<Vec<ChangeHash>>,
    rows: IndexRows,
}

/// A media file's chunks, by where each starts.
type Chunks = BTreeMap<u64, Vec<u8>>;

/// A store that lives only as long as the value.
pub struct MemoryStore {
    session: u64,
    identity: Option<DeviceIdentity>,
    settings: BTreeMap<String, String>,
    docs: BTreeMap<DocumentId, Stored>,
    sync_states: BTreeMap<(String, DocumentId), Vec<u8>>,
    erased: BTreeSet<DocumentId>,
    /// Media files by document and hash, each with its chunks by start.
    media: BTreeMap<(DocumentId, BlobHash), (MediaFile, Chunks)>,
}

impl MemoryStore {
    /// An empty store.
    #[must_use]
    pub fn new() -> Self {
        Self {
            session: rand_session(),
            identity: None,
            settings: BTreeMap::new(),
            docs: BTreeMap::new(),
            sync_states: BTreeMap::new(),
            erased: BTreeSet::new(),
            media: BTreeMap::new(),
        }
    }

    fn status(s: &Stored) -> SyncStatus {
        match &s.synced_heads {
            None => SyncStatus::OnlyOnThisDevice,
            Some(h) if sorted(h) == sorted(&s.heads) => SyncStatus::OnRelay,
            Some(_) => SyncStatus::ChangesWaiting,
        }
    }

    fn name_of(&self, resident: ResidentId) -> Option<String> {
        self.docs.values().find_map(|s| match &s.rows {
            IndexRows::Page { resident: r, preferred_name, .. } if *r == resident => Some(preferred_name.clone()),
            _ => None,
        })
    }
}

impl Default for MemoryStore {
    fn default() -> Self {
        Self::new()
    }
}

/// A random session number for a newly opened store.
pub(crate) fn rand_session() -> u64 {
    u64::from_le_bytes(uuid::Uuid::new_v4().as_bytes()[..8].try_into().unwrap_or_default())
}

impl DocumentStore for MemoryStore {
    fn identity(&self) -> Result<Option<DeviceIdentity>> {
        Ok(self.identity.clone())
    }

    fn set_identity(&mut self, identity: &DeviceIdentity) -> Result<()> {
        if let Some(existing) = &self.identity
            && existing.device_id != identity.device_id
        {
            return Err(StoreError::IdentityConflict { existing: existing.device_id });
        }
        self.identity = Some(identity.clone());
        Ok(())
    }

    fn session_actor(&self) -> Result<ActorId> {
        Ok(self.identity()?.ok_or(StoreError::NoIdentity)?.actor(self.session))
    }

    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.settings.get(key).cloned())
    }

    fn set_setting(&mut self, key: &str, value: Option<&str>) -> Result<()> {
        match value {
            Some(v) => self.settings.insert(key.to_owned(), v.to_owned()),
            None => self.settings.remove(key),
        };
        Ok(())
    }

    fn load(&self, id: DocumentId) -> Result<Automerge> {
        let stored = self.docs.get(&id).ok_or(StoreError::NotFound(id))?;
        let mut doc = Automerge::load(&stored.bytes).map_err(StoreError::corrupt(id))?;
        if let Some(identity) = &self.identity {
            doc.set_actor(identity.actor(self.session));
        }
        Ok(doc)
    }

    fn contains(&self, id: DocumentId) -> Result<bool> {
        Ok(self.docs.contains_key(&id))
    }

    fn save(&mut self, id: DocumentId, doc: &mut Automerge) -> Result<()> {
        if self.erased.contains(&id) {
            return Err(StoreError::Erased(id));
        }
        if let Some(stored) = self.docs.get(&id) {
            if stored.heads.iter().any(|h| doc.get_change_by_hash(h).is_none()) {
                let mut theirs = Automerge::load(&stored.bytes).map_err(StoreError::corrupt(id))?;
                doc.merge(&mut theirs).map_err(connect_model::ModelError::from)?;
            } else if sorted(&stored.heads) == sorted(&doc.get_heads()) {
                return Ok(());
            }
        }
        let rows = index::derive(id, doc)?;
        let synced_heads = self.docs.get(&id).and_then(|s| s.synced_heads.clone());
        self.docs.insert(id, Stored { bytes: doc.save(), heads: doc.get_heads(), synced_heads, rows });
        Ok(())
    }

    fn erase(&mut self, id: DocumentId) -> Result<()> {
        self.docs.remove(&id);
        self.sync_states.retain(|(_, d), _| *d != id);
        self.media.retain(|(d, _), _| *d != id);
        self.erased.insert(id);
        Ok(())
    }

    fn is_erased(&self, id: DocumentId) -> Result<bool> {
        Ok(self.erased.contains(&id))
    }

    fn document_ids(&self) -> Result<Vec<DocumentId>> {
        Ok(self.docs.keys().copied().collect())
    }

    fn caseload(&self) -> Result<Vec<CaseloadRow>> {
        let mut rows: BTreeMap<ResidentId, CaseloadRow> = BTreeMap::new();
        for stored in self.docs.values() {
            if let IndexRows::Page { resident, preferred_name, created_at, items, next_visit, .. } = &stored.rows {
                let (offers, asks_open, asks_met) = index::item_counts(items);
                rows.insert(
                    *resident,
                    CaseloadRow {
                        resident: *resident,
                        preferred_name: preferred_name.clone(),
                        created_at: *created_at,
                        offers,
                        asks_open,
                        asks_met,
                        circle_size: 0,
                        two_way: 0,
                        last_contact: None,
                        latest_checkin: None,
                        next_visit: *next_visit,
                        pending_documents: 0,
                        sync: SyncStatus::OnRelay,
                    },
                );
            }
        }
        for (id, stored) in &self.docs {
            let Some(row) = id.resident_id().and_then(|r| rows.get_mut(&r)) else { continue };
            match &stored.rows {
                IndexRows::Circle { summary, .. } => {
                    row.circle_size = summary.in_circle;
                    row.two_way = summary.two_way;
                }
                IndexRows::Journal { last_contact, .. } => row.last_contact = row.last_contact.max(*last_contact),
                IndexRows::Checkins { latest, .. } => row.latest_checkin = latest.map(|l| l.taken_at),
                _ => {}
            }
            let status = Self::status(stored);
            if status != SyncStatus::OnRelay {
                row.pending_documents += 1;
            }
            row.sync = match (row.sync, status) {
                (SyncStatus::OnlyOnThisDevice, _) | (_, SyncStatus::OnlyOnThisDevice) => SyncStatus::OnlyOnThisDevice,
                (SyncStatus::ChangesWaiting, _) | (_, SyncStatus::ChangesWaiting) => SyncStatus::ChangesWaiting,
                _ => SyncStatus::OnRelay,
            };
        }
        let mut out: Vec<CaseloadRow> = rows.into_values().collect();
        out.sort_by(|a, b| {
            a.preferred_name.to_lowercase().cmp(&b.preferred_name.to_lowercase()).then(a.resident.cmp(&b.resident))
        });
        Ok(out)
    }

    fn items(&self, resident: ResidentId) -> Result<Vec<ItemRow>> {
        Ok(self
            .docs
            .values()
            .filter_map(|s| match &s.rows {
                IndexRows::Page { resident: r, items, .. } if *r == resident => Some(items.clone()),
                _ => None,
            })
            .flatten()
            .collect())
    }

    fn search(&self, query: &str) -> Result<Vec<SearchHit>> {
        let words = index::query_words(query);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let mut hits = Vec::new();
        for stored in self.docs.values() {
            if let IndexRows::Page { resident, preferred_name, items, .. } = &stored.rows {
                if index::matches_words(preferred_name, &words) {
                    hits.push(SearchHit {
                        resident: *resident,
                        preferred_name: preferred_name.clone(),
                        field: "name".into(),
                        item_id: None,
                        text: preferred_name.clone(),
                    });
                }
                for item in items.iter().filter(|i| !i.archived && index::matches_words(&i.text, &words)) {
                    hits.push(SearchHit {
                        resident: *resident,
                        preferred_name: self.name_of(*resident).unwrap_or_default(),
                        field: item.section.to_owned(),
                        item_id: Some(item.item_id),
                        text: item.text.clone(),
                    });
                }
            }
        }
        hits.sort();
        Ok(hits)
    }

    fn pending(&self) -> Result<Vec<DocumentId>> {
        Ok(self.docs.iter().filter(|(_, s)| Self::status(s) != SyncStatus::OnRelay).map(|(id, _)| *id).collect())
    }

    fn synced_heads(&self, id: DocumentId) -> Result<Option<Vec<ChangeHash>>> {
        Ok(self.docs.get(&id).and_then(|s| s.synced_heads.clone()))
    }

    fn mark_synced(&mut self, id: DocumentId, heads: &[ChangeHash]) -> Result<()> {
        let stored = self.docs.get_mut(&id).ok_or(StoreError::NotFound(id))?;
        stored.synced_heads = Some(sorted(heads));
        Ok(())
    }

    fn sync_state(&self, peer: &str, id: DocumentId) -> Result<Option<Vec<u8>>> {
        Ok(self.sync_states.get(&(peer.to_owned(), id)).cloned())
    }

    fn set_sync_state(&mut self, peer: &str, id: DocumentId, state: &[u8]) -> Result<()> {
        if !self.docs.contains_key(&id) {
            return Err(StoreError::NotFound(id));
        }
        self.sync_states.insert((peer.to_owned(), id), state.to_vec());
        Ok(())
    }

    fn resident_facts(&self) -> Result<Vec<ResidentFacts>> {
        Ok(index::join_facts(self.docs.values().filter_map(|s| s.rows.facts())))
    }

    fn open_promises(&self) -> Result<Vec<PromiseRow>> {
        let mut out: Vec<PromiseRow> = self
            .docs
            .values()
            .flat_map(|s| match &s.rows {
                IndexRows::Page { promises, .. } | IndexRows::Journal { promises, .. } => promises.as_slice(),
                _ => &[],
            })
            .filter(|p| p.state == PromiseState::Open && p.terms.when.and_then(When::due).is_some())
            .cloned()
            .collect();
        out.sort_by(|a, b| a.resident.cmp(&b.resident).then(a.made_at.cmp(&b.made_at)).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    fn story_consents(&self) -> Result<Vec<StoryRow>> {
        Ok(self
            .docs
            .values()
            .filter_map(|s| match s.rows {
                IndexRows::Story { resident, consent, has_text } => Some(StoryRow { resident, consent, has_text }),
                _ => None,
            })
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect())
    }

    fn rebuild_indexes(&mut self) -> Result<()> {
        for (id, stored) in &mut self.docs {
            let doc = Automerge::load(&stored.bytes).map_err(StoreError::corrupt(*id))?;
            stored.rows = index::derive(*id, &doc)?;
        }
        Ok(())
    }
}

impl MediaStore for MemoryStore {
    fn write_media(&mut self, w: &MediaWrite<'_>) -> Result<u64> {
        let MediaWrite { doc, hash, length, start, bytes, origin, now_ms } = *w;
        let held = self.media.get(&(doc, hash)).map(|(f, _)| f);
        check_write(held, w)?;
        let (file, chunks) = self.media.entry((doc, hash)).or_insert_with(|| {
            let file = MediaFile { doc, hash, length, stored: 0, sent: 0, origin, last_used: now_ms };
            (file, BTreeMap::new())
        });
        let mut at = start;
        for piece in bytes.chunks(MEDIA_CHUNK_BYTES) {
            chunks.insert(at, piece.to_vec());
            at += piece.len() as u64;
        }
        file.stored = at;
        Ok(at)
    }

    fn media_file(&self, doc: DocumentId, hash: BlobHash) -> Result<Option<MediaFile>> {
        Ok(self.media.get(&(doc, hash)).map(|(f, _)| f.clone()))
    }

    fn media_files(&self) -> Result<Vec<MediaFile>> {
        Ok(self.media.values().map(|(f, _)| f.clone()).collect())
    }

    fn read_media(&self, doc: DocumentId, hash: BlobHash, at: u64) -> Result<Option<(u64, Vec<u8>)>> {
        let Some((_, chunks)) = self.media.get(&(doc, hash)) else { return Ok(None) };
        Ok(chunks
            .range(..=at)
            .next_back()
            .filter(|(start, bytes)| **start + bytes.len() as u64 > at)
            .map(|(start, bytes)| (*start, bytes.clone())))
    }

    fn set_media_sent(&mut self, doc: DocumentId, hash: BlobHash, sent: u64) -> Result<()> {
        let (file, _) = self.media.get_mut(&(doc, hash)).ok_or(StoreError::NotFound(doc))?;
        file.sent = sent.min(file.length);
        Ok(())
    }

    fn touch_media(&mut self, doc: DocumentId, hash: BlobHash, now_ms: i64) -> Result<()> {
        if let Some((file, _)) = self.media.get_mut(&(doc, hash)) {
            file.last_used = now_ms;
        }
        Ok(())
    }

    fn delete_media(&mut self, doc: DocumentId, hash: BlobHash) -> Result<()> {
        self.media.remove(&(doc, hash));
        Ok(())
    }
}
