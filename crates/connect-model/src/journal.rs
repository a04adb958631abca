//! Visit notes: short, free text, no form fields. A "not today" or a "no" is an
//! entry in its own right: a resident choosing is a sign of agency.
//!
//! Notes shared with the resident and team-only notes (safeguarding) live in
//! two separate documents ([`DocKind::Journal`] and [`DocKind::TeamNotes`]) so
//! the relay can withhold the second from a resident's devices as a whole.
//! Visibility is chosen when a note is written; once a shared note has reached
//! the resident it cannot be un-shared.

use std::collections::BTreeMap;

use automerge::{ActorId, Automerge};
use autosurgeon::{Hydrate, Reconcile};

use crate::document::{self, CollabText};
use crate::ids::{DocKind, ItemId, ResidentId};
use crate::limits::{self, LONG_TEXT_MAX};
use crate::string_enum::string_enum;
use crate::{Author, EditContext, Result, Timestamp};

string_enum! {
    /// Who may read a note.
    Visibility, "visibility" {
        /// The resident sees it on their page.
        Shared => "shared",
        /// Only the team; never sent to the resident's devices.
        TeamOnly => "team-only",
    }
}

impl Visibility {
    /// The document kind that holds notes of this visibility.
    #[must_use]
    pub fn doc_kind(self) -> DocKind {
        match self {
            Visibility::Shared => DocKind::Journal,
            Visibility::TeamOnly => DocKind::TeamNotes,
        }
    }
}

string_enum! {
    /// What kind of contact the note records.
    Marker, "entry kind" {
        /// A visit or call that happened.
        Visit => "visit",
        /// "Not today": the resident chose not to meet or talk.
        NotToday => "not-today",
        /// The resident said no to something offered.
        Declined => "declined",
        /// A pause in support, at the resident's wish.
        Pause => "pause",
    }
}

string_enum! {
    /// Why a visit did not happen: each a plain fact, none a failure.
    NotTodayReason, "reason" {
        /// The resident did not want a visit today: their choice.
        DidNotWant => "did-not-want",
        /// The supporter could not go.
        CouldNotGo => "could-not-go",
        /// The resident was out.
        WereOut => "were-out",
    }
}

string_enum! {
    /// How the resident seemed, if the supporter wants to note it.
    Mood, "mood" {
        /// In good spirits.
        Good => "good",
        /// Okay.
        Okay => "okay",
        /// Low.
        Low => "low",
    }
}

/// One journal entry.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// Stable id.
    pub id: ItemId,
    /// When the visit or contact happened.
    pub happened_at: Timestamp,
    /// What kind of entry.
    pub marker: Marker,
    /// The note; may be empty for a "not today".
    pub text: CollabText,
    /// How the resident seemed.
    pub mood: Option<Mood>,
    /// For a "not today": why (older notes have none).
    #[autosurgeon(missing = "Default::default")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<NotTodayReason>,
    /// When it was written.
    pub created_at: Timestamp,
    /// Who wrote it.
    pub author: Author,
    /// Hidden; still kept.
    pub archived: bool,
    /// Position in the journal.
    pub order: f64,
}

#[derive(Hydrate)]
struct JournalDoc {
    owner: ResidentId,
    entries: BTreeMap<String, Entry>,
}

/// A journal, read from its document; entries oldest first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Journal {
    /// Whose journal.
    pub resident: ResidentId,
    /// Shared with the resident, or team-only.
    pub visibility: Visibility,
    /// Entries by the time they happened, then by order.
    pub entries: Vec<Entry>,
}

impl Journal {
    /// Visits that happened (not "not today" or "declined", not hidden), oldest first.
    #[must_use]
    pub fn visits(&self) -> Vec<Timestamp> {
        let mut v: Vec<Timestamp> =
            self.entries.iter().filter(|e| !e.archived && e.marker == Marker::Visit).map(|e| e.happened_at).collect();
        v.sort();
        v
    }

    /// The most recent contact that happened, if any.
    #[must_use]
    pub fn last_contact(&self) -> Option<Timestamp> {
        self.entries.iter().filter(|e| !e.archived).map(|e| e.happened_at).max()
    }
}

/// A new entry.
#[derive(Debug, Clone)]
pub struct NewEntry<'a> {
    /// When it happened.
    pub happened_at: Timestamp,
    /// What kind of entry.
    pub marker: Marker,
    /// The note; required for a visit, optional otherwise.
    pub text: &'a str,
    /// How the resident seemed.
    pub mood: Option<Mood>,
    /// For a "not today": why.
    pub reason: Option<NotTodayReason>,
}

/// Creates an empty journal of the given visibility.
pub fn create(actor: &ActorId, resident: ResidentId, visibility: Visibility, ctx: &EditContext) -> Result<Automerge> {
    document::create(actor, visibility.doc_kind(), resident.uuid(), ctx, &["entries"], |_| Ok(()))
}

fn visibility_of(doc: &Automerge) -> Result<Visibility> {
    match document::kind_of(doc) {
        Some(DocKind::TeamNotes) => Ok(Visibility::TeamOnly),
        _ => document::check_kind(doc, DocKind::Journal).map(|()| Visibility::Shared),
    }
}

/// Reads a journal of either visibility.
pub fn read(doc: &Automerge) -> Result<Journal> {
    let visibility = visibility_of(doc)?;
    let raw: JournalDoc = document::read(doc, visibility.doc_kind())?;
    let mut entries: Vec<Entry> = raw.entries.into_values().collect();
    entries.sort_by(|a, b| a.happened_at.cmp(&b.happened_at).then(a.order.total_cmp(&b.order)).then(a.id.cmp(&b.id)));
    Ok(Journal { resident: raw.owner, visibility, entries })
}

/// Adds an entry; returns its id.
pub fn add_entry(doc: &mut Automerge, ctx: &EditContext, new: &NewEntry<'_>) -> Result<ItemId> {
    let text = if new.marker == Marker::Visit {
        limits::required("note", new.text, LONG_TEXT_MAX)?
    } else {
        limits::optional("note", new.text, LONG_TEXT_MAX)?
    };
    let kind = visibility_of(doc)?.doc_kind();
    document::check_kind(doc, kind)?;
    let id = ItemId::random();
    document::edit(doc, ctx, "add journal entry", |tx| {
        let map = document::collection(tx, "entries", kind)?;
        let order = document::next_order(tx, &map)?;
        let entry = Entry {
            id,
            happened_at: new.happened_at,
            marker: new.marker,
            text: text.into(),
            mood: new.mood,
            reason: new.reason.filter(|_| new.marker == Marker::NotToday),
            created_at: ctx.now,
            author: ctx.author.clone(),
            archived: false,
            order,
        };
        document::insert_item(tx, &map, id, &entry)?;
        Ok(id)
    })
}

/// Rewrites an entry's text, merging with concurrent edits.
pub fn edit_text(doc: &mut Automerge, ctx: &EditContext, id: ItemId, text: &str) -> Result<()> {
    let text = limits::optional("note", text, LONG_TEXT_MAX)?;
    let kind = visibility_of(doc)?.doc_kind();
    document::edit(doc, ctx, "edit journal entry", |tx| {
        let map = document::collection(tx, "entries", kind)?;
        let obj = document::item(tx, &map, id, "journal entry")?;
        document::update_text(tx, &obj, "text", &text)
    })
}

/// Hides an entry or brings it back.
pub fn set_archived(doc: &mut Automerge, ctx: &EditContext, id: ItemId, archived: bool) -> Result<()> {
    let kind = visibility_of(doc)?.doc_kind();
    document::edit(doc, ctx, "archive journal entry", |tx| {
        let map = document::collection(tx, "entries", kind)?;
        let obj = document::item(tx, &map, id, "journal entry")?;
        document::set_field(tx, &obj, "archived", archived)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{ctx, supporter_actor};

    #[test]
    fn a_not_today_needs_no_words_but_a_visit_does() {
        let mut doc = create(&supporter_actor(), ResidentId::random(), Visibility::Shared, &ctx(0)).unwrap();
        let nt = NewEntry {
            happened_at: ctx(1).now,
            marker: Marker::NotToday,
            text: "",
            mood: None,
            reason: Some(NotTodayReason::WereOut),
        };
        add_entry(&mut doc, &ctx(1), &nt).unwrap();
        let visit = NewEntry { marker: Marker::Visit, ..nt.clone() };
        assert!(add_entry(&mut doc, &ctx(2), &visit).is_err());
        let visit = NewEntry { text: "Tea and a chat about the garden", mood: Some(Mood::Good), ..visit };
        add_entry(&mut doc, &ctx(3), &visit).unwrap();
        let j = read(&doc).unwrap();
        assert_eq!(j.entries.len(), 2);
        assert_eq!(j.entries[0].marker, Marker::NotToday);
        assert_eq!(j.entries[0].reason, Some(NotTodayReason::WereOut), "a not today keeps its reason");
        assert_eq!(j.entries[1].reason, None, "a visit has none");
        assert_eq!(j.visibility, Visibility::Shared);
    }

    #[test]
    fn team_notes_are_their_own_kind_of_document() {
        let doc = create(&supporter_actor(), ResidentId::random(), Visibility::TeamOnly, &ctx(0)).unwrap();
        assert_eq!(document::kind_of(&doc), Some(DocKind::TeamNotes));
        assert_eq!(read(&doc).unwrap().visibility, Visibility::TeamOnly);
    }

    #[test]
    fn entries_sort_by_when_they_happened() {
        let mut doc = create(&supporter_actor(), ResidentId::random(), Visibility::Shared, &ctx(0)).unwrap();
        let later =
            NewEntry { happened_at: ctx(9).now, marker: Marker::Visit, text: "second", mood: None, reason: None };
        let earlier = NewEntry { happened_at: ctx(3).now, text: "first", ..later.clone() };
        add_entry(&mut doc, &ctx(10), &later).unwrap();
        add_entry(&mut doc, &ctx(11), &earlier).unwrap();
        let j = read(&doc).unwrap();
        let texts: Vec<_> = j.entries.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["first", "second"]);
        assert_eq!(j.last_contact(), Some(ctx(9).now));
    }
}

#[cfg(test)]
mod edit_tests {
    use super::*;
    use crate::test_support::{ctx, supporter_actor};

    #[test]
    fn a_note_can_be_rewritten_and_removed_and_both_stay_in_its_history() {
        let mut doc = create(&supporter_actor(), ResidentId::random(), Visibility::Shared, &ctx(0)).unwrap();
        let new = NewEntry { happened_at: ctx(1).now, marker: Marker::Visit, text: "Tea", mood: None, reason: None };
        let id = add_entry(&mut doc, &ctx(1), &new).unwrap();
        edit_text(&mut doc, &ctx(2), id, "Tea and a chat about the garden").unwrap();
        set_archived(&mut doc, &ctx(3), id, true).unwrap();
        let entry = &read(&doc).unwrap().entries[0];
        assert_eq!(entry.text.as_str(), "Tea and a chat about the garden");
        assert!(entry.archived, "removed from view, kept in the document");
        let what: Vec<String> = crate::history::history(&doc).into_iter().map(|c| c.what).collect();
        assert!(what.contains(&"edit journal entry".to_owned()) && what.contains(&"archive journal entry".to_owned()));
        set_archived(&mut doc, &ctx(4), id, false).unwrap();
        assert!(!read(&doc).unwrap().entries[0].archived, "and brought back");
    }

    #[test]
    fn a_reason_belongs_to_a_not_today_only() {
        let mut doc = create(&supporter_actor(), ResidentId::random(), Visibility::Shared, &ctx(0)).unwrap();
        let visit = NewEntry {
            happened_at: ctx(1).now,
            marker: Marker::Visit,
            text: "Tea",
            mood: None,
            reason: Some(NotTodayReason::DidNotWant),
        };
        add_entry(&mut doc, &ctx(1), &visit).unwrap();
        assert_eq!(read(&doc).unwrap().entries[0].reason, None);
    }
}
