//! What the check-in says: the measures' questions in their validated English
//! wording (a translated validated question is a different question), each
//! answer's label, and how things have changed, said twice: plainly for the
//! supporter, kindly for the resident (no scores, no colours, no verdicts).

use connect_model::checkin::{Change, Direction, Measure, Reading};
use connect_model::measures::{Ons4Item, OnsLoneliness, Rag, UclaAnswer};
use connect_model::questions::{Choice, Concern, Question};

use crate::i18n::{Lang, Msg, t};

const UCLA: [&str; 3] = [
    "How often do you feel that you lack companionship?",
    "How often do you feel left out?",
    "How often do you feel isolated from others?",
];

/// The question, as the measure words it.
#[must_use]
pub fn question_text(lang: Lang, q: &Question, areas: &[(String, String)]) -> String {
    match q {
        Question::Loneliness => "How often do you feel lonely?".to_owned(),
        Question::Ucla(i) => UCLA[(*i).min(2)].to_owned(),
        Question::Ons4(Ons4Item::LifeSatisfaction) => {
            "Overall, how satisfied are you with your life nowadays?".to_owned()
        }
        Question::Ons4(Ons4Item::Worthwhile) => {
            "Overall, to what extent do you feel that the things you do in your life are worthwhile?".to_owned()
        }
        Question::Ons4(Ons4Item::Happy) => "Overall, how happy did you feel yesterday?".to_owned(),
        Question::Ons4(Ons4Item::Anxious) => "Overall, how anxious did you feel yesterday?".to_owned(),
        Question::LifeMap(area) => format!("{} {}?", t(lang, Msg::LifeMapQuestion), area_label(area, areas)),
    }
}

/// A life map area's name: the team's, the default's, or its key in words.
#[must_use]
pub fn area_label(area: &str, areas: &[(String, String)]) -> String {
    areas
        .iter()
        .find(|(k, _)| k == area)
        .map(|(_, l)| l.clone())
        .or_else(|| {
            connect_model::measures::DEFAULT_LIFE_AREAS.iter().find(|a| a.key == area).map(|a| a.label.to_owned())
        })
        .unwrap_or_else(|| area.replace('-', " "))
}

fn loneliness_label(a: OnsLoneliness) -> &'static str {
    match a {
        OnsLoneliness::OftenOrAlways => "Often or always",
        OnsLoneliness::SomeOfTheTime => "Some of the time",
        OnsLoneliness::Occasionally => "Occasionally",
        OnsLoneliness::HardlyEver => "Hardly ever",
        OnsLoneliness::Never => "Never",
    }
}

fn ucla_label(a: UclaAnswer) -> &'static str {
    match a {
        UclaAnswer::HardlyEver => "Hardly ever",
        UclaAnswer::SomeOfTheTime => "Some of the time",
        UclaAnswer::Often => "Often",
    }
}

/// The life map's three answers, in words (never colours).
#[must_use]
pub fn rag_msg(r: Rag) -> Msg {
    match r {
        Rag::Red => Msg::RagHard,
        Rag::Amber => Msg::RagWorries,
        Rag::Green => Msg::RagWell,
    }
}

/// An answer's label on its button: the validated words, or a number with
/// the scale's own words beside its two ends.
#[must_use]
pub fn choice_label(lang: Lang, choice: Choice) -> String {
    match choice {
        Choice::Loneliness(a) => loneliness_label(a).to_owned(),
        Choice::Ucla(a) => ucla_label(a).to_owned(),
        Choice::Score(0) => "0 — not at all".to_owned(),
        Choice::Score(10) => "10 — completely".to_owned(),
        Choice::Score(v) => v.to_string(),
        Choice::Rag(r) => t(lang, rag_msg(r)).to_owned(),
    }
}

/// Whether an answer's label is the measure's validated English wording.
#[must_use]
pub fn choice_is_english(choice: Choice) -> bool {
    !matches!(choice, Choice::Rag(_))
}

fn reading_words(lang: Lang, r: Reading) -> String {
    match r {
        Reading::Loneliness(a) => format!("\"{}\"", loneliness_label(a).to_lowercase()),
        Reading::Total(v) => format!("{v} (3 to 9)"),
        Reading::Score(v) => format!("{v} of 10"),
        Reading::Rag(r) => format!("\"{}\"", t(lang, rag_msg(r)).to_lowercase()),
    }
}

fn measure_words(lang: Lang, m: &Measure, areas: &[(String, String)]) -> String {
    match m {
        Measure::Loneliness => t(lang, Msg::MeasureLonely).to_owned(),
        Measure::Ucla3 => t(lang, Msg::MeasureUcla).to_owned(),
        Measure::Ons4(Ons4Item::LifeSatisfaction) => t(lang, Msg::MeasureSatisfied).to_owned(),
        Measure::Ons4(Ons4Item::Worthwhile) => t(lang, Msg::MeasureWorthwhile).to_owned(),
        Measure::Ons4(Ons4Item::Happy) => t(lang, Msg::MeasureHappy).to_owned(),
        Measure::Ons4(Ons4Item::Anxious) => t(lang, Msg::MeasureAnxious).to_owned(),
        Measure::LifeMap(area) => area_label(area, areas),
    }
}

fn direction_msg(d: Direction) -> Msg {
    match d {
        Direction::Better => Msg::ChangeBetter,
        Direction::Worse => Msg::ChangeWorse,
        Direction::Same => Msg::ChangeSame,
    }
}

/// A change as the supporter reads it: the measure, the first and latest
/// answers in words, since when, and which way that is.
#[must_use]
pub fn change_for_team(lang: Lang, c: &Change, areas: &[(String, String)]) -> String {
    format!(
        "{}: {} {} {}, {} {}. {}",
        measure_words(lang, &c.measure, areas),
        reading_words(lang, c.first),
        t(lang, Msg::InMonth),
        c.since.to_datetime().format("%B"),
        reading_words(lang, c.latest),
        t(lang, Msg::AtTheLatest),
        t(lang, direction_msg(c.direction)),
    )
}

/// A change as the resident reads it, kindly: better, the same, or (never
/// a verdict) that the team is there; no scores, no colours.
#[must_use]
pub fn change_for_resident(lang: Lang, c: &Change, areas: &[(String, String)]) -> String {
    let since = c.since.to_datetime().format("%B").to_string();
    let what = match &c.measure {
        Measure::Loneliness | Measure::Ucla3 => t(lang, Msg::YouLonely).to_owned(),
        Measure::Ons4(Ons4Item::LifeSatisfaction) => t(lang, Msg::YouSatisfied).to_owned(),
        Measure::Ons4(Ons4Item::Worthwhile) => t(lang, Msg::YouWorthwhile).to_owned(),
        Measure::Ons4(Ons4Item::Happy) => t(lang, Msg::YouHappy).to_owned(),
        Measure::Ons4(Ons4Item::Anxious) => t(lang, Msg::YouAnxious).to_owned(),
        Measure::LifeMap(area) => area_label(area, areas),
    };
    match c.direction {
        Direction::Better => format!("{what}: {} {since}.", t(lang, Msg::KindBetter)),
        Direction::Same => format!("{what}: {} {since}.", t(lang, Msg::KindSame)),
        // Never a verdict to the resident: thanks, and someone to talk to.
        Direction::Worse => format!("{what}: {}", t(lang, Msg::KindWorse)),
    }
}

/// A concern in words for the supporter, naming the resident.
#[must_use]
pub fn concern_words(lang: Lang, c: Concern, name: &str) -> String {
    match c {
        Concern::NotFeelingSafe => format!("{name} {}", t(lang, Msg::ConcernUnsafe)),
        Concern::VeryAnxious(v) => format!("{name} {} ({v} of 10).", t(lang, Msg::ConcernAnxious)),
    }
}
