//! (Coordinator) Which questions the team's short check-in asks: one to six
//! of them, in the order every check-in asks them. Until the team picks, the
//! default four.

use connect_model::directory::{Directory, SHORT_CHECKIN_MAX};
use connect_model::questions::{DEFAULT_SHORT_CHECKIN, Question};
use dioxus::prelude::*;

use crate::checkin_words::question_text;
use crate::i18n::Msg;
use crate::state::{run_call, use_backend, use_ui};

/// The picker, over the team's directory (where the choice is kept).
#[component]
pub fn ShortCheckinPicker(directory: Directory) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let areas: Vec<String> = directory.life_areas.iter().map(|(key, _)| key.clone()).collect();
    let initial = if directory.short_checkin.is_empty() {
        DEFAULT_SHORT_CHECKIN.iter().map(|k| (*k).to_owned()).collect()
    } else {
        directory.short_checkin.clone()
    };
    let mut picked = use_signal(move || initial);
    let busy = use_signal(|| false);
    let count = picked.read().len();
    let fits = (1..=SHORT_CHECKIN_MAX).contains(&count);
    let save = move |e: FormEvent| {
        e.prevent_default();
        let backend = backend.clone();
        let keys = picked.read().clone();
        run_call(ui, Some(busy), async move { backend.set_short_checkin(keys).await }, move |()| {
            ui.news(ui.t(Msg::ShortCheckinSaved));
        });
    };
    rsx! {
        section { class: "page-section", "aria-labelledby": "h-short-checkin",
            h3 { id: "h-short-checkin", {ui.t(Msg::ShortCheckinHeading)} }
            p { class: "hint", {ui.t(Msg::ShortCheckinHint)} }
            form { onsubmit: save,
                fieldset { class: "checks",
                    legend { class: "visually-hidden", {ui.t(Msg::ShortCheckinHeading)} }
                    for q in Question::all(&areas) {
                        label { class: "check",
                            input {
                                r#type: "checkbox",
                                checked: picked.read().contains(&q.key()),
                                onchange: {
                                    let key = q.key();
                                    move |e: FormEvent| {
                                        let mut keys = picked.write();
                                        keys.retain(|k| *k != key);
                                        if e.checked() {
                                            keys.push(key.clone());
                                        }
                                    }
                                },
                            }
                            span { {question_text(ui.lang(), &q, &directory.life_areas)} }
                        }
                    }
                }
                p { class: if fits { "hint" } else { "notice notice-error" }, role: (!fits).then_some("status"),
                    "{count} " {ui.t(Msg::QuestionsPicked)}
                }
                button { class: "button", r#type: "submit", disabled: !fits || *busy.read(), {ui.t(Msg::Save)} }
            }
        }
    }
}
