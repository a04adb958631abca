//! Exports of everything held about one resident: a versioned JSON document
//! for people and programs, and the raw Automerge bytes of each document.

use connect_model::automerge::Automerge;
use connect_model::checkin::CheckIns;
use connect_model::circle::Circle;
use connect_model::journal::Journal;
use connect_model::page::ResidentPage;
use connect_model::story::Story;
use std::collections::BTreeMap;

use connect_model::history::{self, AcceptedRecord, AuditEntry, KnownDevice};
use connect_model::{DeviceId, DocKind, DocumentId, ResidentId, Timestamp, checkin, circle, journal, page, story};

use crate::{DocumentStore, Result, StoreError, resident_documents};

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
    /// Who changed each document and when (from the documents' own history).
    pub history: Vec<DocumentHistory>,
    /// The same changes as one audit trail, naming the person and device
    /// behind each where known: this device's own always, everyone's once
    /// joined with the relay's records ([`ResidentExport::join_relay`]).
    pub audit: Vec<AuditEntry>,
    /// People named in the audit trail come from this device only (the relay
    /// was not asked, or could not be reached).
    pub audit_is_local_only: bool,
}

impl ResidentExport {
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
    let out = ResidentExport {
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
    let mut doc = Automerge::load(bytes).map_err(|e| {
        StoreError::Model(connect_model::ModelError::Invalid {
            what: "automerge file",
            value: format!("{} bytes", bytes.len()),
            hint: format!("not a saved Automerge document ({e})"),
        })
    })?;
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

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn day(t: Timestamp) -> String {
    t.to_datetime().format("%e %B %Y, %H:%M UTC").to_string()
}

fn by(a: &connect_model::Author) -> String {
    if a.is_resident() {
        format!("{} (in their own words)", esc(&a.name))
    } else {
        format!("{} ({})", esc(&a.name), a.role)
    }
}

/// One readable, printable HTML document with everything in `export`: the
/// subject access copy a resident is given. Hidden (archived) items are
/// included and marked, because the resident has a right to see them too.
#[must_use]
pub fn to_html(export: &ResidentExport) -> String {
    use std::fmt::Write as _;
    let mut h = String::new();
    let name = export.page.as_ref().map_or_else(|| export.resident.to_string(), |p| p.preferred_name.clone());
    let _ = write!(
        h,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Everything held about {n}</title>\
         <style>body{{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d2433}}\
         h1,h2{{color:#1f5c4c}}table{{border-collapse:collapse;width:100%}}td,th{{border:1px solid #c9ccd3;padding:.25rem .5rem;text-align:left;vertical-align:top}}\
         .hidden{{color:#4a5264;font-style:italic}}@media print{{body{{margin:0}}h2{{break-after:avoid}}}}</style></head><body>\
         <h1>Everything held about {n}</h1><p>Resident id {id}. Exported {at} from this device. This copy includes {team}\
         every hidden item, and who changed what and when.</p>",
        n = esc(&name),
        id = export.resident,
        at = day(export.exported_at),
        // A resident's own phone never holds the team-only notes: say only what is so.
        team = if export.team_notes.is_some() { "notes the team keeps only among itself, " } else { "" },
    );
    if let Some(p) = &export.page {
        let _ = write!(h, "<h2>About me</h2><p>{}</p>", esc(&p.about_me));
        let mut list = |title: &str, rows: Vec<(String, bool, String)>| {
            let _ = write!(h, "<h2>{title}</h2><ul>");
            for (text, hidden, meta) in rows {
                let class = if hidden { " class=\"hidden\"" } else { "" };
                let note = if hidden { " (hidden)" } else { "" };
                let _ = write!(h, "<li{class}>{}{note} <small>{meta}</small></li>", esc(&text));
            }
            h.push_str("</ul>");
        };
        list(
            "What I can offer",
            p.offers
                .iter()
                .map(|o| {
                    (
                        o.text.to_string(),
                        o.archived,
                        format!("{}, added by {} on {}", o.category, by(&o.author), day(o.created_at)),
                    )
                })
                .collect(),
        );
        list(
            "Could you help me with…?",
            p.asks
                .iter()
                .map(|a| {
                    (
                        a.text.to_string(),
                        a.archived,
                        format!("{}, {}, added by {} on {}", a.category, a.status, by(&a.author), day(a.created_at)),
                    )
                })
                .collect(),
        );
        list(
            "Goals",
            p.goals
                .iter()
                .map(|g| {
                    (
                        g.text.to_string(),
                        g.archived,
                        format!("{}, added by {} on {}", g.kind, by(&g.author), day(g.created_at)),
                    )
                })
                .collect(),
        );
    }
    if let Some(c) = &export.circle {
        h.push_str("<h2>Circle of care</h2><table><tr><th>Who</th><th>Ring</th><th>Relationship</th><th>Added</th><th>Left</th></tr>");
        for t in &c.ties {
            let left = t.archived_at.map(day).unwrap_or_default();
            let both = if t.two_way { ", both ways" } else { "" };
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}{both}</td><td>{}</td><td>{left}</td></tr>",
                esc(&t.name),
                t.ring(),
                esc(&t.relationship),
                day(t.added_at)
            );
        }
        h.push_str("</table>");
    }
    for (title, j) in [("Journal (shared with the resident)", &export.journal), ("Team-only notes", &export.team_notes)]
    {
        let Some(j) = j else { continue };
        let _ = write!(h, "<h2>{title}</h2><ul>");
        for e in &j.entries {
            let hidden = if e.archived { " (hidden)" } else { "" };
            let _ = write!(
                h,
                "<li>{}: {}{hidden} — {} <small>written by {}</small></li>",
                day(e.happened_at),
                e.marker,
                esc(&e.text),
                by(&e.author)
            );
        }
        h.push_str("</ul>");
    }
    if let Some(c) = &export.checkins {
        h.push_str("<h2>Check-ins</h2><table><tr><th>When</th><th>Loneliness</th><th>UCLA 3-item total</th><th>ONS4 (satisfied, worthwhile, happy, anxious)</th><th>Life map</th><th>Counts in team figures</th></tr>");
        for ci in &c.checkins {
            let o = ci.ons4.unwrap_or_default();
            let show = |v: Option<u8>| v.map_or_else(|| "skipped".to_owned(), |v| v.to_string());
            let map: Vec<String> = ci.life_map.iter().map(|(k, v)| format!("{} {v}", esc(k))).collect();
            let lonely = if ci.not_today {
                "not today".to_owned()
            } else {
                ci.loneliness.map_or_else(|| "skipped".to_owned(), |l| l.to_string())
            };
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{lonely}</td><td>{}</td><td>{}, {}, {}, {}</td><td>{}</td><td>{}</td></tr>",
                day(ci.taken_at),
                ci.ucla3.and_then(|u| u.total()).map_or_else(|| "—".to_owned(), |t| t.to_string()),
                show(o.life_satisfaction),
                show(o.worthwhile),
                show(o.happy),
                show(o.anxious),
                map.join(", "),
                if ci.share_in_reports { "yes" } else { "no" },
            );
        }
        h.push_str("</table>");
    }
    if let Some(s) = &export.story {
        let _ =
            write!(h, "<h2>My story</h2><p>{}</p><p>Consent now: <strong>{}</strong></p><ul>", esc(&s.text), s.consent);
        for c in &s.consent_history {
            let _ = write!(h, "<li>{}: {} by {}</li>", day(c.at), c.level, by(&c.by));
        }
        h.push_str("</ul>");
    }
    h.push_str(
        "<h2>Who changed what, and when</h2><table><tr><th>When</th><th>Record</th><th>What</th><th>Who</th><th>Device</th><th>Reached the team</th></tr>",
    );
    for e in &export.audit {
        let who = match (&e.person, e.role) {
            (Some(p), Some(r)) => format!("{} ({r})", esc(p)),
            (Some(p), None) => esc(p),
            _ => "not known on this device".to_owned(),
        };
        let device = match (&e.device_name, e.device) {
            (Some(n), Some(d)) => format!("{} <code>{d}</code>", esc(n)),
            (None, Some(d)) => format!("<code>{d}</code>"),
            _ => "—".to_owned(),
        };
        let reached = match (e.on_relay, e.accepted_at) {
            (true, Some(at)) => day(at),
            (true, None) => "yes".to_owned(),
            (false, _) if export.audit_is_local_only => "not checked".to_owned(),
            (false, _) => "not yet: only on this device".to_owned(),
        };
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{who}</td><td>{device}</td><td>{reached}</td></tr>",
            day(e.made_at),
            e.kind,
            esc(&e.what)
        );
    }
    h.push_str("</table>");
    if export.audit_is_local_only {
        h.push_str(
            "<p><small>Made without asking the team relay: only this device's own changes are named.</small></p>",
        );
    }
    h.push_str("</body></html>\n");
    h
}
