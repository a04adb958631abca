//! Mutual support: suggesting which residents' offers might meet which
//! residents' asks, each suggestion with the reasons it was made.
//!
//! Suggestions are only suggestions: an introduction is recorded only when
//! both residents agree. Matching is deliberately simple and explainable: the
//! same kind of help, and words the ask and the offer share (ignoring small
//! words and simple endings, so "cooking" meets "cook").

use std::collections::BTreeSet;

use crate::page::{AskStatus, Category, IntroSide, Proposal};
use crate::{ItemId, ResidentId};

/// An offer that could meet an ask.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OfferRef {
    /// Whose offer.
    pub resident: ResidentId,
    /// Their preferred name.
    pub name: String,
    /// The offer.
    pub item: ItemId,
    /// Its words.
    pub text: String,
    /// Its kind of help.
    pub category: Category,
}

/// An ask that might be met.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AskRef {
    /// Whose ask.
    pub resident: ResidentId,
    /// Their preferred name.
    pub name: String,
    /// The ask.
    pub item: ItemId,
    /// Its words.
    pub text: String,
    /// Its kind of help.
    pub category: Category,
    /// Where it has got to; only open and in-progress asks are matched.
    pub status: AskStatus,
}

/// Why a suggestion was made.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// Both are the same kind of help.
    SameCategory {
        /// The kind.
        category: Category,
    },
    /// Both use these words.
    SharedWords {
        /// The words, as written in the ask.
        words: Vec<String>,
    },
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::SameCategory { category } => write!(f, "both are {category} help"),
            Reason::SharedWords { words } => write!(f, "both mention {}", words.join(", ")),
        }
    }
}

/// A suggested match between one ask and one offer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Suggestion {
    /// The ask.
    pub ask: AskRef,
    /// The offer.
    pub offer: OfferRef,
    /// Higher is a closer match.
    pub score: u32,
    /// Why, in order of weight.
    pub reasons: Vec<Reason>,
}

impl Suggestion {
    /// Why, in words: "both mention market; both are company help".
    #[must_use]
    pub fn reason_words(&self) -> String {
        self.reasons.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
    }

    /// The two sides of an introduction for this suggestion, under one new id:
    /// what the asker's page records, and what the offerer's page records.
    #[must_use]
    pub fn proposals(&self) -> [(ResidentId, Proposal); 2] {
        let id = ItemId::random();
        let reason = self.reason_words();
        [
            (
                self.ask.resident,
                Proposal {
                    id,
                    with: self.offer.resident,
                    side: IntroSide::Asker,
                    item: self.ask.item,
                    their_item: self.offer.item,
                    reason: reason.clone(),
                },
            ),
            (
                self.offer.resident,
                Proposal {
                    id,
                    with: self.ask.resident,
                    side: IntroSide::Offerer,
                    item: self.offer.item,
                    their_item: self.ask.item,
                    reason,
                },
            ),
        ]
    }
}

const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "are",
    "at",
    "be",
    "but",
    "by",
    "can",
    "could",
    "do",
    "for",
    "from",
    "go",
    "have",
    "help",
    "i",
    "im",
    "in",
    "is",
    "it",
    "like",
    "me",
    "my",
    "of",
    "on",
    "or",
    "someone",
    "something",
    "the",
    "to",
    "up",
    "us",
    "want",
    "wants",
    "we",
    "when",
    "with",
    "would",
    "you",
    "your",
    "happy",
    "good",
    "get",
    "show",
    "people",
];

/// The word's simple stem: lowercase, without "ing", "es" or "s" endings.
fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    for suffix in ["ing", "es", "s"] {
        if let Some(base) = w.strip_suffix(suffix)
            && base.chars().count() >= 3
        {
            return base.to_owned();
        }
    }
    w
}

/// Meaningful words of a text: (stem, word as written).
fn words(text: &str) -> Vec<(String, String)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !STOP_WORDS.contains(&w.to_lowercase().as_str()))
        .map(|w| (stem(w), w.to_lowercase()))
        .collect()
}

/// The meaningful words two texts share (as written in `a`), ignoring small
/// words and simple endings: "ramp" in an ask and "ramps" in a description.
#[must_use]
pub fn shared_words(a: &str, b: &str) -> Vec<String> {
    let b_stems: BTreeSet<String> = words(b).into_iter().map(|(s, _)| s).collect();
    let mut seen = BTreeSet::new();
    words(a).into_iter().filter(|(s, _)| b_stems.contains(s) && seen.insert(s.clone())).map(|(_, w)| w).collect()
}

/// Suggests offers for open asks, best first. An offer never matches an ask of
/// the same resident. A suggestion needs shared words, or the same kind of
/// help other than "other".
#[must_use]
pub fn suggest(asks: &[AskRef], offers: &[OfferRef]) -> Vec<Suggestion> {
    let mut out = Vec::new();
    for ask in asks.iter().filter(|a| matches!(a.status, AskStatus::Open | AskStatus::InProgress)) {
        for offer in offers.iter().filter(|o| o.resident != ask.resident) {
            let shared = shared_words(&ask.text, &offer.text);
            let same_kind = ask.category == offer.category && ask.category != Category::Other;
            if shared.is_empty() && !same_kind {
                continue;
            }
            let mut reasons = Vec::new();
            let mut score = 0;
            if !shared.is_empty() {
                score += 3 * u32::try_from(shared.len()).unwrap_or(u32::MAX / 4);
                reasons.push(Reason::SharedWords { words: shared });
            }
            if same_kind {
                score += 2;
                reasons.push(Reason::SameCategory { category: ask.category });
            }
            out.push(Suggestion { ask: ask.clone(), offer: offer.clone(), score, reasons });
        }
    }
    out.sort_by(|a, b| b.score.cmp(&a.score).then(a.ask.item.cmp(&b.ask.item)).then(a.offer.item.cmp(&b.offer.item)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(who: ResidentId, text: &str, category: Category, status: AskStatus) -> AskRef {
        AskRef { resident: who, name: "A".into(), item: ItemId::random(), text: text.into(), category, status }
    }

    fn offer(who: ResidentId, text: &str, category: Category) -> OfferRef {
        OfferRef { resident: who, name: "O".into(), item: ItemId::random(), text: text.into(), category }
    }

    #[test]
    fn shared_words_and_kind_explain_each_suggestion() {
        let (doreen, kwame, ioana) = (ResidentId::random(), ResidentId::random(), ResidentId::random());
        let asks = [ask(doreen, "Someone to go to the market with on Saturdays", Category::Company, AskStatus::Open)];
        let offers = [
            offer(kwame, "Happy to walk to the market", Category::Company),
            offer(ioana, "Company for a walk in the park", Category::Company),
            offer(ioana, "I can fix bikes", Category::Practical),
        ];
        let s = suggest(&asks, &offers);
        assert_eq!(s.len(), 2, "the bike offer shares nothing with the ask");
        assert_eq!(s[0].offer.resident, kwame, "shared words rank first");
        assert_eq!(
            s[0].reasons,
            vec![
                Reason::SharedWords { words: vec!["market".into()] },
                Reason::SameCategory { category: Category::Company }
            ]
        );
        assert_eq!(s[0].score, 5);
        assert_eq!(s[1].reasons, vec![Reason::SameCategory { category: Category::Company }]);
        assert_eq!(s[0].reasons[0].to_string(), "both mention market");
        assert_eq!(s[1].reasons[0].to_string(), "both are company help");
        assert_eq!(s[0].reason_words(), "both mention market; both are company help");
        let [(asker, ask_side), (offerer, offer_side)] = s[0].proposals();
        assert_eq!((asker, offerer), (doreen, kwame));
        assert_eq!(ask_side.id, offer_side.id, "one introduction, two sides");
        assert_eq!((ask_side.item, ask_side.their_item), (offer_side.their_item, offer_side.item));
        assert_eq!((ask_side.side, offer_side.side), (IntroSide::Asker, IntroSide::Offerer));
    }

    #[test]
    fn endings_and_small_words_do_not_hide_or_fake_a_match() {
        let (a, b) = (ResidentId::random(), ResidentId::random());
        let asks = [ask(a, "Help with cooking for my family", Category::Other, AskStatus::InProgress)];
        let s = suggest(&asks, &[offer(b, "I can cook", Category::Other)]);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].reasons, vec![Reason::SharedWords { words: vec!["cooking".into()] }]);
        // "help", "with", "for", "my" are not reasons; "other" kind alone is not either.
        assert!(suggest(&asks, &[offer(b, "Help for you with things", Category::Other)]).is_empty());
    }

    #[test]
    fn met_or_paused_asks_and_a_residents_own_offers_are_never_suggested() {
        let (a, b) = (ResidentId::random(), ResidentId::random());
        let offers = [offer(a, "garden work", Category::Practical), offer(b, "garden work", Category::Practical)];
        for status in [AskStatus::Met, AskStatus::NotNeededNow] {
            assert!(suggest(&[ask(a, "help in the garden", Category::Practical, status)], &offers).is_empty());
        }
        let s = suggest(&[ask(a, "help in the garden", Category::Practical, AskStatus::Open)], &offers);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].offer.resident, b);
    }
}
