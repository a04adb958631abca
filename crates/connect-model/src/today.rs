//! The Today screen: what a supporter might do today, from the index alone.
//!
//! Three short lists, none of them a demand:
//! - visits planned for today (and any planned for an earlier day that has
//!   not happened yet: late is fine) and for the next six days;
//! - promises still open whose day is today or past, and those due in the
//!   next six days;
//! - residents not seen for a while (the team sets how long; three weeks
//!   unless it says otherwise), leaving out anyone with a visit planned or
//!   who said they would call: their pace is respected.
//!
//! Nothing here is ever locked or hidden for being late; a late promise is
//! simply listed first.

use chrono::NaiveDate;

use crate::caseload::CaseloadRow;
use crate::promise::{Plan, PromiseState, PromiseTerms, When};
use crate::{ItemId, ResidentId, Timestamp};

/// How long without a contact before a resident shows as "not seen for a
/// while", when the team has not said.
pub const DEFAULT_NOT_SEEN_DAYS: u32 = 21;

/// A promise as the index holds it: enough for Today and the promise list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PromiseRow {
    /// Whose.
    pub resident: ResidentId,
    /// Which promise.
    pub id: ItemId,
    /// What will be done, by whom and when.
    #[serde(flatten)]
    pub terms: PromiseTerms,
    /// Where it stands.
    pub state: PromiseState,
    /// Shared with the resident, or team-only.
    pub shared: bool,
    /// When it was made.
    pub made_at: Timestamp,
}

/// A planned visit on the Today screen.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TodayVisit {
    /// Who.
    pub resident: ResidentId,
    /// Their preferred name.
    pub name: String,
    /// The day it is planned for (earlier than today: not happened yet).
    pub day: NaiveDate,
}

/// A promise on the Today screen, with whose it is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TodayPromise {
    /// Their preferred name.
    pub name: String,
    /// The promise.
    pub promise: PromiseRow,
    /// Its day.
    pub day: NaiveDate,
}

/// A resident not seen for a while.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NotSeen {
    /// Who.
    pub resident: ResidentId,
    /// Their preferred name.
    pub name: String,
    /// The last visit or contact, if there ever was one.
    pub last_contact: Option<Timestamp>,
    /// Days since then (or since they joined, if never).
    pub days: i64,
}

/// Everything on the Today screen.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Today {
    /// The day it is for.
    pub date: NaiveDate,
    /// Visits planned for today, or for an earlier day and not happened yet.
    pub visits_today: Vec<TodayVisit>,
    /// Visits planned for the next six days.
    pub visits_this_week: Vec<TodayVisit>,
    /// Open promises whose day is today or past, oldest day first.
    pub promises_due: Vec<TodayPromise>,
    /// Open promises due in the next six days.
    pub promises_this_week: Vec<TodayPromise>,
    /// Residents not seen for at least `not_seen_days`, longest first.
    pub not_seen: Vec<NotSeen>,
    /// How long counts as "a while", in days.
    pub not_seen_days: u32,
}

impl Today {
    /// Whether there is nothing to show.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.visits_today.is_empty()
            && self.visits_this_week.is_empty()
            && self.promises_due.is_empty()
            && self.promises_this_week.is_empty()
            && self.not_seen.is_empty()
    }
}

/// Builds the Today screen for `date` from the caseload's rows and the open
/// promises (rows of other states are ignored).
#[must_use]
pub fn build(caseload: &[CaseloadRow], promises: &[PromiseRow], date: NaiveDate, not_seen_days: u32) -> Today {
    let week_end = date + chrono::Duration::days(6);
    let day_of = |t: Timestamp| t.to_datetime().date_naive();
    let mut visits_today = Vec::new();
    let mut visits_this_week = Vec::new();
    let mut not_seen = Vec::new();
    for row in caseload {
        let last_day = row.last_contact.map(day_of);
        match row.next_visit {
            // A visit planned for a day that has come, unless a contact on or
            // after that day shows it happened.
            Some(Plan::On(day)) if day <= date && last_day.is_none_or(|last| last < day) => {
                visits_today.push(TodayVisit { resident: row.resident, name: row.preferred_name.clone(), day });
            }
            Some(Plan::On(day)) if day > date && day <= week_end => {
                visits_this_week.push(TodayVisit { resident: row.resident, name: row.preferred_name.clone(), day });
            }
            _ => {}
        }
        let waiting_on_a_plan = match row.next_visit {
            Some(Plan::TheyWillCall) => true,
            Some(Plan::On(day)) => day >= date,
            None => false,
        };
        let since = last_day.unwrap_or_else(|| day_of(row.created_at));
        let days = (date - since).num_days();
        if !waiting_on_a_plan && days >= i64::from(not_seen_days) {
            not_seen.push(NotSeen {
                resident: row.resident,
                name: row.preferred_name.clone(),
                last_contact: row.last_contact,
                days,
            });
        }
    }
    let names: std::collections::BTreeMap<ResidentId, &str> =
        caseload.iter().map(|r| (r.resident, r.preferred_name.as_str())).collect();
    let mut promises_due = Vec::new();
    let mut promises_this_week = Vec::new();
    for p in promises.iter().filter(|p| p.state == PromiseState::Open) {
        let (Some(day), Some(name)) = (p.terms.when.and_then(When::due), names.get(&p.resident)) else { continue };
        let item = TodayPromise { name: (*name).to_owned(), promise: p.clone(), day };
        if day <= date {
            promises_due.push(item);
        } else if day <= week_end {
            promises_this_week.push(item);
        }
    }
    visits_today.sort_by(|a, b| a.day.cmp(&b.day).then_with(|| a.name.cmp(&b.name)));
    visits_this_week.sort_by(|a, b| a.day.cmp(&b.day).then_with(|| a.name.cmp(&b.name)));
    for list in [&mut promises_due, &mut promises_this_week] {
        list.sort_by(|a, b| a.day.cmp(&b.day).then_with(|| a.name.cmp(&b.name)).then(a.promise.id.cmp(&b.promise.id)));
    }
    not_seen.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| a.name.cmp(&b.name)));
    Today { date, visits_today, visits_this_week, promises_due, promises_this_week, not_seen, not_seen_days }
}

#[cfg(test)]
mod tests;
