use chrono::NaiveDate;

use super::*;
use crate::caseload::SyncStatus;
use crate::promise::PromiseBy;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> Timestamp {
    Timestamp::new(day(s).and_hms_opt(10, 0, 0).unwrap().and_utc())
}

fn row(name: &str, joined: &str, last: Option<&str>, next: Option<Plan>) -> CaseloadRow {
    CaseloadRow {
        resident: ResidentId::random(),
        preferred_name: name.to_owned(),
        created_at: at(joined),
        offers: 0,
        asks_open: 0,
        asks_met: 0,
        circle_size: 0,
        two_way: 0,
        last_contact: last.map(at),
        latest_checkin: None,
        next_visit: next,
        pending_documents: 0,
        sync: SyncStatus::OnRelay,
    }
}

fn promise(resident: ResidentId, text: &str, when: Option<When>, state: PromiseState) -> PromiseRow {
    PromiseRow {
        resident,
        id: ItemId::random(),
        terms: PromiseTerms { text: text.to_owned(), by: PromiseBy::Supporter, by_name: String::new(), when },
        state,
        shared: true,
        made_at: at("2026-11-01"),
    }
}

const TODAY: &str = "2026-12-07";

#[test]
fn visits_today_include_late_ones_not_yet_made_and_the_week_ahead_is_separate() {
    let caseload = [
        row("Doreen", "2026-10-01", Some("2026-12-01"), Some(Plan::On(day(TODAY)))),
        // Planned for Friday, not seen since: late, still listed, never locked.
        row("Amir", "2026-10-01", Some("2026-11-20"), Some(Plan::On(day("2026-12-04")))),
        // Planned for Friday and seen on Friday: it happened.
        row("Bea", "2026-10-01", Some("2026-12-04"), Some(Plan::On(day("2026-12-04")))),
        row("Chen", "2026-10-01", Some("2026-12-01"), Some(Plan::On(day("2026-12-10")))),
        row("Dev", "2026-10-01", Some("2026-12-01"), Some(Plan::On(day("2026-12-14")))),
    ];
    let t = build(&caseload, &[], day(TODAY), DEFAULT_NOT_SEEN_DAYS);
    let names = |v: &[TodayVisit]| v.iter().map(|v| v.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&t.visits_today), ["Amir", "Doreen"], "the late one first");
    assert_eq!(names(&t.visits_this_week), ["Chen"], "the 14th is past this week");
}

#[test]
fn promises_due_or_late_come_first_and_closed_or_undated_ones_never_show() {
    let doreen = row("Doreen", "2026-10-01", Some("2026-12-01"), None);
    let r = doreen.resident;
    let promises = [
        promise(r, "ask the council about the ramp", Some(When::On(day("2026-11-30"))), PromiseState::Open),
        promise(r, "phone the GP", Some(When::By(day(TODAY))), PromiseState::Open),
        promise(r, "bring the seed catalogue", Some(When::By(day("2026-12-11"))), PromiseState::Open),
        promise(r, "a walk by the river", Some(When::NoRush), PromiseState::Open),
        promise(r, "no day said", None, PromiseState::Open),
        promise(r, "kept already", Some(When::On(day("2026-11-01"))), PromiseState::Done),
        promise(r, "put aside", Some(When::On(day("2026-11-01"))), PromiseState::NotNow),
        promise(ResidentId::random(), "someone not on this phone", Some(When::On(day(TODAY))), PromiseState::Open),
    ];
    let t = build(&[doreen], &promises, day(TODAY), DEFAULT_NOT_SEEN_DAYS);
    let texts = |v: &[TodayPromise]| v.iter().map(|p| p.promise.terms.text.clone()).collect::<Vec<_>>();
    assert_eq!(texts(&t.promises_due), ["ask the council about the ramp", "phone the GP"]);
    assert_eq!(texts(&t.promises_this_week), ["bring the seed catalogue"]);
    assert_eq!(t.promises_due[0].name, "Doreen");
}

#[test]
fn not_seen_for_a_while_respects_the_teams_setting_and_the_residents_pace() {
    let caseload = [
        row("Long ago", "2026-01-01", Some("2026-10-01"), None),
        row("Never seen", "2026-11-01", None, None),
        row("Recent", "2026-01-01", Some("2026-12-01"), None),
        row("Will call", "2026-01-01", Some("2026-09-01"), Some(Plan::TheyWillCall)),
        row("Planned", "2026-01-01", Some("2026-09-01"), Some(Plan::On(day("2026-12-20")))),
        row("Plan passed", "2026-01-01", Some("2026-09-01"), Some(Plan::On(day("2026-11-01")))),
    ];
    let t = build(&caseload, &[], day(TODAY), DEFAULT_NOT_SEEN_DAYS);
    let names: Vec<_> = t.not_seen.iter().map(|n| (n.name.as_str(), n.days)).collect();
    assert_eq!(names, [("Plan passed", 97), ("Long ago", 67), ("Never seen", 36)], "longest first");
    let t = build(&caseload, &[], day(TODAY), 60);
    assert_eq!(t.not_seen.len(), 2, "a team that says 60 days sees fewer");
    assert!(t.not_seen.iter().all(|n| n.days >= 60));
    assert!(!t.is_empty());
    assert!(build(&[], &[], day(TODAY), 21).is_empty());
}
