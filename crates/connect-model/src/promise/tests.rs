use automerge::{ActorId, Automerge};
use chrono::NaiveDate;

use super::*;
use crate::journal::{self, Visibility};
use crate::test_support::{ctx, resident_ctx, supporter_actor};
use crate::{ResidentId, page};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn page_doc() -> Automerge {
    page::create(&supporter_actor(), ResidentId::random(), "Doreen", &ctx(0)).unwrap()
}

fn new(text: &str) -> NewPromise<'_> {
    NewPromise { text, by: PromiseBy::Supporter, by_name: "", when: None, ask: None }
}

/// A second device's copy of `doc`, writing as its own actor.
fn other_device(doc: &mut Automerge) -> Automerge {
    doc.fork().with_actor(ActorId::random())
}

#[test]
fn a_promise_keeps_every_change_of_state_with_who_and_when() {
    let mut doc = page_doc();
    let ramp = NewPromise { when: Some(When::On(day("2026-01-08"))), ..new("ask the council about the ramp") };
    let id = add(&mut doc, &ctx(1), &ramp).unwrap();
    set_state(&mut doc, &ctx(2), id, PromiseState::NotNow).unwrap();
    set_state(&mut doc, &resident_ctx(3), id, PromiseState::Done).unwrap();
    let p = &read(&doc).unwrap()[0];
    assert_eq!(p.terms.text, "ask the council about the ramp");
    assert!(p.shared, "on the page, so shared with the resident");
    assert_eq!(p.state(), PromiseState::Done);
    assert_eq!(p.kept_at(), Some(ctx(3).now));
    let states: Vec<_> = p.changes.iter().map(|c| (c.state, c.by.role)).collect();
    assert_eq!(
        states,
        [(PromiseState::NotNow, crate::AuthorRole::Supporter), (PromiseState::Done, crate::AuthorRole::Resident)]
    );
    set_state(&mut doc, &ctx(4), id, PromiseState::Open).unwrap();
    let p = &read(&doc).unwrap()[0];
    assert_eq!((p.state(), p.kept_at(), p.changes.len()), (PromiseState::Open, None, 3), "undo is one more change");
}

#[test]
fn bad_promises_are_refused_and_nothing_is_written() {
    let mut doc = page_doc();
    let heads = doc.get_heads();
    assert!(add(&mut doc, &ctx(1), &new("   ")).is_err(), "no words");
    let nobody = NewPromise { by: PromiseBy::Circle, ..new("bring the shopping") };
    let err = add(&mut doc, &ctx(1), &nobody).unwrap_err();
    assert!(err.to_string().contains("name of who will do it"), "{err}");
    assert!(add(&mut doc, &ctx(1), &new(&"x".repeat(ITEM_MAX + 1))).is_err(), "too long");
    assert!(set_state(&mut doc, &ctx(1), ItemId::random(), PromiseState::Done).is_err(), "no such promise");
    assert_eq!(doc.get_heads(), heads, "nothing written");
    let mut journal = journal::create(&supporter_actor(), ResidentId::random(), Visibility::Shared, &ctx(0)).unwrap();
    assert!(add(&mut journal, &ctx(1), &new("tea")).is_err(), "the shared journal holds no promises");
}

#[test]
fn team_only_promises_live_in_the_team_notes() {
    let mut notes = journal::create(&supporter_actor(), ResidentId::random(), Visibility::TeamOnly, &ctx(0)).unwrap();
    let sam = NewPromise { by: PromiseBy::Circle, by_name: "Sam next door", ..new("check the boiler") };
    add(&mut notes, &ctx(1), &sam).unwrap();
    let p = &read(&notes).unwrap()[0];
    assert!(!p.shared);
    assert_eq!((p.terms.by, p.terms.by_name.as_str()), (PromiseBy::Circle, "Sam next door"));
    assert_eq!(journal::read(&notes).unwrap().entries.len(), 0, "the notes still read as notes");
}

#[test]
fn done_on_one_phone_and_reworded_on_another_both_survive() {
    let mut a = page_doc();
    let id = add(&mut a, &ctx(1), &new("ask the council about the ramp")).unwrap();
    let mut b = other_device(&mut a);
    set_state(&mut a, &ctx(2), id, PromiseState::Done).unwrap();
    edit_text(&mut b, &ctx(2), id, "ask the council about the ramp and the rail").unwrap();
    a.merge(&mut b).unwrap();
    b.merge(&mut a).unwrap();
    for doc in [&a, &b] {
        let p = &read(doc).unwrap()[0];
        assert_eq!(p.terms.text, "ask the council about the ramp and the rail");
        assert_eq!(p.state(), PromiseState::Done);
    }
}

#[test]
fn two_phones_marking_one_promise_agree_and_keep_both_changes() {
    let mut a = page_doc();
    let id = add(&mut a, &ctx(1), &new("teach me your curry")).unwrap();
    let mut b = other_device(&mut a);
    set_state(&mut a, &ctx(2), id, PromiseState::NotNow).unwrap();
    set_state(&mut b, &ctx(3), id, PromiseState::Done).unwrap();
    a.merge(&mut b).unwrap();
    b.merge(&mut a).unwrap();
    assert_eq!(read(&a).unwrap(), read(&b).unwrap(), "both phones read the same");
    let p = &read(&a).unwrap()[0];
    assert_eq!(p.changes.len(), 2, "nothing overwritten");
    assert_eq!(p.state(), PromiseState::Done, "the later change is in force");
}

#[test]
fn first_promises_on_two_phones_at_once_are_both_kept() {
    // A page made before promises existed has no map for them: each phone adds one.
    let mut a = page_doc();
    let mut b = other_device(&mut a);
    let on_a = add(&mut a, &ctx(1), &new("ask the council about the ramp")).unwrap();
    let on_b = add(&mut b, &ctx(1), &new("bring the seed catalogue")).unwrap();
    set_next_visit(&mut a, &ctx(1), Plan::On(day("2026-01-05")), PlanReason::Planned).unwrap();
    set_next_visit(&mut b, &ctx(2), Plan::TheyWillCall, PlanReason::ResidentNotNow).unwrap();
    a.merge(&mut b).unwrap();
    let texts: Vec<String> = read(&a).unwrap().into_iter().map(|p| p.terms.text).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.contains(&"bring the seed catalogue".to_owned()));
    assert!(texts.contains(&"ask the council about the ramp".to_owned()));
    // Whichever map Automerge shows, both promises can still be changed.
    for id in [on_a, on_b] {
        set_state(&mut a, &ctx(5), id, PromiseState::Done).unwrap();
    }
    assert!(read(&a).unwrap().iter().all(|p| p.state() == PromiseState::Done));
    assert_eq!(visit_plans(&a).unwrap().len(), 2);
    assert_eq!(next_visit(&a).unwrap().unwrap().plan, Plan::TheyWillCall, "the later plan");
}

#[test]
fn the_next_visit_is_the_latest_plan_and_a_residents_not_now_is_kept_as_hers() {
    let mut doc = page_doc();
    assert_eq!(next_visit(&doc).unwrap(), None);
    set_next_visit(&mut doc, &ctx(1), Plan::On(day("2026-01-08")), PlanReason::Planned).unwrap();
    set_next_visit(&mut doc, &resident_ctx(2), Plan::On(day("2026-01-15")), PlanReason::ResidentNotNow).unwrap();
    let next = next_visit(&doc).unwrap().unwrap();
    assert_eq!(next.plan, Plan::On(day("2026-01-15")));
    assert_eq!(next.reason, PlanReason::ResidentNotNow);
    assert!(next.by.is_resident());
    assert_eq!(visit_plans(&doc).unwrap().len(), 2, "the first plan is kept");
}

#[test]
fn this_week_ends_on_sunday_and_due_means_open_and_on_or_past_its_day() {
    assert_eq!(When::this_week(day("2026-12-07")), When::By(day("2026-12-13")), "a Monday");
    assert_eq!(When::this_week(day("2026-12-13")), When::By(day("2026-12-13")), "a Sunday");
    let mut doc = page_doc();
    let on = NewPromise { when: Some(When::By(day("2026-01-10"))), ..new("phone the GP") };
    let id = add(&mut doc, &ctx(1), &on).unwrap();
    add(&mut doc, &ctx(1), &NewPromise { when: Some(When::NoRush), ..new("a walk by the river") }).unwrap();
    let due = |doc: &Automerge, today| read(doc).unwrap().iter().filter(|p| p.is_due(today)).count();
    assert_eq!(due(&doc, day("2026-01-09")), 0);
    assert_eq!(due(&doc, day("2026-01-10")), 1);
    assert_eq!(due(&doc, day("2027-06-01")), 1, "overdue is still due, and never locked");
    set_state(&mut doc, &ctx(2), id, PromiseState::Done).unwrap();
    assert_eq!(due(&doc, day("2027-06-01")), 0);
}

#[test]
fn claims_name_every_author_a_promise_records() {
    let mut doc = page_doc();
    let id = add(&mut doc, &ctx(1), &new("ask the council")).unwrap();
    set_state(&mut doc, &resident_ctx(2), id, PromiseState::Done).unwrap();
    set_next_visit(&mut doc, &ctx(3), Plan::TheyWillCall, PlanReason::Planned).unwrap();
    let places: Vec<String> = claims(&doc).unwrap().into_iter().map(|(place, _)| place).collect();
    assert_eq!(places.len(), 3, "{places:?}");
    assert!(places[0].starts_with("promises/") && places[0].ends_with("/author"));
    assert!(places[1].contains("/changes/") && places[1].ends_with("/by"));
    assert!(places[2].starts_with("visits/"));
}
