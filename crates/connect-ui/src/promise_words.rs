//! Promises and the next visit in plain words: "Your supporter will ask the
//! council about the ramp", "by Friday", "was for Tuesday", "when they call".
//! To the resident a promise speaks to them; to the team it names who.

use chrono::NaiveDate;
use connect_model::promise::{Plan, PromiseBy, PromiseState, PromiseTerms, When};

use crate::i18n::{Lang, Msg, t, tr};
use crate::when::{day_name_from, day_words_from};

/// Who will do it and what, as a sentence: to the resident (`to_resident`)
/// "Your supporter will …" and "You will …"; to the team "The supporter
/// will …" and "Doreen will …" (`name` is the resident's).
#[must_use]
pub fn promise_sentence(lang: Lang, terms: &PromiseTerms, name: &str, to_resident: bool) -> String {
    // One sentence per person in the language's own order: the selector
    // says who, the placeables what and (for a named person) whose name.
    let (who, named) = match (terms.by, to_resident) {
        (PromiseBy::Supporter, true) => ("your-supporter", ""),
        (PromiseBy::Supporter, false) => ("supporter", ""),
        (PromiseBy::Resident, true) => ("you", ""),
        (PromiseBy::Resident, false) => ("named", name),
        (PromiseBy::Circle, _) => ("named", terms.by_name.as_str()),
        (PromiseBy::Team, _) => ("team", ""),
    };
    tr(lang, Msg::PromiseSentence, &[("who", who.into()), ("name", named.into()), ("what", terms.text.as_str().into())])
}

/// When it is for, in words: "on Friday", "by Sunday", "no rush", or for an
/// open promise whose day has gone, "was for Tuesday" (late is allowed).
#[must_use]
pub fn when_words(lang: Lang, when: Option<When>, open: bool, today: NaiveDate) -> Option<String> {
    let when = when?;
    Some(match when {
        When::On(day) | When::By(day) if open && day < today => {
            tr(lang, Msg::WasDue, &[("day", day_name_from(lang, day, today).into())])
        }
        When::On(day) => day_words_from(lang, day, today),
        When::By(day) => tr(lang, Msg::WhenDue, &[("day", day_name_from(lang, day, today).into())]),
        When::NoRush => t(lang, Msg::NoRush),
    })
}

/// A promise's state, as a tag.
#[must_use]
pub fn state_msg(state: PromiseState) -> Msg {
    match state {
        PromiseState::Open => Msg::PromiseOpen,
        PromiseState::Done => Msg::PromiseDone,
        PromiseState::NotNow => Msg::PromiseNotNow,
        PromiseState::NoLongerNeeded => Msg::PromiseNoLonger,
    }
}

/// The next visit in words: "on Thursday", "tomorrow", "when they call"
/// ("when I call" to the resident).
#[must_use]
pub fn plan_words(lang: Lang, plan: Plan, today: NaiveDate, to_resident: bool) -> String {
    match plan {
        Plan::On(day) => day_words_from(lang, day, today),
        Plan::TheyWillCall => t(lang, if to_resident { Msg::WhenICall } else { Msg::WhenTheyCall }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_promise_speaks_to_the_resident_and_names_who_to_the_team() {
        let text = "ask the council about the ramp";
        let s = |by, to_resident| {
            let terms = PromiseTerms { text: text.into(), by, by_name: "Sam".into(), when: None };
            promise_sentence(Lang::En, &terms, "Doreen", to_resident)
        };
        assert_eq!(s(PromiseBy::Supporter, true), "Your supporter will ask the council about the ramp");
        assert_eq!(s(PromiseBy::Supporter, false), "The supporter will ask the council about the ramp");
        assert_eq!(s(PromiseBy::Resident, true), "You will ask the council about the ramp");
        assert_eq!(s(PromiseBy::Resident, false), "Doreen will ask the council about the ramp");
        assert_eq!(s(PromiseBy::Circle, true), "Sam will ask the council about the ramp");
        assert_eq!(s(PromiseBy::Team, false), "The Connect team will ask the council about the ramp");
    }

    #[test]
    fn days_read_as_said_and_a_late_one_says_when_it_was_for_only_while_open() {
        let today = day("2026-12-07"); // a Monday
        let w = |when, open| when_words(Lang::En, Some(when), open, today).unwrap();
        assert_eq!(w(When::On(day("2026-12-11")), true), "on Friday");
        assert_eq!(w(When::By(day("2026-12-13")), true), "by Sunday");
        assert_eq!(w(When::On(day("2026-12-08")), true), "tomorrow");
        assert_eq!(w(When::On(day("2026-12-01")), true), "was for Tuesday");
        assert_eq!(w(When::On(day("2026-12-01")), false), "on Tuesday", "a kept promise is not late");
        assert_eq!(w(When::NoRush, true), "no rush");
        assert_eq!(when_words(Lang::En, None, true, today), None);
        assert_eq!(plan_words(Lang::En, Plan::TheyWillCall, today, true), "when I call");
        assert_eq!(plan_words(Lang::En, Plan::On(day("2026-12-31")), today, false), "on 31 December");
    }
}
