//! One question of a check-in: its number, its validated English words,
//! big answer buttons (words, a 0 to 10 scale top to bottom, or the life
//! map's three), and "skip", "change my last answer" and "stop here".

use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::use_ui;

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// Words ("Hardly ever", …).
    Words,
    /// 0 to 10.
    Scale,
    /// The life map's red, amber, green, in words.
    Rag,
}

/// One question; `on_answer` with the answer's place among `labels` (the
/// best answer first, the worst last, on every question). `english` when the
/// question and its answers are a measure's validated English wording.
#[component]
pub fn CheckinQuestion(
    number: usize,
    total: usize,
    text: String,
    english: bool,
    labels: Vec<String>,
    kind: AnswerKind,
    can_go_back: bool,
    on_answer: EventHandler<usize>,
    on_skip: EventHandler<()>,
    on_back: EventHandler<()>,
    on_stop: EventHandler<()>,
) -> Element {
    let ui = use_ui();
    let lang = if english { "en" } else { ui.lang().tag() };
    // A scale is a list top to bottom, its words beside its two ends.
    let class = match kind {
        AnswerKind::Scale => "answers scale",
        AnswerKind::Rag => "answers rag",
        AnswerKind::Words => "answers",
    };
    rsx! {
        p { class: "progress", {ui.tr(Msg::QuestionOf, &[("n", number.into()), ("total", total.into())])} }
        h3 { id: "h-checkin", lang, "{text}" }
        div { class,
            for (i, label) in labels.into_iter().enumerate() {
                button {
                    key: "{i}",
                    class: "button answer-button",
                    lang,
                    onclick: move |_| on_answer.call(i),
                    "{label}"
                }
            }
        }
        div { class: "actions flow-actions",
            button { class: "button secondary", onclick: move |_| on_skip.call(()), {ui.t(Msg::Skip)} }
            if can_go_back {
                button { class: "button secondary", onclick: move |_| on_back.call(()), {ui.t(Msg::ChangeLastAnswer)} }
            }
            button { class: "button secondary", onclick: move |_| on_stop.call(()), {ui.t(Msg::StopHere)} }
        }
    }
}
