//! The storage trait every device store implements, and the edit helper built on it.

use connect_model::automerge::{ActorId, Automerge, ChangeHash};
use connect_model::{DocKind, DocumentId, ModelError, ResidentId};

use connect_model::heads::sorted;
use connect_model::insights::ResidentFacts;

use connect_model::today::PromiseRow;

use crate::index::{CaseloadRow, ItemRow, SearchHit, StoryRow};
use crate::{DeviceIdentity, Result};

/// Where a device keeps its documents and the index rows derived from them.
///
/// Implementations: [`crate::SqliteStore`] (the real one) and
/// [`crate::MemoryStore`] (for tests and previews). Both pass
/// [`crate::conformance`].
pub trait DocumentStore: crate::MediaStore {
    /// This device's identity, if the store was initialised.
    fn identity(&self) -> Result<Option<DeviceIdentity>>;

    /// Sets this device's identity. Refused if the store already has one with a
    /// different device id: a device never changes which actor it writes as.
    fn set_identity(&mut self, identity: &DeviceIdentity) -> Result<()>;

    /// The Automerge actor this store's documents are edited as: this device,
    /// in this session. `NoIdentity` before the store is initialised.
    fn session_actor(&self) -> Result<ActorId>;

    /// A setting (relay address, token…), if set.
    fn setting(&self, key: &str) -> Result<Option<String>>;

    /// Sets or clears a setting.
    fn set_setting(&mut self, key: &str, value: Option<&str>) -> Result<()>;

    /// Loads a document; `NotFound` if it is not on this device.
    fn load(&self, id: DocumentId) -> Result<Automerge>;

    /// Whether a document is on this device.
    fn contains(&self, id: DocumentId) -> Result<bool>;

    /// Persists `doc` under `id` durably, with its index rows, in one
    /// transaction. Only changes not yet stored are written. If the store holds
    /// changes `doc` lacks (another writer got there first), they are merged
    /// into `doc` before saving, so nothing is lost and the caller sees them.
    fn save(&mut self, id: DocumentId, doc: &mut Automerge) -> Result<()>;

    /// Deletes a document, its changes, sync states and index rows, and
    /// remembers the id so it can never be stored again (erasure).
    fn erase(&mut self, id: DocumentId) -> Result<()>;

    /// Whether a document was erased here.
    fn is_erased(&self, id: DocumentId) -> Result<bool>;

    /// Every document on this device.
    fn document_ids(&self) -> Result<Vec<DocumentId>>;

    /// Every document of one kind on this device (the team directory, say).
    fn document_ids_of_kind(&self, kind: DocKind) -> Result<Vec<DocumentId>> {
        Ok(self.document_ids()?.into_iter().filter(|id| id.kind() == kind).collect())
    }

    /// The caseload, sorted by preferred name.
    fn caseload(&self) -> Result<Vec<CaseloadRow>>;

    /// Offers, asks and goals of one resident, archived ones included.
    fn items(&self, resident: ResidentId) -> Result<Vec<ItemRow>>;

    /// Residents whose name, offers, asks or goals contain every word of `query`
    /// (as word prefixes).
    fn search(&self, query: &str) -> Result<Vec<SearchHit>>;

    /// Documents with changes not yet acknowledged by the relay.
    fn pending(&self) -> Result<Vec<DocumentId>>;

    /// The heads the relay last acknowledged for a document.
    fn synced_heads(&self, id: DocumentId) -> Result<Option<Vec<ChangeHash>>>;

    /// Records that the relay holds `heads` of a document.
    fn mark_synced(&mut self, id: DocumentId, heads: &[ChangeHash]) -> Result<()>;

    /// The saved Automerge sync state with `peer` for a document.
    fn sync_state(&self, peer: &str, id: DocumentId) -> Result<Option<Vec<u8>>>;

    /// Saves the Automerge sync state with `peer` for a document.
    fn set_sync_state(&mut self, peer: &str, id: DocumentId, state: &[u8]) -> Result<()>;

    /// Every resident's numbers for team insights, joined across their
    /// documents, straight from the index (no document is loaded).
    fn resident_facts(&self) -> Result<Vec<ResidentFacts>>;

    /// Every resident's story consent, from the index.
    fn story_consents(&self) -> Result<Vec<StoryRow>>;

    /// Every open promise with a day, shared and team-only, across the
    /// caseload, from the index (no document is loaded): what the Today
    /// screen lists.
    fn open_promises(&self) -> Result<Vec<PromiseRow>>;

    /// Throws away every index row and derives them again from the documents.
    fn rebuild_indexes(&mut self) -> Result<()>;

    /// Applies everything one sync round brings, in one transaction (one
    /// fsync): erasures first, then saves (merged like [`DocumentStore::save`];
    /// erased documents are skipped), sync states (for documents on this
    /// device), "on the relay" marks (only where the document's heads after
    /// the saves are exactly the marked ones), and settings such as the feed
    /// cursor. Either all of it is stored or none of it.
    ///
    /// The default applies the parts one by one; stores with transactions override it.
    fn write_sync(&mut self, batch: SyncBatch<'_>) -> Result<SyncBatchOutcome> {
        let mut outcome = SyncBatchOutcome::default();
        for id in batch.erase {
            outcome.erased += usize::from(self.contains(*id)?);
            self.erase(*id)?;
        }
        for (id, doc) in batch.saves.iter_mut() {
            if self.is_erased(*id)? {
                continue;
            }
            let before = self.contains(*id)?.then(|| self.load(*id)).transpose()?.map(|d| sorted(&d.get_heads()));
            self.save(*id, doc)?;
            outcome.changed += usize::from(before != Some(sorted(&doc.get_heads())));
        }
        for (id, state) in batch.sync_states {
            if self.contains(*id)? {
                self.set_sync_state(batch.peer, *id, state)?;
            }
        }
        for (id, heads) in batch.synced {
            if self.contains(*id)? && sorted(&self.load(*id)?.get_heads()) == sorted(heads) {
                self.mark_synced(*id, heads)?;
            }
        }
        for (key, value) in batch.settings {
            self.set_setting(key, value.as_deref())?;
        }
        Ok(outcome)
    }

    /// Loads a document, applies `f`, and saves it: the one way the app edits.
    /// If `f` fails nothing is saved.
    fn edit<T>(&mut self, id: DocumentId, f: impl FnOnce(&mut Automerge) -> Result<T, ModelError>) -> Result<T>
    where
        Self: Sized,
    {
        let mut doc = self.load(id)?;
        let out = f(&mut doc)?;
        self.save(id, &mut doc)?;
        Ok(out)
    }
}

/// Everything one sync round writes to a device: see [`DocumentStore::write_sync`].
#[derive(Debug)]
pub struct SyncBatch<'a> {
    /// The peer the sync states are kept for.
    pub peer: &'a str,
    /// Documents to save; each is merged in place with what the store held.
    pub saves: &'a mut [(DocumentId, Automerge)],
    /// Documents to erase for ever.
    pub erase: &'a [DocumentId],
    /// Sync states with `peer`.
    pub sync_states: &'a [(DocumentId, Vec<u8>)],
    /// Heads the relay holds: marked only where they are the document's heads.
    pub synced: &'a [(DocumentId, Vec<ChangeHash>)],
    /// Settings to set (`Some`) or clear (`None`).
    pub settings: &'a [(&'a str, Option<String>)],
}

/// What [`DocumentStore::write_sync`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncBatchOutcome {
    /// Saves that changed a stored document.
    pub changed: usize,
    /// Erased documents that were on this device.
    pub erased: usize,
}
