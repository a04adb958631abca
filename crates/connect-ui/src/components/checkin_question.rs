//! One question of a check-in: its number, its validated English words,
//! big answer buttons (words, a 0 to 10 scale, or the life map's three), and
//! "skip" and "stop here" always there.

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

/// One question; `on_answer` with the answer's place among `labels`.
#[component]
pub fn CheckinQuestion(
    number: usize,
    total: usize,
    text: String,
    labels: Vec<String>,
    kind: AnswerKind,
    on_answer: EventHandler<usize>,
    on_skip: EventHandler<()>,
    on_stop: EventHandler<()>,
) -> Element {
    let ui = use_ui();
    let scale = kind == AnswerKind::Scale;
    let rag = kind == AnswerKind::Rag;
    rsx! {
        p { class: "progress", {ui.t(Msg::QuestionOf)} " {number} / {total}" }
        h3 { id: "h-checkin", lang: "en", "{text}" }
        if scale {
            p { class: "scale-ends", span { "0 = not at all" } span { "10 = completely" } }
        }
        div { class: if scale { "answers scale" } else if rag { "answers rag" } else { "answers" },
            for (i, label) in labels.into_iter().enumerate() {
                button {
                    key: "{i}",
                    class: if rag { "button answer-button rag-{i}" } else { "button answer-button" },
                    lang: "en",
                    onclick: move |_| on_answer.call(i),
                    "{label}"
                }
            }
        }
        div { class: "actions flow-actions",
            button { class: "button secondary", onclick: move |_| on_skip.call(()), {ui.t(Msg::Skip)} }
            button { class: "button secondary", onclick: move |_| on_stop.call(()), {ui.t(Msg::StopHere)} }
        }
    }
}
