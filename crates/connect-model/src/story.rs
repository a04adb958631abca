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

/// A story as it may be shared outside the team: exactly as its consent says.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SharedStory {
    /// The resident's name, only when they agreed to be named.
    pub name: Option<String>,
    /// The story. Shared without a name, the resident's name (each part of it)
    /// is replaced by "[name]" wherever it appears in their own words.
    pub text: String,
    /// The consent it is shared under.
    pub consent: Consent,
}

impl Story {
    /// The story as it may be shared, or `None` when its consent does not
    /// allow sharing or it has no words.
    #[must_use]
    pub fn shareable(&self, preferred_name: &str) -> Option<SharedStory> {
        if self.text.trim().is_empty() {
            return None;
        }
        match self.consent {
            Consent::Named => Some(SharedStory {
                name: Some(preferred_name.to_owned()),
                text: self.text.to_string(),
                consent: self.consent,
            }),
            Consent::Anonymous => {
                Some(SharedStory { name: None, text: without_name(&self.text, preferred_name), consent: self.consent })
            }
            Consent::Private | Consent::Team => None,
        }
    }
}

/// `text` with every word of `name` (two letters or more) replaced by "[name]",
/// matching whole words in any letter case.
fn without_name(text: &str, name: &str) -> String {
    let parts: Vec<String> =
        name.split_whitespace().filter(|p| p.chars().count() >= 2).map(str::to_lowercase).collect();
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if parts.contains(&word.to_lowercase()) {
            out.push_str("[name]");
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() || c == '\'' || c == '’' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
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

    #[test]
    fn a_story_is_shared_exactly_as_its_consent_says() {
        let mut doc = create(&supporter_actor(), ResidentId::random(), &ctx(0)).unwrap();
        set_text(
            &mut doc,
            &resident_ctx(1),
            "My name is Doreen Smith. DOREEN, they called me at the docks; Smithy too.",
        )
        .unwrap();
        assert_eq!(read(&doc).unwrap().shareable("Doreen Smith"), None, "private by default");
        set_consent(&mut doc, &resident_ctx(2), Consent::Team).unwrap();
        assert_eq!(read(&doc).unwrap().shareable("Doreen Smith"), None, "team only is not for sharing");
        set_consent(&mut doc, &resident_ctx(3), Consent::Anonymous).unwrap();
        let shared = read(&doc).unwrap().shareable("Doreen Smith").unwrap();
        assert_eq!(shared.name, None);
        assert_eq!(shared.text, "My name is [name] [name]. [name], they called me at the docks; Smithy too.");
        set_consent(&mut doc, &resident_ctx(4), Consent::Named).unwrap();
        let named = read(&doc).unwrap().shareable("Doreen Smith").unwrap();
        assert_eq!(named.name.as_deref(), Some("Doreen Smith"));
        assert!(named.text.contains("Doreen Smith"));
        // Withdrawn: gone from what may be shared.
        set_consent(&mut doc, &resident_ctx(5), Consent::Private).unwrap();
        assert_eq!(read(&doc).unwrap().shareable("Doreen Smith"), None);
    }
}
