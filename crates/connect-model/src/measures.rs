//! The validated measures a check-in may use, scored exactly as the project's
//! domain notes state. Pure functions with table tests; nothing here is stored.
//!
//! - ONS direct loneliness question: reported as the answer, never a score.
//! - UCLA 3-item loneliness scale (Hughes et al. 2004): hardly ever = 1, some of
//!   the time = 2, often = 3; total 3 to 9, higher is lonelier. A total exists
//!   only when all three items are answered.
//! - ONS4 personal wellbeing: four items, each 0 to 10, never summed. Bands
//!   0–4 low, 5–6 medium, 7–8 high, 9–10 very high; anxiety is reversed:
//!   0–1 very low, 2–3 low, 4–5 medium, 6–10 high.
//! - Life map: red, amber or green per life area.
//!
//! WEMWBS/SWEMWBS and the Outcomes Star need licences and are deliberately absent.

use crate::string_enum::string_enum;
use crate::{ModelError, Result};

string_enum! {
    /// Answers to "How often do you feel lonely?" (ONS).
    OnsLoneliness, "loneliness answer" {
        /// Often or always.
        OftenOrAlways => "often-or-always",
        /// Some of the time.
        SomeOfTheTime => "some-of-the-time",
        /// Occasionally.
        Occasionally => "occasionally",
        /// Hardly ever.
        HardlyEver => "hardly-ever",
        /// Never.
        Never => "never",
    }
}

string_enum! {
    /// Answers to each UCLA 3-item question.
    UclaAnswer, "UCLA answer" {
        /// Hardly ever (scores 1).
        HardlyEver => "hardly-ever",
        /// Some of the time (scores 2).
        SomeOfTheTime => "some-of-the-time",
        /// Often (scores 3).
        Often => "often",
    }
}

impl UclaAnswer {
    /// The item score, 1 to 3.
    #[must_use]
    pub fn score(self) -> u8 {
        match self {
            UclaAnswer::HardlyEver => 1,
            UclaAnswer::SomeOfTheTime => 2,
            UclaAnswer::Often => 3,
        }
    }

    /// The answer with item score 1, 2 or 3.
    pub fn from_score(score: u8) -> Result<Self> {
        match score {
            1 => Ok(UclaAnswer::HardlyEver),
            2 => Ok(UclaAnswer::SomeOfTheTime),
            3 => Ok(UclaAnswer::Often),
            other => Err(ModelError::InvalidScore {
                measure: "UCLA 3-item",
                value: other.to_string(),
                scale: "1 hardly ever, 2 some of the time, 3 often",
            }),
        }
    }

    /// Parses `1`, `2`, `3` or an answer name.
    pub fn parse_answer(s: &str) -> Result<Self> {
        match s.trim().parse::<u8>() {
            Ok(n) => Self::from_score(n),
            Err(_) => s.parse().map_err(|_| ModelError::InvalidScore {
                measure: "UCLA 3-item",
                value: s.to_owned(),
                scale: "1 hardly ever, 2 some of the time, 3 often",
            }),
        }
    }
}

/// The UCLA 3-item total (3 to 9, higher is lonelier), or `None` if any item was
/// skipped: a partial total would read as less lonely than the person is.
#[must_use]
pub fn ucla3_total(answers: [Option<UclaAnswer>; 3]) -> Option<u8> {
    answers.iter().try_fold(0u8, |sum, a| a.map(|a| sum + a.score()))
}

string_enum! {
    /// The four ONS personal wellbeing items.
    Ons4Item, "ONS4 item" {
        /// Overall, how satisfied are you with your life nowadays?
        LifeSatisfaction => "life-satisfaction",
        /// Overall, to what extent do you feel the things you do are worthwhile?
        Worthwhile => "worthwhile",
        /// Overall, how happy did you feel yesterday?
        Happy => "happy",
        /// Overall, how anxious did you feel yesterday?
        Anxious => "anxious",
    }
}

string_enum! {
    /// ONS4 thresholds. For anxiety, "high" is the worse end.
    Ons4Band, "ONS4 band" {
        /// Very low.
        VeryLow => "very-low",
        /// Low.
        Low => "low",
        /// Medium.
        Medium => "medium",
        /// High.
        High => "high",
        /// Very high.
        VeryHigh => "very-high",
    }
}

/// Checks an ONS4 answer is on the 0 to 10 scale.
pub fn ons4_score(item: Ons4Item, score: i64) -> Result<u8> {
    u8::try_from(score).ok().filter(|s| *s <= 10).ok_or_else(|| ModelError::InvalidScore {
        measure: match item {
            Ons4Item::LifeSatisfaction => "ONS4 life satisfaction",
            Ons4Item::Worthwhile => "ONS4 worthwhile",
            Ons4Item::Happy => "ONS4 happy yesterday",
            Ons4Item::Anxious => "ONS4 anxious yesterday",
        },
        value: score.to_string(),
        scale: "0 to 10",
    })
}

/// The band for one ONS4 answer (0 to 10). Items are never summed.
pub fn ons4_band(item: Ons4Item, score: u8) -> Result<Ons4Band> {
    let score = ons4_score(item, i64::from(score))?;
    Ok(if item == Ons4Item::Anxious {
        match score {
            0..=1 => Ons4Band::VeryLow,
            2..=3 => Ons4Band::Low,
            4..=5 => Ons4Band::Medium,
            _ => Ons4Band::High,
        }
    } else {
        match score {
            0..=4 => Ons4Band::Low,
            5..=6 => Ons4Band::Medium,
            7..=8 => Ons4Band::High,
            _ => Ons4Band::VeryHigh,
        }
    })
}

string_enum! {
    /// A life map rating.
    Rag, "life map rating" {
        /// Things are hard here.
        Red => "red",
        /// Some worries.
        Amber => "amber",
        /// Going well.
        Green => "green",
    }
}

/// A life area the life map asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LifeArea {
    /// Stable key stored in check-ins.
    pub key: &'static str,
    /// The plain-words label shown to the resident.
    pub label: &'static str,
}

/// The default life map areas, written by the project in plain words. A team
/// can replace them in its directory document.
pub const DEFAULT_LIFE_AREAS: [LifeArea; 8] = [
    LifeArea { key: "home", label: "My home" },
    LifeArea { key: "health", label: "My health" },
    LifeArea { key: "money", label: "Money" },
    LifeArea { key: "people", label: "People around me" },
    LifeArea { key: "getting-out", label: "Getting out and about" },
    LifeArea { key: "things-i-enjoy", label: "Things I enjoy" },
    LifeArea { key: "feeling-safe", label: "Feeling safe" },
    LifeArea { key: "looking-after-myself", label: "Looking after myself" },
];

#[cfg(test)]
mod tests {
    use super::*;
    use UclaAnswer::{HardlyEver as H, Often as O, SomeOfTheTime as S};

    #[test]
    fn ucla3_totals_match_hand_worked_cases() {
        let cases: &[([Option<UclaAnswer>; 3], Option<u8>)] = &[
            ([Some(H), Some(H), Some(H)], Some(3)),
            ([Some(O), Some(O), Some(O)], Some(9)),
            ([Some(H), Some(S), Some(O)], Some(6)),
            ([Some(S), Some(S), Some(H)], Some(5)),
            ([Some(O), Some(S), Some(O)], Some(8)),
            ([Some(O), None, Some(O)], None),
            ([None, None, None], None),
        ];
        for (answers, want) in cases {
            assert_eq!(ucla3_total(*answers), *want, "{answers:?}");
        }
    }

    #[test]
    fn ucla_answers_parse_from_scores_and_words_only_within_scale() {
        assert_eq!(UclaAnswer::parse_answer("1").unwrap(), H);
        assert_eq!(UclaAnswer::parse_answer(" 3 ").unwrap(), O);
        assert_eq!(UclaAnswer::parse_answer("some of the time").unwrap(), S);
        for bad in ["0", "4", "", "always", "-1"] {
            assert!(matches!(UclaAnswer::parse_answer(bad), Err(ModelError::InvalidScore { .. })), "{bad}");
        }
    }

    #[test]
    fn ons4_bands_match_the_published_thresholds() {
        use Ons4Band::{High, Low, Medium, VeryHigh, VeryLow};
        let positive = [Low, Low, Low, Low, Low, Medium, Medium, High, High, VeryHigh, VeryHigh];
        let anxious = [VeryLow, VeryLow, Low, Low, Medium, Medium, High, High, High, High, High];
        for score in 0..=10u8 {
            for item in [Ons4Item::LifeSatisfaction, Ons4Item::Worthwhile, Ons4Item::Happy] {
                assert_eq!(ons4_band(item, score).unwrap(), positive[score as usize], "{item} {score}");
            }
            assert_eq!(ons4_band(Ons4Item::Anxious, score).unwrap(), anxious[score as usize], "anxious {score}");
        }
    }

    #[test]
    fn ons4_scores_outside_zero_to_ten_are_refused() {
        for bad in [-1, 11, 255, i64::MAX] {
            assert!(matches!(ons4_score(Ons4Item::Happy, bad), Err(ModelError::InvalidScore { .. })));
        }
        assert!(ons4_band(Ons4Item::Anxious, 11).is_err());
    }

    #[test]
    fn default_life_areas_have_unique_keys() {
        let mut keys: Vec<_> = DEFAULT_LIFE_AREAS.iter().map(|a| a.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), DEFAULT_LIFE_AREAS.len());
    }
}
