//! Whether a document is what it claims to be: the check the relay runs on
//! every document a device changes, before anything is stored.
//!
//! Both functions are pure. The relay uses [`check_document`] so that no
//! device can leave a document unreadable for everyone else, and
//! [`id_of`] so that an upload cannot claim to be a document it is not.

use automerge::{Automerge, ROOT, ReadDoc, Value};

use crate::{DocKind, DocumentId, ModelError, ResidentId, Result, checkin, circle, directory, document, journal};
use crate::{page, story};

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
/// by `id`'s resident (or team, for the directory).
pub fn check_document(id: DocumentId, doc: &Automerge) -> Result<()> {
    let wrong = |detail: String| ModelError::WrongShape { expected: id.kind().as_str(), detail };
    let owned_by = |owner: ResidentId| {
        if Some(owner) == id.resident_id() { Ok(()) } else { Err(wrong(format!("owned by {owner}, not {id}"))) }
    };
    match id.kind() {
        DocKind::Page => owned_by(page::read(doc)?.resident),
        DocKind::Circle => owned_by(circle::read(doc)?.resident),
        DocKind::Journal | DocKind::TeamNotes => {
            let j = journal::read(doc)?;
            if j.visibility.doc_kind() != id.kind() {
                return Err(wrong("a journal of the other visibility".into()));
            }
            owned_by(j.resident)
        }
        DocKind::Checkins => owned_by(checkin::read(doc)?.resident),
        DocKind::Story => owned_by(story::read(doc)?.resident),
        DocKind::Directory => {
            directory::read(doc)?;
            if id_of(doc)? == id { Ok(()) } else { Err(wrong("the directory of another team".into())) }
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
    fn an_empty_document_is_not_a_connect_document() {
        assert!(id_of(&Automerge::new()).is_err());
        let id = DocumentId::resident(ResidentId::random(), DocKind::Story);
        assert!(check_document(id, &Automerge::new()).is_err());
    }
}
