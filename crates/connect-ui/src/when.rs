//! Dates and times in words, as a person says them: "today at 14:05",
//! "yesterday", "on Monday", "on 30 November", "in 3 days". No codes, no
//! time zones, no ISO dates on any screen.

use chrono::{DateTime, Datelike, Local, NaiveDate};

use crate::i18n::{Lang, Msg, t};

/// A day relative to `today`: "today", "yesterday", "tomorrow", "on Monday"
/// (within the week either side), else "on 30 November" (and the year when
/// it is not this year's).
#[must_use]
pub fn day_words_from(lang: Lang, day: NaiveDate, today: NaiveDate) -> String {
    match (day - today).num_days() {
        -1..=1 => day_name_from(lang, day, today),
        _ => format!("{} {}", t(lang, Msg::OnDay), day_name_from(lang, day, today)),
    }
}

/// A day relative to `today` without "on": "today", "tomorrow", "Monday",
/// "30 November" (for "by Monday", "was for 30 November").
#[must_use]
pub fn day_name_from(lang: Lang, day: NaiveDate, today: NaiveDate) -> String {
    match (day - today).num_days() {
        0 => t(lang, Msg::Today).to_owned(),
        -1 => t(lang, Msg::Yesterday).to_owned(),
        1 => t(lang, Msg::Tomorrow).to_owned(),
        -6..=6 => day.format("%A").to_string(),
        _ if day.year() == today.year() => day.format("%-d %B").to_string(),
        _ => day.format("%-d %B %Y").to_string(),
    }
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

/// A moment in words: its day as [`day_words`] says it, and the time.
#[must_use]
pub fn moment_words(lang: Lang, at: DateTime<Local>) -> String {
    format!("{} {} {}", day_words(lang, at.date_naive()), t(lang, Msg::AtTime), at.format("%H:%M"))
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
        ..=0 => t(lang, Msg::Today).to_owned(),
        1 => t(lang, Msg::Tomorrow).to_owned(),
        n => format!("{} {n} {}", t(lang, Msg::InDays), t(lang, Msg::Days)),
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
}
