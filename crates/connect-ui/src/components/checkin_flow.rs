//! A check-in that does not feel like a form: the team's few questions by
//! default (or all of them, if the resident wants), one at a time, big answer
//! buttons in one order on every question (the best first), and "skip",
//! "change my last answer" and "stop here" always there. Only the measures
//! the domain notes name are asked (ONS loneliness, UCLA 3-item, ONS4, the
//! life map), in their validated English wording.
//!
//! At the end the resident sees "Thank you", nothing more unless they ask.
//! An answer that should worry someone (not feeling safe, very anxious) is
//! raised to the supporter at the top of the resident's page (`ConcernNotice`,
//! which stays until they say they have talked about it): at once when they
//! are asking, or, in resident mode, when the phone comes back to them.

use connect_model::ResidentId;
use connect_model::checkin::Answers;
use connect_model::questions::{Choice, Question};
use dioxus::prelude::*;

use crate::checkin_words::{choice_is_english, choice_label, question_text};
use crate::components::{AnswerKind, CheckinQuestion};
use crate::i18n::Msg;
use crate::state::{Ui, apply_edit, use_backend, use_ui};
use connect_device::Edit;

/// Where the check-in is.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    /// "A few short questions…": the short set, all of them, or not today.
    Intro,
    /// Asking these questions; the one at this place.
    Asking(usize),
    /// May the answers count in team figures?
    Consent,
    /// Saved.
    Done,
}

/// The check-in, start to finish. `by_resident` when the resident answers on
/// their own (resident mode); `on_close` when they are done.
#[component]
pub fn CheckinFlow(
    resident: ResidentId,
    life_areas: Vec<(String, String)>,
    short_checkin: Vec<String>,
    by_resident: bool,
    on_close: EventHandler<()>,
) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let keys: Vec<String> = life_areas.iter().map(|(k, _)| k.clone()).collect();
    let short = Question::short(&short_checkin, &keys);
    let all = Question::all(&keys);
    let mut questions: Signal<Vec<Question>> = use_signal(Vec::new);
    let mut step = use_signal(|| Step::Intro);
    let mut answers = use_signal(Answers::default);
    // The places asked so far, for "change my last answer".
    let mut asked: Signal<Vec<usize>> = use_signal(Vec::new);
    let mut not_today = use_signal(|| false);
    let record_not_today = {
        let backend = backend.clone();
        use_callback(move |()| {
            apply_edit(backend.clone(), ui, resident, Edit::CheckinNotToday { by_resident }, None);
            not_today.set(true);
            step.set(Step::Done);
        })
    };
    let finish = use_callback(move |share: bool| {
        let mut a = answers.peek().clone();
        a.share_in_reports = share;
        // The questions stay in English; the team's figures keep apart the
        // answers given with the screens in another language.
        a.asked_in = Some(ui.lang().tag().to_owned());
        let concerns = a.concerns();
        apply_edit(backend.clone(), ui, resident, Edit::RecordCheckin { answers: a, by_resident }, None);
        if !concerns.is_empty() {
            let mut raised = ui.concern;
            raised.set(Some((resident, concerns)));
        }
        step.set(Step::Done);
    });
    let mut start = move |set: Vec<Question>| {
        questions.set(set);
        asked.set(Vec::new());
        answers.set(Answers::default());
        step.set(Step::Asking(0));
    };
    let current = step.read().clone();
    let (short_count, all_count) = (short.len(), all.len());
    rsx! {
        section { class: "checkin-flow", "aria-labelledby": "h-checkin",
            match current {
                Step::Intro => rsx! {
                    h3 { id: "h-checkin", {ui.t(Msg::StartCheckin)} }
                    p { class: "lead", {ui.tr(Msg::CheckinIntroCount, &[("n", short_count.into())])} }
                    // The measures were tested in English: said in her own
                    // language before the first English question.
                    if ui.lang().tag() != connect_model::questions::WORDED_IN {
                        p { class: "hint", {ui.t(Msg::CheckinAskedInEnglish)} }
                    }
                    div { class: "answers",
                        button { class: "button answer-button", onclick: move |_| start(short.clone()), {ui.t(Msg::StartShortCheckin)} }
                        button { class: "button secondary answer-button", onclick: move |_| start(all.clone()),
                            {ui.t(Msg::AllQuestions)} " ({all_count})"
                        }
                        button { class: "button secondary answer-button", onclick: move |_| record_not_today.call(()), {ui.t(Msg::NotTodayThanks)} }
                    }
                },
                Step::Consent => rsx! {
                    h3 { id: "h-checkin", {ui.t(Msg::ConsentQuestion)} }
                    div { class: "answers",
                        button { class: "button answer-button", onclick: move |_| finish.call(true), {ui.t(Msg::YesCount)} }
                        button { class: "button secondary answer-button", onclick: move |_| finish.call(false), {ui.t(Msg::NoCount)} }
                    }
                },
                Step::Done => rsx! {
                    h3 { id: "h-checkin", role: "status",
                        if *not_today.read() { {ui.t(Msg::NotTodaySaved)} } else { {ui.t(Msg::ThankYou)} }
                    }
                    button { class: "button answer-button", onclick: move |_| on_close.call(()), {ui.t(Msg::Done)} }
                },
                Step::Asking(at) => asking(ui, at, Asked { questions, asked, answers, step }, &life_areas, record_not_today),
            }
        }
    }
}

/// The check-in's state while questions are asked: the questions, the
/// places asked so far (for "change my last answer"), the answers and the step.
#[derive(Clone, Copy)]
struct Asked {
    questions: Signal<Vec<Question>>,
    asked: Signal<Vec<usize>>,
    answers: Signal<Answers>,
    step: Signal<Step>,
}

impl Asked {
    /// After the question at `at`: the next, or the consent question.
    fn move_on(mut self, at: usize) {
        self.asked.write().push(at);
        let next = at + 1;
        self.step.set(if next < self.questions.peek().len() { Step::Asking(next) } else { Step::Consent });
    }
}

/// The question at `at`, with its answers, "skip", "change my last answer"
/// and "stop here".
fn asking(ui: Ui, at: usize, state: Asked, life_areas: &[(String, String)], record_not_today: Callback<()>) -> Element {
    let Asked { questions, mut asked, mut answers, mut step } = state;
    let set = questions.read().clone();
    let q = set[at.min(set.len() - 1)].clone();
    let choices = q.choices();
    let labels: Vec<String> = choices.iter().map(|c| choice_label(ui.lang(), *c)).collect();
    let english = choices.first().is_some_and(|c| choice_is_english(*c));
    let kind = match q {
        Question::Ons4(_) => AnswerKind::Scale,
        Question::LifeMap(_) => AnswerKind::Rag,
        _ => AnswerKind::Words,
    };
    rsx! {
        CheckinQuestion {
            key: "{at}",
            number: at + 1,
            total: set.len(),
            text: question_text(ui.lang(), &q, life_areas),
            english,
            labels,
            kind,
            can_go_back: !asked.read().is_empty(),
            on_answer: {
                let q = q.clone();
                move |i: usize| {
                    let choice: Choice = choices[i];
                    answers.write().answer(&q, choice);
                    state.move_on(at);
                }
            },
            on_skip: move |()| state.move_on(at),
            on_back: move |()| {
                let previous = asked.write().pop();
                if let Some(back) = previous {
                    let set = questions.peek().clone();
                    answers.write().forget(&set[back]);
                    step.set(Step::Asking(back));
                }
            },
            on_stop: move |()| {
                if answers.peek().has_answers() {
                    step.set(Step::Consent);
                } else {
                    record_not_today.call(());
                }
            },
        }
    }
}
