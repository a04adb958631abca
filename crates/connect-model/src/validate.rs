//! Whether a document is what it claims to be: the check the relay runs on
//! every document a device changes, before anything is stored.
//!
//! Every function is pure. The relay uses [`inspect`] so that no device can
//! leave a document unreadable for everyone else or put more text in it than
//! the app allows ([`crate::limits`]), and to see who the document says did
//! what ([`Inspection::claims`]); and [`id_of`] so that an upload cannot
//! claim to be a document it is not.

use std::collections::{BTreeMap, BTreeSet};

use automerge::{Automerge, ROOT, ReadDoc, Value};

use crate::limits::{ITEM_MAX, LONG_TEXT_MAX, NAME_MAX};
use crate::media::{self, BlobHash};
use crate::{Author, DocKind, DocumentId, ModelError, ResidentId, Result, checkin, circle, directory, document};
use crate::{journal, page, promise, story};

/// Reads a document's id from its root (`kind` and `owner`).
pub fn id_of(doc: &Automerge) -> Result<DocumentId> {
    let kind = document::kind_of(doc)
        .ok_or_else(|| ModelError::WrongShape { expected: "connect", detail: "no document kind at its root".into() })?;
    let owner = match doc.get(ROOT, "owner")? {
        Some((Value::Scalar(s), _)) => s.as_str().map(str::to_owned),
        _ => None,
    }
    .unwrap_or_default();
    format!("{owner}.{kind}").parse()
}

/// Checks that `doc` reads as a whole, valid document of `id`'s kind, owned
/// by `id`'s resident (or team, for the directory), with every text within
/// its limit.
pub fn check_document(id: DocumentId, doc: &Automerge) -> Result<()> {
    inspect(id, doc).map(drop)
}

/// What a valid document says about who did what.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inspection {
    /// Every author the document records, by where it is recorded (for
    /// example `offers/ID/author` or `consent/KEY/by`): comparing two
    /// versions by key shows which claims a change made.
    pub claims: BTreeMap<String, Author>,
    /// The media files the document references: the relay keeps their
    /// bytes, and deletes those no document references any more.
    pub media: BTreeSet<BlobHash>,
}

/// Collects a document's texts to check and the authors it records.
#[derive(Default)]
struct Reader {
    claims: BTreeMap<String, Author>,
    media: BTreeSet<BlobHash>,
    texts: Vec<(&'static str, usize, String)>,
}

impl Reader {
    fn text(&mut self, field: &'static str, max: usize, text: &str) {
        // Counting characters is the costly part: only long enough texts.
        if text.len() > max {
            self.texts.push((field, max, text.to_owned()));
        }
    }

    fn claim(&mut self, place: String, author: &Author) {
        self.text("author name", NAME_MAX, &author.name);
        self.claims.insert(place, author.clone());
    }

    fn finish(self) -> Result<Inspection> {
        for (field, max, text) in self.texts {
            let len = text.chars().count();
            if len > max {
                return Err(ModelError::TooLong { field, len, max });
            }
        }
        Ok(Inspection { claims: self.claims, media: self.media })
    }
}

/// Reads `doc` as a document of `id`'s kind, checks it as [`check_document`]
/// does, and answers what it claims.
pub fn inspect(id: DocumentId, doc: &Automerge) -> Result<Inspection> {
    let wrong = |detail: String| ModelError::WrongShape { expected: id.kind().as_str(), detail };
    let owned_by = |owner: ResidentId| {
        if Some(owner) == id.resident_id() { Ok(()) } else { Err(wrong(format!("owned by {owner}, not {id}"))) }
    };
    let mut r = Reader::default();
    match id.kind() {
        DocKind::Page => {
            let p = page::read(doc)?;
            read_page(&mut r, &p);
            read_promises(&mut r, doc)?;
            owned_by(p.resident)?;
        }
        DocKind::Circle => {
            let c = circle::read(doc)?;
            for t in &c.ties {
                r.text("name", NAME_MAX, &t.name);
                r.text("relationship", ITEM_MAX, &t.relationship);
                r.claim(format!("ties/{}/author", t.id), &t.author);
            }
            owned_by(c.resident)?;
        }
        DocKind::Journal | DocKind::TeamNotes => {
            let j = journal::read(doc)?;
            if j.visibility.doc_kind() != id.kind() {
                return Err(wrong("a journal of the other visibility".into()));
            }
            for e in &j.entries {
                r.text("note", LONG_TEXT_MAX, &e.text);
                r.claim(format!("entries/{}/author", e.id), &e.author);
            }
            if id.kind() == DocKind::TeamNotes {
                read_promises(&mut r, doc)?;
            }
            owned_by(j.resident)?;
        }
        DocKind::Checkins => {
            let c = checkin::read(doc)?;
            for i in &c.checkins {
                r.text("language asked in", page::LANGUAGE_TAG_MAX, &i.asked_in);
                r.claim(format!("checkins/{}/author", i.id), &i.author);
                for area in i.life_map.keys() {
                    r.text("life area", NAME_MAX, area);
                }
            }
            owned_by(c.resident)?;
        }
        DocKind::Story => {
            let s = story::read(doc)?;
            r.text("story", LONG_TEXT_MAX, &s.text);
            for (key, change) in story::consent_changes(doc)? {
                r.claim(format!("consent/{key}/by"), &change.by);
            }
            owned_by(s.resident)?;
        }
        DocKind::Directory => {
            let d = directory::read(doc)?;
            for e in &d.entries {
                r.text("name", NAME_MAX, &e.name);
                r.text("description", LONG_TEXT_MAX, &e.description);
                r.text("contact", ITEM_MAX, &e.contact);
                r.text("tags", ITEM_MAX, &e.tags);
                r.claim(format!("entries/{}/author", e.id), &e.author);
            }
            for (_, label) in &d.life_areas {
                r.text("life area", NAME_MAX, label);
            }
            if id_of(doc)? != id {
                return Err(wrong("the directory of another team".into()));
            }
        }
    }
    read_media(&mut r, id.kind(), doc)?;
    r.finish()
}

/// A page's or team notes' promises (and a page's visit plans): their words and authors.
fn read_promises(r: &mut Reader, doc: &Automerge) -> Result<()> {
    for p in promise::read(doc)? {
        r.text("promise", ITEM_MAX, &p.terms.text);
        r.text("name of who will do it", NAME_MAX, &p.terms.by_name);
    }
    for (place, author) in promise::claims(doc)? {
        r.claim(place, &author);
    }
    Ok(())
}

/// A document's media references: each a file the app could have made,
/// attached where its document holds such things, with its caption,
/// transcript and author.
fn read_media(r: &mut Reader, kind: DocKind, doc: &Automerge) -> Result<()> {
    for m in media::read(doc)? {
        media::check_file(m.kind, &m.mime, m.bytes, m.duration_ms, m.dimensions)?;
        if !m.place.holds(kind) {
            return Err(ModelError::WrongShape {
                expected: kind.as_str(),
                detail: format!("media attached to {} in a {} document", m.place, kind.as_str()),
            });
        }
        r.text("caption", ITEM_MAX, &m.caption);
        r.text("transcript", LONG_TEXT_MAX, &m.transcript);
        r.claim(format!("media/{}/author", m.id), &m.author);
        r.media.insert(m.hash);
    }
    Ok(())
}

fn read_page(r: &mut Reader, p: &page::ResidentPage) {
    r.text("name", NAME_MAX, &p.preferred_name);
    // A tag, read by every phone and noted for its lock screen.
    r.text("language", page::LANGUAGE_TAG_MAX, p.language.as_deref().unwrap_or_default());
    r.text("about me", LONG_TEXT_MAX, &p.about_me);
    for o in &p.offers {
        r.text("offer", ITEM_MAX, &o.text);
        r.claim(format!("offers/{}/author", o.id), &o.author);
    }
    for a in &p.asks {
        r.text("ask", ITEM_MAX, &a.text);
        r.claim(format!("asks/{}/author", a.id), &a.author);
    }
    for g in &p.goals {
        r.text("goal", ITEM_MAX, &g.text);
        r.claim(format!("goals/{}/author", g.id), &g.author);
    }
    for i in &p.introductions {
        r.text("reason", ITEM_MAX, &i.proposal.reason);
        r.claim(format!("introductions/{}/proposed_by", i.proposal.id), &i.proposed_by);
        if let Some(by) = &i.answered_by {
            r.claim(format!("introductions/{}/answered_by", i.proposal.id), by);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{ctx, supporter_actor};

    #[test]
    fn a_page_checks_as_its_own_id_and_not_as_another() {
        let resident = ResidentId::random();
        let doc = page::create(&supporter_actor(), resident, "Doreen", &ctx(0)).unwrap();
        let id = DocumentId::resident(resident, DocKind::Page);
        assert_eq!(id_of(&doc).unwrap(), id);
        check_document(id, &doc).unwrap();
        assert!(check_document(DocumentId::resident(ResidentId::random(), DocKind::Page), &doc).is_err());
        assert!(check_document(DocumentId::resident(resident, DocKind::Circle), &doc).is_err());
    }

    #[test]
    fn text_past_its_limit_is_refused_by_name_wherever_it_came_from() {
        let resident = ResidentId::random();
        let id = DocumentId::resident(resident, DocKind::Page);
        let mut doc = page::create(&supporter_actor(), resident, "Doreen", &ctx(0)).unwrap();
        page::add_offer(&mut doc, &ctx(1), "I bake", page::Category::Caring).unwrap();
        check_document(id, &doc).unwrap();
        // A device that skips the model's checks writes the field directly.
        let Some((_, offers)) = doc.get(ROOT, "offers").unwrap() else { unreachable!("a page has offers") };
        let (_, offer) = doc.map_range(&offers, ..).next().map(|i| ((), i.id())).unwrap();
        let mut tx = doc.transaction();
        let text = automerge::transaction::Transactable::put_object(&mut tx, &offer, "text", automerge::ObjType::Text)
            .unwrap();
        automerge::transaction::Transactable::splice_text(&mut tx, &text, 0, 0, &"é".repeat(ITEM_MAX + 1)).unwrap();
        tx.commit();
        let err = check_document(id, &doc).unwrap_err();
        assert!(matches!(err, ModelError::TooLong { field: "offer", len: 2001, max: 2000 }), "{err}");
    }

    #[test]
    fn a_language_tag_written_past_the_model_is_refused_by_its_length() {
        let resident = ResidentId::random();
        let id = DocumentId::resident(resident, DocKind::Page);
        let mut doc = page::create(&supporter_actor(), resident, "Doreen", &ctx(0)).unwrap();
        page::set_language(&mut doc, &ctx(1), Some("ur")).unwrap();
        check_document(id, &doc).unwrap();
        // Every phone reads it, and notes it beside its key for the lock screen.
        let mut tx = doc.transaction();
        automerge::transaction::Transactable::put(&mut tx, ROOT, "language", "x".repeat(5_000)).unwrap();
        tx.commit();
        let err = check_document(id, &doc).unwrap_err();
        assert!(matches!(err, ModelError::TooLong { field: "language", len: 5000, .. }), "{err}");
    }

    #[test]
    fn claims_name_each_author_by_where_it_is_recorded() {
        let resident = ResidentId::random();
        let id = DocumentId::resident(resident, DocKind::Story);
        let mut doc = story::create(&supporter_actor(), resident, &ctx(0)).unwrap();
        let theirs = ctx(1).by(crate::Author::new(crate::AuthorRole::Resident, "Doreen", crate::DeviceId::random()));
        story::set_consent(&mut doc, &theirs, story::Consent::Team).unwrap();
        let claims = inspect(id, &doc).unwrap().claims;
        assert_eq!(claims.len(), 1);
        let (place, by) = claims.iter().next().unwrap();
        assert!(place.starts_with("consent/") && place.ends_with("/by"), "{place}");
        assert!(by.recorded_for_resident(), "the resident's consent, recorded by a supporter");
        assert_eq!(by.recorded_by, Some(crate::AuthorRole::Supporter));
    }

    #[test]
    fn a_promise_and_its_changes_are_claims_and_its_words_are_limited() {
        let resident = ResidentId::random();
        let id = DocumentId::resident(resident, DocKind::Page);
        let mut doc = page::create(&supporter_actor(), resident, "Doreen", &ctx(0)).unwrap();
        let new = promise::NewPromise {
            text: "ask the council about the ramp",
            by: promise::PromiseBy::Supporter,
            by_name: "",
            when: None,
            ask: None,
        };
        let p = promise::add(&mut doc, &ctx(1), &new).unwrap();
        let theirs = ctx(2).by(crate::Author::new(crate::AuthorRole::Resident, "Doreen", crate::DeviceId::random()));
        promise::set_state(&mut doc, &theirs, p, promise::PromiseState::Done).unwrap();
        let claims = inspect(id, &doc).unwrap().claims;
        assert_eq!(claims.len(), 2, "{claims:?}");
        assert!(claims.iter().any(|(place, by)| place.contains("/changes/") && by.recorded_for_resident()));
        let notes = DocumentId::resident(resident, DocKind::TeamNotes);
        let mut doc = journal::create(&supporter_actor(), resident, journal::Visibility::TeamOnly, &ctx(0)).unwrap();
        promise::add(&mut doc, &ctx(1), &new).unwrap();
        assert_eq!(inspect(notes, &doc).unwrap().claims.len(), 1, "team-only promises are checked too");
    }

    #[test]
    fn media_references_are_listed_and_one_written_past_the_model_is_refused() {
        let resident = ResidentId::random();
        let id = DocumentId::resident(resident, DocKind::Page);
        let mut doc = page::create(&supporter_actor(), resident, "Doreen", &ctx(0)).unwrap();
        let photo = media::NewMedia {
            hash: BlobHash::of(b"roses"),
            kind: media::MediaKind::Photo,
            mime: media::PHOTO_MIME,
            bytes: 5,
            duration_ms: None,
            dimensions: Some((800, 600)),
            caption: "roses",
            transcript: "",
            place: media::MediaPlace::About,
        };
        media::add(&mut doc, &ctx(1), &photo).unwrap();
        let seen = inspect(id, &doc).unwrap();
        assert_eq!(seen.media, BTreeSet::from([BlobHash::of(b"roses")]));
        assert!(seen.claims.keys().any(|k| k.starts_with("media/")), "{:?}", seen.claims);
        // A device that skips the model's checks writes fields directly.
        let put = |doc: &Automerge, field: &str, value: automerge::ScalarValue| {
            let mut doc = doc.clone();
            let Some((_, map)) = doc.get(ROOT, "media").unwrap() else { unreachable!("a media map") };
            let item = doc.map_range(&map, ..).next().unwrap().id();
            let mut tx = doc.transaction();
            automerge::transaction::Transactable::put(&mut tx, &item, field, value).unwrap();
            tx.commit();
            doc
        };
        let huge = put(&doc, "bytes", automerge::ScalarValue::Uint(media::MEDIA_BYTES_MAX + 1));
        let err = check_document(id, &huge).unwrap_err();
        assert!(matches!(err, ModelError::Invalid { what: "media size", .. }), "{err}");
        let elsewhere = put(&doc, "place", "story".into());
        let err = check_document(id, &elsewhere).unwrap_err();
        assert!(err.to_string().contains("media attached to story in a page document"), "{err}");
        let unreadable = put(&doc, "hash", "not a hash".into());
        assert!(check_document(id, &unreadable).is_err());
    }

    #[test]
    fn an_empty_document_is_not_a_connect_document() {
        assert!(id_of(&Automerge::new()).is_err());
        let id = DocumentId::resident(ResidentId::random(), DocKind::Story);
        assert!(check_document(id, &Automerge::new()).is_err());
    }
}
