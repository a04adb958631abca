//! What a device gives out: everything held about one resident (a versioned
//! JSON document for people and programs, the readable copy in [`html`], and
//! the raw Automerge bytes of each document), and the team's figures as CSV
//! ([`figures`]). Nothing here is stored; the store only holds documents.

pub mod figures;
pub mod html;

use connect_model::automerge::Automerge;
use connect_model::checkin::CheckIns;
use connect_model::circle::Circle;
use connect_model::journal::Journal;
use connect_model::page::ResidentPage;
use connect_model::promise::{self, NextVisit, Promise};
use connect_model::story::Story;
use std::collections::BTreeMap;

use connect_model::history::{self, AcceptedRecord, AuditEntry, KnownDevice};
use connect_model::{DeviceId, DocKind, DocumentId, ResidentId, Timestamp, checkin, circle, journal, page, story};

use connect_model::media::{BlobHash, Media};
use connect_store::{DocumentStore, Result, StoreError, resident_documents};

/// The name of the JSON export format.
pub const EXPORT_FORMAT: &str = "connect-resident-export";
/// The version of the JSON export format.
pub const EXPORT_VERSION: u32 = 1;

/// Everything this device holds about one resident. Documents this device does
/// not hold (a resident's device has no team notes) are `None`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ResidentExport {
    /// Always [`EXPORT_FORMAT`].
    pub format: &'static str,
    /// Always [`EXPORT_VERSION`].
    pub version: u32,
    /// When the export was made.
    pub exported_at: Timestamp,
    /// Who it is about.
    pub resident: ResidentId,
    /// The device the export was made on, for naming its own changes.
    #[serde(skip)]
    known: BTreeMap<DeviceId, KnownDevice>,
    /// "What I can offer".
    pub page: Option<ResidentPage>,
    /// Circle of care.
    pub circle: Option<Circle>,
    /// Notes shared with the resident.
    pub journal: Option<Journal>,
    /// Team-only notes.
    pub team_notes: Option<Journal>,
    /// Check-ins.
    pub checkins: Option<CheckIns>,
    /// Story and consent history.
    pub story: Option<Story>,
    /// Promises, shared and team-only, each with every change of its state.
    pub promises: Vec<Promise>,
    /// Every plan for the next visit, oldest first.
    pub visit_plans: Vec<NextVisit>,
    /// Who changed each document and when (from the documents' own history).
    pub history: Vec<DocumentHistory>,
    /// The same changes as one audit trail, naming the person and device
    /// behind each where known: this device's own always, everyone's once
    /// joined with the relay's records ([`ResidentExport::join_relay`]).
    pub audit: Vec<AuditEntry>,
    /// People named in the audit trail come from this device only (the relay
    /// was not asked, or could not be reached).
    pub audit_is_local_only: bool,
    /// Voice notes and photos: what each document says of them, and each
    /// file's name in an export folder. The bytes are not in the JSON.
    pub media: Vec<ExportedMedia>,
    /// The bytes of the media in `media` this device holds (or fetched for
    /// the copy), for the readable copy and an export folder.
    #[serde(skip)]
    pub media_bytes: BTreeMap<BlobHash, Vec<u8>>,
}

/// A voice note or photo in an export.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExportedMedia {
    /// What its document records.
    #[serde(flatten)]
    pub media: Media,
    /// The document that holds it.
    pub document: DocKind,
    /// Its file in an export folder (`media/HASH.jpg`).
    pub file: String,
    /// Whether its bytes are in this copy (a file only the team's relay
    /// holds, with the relay out of reach, is named but not included).
    pub included: bool,
}

/// The file name a media file has in an export folder.
#[must_use]
pub fn media_file_name(m: &Media) -> String {
    let extension = match m.mime.as_str() {
        "image/jpeg" => "jpg",
        "audio/webm" => "webm",
        "audio/mp4" => "m4a",
        "audio/ogg" => "ogg",
        _ => "bin",
    };
    format!("media/{}.{extension}", m.hash)
}

impl ResidentExport {
    /// Adds bytes fetched for the copy (a file only the relay held).
    pub fn include_media(&mut self, hash: BlobHash, bytes: Vec<u8>) {
        for m in self.media.iter_mut().filter(|m| m.media.hash == hash) {
            m.included = true;
        }
        self.media_bytes.insert(hash, bytes);
    }

    /// Joins the relay's records of these documents into the audit trail, so
    /// every change names its person and says whether it reached the team.
    pub fn join_relay(&mut self, relay: &[AcceptedRecord]) {
        let local: Vec<_> = self.history.iter().map(|d| (d.kind, d.changes.clone())).collect();
        self.audit = history::audit_trail(&local, relay, &self.known);
        self.audit_is_local_only = false;
    }
}

/// The change history of one document.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DocumentHistory {
    /// Which document.
    pub kind: DocKind,
    /// Its changes, oldest first.
    pub changes: Vec<connect_model::history::ChangeRecord>,
}

fn load_if_present(store: &impl DocumentStore, id: DocumentId) -> Result<Option<Automerge>> {
    match store.load(id) {
        Ok(doc) => Ok(Some(doc)),
        Err(StoreError::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Gathers the export for `resident`; `NotFound` if this device holds nothing about them.
pub fn export_resident(store: &impl DocumentStore, resident: ResidentId, now: Timestamp) -> Result<ResidentExport> {
    let doc = |kind| load_if_present(store, DocumentId::resident(resident, kind));
    let mut history = Vec::new();
    for kind in DocKind::RESIDENT_KINDS {
        if let Some(d) = doc(kind)? {
            history.push(DocumentHistory { kind, changes: connect_model::history::history(&d) });
        }
    }
    let known: BTreeMap<DeviceId, KnownDevice> = store
        .identity()?
        .map(|me| (me.device_id, KnownDevice { person: me.person_name, role: me.role, device_name: me.device_name }))
        .into_iter()
        .collect();
    let local: Vec<_> = history.iter().map(|d| (d.kind, d.changes.clone())).collect();
    let audit = connect_model::history::audit_trail(&local, &[], &known);
    let mut media = Vec::new();
    let mut media_bytes = BTreeMap::new();
    for kind in DocKind::RESIDENT_KINDS {
        let id = DocumentId::resident(resident, kind);
        let Some(d) = doc(kind)? else { continue };
        for m in connect_model::media::read(&d)? {
            let whole = store.media_file(id, m.hash)?.is_some_and(|f| f.is_whole());
            if whole && !media_bytes.contains_key(&m.hash) {
                media_bytes.insert(m.hash, connect_store::media::read_whole(store, id, m.hash)?);
            }
            media.push(ExportedMedia { file: media_file_name(&m), media: m, document: kind, included: whole });
        }
    }
    let out = ResidentExport {
        media,
        media_bytes,
        known,
        audit,
        audit_is_local_only: true,
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exported_at: now,
        resident,
        page: doc(DocKind::Page)?.map(|d| page::read(&d)).transpose()?,
        circle: doc(DocKind::Circle)?.map(|d| circle::read(&d)).transpose()?,
        journal: doc(DocKind::Journal)?.map(|d| journal::read(&d)).transpose()?,
        team_notes: doc(DocKind::TeamNotes)?.map(|d| journal::read(&d)).transpose()?,
        checkins: doc(DocKind::Checkins)?.map(|d| checkin::read(&d)).transpose()?,
        story: doc(DocKind::Story)?.map(|d| story::read(&d)).transpose()?,
        promises: [doc(DocKind::Page)?, doc(DocKind::TeamNotes)?]
            .iter()
            .flatten()
            .map(promise::read)
            .collect::<connect_model::Result<Vec<_>>>()?
            .concat(),
        visit_plans: doc(DocKind::Page)?.map(|d| promise::visit_plans(&d)).transpose()?.unwrap_or_default(),
        history,
    };
    if out.page.is_none() && out.circle.is_none() && out.journal.is_none() && out.story.is_none() {
        return Err(StoreError::NotFound(DocumentId::resident(resident, DocKind::Page)));
    }
    Ok(out)
}

/// The raw saved bytes of each of the resident's documents held here, with
/// their ids: loadable by any Automerge implementation.
pub fn export_automerge(store: &impl DocumentStore, resident: ResidentId) -> Result<Vec<(DocumentId, Vec<u8>)>> {
    let mut out = Vec::new();
    for id in resident_documents(resident) {
        if let Some(doc) = load_if_present(store, id)? {
            out.push((id, doc.save()));
        }
    }
    if out.is_empty() {
        return Err(StoreError::NotFound(DocumentId::resident(resident, DocKind::Page)));
    }
    Ok(out)
}

/// What an import did with one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    /// It was new here.
    Added,
    /// It merged with the copy here and brought changes.
    Merged,
    /// Everything in it was already here.
    Unchanged,
}

/// Merges Automerge bytes (a saved document) into the store. The document's id
/// comes from its own contents, so a renamed file cannot land in the wrong place.
pub fn import_automerge(store: &mut impl DocumentStore, bytes: &[u8]) -> Result<(DocumentId, ImportOutcome)> {
    let mut doc = Automerge::load(bytes).map_err(|e| not_a_document(bytes, &e))?;
    let id = id_of(&doc)?;
    if store.is_erased(id)? {
        return Err(StoreError::Erased(id));
    }
    let outcome = if store.contains(id)? {
        let before = store.load(id)?.get_heads();
        store.save(id, &mut doc)?;
        let mut after = store.load(id)?.get_heads();
        let mut before_sorted = before;
        before_sorted.sort();
        after.sort();
        if after == before_sorted { ImportOutcome::Unchanged } else { ImportOutcome::Merged }
    } else {
        store.save(id, &mut doc)?;
        ImportOutcome::Added
    };
    Ok((id, outcome))
}

/// Reads a document's id from its root (`kind` and `owner`).
pub fn id_of(doc: &Automerge) -> Result<DocumentId> {
    Ok(connect_model::validate::id_of(doc)?)
}

/// Reads the id of a saved document from its bytes, without storing it: a
/// file that is not a document is refused in words.
pub fn id_of_bytes(bytes: &[u8]) -> Result<DocumentId> {
    let doc = Automerge::load(bytes).map_err(|e| not_a_document(bytes, &e))?;
    id_of(&doc)
}

fn not_a_document(bytes: &[u8], e: &connect_model::automerge::AutomergeError) -> StoreError {
    StoreError::Model(connect_model::ModelError::Invalid {
        what: "automerge file",
        value: format!("{} bytes", bytes.len()),
        hint: format!("not a saved Automerge document ({e})"),
    })
}
