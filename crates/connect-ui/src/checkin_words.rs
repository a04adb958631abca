//! What the check-in says: the measures' questions in their validated English
//! wording (a translated validated question is a different question), each
//! answer's label, and how things have changed, said twice: plainly for the
//! supporter, kindly for the resident (no scores, no colours, no verdicts).

use connect_model::checkin::{Change, Direction, Measure, Reading};
use connect_model::measures::{Ons4Item, OnsLoneliness, Rag, UclaAnswer};
use connect_model::questions::{Choice, Concern, Question};

use crate::i18n::{Lang, Msg, t, tr};
use crate::when::in_month;

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
        Question::LifeMap(area) => tr(lang, Msg::LifeMapQuestion, &[("area", area_label(area, areas).into())]),
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
        Choice::Rag(r) => t(lang, rag_msg(r)),
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
        Measure::Loneliness => t(lang, Msg::MeasureLonely),
        Measure::Ucla3 => t(lang, Msg::MeasureUcla),
        Measure::Ons4(Ons4Item::LifeSatisfaction) => t(lang, Msg::MeasureSatisfied),
        Measure::Ons4(Ons4Item::Worthwhile) => t(lang, Msg::MeasureWorthwhile),
        Measure::Ons4(Ons4Item::Happy) => t(lang, Msg::MeasureHappy),
        Measure::Ons4(Ons4Item::Anxious) => t(lang, Msg::MeasureAnxious),
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
    tr(
        lang,
        Msg::ChangeForTeam,
        &[
            ("what", measure_words(lang, &c.measure, areas).into()),
            ("first", reading_words(lang, c.first).into()),
            ("since", in_month(lang, c.since.to_datetime().date_naive()).into()),
            ("latest", reading_words(lang, c.latest).into()),
            ("direction", t(lang, direction_msg(c.direction)).into()),
        ],
    )
}

/// A change as the resident reads it, kindly: better, the same, or (never
/// a verdict) that the team is there; no scores, no colours.
#[must_use]
pub fn change_for_resident(lang: Lang, c: &Change, areas: &[(String, String)]) -> String {
    let since = in_month(lang, c.since.to_datetime().date_naive());
    let what = match &c.measure {
        Measure::Loneliness | Measure::Ucla3 => t(lang, Msg::YouLonely),
        Measure::Ons4(Ons4Item::LifeSatisfaction) => t(lang, Msg::YouSatisfied),
        Measure::Ons4(Ons4Item::Worthwhile) => t(lang, Msg::YouWorthwhile),
        Measure::Ons4(Ons4Item::Happy) => t(lang, Msg::YouHappy),
        Measure::Ons4(Ons4Item::Anxious) => t(lang, Msg::YouAnxious),
        Measure::LifeMap(area) => area_label(area, areas),
    };
    let msg = match c.direction {
        Direction::Better => Msg::KindBetter,
        Direction::Same => Msg::KindSame,
        // Never a verdict to the resident: thanks, and someone to talk to.
        Direction::Worse => Msg::KindWorse,
    };
    tr(lang, msg, &[("what", what.into()), ("since", since.into())])
}

/// A concern in words for the supporter, naming the resident.
#[must_use]
pub fn concern_words(lang: Lang, c: Concern, name: &str) -> String {
    match c {
        Concern::NotFeelingSafe => tr(lang, Msg::ConcernUnsafe, &[("name", name.into())]),
        Concern::VeryAnxious(v) => tr(lang, Msg::ConcernAnxious, &[("name", name.into()), ("score", v.into())]),
    }
}
