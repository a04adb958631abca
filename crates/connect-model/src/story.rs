//! The resident's story, in their own words, with a consent level they can
//! change at any time. Every change of consent is kept with who and when.
//!
//! The level in force follows the document's causal history, not the clocks
//! of the devices: a change made after seeing another replaces it, whatever
//! time either device thought it was (a phone with a slow clock can still
//! withdraw). Between changes made without seeing each other, the more
//! private level wins, the same way on every device.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use automerge::{ActorId, Automerge, ChangeHash, ObjId, ROOT, ReadDoc};
use autosurgeon::{Hydrate, Reconcile};

use crate::document::{self, CollabText};
use crate::ids::{DocKind, ItemId, ResidentId};
use crate::limits::{self, LONG_TEXT_MAX};
use crate::string_enum::string_enum;
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

    /// How private the level is: higher keeps the story closer.
    fn privacy(self) -> u8 {
        match self {
            Consent::Named => 0,
            Consent::Anonymous => 1,
            Consent::Team => 2,
            Consent::Private => 3,
        }
    }
}

/// One change of consent.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Story {
    /// Whose story.
    pub resident: ResidentId,
    /// The story in the resident's words.
    pub text: CollabText,
    /// The consent now in force.
    pub consent: Consent,
    /// Every change, in the order they were made (a change after every
    /// change its device had seen; changes made without seeing each other
    /// by their time).
    pub consent_history: Vec<ConsentChange>,
}

/// A story as it may be shared outside the team: exactly as its consent says.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

/// Where each consent change was written in the document's history: the
/// Automerge change that made it and its operation's counter, by item key.
fn written_in(doc: &Automerge) -> BTreeMap<String, (ChangeHash, u64)> {
    let Ok(Some((_, map))) = doc.get(ROOT, "consent_history") else { return BTreeMap::new() };
    let changes = doc.get_changes_meta(&[]);
    let mut by_actor: HashMap<&ActorId, Vec<(u64, u64, ChangeHash)>> = HashMap::new();
    for c in &changes {
        by_actor.entry(c.actor.as_ref()).or_default().push((c.start_op, c.max_op, c.hash));
    }
    doc.map_range(&map, ..)
        .filter_map(|item| match item.id() {
            ObjId::Id(counter, actor, _) => by_actor
                .get(&actor)?
                .iter()
                .find(|(start, max, _)| (*start..=*max).contains(&counter))
                .map(|(_, _, hash)| (item.key.into_owned(), (*hash, counter))),
            ObjId::Root => None,
        })
        .collect()
}

/// Every change `hash` was made after (its dependencies, transitively).
fn ancestors(deps: &HashMap<ChangeHash, Vec<ChangeHash>>, hash: ChangeHash) -> BTreeSet<ChangeHash> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<ChangeHash> = deps.get(&hash).cloned().unwrap_or_default();
    while let Some(h) = todo.pop() {
        if seen.insert(h) {
            todo.extend(deps.get(&h).into_iter().flatten().copied());
        }
    }
    seen
}

/// The consent changes in causal order, and the level in force. Change `i`
/// comes before change `j` when `i` was in the history of the device that
/// made `j` (it had seen `i`). The level in force is the most private among
/// the changes nothing came after; the order lists a change only after those
/// before it, and changes made without seeing each other by their time.
fn causal_order(doc: &Automerge, changes: &[(String, ConsentChange)]) -> (Consent, Vec<ConsentChange>) {
    let written = written_in(doc);
    let deps: HashMap<ChangeHash, Vec<ChangeHash>> =
        doc.get_changes_meta(&[]).into_iter().map(|c| (c.hash, c.deps)).collect();
    let place: Vec<Option<(ChangeHash, u64)>> = changes.iter().map(|(k, _)| written.get(k).copied()).collect();
    let seen: Vec<BTreeSet<ChangeHash>> =
        place.iter().map(|p| p.map(|(hash, _)| ancestors(&deps, hash)).unwrap_or_default()).collect();
    let n = changes.len();
    let before = |i: usize, j: usize| match (place[i], place[j]) {
        (Some((hi, ci)), Some((hj, cj))) => seen[j].contains(&hi) || (hi == hj && ci < cj),
        _ => false,
    };
    let consent = (0..n)
        .filter(|&i| !(0..n).any(|j| j != i && before(i, j)))
        .map(|i| &changes[i])
        .max_by(|(ka, a), (kb, b)| a.level.privacy().cmp(&b.level.privacy()).then(a.at.cmp(&b.at)).then(ka.cmp(kb)))
        .map_or(Consent::Private, |(_, c)| c.level);
    let mut left: Vec<usize> = (0..n).collect();
    let mut order = Vec::with_capacity(n);
    while !left.is_empty() {
        let ready = left.iter().copied().filter(|&j| !left.iter().any(|&i| i != j && before(i, j)));
        let next = ready
            .min_by(|&a, &b| changes[a].1.at.cmp(&changes[b].1.at).then(changes[a].0.cmp(&changes[b].0)))
            .unwrap_or(left[0]);
        left.retain(|&i| i != next);
        order.push(changes[next].1.clone());
    }
    (consent, order)
}

/// Reads the story. With no recorded change, consent is private.
pub fn read(doc: &Automerge) -> Result<Story> {
    let raw: StoryDoc = document::read(doc, KIND)?;
    let (consent, consent_history) = causal_order(doc, &raw.consent_history.into_iter().collect::<Vec<_>>());
    Ok(Story { resident: raw.owner, text: raw.text, consent, consent_history })
}

/// Every change of consent with the key it is kept under, in key order
/// (not causal order: see [`read`]), so two versions can be compared change
/// by change.
pub fn consent_changes(doc: &Automerge) -> Result<Vec<(String, ConsentChange)>> {
    let raw: StoryDoc = document::read(doc, KIND)?;
    Ok(raw.consent_history.into_iter().collect())
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

    /// Two devices holding the same story, each writing as its own actor.
    fn two_devices() -> (Automerge, Automerge) {
        let a = create(&supporter_actor(), ResidentId::random(), &ctx(0)).unwrap();
        let b = a.fork().with_actor(ActorId::random());
        (a, b)
    }

    /// Both devices after they have exchanged everything.
    fn synced(mut a: Automerge, mut b: Automerge) -> [Consent; 2] {
        a.merge(&mut b.clone()).unwrap();
        b.merge(&mut a.clone()).unwrap();
        [read(&a).unwrap().consent, read(&b).unwrap().consent]
    }

    #[test]
    fn a_withdrawal_on_a_phone_whose_clock_is_slow_wins_over_the_sharing_it_saw() {
        let (mut a, mut b) = two_devices();
        // Day 9 on a phone with the right time: shared with the name.
        set_consent(&mut a, &resident_ctx(9), Consent::Named).unwrap();
        b.merge(&mut a.clone()).unwrap();
        // The resident withdraws on a phone whose clock says day 2, after seeing it shared.
        set_consent(&mut b, &resident_ctx(2), Consent::Private).unwrap();
        assert_eq!(read(&b).unwrap().consent, Consent::Private);
        assert_eq!(synced(a, b), [Consent::Private; 2]);
    }

    #[test]
    fn a_later_choice_made_after_seeing_the_earlier_one_wins_whatever_the_clocks_say() {
        let (mut a, mut b) = two_devices();
        set_consent(&mut a, &resident_ctx(9), Consent::Private).unwrap();
        b.merge(&mut a.clone()).unwrap();
        // Having seen "private", the resident chooses to share without their name on a slow phone.
        set_consent(&mut b, &resident_ctx(1), Consent::Anonymous).unwrap();
        assert_eq!(synced(a, b), [Consent::Anonymous; 2]);
        // The history lists the changes in the order they were made.
        let (mut a, mut b) = two_devices();
        set_consent(&mut a, &resident_ctx(9), Consent::Team).unwrap();
        b.merge(&mut a.clone()).unwrap();
        set_consent(&mut b, &resident_ctx(1), Consent::Named).unwrap();
        let levels: Vec<Consent> = read(&b).unwrap().consent_history.iter().map(|c| c.level).collect();
        assert_eq!(levels, [Consent::Team, Consent::Named]);
    }

    #[test]
    fn between_truly_concurrent_changes_the_more_private_level_wins() {
        let levels = [Consent::Private, Consent::Team, Consent::Anonymous, Consent::Named];
        for (i, first) in levels.iter().enumerate() {
            for second in &levels[i..] {
                // Neither device saw the other's change; the clocks favour the less private one.
                for (early, late) in [(first, second), (second, first)] {
                    let (mut a, mut b) = two_devices();
                    set_consent(&mut a, &resident_ctx(1), *early).unwrap();
                    set_consent(&mut b, &ctx(8), *late).unwrap();
                    assert_eq!(synced(a, b), [*first; 2], "{early} on day 1 against {late} on day 8");
                }
            }
        }
    }

    #[test]
    fn concurrent_consent_changes_agree_on_one_level_on_every_device() {
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
