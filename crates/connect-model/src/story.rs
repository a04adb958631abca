//! The resident's story, in their own words, with a consent level they can
//! change at any time. Every change of consent is kept with who and when; the
//! current level is the latest change, decided the same way on every device.

use std::collections::{BTreeMap, BTreeSet};

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

/// The names an anonymous story must not give away.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    /// Every name the resident has gone by: the preferred name now and any
    /// earlier one (often the full name the page was made with).
    pub resident: Vec<String>,
    /// The names of the people in their circle ("Jean next door").
    pub circle: Vec<String>,
}

impl Story {
    /// The story as it may be shared, or `None` when its consent does not
    /// allow sharing or it has no words. Shared without a name, every form
    /// of the names in `hide` (and of `preferred_name`) becomes "[name]".
    #[must_use]
    pub fn shareable(&self, preferred_name: &str, hide: &Names) -> Option<SharedStory> {
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
                let parts = parts_to_hide(preferred_name, hide);
                Some(SharedStory { name: None, text: without_names(&self.text, &parts), consent: self.consent })
            }
            Consent::Private | Consent::Team => None,
        }
    }
}

/// Titles, kept in the text: "Dr [name]" reads better than "[name] [name]"
/// and gives nobody away.
const TITLES: [&str; 8] = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev"];

/// Small words that start a circle name written in lower case ("my
/// daughter"), which are not names.
const NOT_NAMES: [&str; 8] = ["my", "our", "the", "a", "an", "her", "his", "their"];

/// Endings that make another form of a name: "Smiths", "Smithy", "Annie".
const NAME_ENDINGS: [&str; 5] = ["s", "es", "y", "ie", "ey"];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// A word as three parts: opening quotes, the word itself, and a possessive
/// ending ("'s", "’s" or a lone apostrophe), so "'Doreen's" is ("'",
/// "Doreen", "'s").
fn split_word(word: &str) -> (&str, &str, &str) {
    let start = word.len() - word.trim_start_matches(is_apostrophe).len();
    let (lead, rest) = word.split_at(start);
    let chars: Vec<(usize, char)> = rest.char_indices().collect();
    let tail_at = match chars.as_slice() {
        [.., (_, x), (i, a), (_, s)] if x.is_alphanumeric() && is_apostrophe(*a) && matches!(s, 's' | 'S') => *i,
        [.., (_, x), (i, a)] if x.is_alphanumeric() && is_apostrophe(*a) => *i,
        _ => rest.len(),
    };
    let (core, tail) = rest.split_at(tail_at);
    (lead, core, tail)
}

/// The words of `text` (letters, digits and apostrophes within a word) and
/// what lies between them, in order: `(true, word)` or `(false, other)`.
fn words(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let word_char = c.is_alphanumeric() || is_apostrophe(c);
        if word_char != in_word && i > start {
            out.push((in_word, &text[start..i]));
            start = i;
        }
        in_word = word_char;
    }
    if start < text.len() {
        out.push((in_word, &text[start..]));
    }
    out
}

/// The name parts of `name`, lower case: every word of two letters or more
/// but titles, possessive endings taken off. With `proper_only`, only the
/// words written with a capital ("Jean" of "Jean next door"), or the first
/// that is not a small word when none is.
fn name_parts(name: &str, proper_only: bool) -> Vec<String> {
    let cores: Vec<&str> = words(name)
        .into_iter()
        .filter(|(word, _)| *word)
        .map(|(_, w)| split_word(w).1)
        .filter(|core| core.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .filter(|core| !TITLES.contains(&core.to_lowercase().as_str()))
        .collect();
    let chosen: Vec<&str> = if proper_only {
        let capitalised: Vec<&str> =
            cores.iter().copied().filter(|c| c.chars().next().is_some_and(char::is_uppercase)).collect();
        if capitalised.is_empty() {
            cores.iter().copied().find(|c| !NOT_NAMES.contains(&c.to_lowercase().as_str())).into_iter().collect()
        } else {
            capitalised
        }
    } else {
        cores
    };
    chosen.into_iter().map(str::to_lowercase).collect()
}

/// Every name part an anonymous story must not show: all of the resident's
/// names, and the proper names of the people in their circle.
fn parts_to_hide(preferred_name: &str, hide: &Names) -> BTreeSet<String> {
    let resident = std::iter::once(preferred_name).chain(hide.resident.iter().map(String::as_str));
    resident.flat_map(|n| name_parts(n, false)).chain(hide.circle.iter().flat_map(|n| name_parts(n, true))).collect()
}

/// `text` with every form of every name part replaced by "[name]": in any
/// letter case, with a possessive ("[name]'s"), within a hyphenated word
/// ("[name]-Jones"), and with the endings that make a plural or a pet name
/// ("Smiths", "Smithy"). Words that only begin like a name ("Smithfield")
/// are kept.
fn without_names(text: &str, parts: &BTreeSet<String>) -> String {
    let is_name = |core: &str| {
        let lower = core.to_lowercase();
        parts.contains(&lower)
            || NAME_ENDINGS.iter().any(|end| lower.strip_suffix(end).is_some_and(|stem| parts.contains(stem)))
    };
    let mut out = String::with_capacity(text.len());
    for (word, piece) in words(text) {
        let (lead, core, tail) = split_word(piece);
        if word && !core.is_empty() && is_name(core) {
            out.push_str(lead);
            out.push_str("[name]");
            out.push_str(tail);
        } else {
            out.push_str(piece);
        }
    }
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
        assert_eq!(read(&doc).unwrap().shareable("Doreen Smith", &Names::default()), None, "private by default");
        set_consent(&mut doc, &resident_ctx(2), Consent::Team).unwrap();
        assert_eq!(
            read(&doc).unwrap().shareable("Doreen Smith", &Names::default()),
            None,
            "team only is not for sharing"
        );
        set_consent(&mut doc, &resident_ctx(3), Consent::Anonymous).unwrap();
        let shared = read(&doc).unwrap().shareable("Doreen Smith", &Names::default()).unwrap();
        assert_eq!(shared.name, None);
        assert_eq!(shared.text, "My name is [name] [name]. [name], they called me at the docks; [name] too.");
        set_consent(&mut doc, &resident_ctx(4), Consent::Named).unwrap();
        let named = read(&doc).unwrap().shareable("Doreen Smith", &Names::default()).unwrap();
        assert_eq!(named.name.as_deref(), Some("Doreen Smith"));
        assert!(named.text.contains("Doreen Smith"));
        // Withdrawn: gone from what may be shared.
        set_consent(&mut doc, &resident_ctx(5), Consent::Private).unwrap();
        assert_eq!(read(&doc).unwrap().shareable("Doreen Smith", &Names::default()), None);
    }

    /// The story shared without a name, for Doreen Smith (first called
    /// "Doreen Mary Smith" on her page, now "Dee"), whose circle holds Jean
    /// next door, her daughter Sarah and Dr Okafor.
    fn anonymised(text: &str) -> String {
        let mut doc = create(&supporter_actor(), ResidentId::random(), &ctx(0)).unwrap();
        set_text(&mut doc, &resident_ctx(1), text).unwrap();
        set_consent(&mut doc, &resident_ctx(2), Consent::Anonymous).unwrap();
        let hide = Names {
            resident: vec!["Doreen Mary Smith".into(), "Dee".into()],
            circle: vec!["Jean next door".into(), "my daughter Sarah".into(), "Dr Okafor".into()],
        };
        let shared = read(&doc).unwrap().shareable("Dee", &hide).unwrap();
        assert_eq!(shared.name, None);
        shared.text
    }

    #[test]
    fn an_anonymous_story_hides_the_name_with_a_possessive() {
        assert_eq!(anonymised("Doreen's garden"), "[name]'s garden");
        assert_eq!(anonymised("Doreen’s garden"), "[name]’s garden");
        assert_eq!(anonymised("the Smiths' house"), "the [name]' house");
        assert_eq!(anonymised("Dee's flat"), "[name]'s flat");
    }

    #[test]
    fn an_anonymous_story_hides_the_name_in_any_letter_case() {
        assert_eq!(anonymised("doreen, DOREEN, DoReEn, SMITH'S"), "[name], [name], [name], [name]'S");
    }

    #[test]
    fn an_anonymous_story_hides_the_name_when_hyphenated() {
        assert_eq!(anonymised("Doreen-Smith and the Smith-Jones lot"), "[name]-[name] and the [name]-Jones lot");
    }

    #[test]
    fn an_anonymous_story_hides_the_full_name_the_preferred_name_and_their_other_forms() {
        assert_eq!(
            anonymised("Doreen Mary Smith, Dee to friends, Smithy at work, one of the Smiths"),
            "[name] [name] [name], [name] to friends, [name] at work, one of the [name]"
        );
        // Words that only begin like a name are left alone.
        assert_eq!(anonymised("Smithfield market, a deep breath"), "Smithfield market, a deep breath");
    }

    #[test]
    fn an_anonymous_story_hides_the_names_of_people_in_their_circle() {
        assert_eq!(
            anonymised("Jean next door and my daughter Sarah came; Dr Okafor rang. JEAN's cake!"),
            "[name] next door and my daughter [name] came; Dr [name] rang. [name]'s cake!"
        );
    }
}
