//! The questions a check-in may ask, in the order they are asked, and their
//! answers in one order on every question: the best first ("never" lonely,
//! "going well", 10 of 10 satisfied, 0 of 10 anxious), the worst last. A
//! person tapping the first answer each time records a consistent picture.
//!
//! A check-in asks the team's short set by default (four questions the team
//! picks, [`DEFAULT_SHORT_CHECKIN`] until it does), or every question.
//! Answers that should worry someone (not feeling safe, very anxious) are
//! [`Concern`]s, raised to the supporter before the phone goes back.

use crate::checkin::{Answers, Ons4, Ucla3};
use crate::measures::{Ons4Item, OnsLoneliness, Rag, UclaAnswer};

/// The language the measures' questions are worded in: ONS loneliness,
/// UCLA-3 and ONS4 were validated in English, and no published official
/// translation is held here, so every resident is asked them in English
/// (their screens around the questions in their own language). A check-in
/// records the language it was asked in, so team figures never mix
/// answers to different wordings silently.
pub const WORDED_IN: &str = "en";

/// The life map area whose "hard right now" is a concern.
pub const FEELING_SAFE: &str = "feeling-safe";

/// An "anxious yesterday" answer from this up is a concern.
pub const VERY_ANXIOUS: u8 = 8;

/// The short check-in until the team picks its own: how often lonely, life
/// satisfaction, anxiety, and feeling safe.
pub const DEFAULT_SHORT_CHECKIN: [&str; 4] =
    ["loneliness", "ons4-life-satisfaction", "ons4-anxious", "life-map:feeling-safe"];

/// The UCLA 3-item questions' keys, in order.
const UCLA_KEYS: [&str; 3] = ["ucla-lack-companionship", "ucla-left-out", "ucla-isolated"];

/// One question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// "How often do you feel lonely?" (ONS).
    Loneliness,
    /// One of the UCLA 3-item questions, 0 to 2.
    Ucla(usize),
    /// One ONS4 question.
    Ons4(Ons4Item),
    /// The life map, for one area (its key).
    LifeMap(String),
}

/// One answer to a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// To "how often do you feel lonely?".
    Loneliness(OnsLoneliness),
    /// To a UCLA question.
    Ucla(UclaAnswer),
    /// To an ONS4 question, 0 to 10.
    Score(u8),
    /// To a life map area.
    Rag(Rag),
}

/// Something in a check-in that should worry someone: raised to the
/// supporter before the phone goes back to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Concern {
    /// "Feeling safe" is hard right now.
    NotFeelingSafe,
    /// Very anxious yesterday (this out of 10).
    VeryAnxious(u8),
}

impl Question {
    /// Its stable key, as the team's short set names it.
    #[must_use]
    pub fn key(&self) -> String {
        match self {
            Question::Loneliness => "loneliness".to_owned(),
            Question::Ucla(i) => UCLA_KEYS[(*i).min(2)].to_owned(),
            Question::Ons4(item) => format!("ons4-{item}"),
            Question::LifeMap(area) => format!("life-map:{area}"),
        }
    }

    /// The question a key names, if it names one.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        if key == "loneliness" {
            return Some(Question::Loneliness);
        }
        if let Some(i) = UCLA_KEYS.iter().position(|k| *k == key) {
            return Some(Question::Ucla(i));
        }
        if let Some(item) = key.strip_prefix("ons4-") {
            return item.parse().ok().map(Question::Ons4);
        }
        key.strip_prefix("life-map:").filter(|a| !a.is_empty()).map(|a| Question::LifeMap(a.to_owned()))
    }

    /// Every question, in the order they are asked, with the life map over `areas` (keys).
    #[must_use]
    pub fn all(areas: &[String]) -> Vec<Question> {
        let mut all = vec![Question::Loneliness];
        all.extend((0..UCLA_KEYS.len()).map(Question::Ucla));
        all.extend(Ons4Item::ALL.iter().map(|i| Question::Ons4(*i)));
        all.extend(areas.iter().cloned().map(Question::LifeMap));
        all
    }

    /// The short check-in: the questions `picked` names (the team's, or the
    /// default when the team has not picked), in the order they are asked;
    /// a key naming nothing asked here is left out.
    #[must_use]
    pub fn short(picked: &[String], areas: &[String]) -> Vec<Question> {
        let keys: Vec<String> = if picked.is_empty() {
            DEFAULT_SHORT_CHECKIN.iter().map(|k| (*k).to_owned()).collect()
        } else {
            picked.to_vec()
        };
        let mut all = Question::all(areas);
        // The default's "feeling safe" is asked even where the team's areas
        // have another name for it, so a concern is never left unasked.
        if keys.iter().any(|k| k == "life-map:feeling-safe") && !areas.iter().any(|a| a == FEELING_SAFE) {
            all.push(Question::LifeMap(FEELING_SAFE.to_owned()));
        }
        all.into_iter().filter(|q| keys.contains(&q.key())).collect()
    }

    /// Its answers, the best first and the worst last.
    #[must_use]
    pub fn choices(&self) -> Vec<Choice> {
        match self {
            Question::Loneliness => OnsLoneliness::ALL.iter().rev().map(|a| Choice::Loneliness(*a)).collect(),
            Question::Ucla(_) => UclaAnswer::ALL.iter().map(|a| Choice::Ucla(*a)).collect(),
            // Anxiety runs the other way: 0 (not at all) is the best.
            Question::Ons4(Ons4Item::Anxious) => (0..=10).map(Choice::Score).collect(),
            Question::Ons4(_) => (0..=10).rev().map(Choice::Score).collect(),
            Question::LifeMap(_) => [Rag::Green, Rag::Amber, Rag::Red].into_iter().map(Choice::Rag).collect(),
        }
    }
}

impl Answers {
    /// Records `choice` as the answer to `question` (a choice of another
    /// question's kind records nothing).
    pub fn answer(&mut self, question: &Question, choice: Choice) {
        self.put(question, Some(choice));
    }

    /// Forgets the answer to `question` ("change my last answer").
    pub fn forget(&mut self, question: &Question) {
        self.put(question, None);
    }

    fn put(&mut self, question: &Question, choice: Option<Choice>) {
        match (question, choice) {
            (Question::Loneliness, None) => self.loneliness = None,
            (Question::Loneliness, Some(Choice::Loneliness(a))) => self.loneliness = Some(a),
            (Question::Ucla(i), None | Some(Choice::Ucla(_))) => {
                let answer = match choice {
                    Some(Choice::Ucla(a)) => Some(a),
                    _ => None,
                };
                let u = self.ucla3.get_or_insert_with(Ucla3::default);
                match i {
                    0 => u.lack_companionship = answer,
                    1 => u.left_out = answer,
                    _ => u.isolated = answer,
                }
            }
            (Question::Ons4(item), None | Some(Choice::Score(_))) => {
                let value = match choice {
                    Some(Choice::Score(v)) if v <= 10 => Some(v),
                    _ => None,
                };
                let o = self.ons4.get_or_insert_with(Ons4::default);
                match item {
                    Ons4Item::LifeSatisfaction => o.life_satisfaction = value,
                    Ons4Item::Worthwhile => o.worthwhile = value,
                    Ons4Item::Happy => o.happy = value,
                    Ons4Item::Anxious => o.anxious = value,
                }
            }
            (Question::LifeMap(area), None) => {
                self.life_map.remove(area);
            }
            (Question::LifeMap(area), Some(Choice::Rag(r))) => {
                self.life_map.insert(area.clone(), r);
            }
            _ => {}
        }
    }

    /// Whether anything was answered.
    #[must_use]
    pub fn has_answers(&self) -> bool {
        crate::checkin::any_answered(self.loneliness, self.ucla3, self.ons4, &self.life_map)
    }

    /// What in these answers should worry someone.
    #[must_use]
    pub fn concerns(&self) -> Vec<Concern> {
        let mut out = Vec::new();
        if self.life_map.get(FEELING_SAFE) == Some(&Rag::Red) {
            out.push(Concern::NotFeelingSafe);
        }
        if let Some(a) = self.ons4.and_then(|o| o.anxious).filter(|a| *a >= VERY_ANXIOUS) {
            out.push(Concern::VeryAnxious(a));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures;

    fn areas() -> Vec<String> {
        vec!["home".into(), FEELING_SAFE.into()]
    }

    /// How good an answer is: higher is better, on every question.
    fn goodness(question: &Question, choice: Choice) -> i32 {
        match choice {
            Choice::Loneliness(a) => OnsLoneliness::ALL.iter().position(|x| *x == a).unwrap() as i32,
            Choice::Ucla(a) => -i32::from(a.score()),
            Choice::Score(v) if *question == Question::Ons4(Ons4Item::Anxious) => -i32::from(v),
            Choice::Score(v) => i32::from(v),
            Choice::Rag(Rag::Green) => 2,
            Choice::Rag(Rag::Amber) => 1,
            Choice::Rag(Rag::Red) => 0,
        }
    }

    #[test]
    fn every_question_lists_its_answers_best_first_and_worst_last() {
        for q in Question::all(&areas()) {
            let scores: Vec<i32> = q.choices().into_iter().map(|c| goodness(&q, c)).collect();
            assert!(scores.windows(2).all(|w| w[0] > w[1]), "{q:?}: {scores:?}");
        }
    }

    #[test]
    fn tapping_the_first_answer_every_time_records_the_best_answers_everywhere() {
        let mut answers = Answers::default();
        for q in Question::all(&areas()) {
            answers.answer(&q, q.choices()[0]);
        }
        assert_eq!(answers.loneliness, Some(OnsLoneliness::Never));
        assert_eq!(answers.ucla3.unwrap().total(), Some(3), "the lowest, least lonely UCLA total");
        let o = answers.ons4.unwrap();
        assert_eq!((o.life_satisfaction, o.worthwhile, o.happy, o.anxious), (Some(10), Some(10), Some(10), Some(0)));
        assert_eq!(measures::ons4_band(Ons4Item::Anxious, 0).unwrap(), measures::Ons4Band::VeryLow);
        assert!(answers.life_map.values().all(|r| *r == Rag::Green));
        assert!(answers.concerns().is_empty());
    }

    #[test]
    fn a_changed_answer_is_forgotten_and_answered_again() {
        let mut answers = Answers::default();
        let q = Question::Ons4(Ons4Item::Anxious);
        answers.answer(&q, Choice::Score(9));
        assert_eq!(answers.concerns(), vec![Concern::VeryAnxious(9)]);
        answers.forget(&q);
        assert!(!answers.has_answers());
        answers.answer(&q, Choice::Score(2));
        assert!(answers.concerns().is_empty());
    }

    #[test]
    fn not_feeling_safe_and_feeling_very_anxious_are_concerns() {
        let mut answers = Answers::default();
        answers.answer(&Question::LifeMap(FEELING_SAFE.into()), Choice::Rag(Rag::Red));
        answers.answer(&Question::Ons4(Ons4Item::Anxious), Choice::Score(VERY_ANXIOUS - 1));
        assert_eq!(answers.concerns(), vec![Concern::NotFeelingSafe]);
        answers.answer(&Question::Ons4(Ons4Item::Anxious), Choice::Score(VERY_ANXIOUS));
        assert_eq!(answers.concerns(), vec![Concern::NotFeelingSafe, Concern::VeryAnxious(VERY_ANXIOUS)]);
    }

    #[test]
    fn the_short_check_in_asks_the_teams_four_in_the_usual_order_or_the_default() {
        let short = Question::short(&[], &areas());
        let keys: Vec<String> = short.iter().map(Question::key).collect();
        assert_eq!(keys, DEFAULT_SHORT_CHECKIN.to_vec());
        let picked: Vec<String> =
            ["life-map:home", "ucla-left-out", "loneliness", "nonsense"].iter().map(|k| (*k).to_owned()).collect();
        let keys: Vec<String> = Question::short(&picked, &areas()).iter().map(Question::key).collect();
        assert_eq!(keys, ["loneliness", "ucla-left-out", "life-map:home"]);
        for q in Question::all(&areas()) {
            assert_eq!(Question::from_key(&q.key()), Some(q.clone()), "{q:?}");
        }
        assert_eq!(Question::all(&areas()).len(), 1 + 3 + 4 + 2);
    }
}
