//! Dates and times in words, as a person says them: "today at 14:05",
//! "yesterday", "on Monday", "on 30 November", "in 3 days". No codes, no
//! time zones, no ISO dates on any screen.

use chrono::{DateTime, Datelike, Local, NaiveDate};

use crate::i18n::{Lang, Msg, t, tr};

/// A day relative to `today`: "today", "yesterday", "tomorrow", "on Monday"
/// (within the week either side), else "on 30 November" (and the year when
/// it is not this year's).
#[must_use]
pub fn day_words_from(lang: Lang, day: NaiveDate, today: NaiveDate) -> String {
    match (day - today).num_days() {
        -1..=1 => day_name_from(lang, day, today),
        _ => tr(lang, Msg::OnDay, &[("day", day_name_from(lang, day, today).into())]),
    }
}

/// A day relative to `today` without "on": "today", "tomorrow", "Monday",
/// "30 November" (for "by Monday", "was for 30 November").
#[must_use]
pub fn day_name_from(lang: Lang, day: NaiveDate, today: NaiveDate) -> String {
    match (day - today).num_days() {
        0 => t(lang, Msg::Today),
        -1 => t(lang, Msg::Yesterday),
        1 => t(lang, Msg::Tomorrow),
        -6..=6 => tr(lang, Msg::Weekday, &[("day", day.weekday().number_from_monday().into())]),
        _ => date(lang, day, day.year() != today.year()),
    }
}

/// A date as the language writes one in a sentence: "30 November", with
/// the year if asked ("30 November 2025").
#[must_use]
pub fn date(lang: Lang, day: NaiveDate, with_year: bool) -> String {
    let msg = if with_year { Msg::DateDayMonthYear } else { Msg::DateDayMonth };
    tr(lang, msg, &[("day", day.day().into()), ("month", day.month().into()), ("year", day.year().to_string().into())])
}

/// A date in few letters, for a chart's axis: "30 Nov".
#[must_use]
pub fn short_date(lang: Lang, day: NaiveDate) -> String {
    tr(lang, Msg::DateShort, &[("day", day.day().into()), ("month", day.month().into())])
}

/// A stored time's day in few letters, on the phone's calendar.
#[must_use]
pub fn short_timestamp(lang: Lang, at: connect_model::Timestamp) -> String {
    short_date(lang, at.to_datetime().with_timezone(&Local).date_naive())
}

/// "in November": the month of `day`, as a phrase.
#[must_use]
pub fn in_month(lang: Lang, day: NaiveDate) -> String {
    tr(lang, Msg::InMonth, &[("month", day.month().into())])
}

/// The phone's calendar day.
#[must_use]
pub fn local_today() -> NaiveDate {
    Local::now().date_naive()
}

/// A day in words, from today.
#[must_use]
pub fn day_words(lang: Lang, day: NaiveDate) -> String {
    day_words_from(lang, day, Local::now().date_naive())
}

/// A time of day: "14:05".
#[must_use]
pub fn clock_time(at: DateTime<Local>) -> String {
    at.format("%H:%M").to_string()
}

/// A moment in words: its day as [`day_words`] says it, and the time.
#[must_use]
pub fn moment_words(lang: Lang, at: DateTime<Local>) -> String {
    tr(lang, Msg::DayAtTime, &[("day", day_words(lang, at.date_naive()).into()), ("time", clock_time(at).into())])
}

/// A stored time's day, in words.
#[must_use]
pub fn timestamp_day(lang: Lang, at: connect_model::Timestamp) -> String {
    day_words(lang, at.to_datetime().with_timezone(&Local).date_naive())
}

/// How long until `until`, in words: "today", "tomorrow", "in 3 days".
#[must_use]
pub fn until_words(lang: Lang, until: DateTime<Local>) -> String {
    let days = (until.date_naive() - Local::now().date_naive()).num_days();
    match days {
        ..=0 => t(lang, Msg::Today),
        1 => t(lang, Msg::Tomorrow),
        n => tr(lang, Msg::InDays, &[("n", n.into())]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_as_a_person_says_them() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let words = |d| day_words_from(Lang::En, d, today);
        assert_eq!(words(today), "today");
        assert_eq!(words(day(12, 5)), "yesterday");
        assert_eq!(words(day(12, 7)), "tomorrow");
        assert_eq!(words(day(12, 2)), "on Wednesday");
        assert_eq!(words(day(4, 30)), "on 30 April");
        assert_eq!(words(NaiveDate::from_ymd_opt(2025, 4, 30).unwrap()), "on 30 April 2025");
    }

    #[test]
    fn days_and_months_read_in_the_persons_language() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert_eq!(day_words_from(Lang::Ro, day(12, 2), today), "pe miercuri");
        assert_eq!(day_words_from(Lang::Ro, day(4, 30), today), "pe 30 aprilie");
        assert_eq!(date(Lang::Ro, day(11, 1), true), "1 noiembrie 2026");
        assert_eq!(in_month(Lang::Ro, day(11, 1)), "în noiembrie");
        assert_eq!(short_date(Lang::En, day(11, 30)), "30 Nov");
        assert_ne!(date(Lang::Pl, day(11, 30), false), "30 November", "Polish has its own months");
    }
}
