//! A check-in that does not feel like a form: one question at a time, big
//! answer buttons, and "skip", "stop here" and "not today" always there.
//! Only the measures the domain notes name are asked (ONS loneliness, UCLA
//! 3-item, ONS4, the life map), in their validated English wording: a
//! translation of a validated question is a different question.

use connect_model::ResidentId;
use connect_model::checkin::{Answers, Ons4, Ucla3};
use connect_model::measures::{Ons4Item, OnsLoneliness, Rag, UclaAnswer};
use dioxus::prelude::*;

use crate::components::{AnswerKind, CheckinQuestion};
use crate::i18n::Msg;
use crate::state::{apply_edit, use_backend, use_ui};
use connect_device::Edit;

/// One question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Intro,
    Loneliness,
    Ucla(usize),
    Ons4(usize),
    LifeMap(usize),
    Consent,
    Done,
}

const UCLA: [&str; 3] = [
    "How often do you feel that you lack companionship?",
    "How often do you feel left out?",
    "How often do you feel isolated from others?",
];

const ONS4: [&str; 4] = [
    "Overall, how satisfied are you with your life nowadays?",
    "Overall, to what extent do you feel that the things you do in your life are worthwhile?",
    "Overall, how happy did you feel yesterday?",
    "Overall, how anxious did you feel yesterday?",
];

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

fn rag_label(r: Rag) -> &'static str {
    match r {
        Rag::Red => "Hard right now",
        Rag::Amber => "Some worries",
        Rag::Green => "Going well",
    }
}

/// The question after `step`.
fn next(step: Step, areas: usize) -> Step {
    match step {
        Step::Intro => Step::Loneliness,
        Step::Loneliness => Step::Ucla(0),
        Step::Ucla(i) if i + 1 < UCLA.len() => Step::Ucla(i + 1),
        Step::Ucla(_) => Step::Ons4(0),
        Step::Ons4(i) if i + 1 < ONS4.len() => Step::Ons4(i + 1),
        Step::Ons4(_) if areas > 0 => Step::LifeMap(0),
        Step::LifeMap(i) if i + 1 < areas => Step::LifeMap(i + 1),
        Step::Ons4(_) | Step::LifeMap(_) | Step::Consent => Step::Consent,
        Step::Done => Step::Done,
    }
}

fn has_answers(a: &Answers) -> bool {
    a.loneliness.is_some()
        || a.ucla3.is_some_and(|u| u != Ucla3::default())
        || a.ons4.is_some_and(|o| o != Ons4::default())
        || !a.life_map.is_empty()
}

/// The question asked at `step`, and its answers' labels.
fn question(step: Step, areas: &[(String, String)]) -> Option<(String, Vec<String>)> {
    Some(match step {
        Step::Loneliness => (
            "How often do you feel lonely?".to_owned(),
            OnsLoneliness::ALL.iter().map(|a| loneliness_label(*a).to_owned()).collect(),
        ),
        Step::Ucla(i) => (UCLA[i].to_owned(), UclaAnswer::ALL.iter().map(|a| ucla_label(*a).to_owned()).collect()),
        Step::Ons4(i) => (ONS4[i].to_owned(), (0..=10u8).map(|v| v.to_string()).collect()),
        Step::LifeMap(i) => (
            format!("How are things with: {}?", areas[i].1),
            Rag::ALL.iter().map(|r| rag_label(*r).to_owned()).collect(),
        ),
        Step::Intro | Step::Consent | Step::Done => return None,
    })
}

/// Records answer number `choice` to the question at `step`.
fn answer(answers: &mut Answers, step: Step, choice: usize, areas: &[(String, String)]) {
    match step {
        Step::Loneliness => answers.loneliness = OnsLoneliness::ALL.get(choice).copied(),
        Step::Ucla(i) => {
            let u = answers.ucla3.get_or_insert_with(Ucla3::default);
            let a = UclaAnswer::ALL.get(choice).copied();
            match i {
                0 => u.lack_companionship = a,
                1 => u.left_out = a,
                _ => u.isolated = a,
            }
        }
        Step::Ons4(i) => {
            let o = answers.ons4.get_or_insert_with(Ons4::default);
            let v = u8::try_from(choice).ok().filter(|v| *v <= 10);
            match Ons4Item::ALL[i] {
                Ons4Item::LifeSatisfaction => o.life_satisfaction = v,
                Ons4Item::Worthwhile => o.worthwhile = v,
                Ons4Item::Happy => o.happy = v,
                Ons4Item::Anxious => o.anxious = v,
            }
        }
        Step::LifeMap(i) => {
            if let Some(r) = Rag::ALL.get(choice) {
                answers.life_map.insert(areas[i].0.clone(), *r);
            }
        }
        Step::Intro | Step::Consent | Step::Done => {}
    }
}

/// The check-in, start to finish. `by_resident` when the resident answers on
/// their own (resident mode); `on_close` when they are done.
#[component]
pub fn CheckinFlow(
    resident: ResidentId,
    life_areas: Vec<(String, String)>,
    by_resident: bool,
    on_close: EventHandler<()>,
) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut step = use_signal(|| Step::Intro);
    let mut answers = use_signal(Answers::default);
    let mut not_today = use_signal(|| false);
    let areas = life_areas.len();
    let total = 1 + UCLA.len() + ONS4.len() + areas;
    let current = *step.read();
    let number = match current {
        Step::Loneliness => Some(1),
        Step::Ucla(i) => Some(2 + i),
        Step::Ons4(i) => Some(2 + UCLA.len() + i),
        Step::LifeMap(i) => Some(2 + UCLA.len() + ONS4.len() + i),
        _ => None,
    };
    let record_not_today = {
        let backend = backend.clone();
        move || {
            apply_edit(backend.clone(), ui, resident, Edit::CheckinNotToday { by_resident }, None);
            not_today.set(true);
            step.set(Step::Done);
        }
    };
    let finish = move |share: bool| {
        let mut a = answers.peek().clone();
        a.share_in_reports = share;
        apply_edit(backend.clone(), ui, resident, Edit::RecordCheckin { answers: a, by_resident }, None);
        step.set(Step::Done);
    };
    let (mut finish_yes, mut finish_no) = (finish.clone(), finish);
    let (mut not_today_intro, mut not_today_stop) = (record_not_today.clone(), record_not_today);
    let asked = question(current, &life_areas);
    let scale = matches!(current, Step::Ons4(_));
    let rag = matches!(current, Step::LifeMap(_));
    rsx! {
        section { class: "checkin-flow", "aria-labelledby": "h-checkin",
            match current {
                Step::Intro => rsx! {
                    h3 { id: "h-checkin", {ui.t(Msg::StartCheckin)} }
                    p { class: "lead", {ui.t(Msg::CheckinIntro)} }
                    div { class: "answers",
                        button { class: "button answer-button", onclick: move |_| step.set(Step::Loneliness), {ui.t(Msg::StartCheckin)} }
                        button { class: "button secondary answer-button", onclick: move |_| not_today_intro(), {ui.t(Msg::NotTodayThanks)} }
                    }
                },
                Step::Consent => rsx! {
                    h3 { id: "h-checkin", {ui.t(Msg::ConsentQuestion)} }
                    div { class: "answers",
                        button { class: "button answer-button", onclick: move |_| finish_yes(true), {ui.t(Msg::YesCount)} }
                        button { class: "button secondary answer-button", onclick: move |_| finish_no(false), {ui.t(Msg::NoCount)} }
                    }
                },
                Step::Done => rsx! {
                    h3 { id: "h-checkin", role: "status",
                        if *not_today.read() { {ui.t(Msg::NotTodaySaved)} } else { {ui.t(Msg::CheckinSaved)} }
                    }
                    button { class: "button answer-button", onclick: move |_| on_close.call(()), {ui.t(Msg::Done)} }
                },
                _ => rsx! {
                    if let Some((text, labels)) = asked {
                        CheckinQuestion {
                            key: "{current:?}",
                            number: number.unwrap_or(1),
                            total,
                            text,
                            labels,
                            kind: if scale { AnswerKind::Scale } else if rag { AnswerKind::Rag } else { AnswerKind::Words },
                            on_answer: move |i: usize| {
                                answer(&mut answers.write(), current, i, &life_areas);
                                step.set(next(current, areas));
                            },
                            on_skip: move |()| step.set(next(current, areas)),
                            on_stop: move |()| {
                                if has_answers(&answers.peek()) {
                                    step.set(Step::Consent);
                                } else {
                                    not_today_stop();
                                }
                            },
                        }
                    }
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn areas() -> Vec<(String, String)> {
        vec![("home".into(), "My home".into()), ("people".into(), "People around me".into())]
    }

    #[test]
    fn the_questions_run_in_order_and_end_with_consent() {
        let mut step = Step::Intro;
        let mut seen = Vec::new();
        while step != Step::Consent {
            step = next(step, 2);
            if let Some((q, _)) = question(step, &areas()) {
                seen.push(q);
            }
        }
        assert_eq!(seen.len(), 1 + 3 + 4 + 2);
        assert_eq!(seen[0], "How often do you feel lonely?");
        assert_eq!(seen[9], "How are things with: People around me?");
        assert_eq!(next(Step::Ons4(3), 0), Step::Consent, "no life map areas, no life map questions");
    }

    #[test]
    fn answers_land_in_the_right_measure_and_skips_stay_empty() {
        let mut a = Answers::default();
        answer(&mut a, Step::Loneliness, 2, &areas());
        answer(&mut a, Step::Ucla(0), 2, &areas());
        answer(&mut a, Step::Ucla(2), 0, &areas());
        answer(&mut a, Step::Ons4(3), 7, &areas());
        answer(&mut a, Step::LifeMap(1), 1, &areas());
        assert_eq!(a.loneliness, Some(OnsLoneliness::Occasionally));
        let u = a.ucla3.unwrap();
        assert_eq!(
            (u.lack_companionship, u.left_out, u.isolated),
            (Some(UclaAnswer::Often), None, Some(UclaAnswer::HardlyEver))
        );
        assert_eq!(u.total(), None, "a skipped item means no total");
        assert_eq!(a.ons4.unwrap().anxious, Some(7));
        assert_eq!(a.ons4.unwrap().happy, None);
        assert_eq!(a.life_map, BTreeMap::from([("people".to_owned(), Rag::Amber)]));
        assert!(has_answers(&a));
        assert!(!has_answers(&Answers::default()));
    }
}
