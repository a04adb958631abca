//! The resident's story, in their own words, with a consent level they can
//! change at any time. Every change of consent is kept with who and when; the
//! current level is the latest change, decided the same way on every device.

use std::collections::BTreeMap;

use automerge::{ActorId, Automerge, ROOT};
use autosurgeon::{Hydrate, Reconcile};

use crate::document::{self, CollabText};
use crate::enums::string_enum;
use crate::ids::{DocKind, ItemId, ResidentId};
use crate::limits::{self, LONG_TEXT_MAX};
use crate::{Author, EditContext, Result, Timestamp};

string_enum! {
    /// How far a story may travel.
    Consent, "consent level" {
        /// Only the resident and their supporter.
        Private => "private",
        /// The team may read it.
        Team => "team",
        /// It may be shared outside the team without the resident's name.
        Anonymous => "anonymous",
        /// It may be shared with the resident's name.
        Named => "named",
    }
}

impl Consent {
    /// Whether the story may appear in "stories we may share".
    #[must_use]
    pub fn may_share(self) -> bool {
        matches!(self, Consent::Anonymous | Consent::Named)
    }
}

/// One change of consent.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, serde::Serialize)]
pub struct ConsentChange {
    /// The new level.
    pub level: Consent,
    /// When.
    pub at: Timestamp,
    /// Who made the change.
    pub by: Author,
}

#[derive(Hydrate)]
struct StoryDoc {
    owner: ResidentId,
    text: CollabText,
    consent_history: BTreeMap<String, ConsentChange>,
}

/// A story, read from its document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Story {
    /// Whose story.
    pub resident: ResidentId,
    /// The story in the resident's words.
    pub text: CollabText,
    /// The consent now in force.
    pub consent: Consent,
    /// Every change, oldest first.
    pub consent_history: Vec<ConsentChange>,
}

const KIND: DocKind = DocKind::Story;

/// Creates an empty, private story.
pub fn create(actor: &ActorId, resident: ResidentId, ctx: &EditContext) -> Result<Automerge> {
    document::create(actor, KIND, resident.uuid(), ctx, &["consent_history"], |tx| {
        document::update_text(tx, &ROOT, "text", "")
    })
}

/// Reads the story. With no recorded change, consent is private.
pub fn read(doc: &Automerge) -> Result<Story> {
    let raw: StoryDoc = document::read(doc, KIND)?;
    let mut history: Vec<(String, ConsentChange)> = raw.consent_history.into_iter().collect();
    history.sort_by(|(ka, a), (kb, b)| a.at.cmp(&b.at).then(ka.cmp(kb)));
    let consent = history.last().map_or(Consent::Private, |(_, c)| c.level);
    Ok(Story {
        resident: raw.owner,
        text: raw.text,
        consent,
        consent_history: history.into_iter().map(|(_, c)| c).collect(),
    })
}

/// Rewrites the story, merging with concurrent edits.
pub fn set_text(doc: &mut Automerge, ctx: &EditContext, text: &str) -> Result<()> {
    let text = limits::optional("story", text, LONG_TEXT_MAX)?;
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, "edit story", |tx| document::update_text(tx, &ROOT, "text", &text))
}

/// Records a new consent level.
pub fn set_consent(doc: &mut Automerge, ctx: &EditContext, level: Consent) -> Result<()> {
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, "change story consent", |tx| {
        let map = document::collection(tx, "consent_history", KIND)?;
        let change = ConsentChange { level, at: ctx.now, by: ctx.author.clone() };
        document::insert_item(tx, &map, ItemId::random(), &change)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{ctx, resident_ctx, supporter_actor};

    #[test]
    fn consent_starts_private_and_every_change_is_kept() {
        let mut doc = create(&supporter_actor(), ResidentId::random(), &ctx(0)).unwrap();
        assert_eq!(read(&doc).unwrap().consent, Consent::Private);
        set_text(&mut doc, &resident_ctx(1), "I moved here in 1962…").unwrap();
        set_consent(&mut doc, &resident_ctx(2), Consent::Anonymous).unwrap();
        set_consent(&mut doc, &resident_ctx(3), Consent::Team).unwrap();
        let s = read(&doc).unwrap();
        assert_eq!(s.consent, Consent::Team);
        assert!(!s.consent.may_share());
        let levels: Vec<_> = s.consent_history.iter().map(|c| c.level).collect();
        assert_eq!(levels, [Consent::Anonymous, Consent::Team]);
        assert!(s.consent_history.iter().all(|c| c.by.is_resident()));
    }

    #[test]
    fn concurrent_consent_changes_agree_on_the_latest() {
        let mut a = create(&supporter_actor(), ResidentId::random(), &ctx(0)).unwrap();
        let mut b = a.fork().with_actor(ActorId::random());
        set_consent(&mut a, &resident_ctx(5), Consent::Private).unwrap();
        set_consent(&mut b, &ctx(4), Consent::Named).unwrap();
        let mut a2 = a.fork();
        a2.merge(&mut b.fork()).unwrap();
        b.merge(&mut a).unwrap();
        assert_eq!(read(&a2).unwrap().consent, Consent::Private);
        assert_eq!(read(&b).unwrap().consent, Consent::Private);
    }
}
