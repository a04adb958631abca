//! The fields a promise's forms share: "when?" as four choices (a day, this
//! week, no rush, not said) with a date for the first, and a question
//! answered by one of a few radio buttons.

use chrono::NaiveDate;
use connect_model::promise::When;
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::Ui;
use crate::when::local_today;

/// When, as the forms offer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhenChoice {
    /// On a day (the date field says which).
    Day,
    /// By the end of this week.
    ThisWeek,
    /// No rush.
    NoRush,
    /// Nobody said.
    NotSaid,
}

/// The four choices, in the order the forms show them.
pub const WHENS: [(WhenChoice, Msg); 4] = [
    (WhenChoice::Day, Msg::WhenDay),
    (WhenChoice::ThisWeek, Msg::WhenThisWeek),
    (WhenChoice::NoRush, Msg::WhenNoRush),
    (WhenChoice::NotSaid, Msg::WhenNotSaid),
];

/// "When?" as a form holds it: the choice, and the date typed for "On a day".
#[derive(Clone, Copy)]
pub struct WhenField {
    /// The choice.
    pub choice: Signal<WhenChoice>,
    /// The date field's text (`YYYY-MM-DD`).
    pub day: Signal<String>,
}

impl WhenField {
    /// The field's signals, starting from `when` (a day by, or on, shows as that day).
    #[must_use]
    pub fn use_new(when: Option<When>) -> Self {
        let (choice, day) = match when {
            Some(When::On(d) | When::By(d)) => (WhenChoice::Day, d.to_string()),
            Some(When::NoRush) => (WhenChoice::NoRush, String::new()),
            None => (WhenChoice::NotSaid, String::new()),
        };
        Self { choice: use_signal(move || choice), day: use_signal(move || day) }
    }

    /// What was chosen (`Some(None)`: not said), or `None` while "On a day"
    /// has no valid date yet.
    #[must_use]
    pub fn value(&self) -> Option<Option<When>> {
        Some(match *self.choice.read() {
            WhenChoice::Day => Some(When::On(self.day.read().parse::<NaiveDate>().ok()?)),
            WhenChoice::ThisWeek => Some(When::this_week(local_today())),
            WhenChoice::NoRush => Some(When::NoRush),
            WhenChoice::NotSaid => None,
        })
    }

    /// Back to "not said".
    pub fn clear(mut self) {
        self.choice.set(WhenChoice::NotSaid);
        self.day.set(String::new());
    }
}

/// The "When?" question and, for "On a day", its date; `name` groups the radios.
pub fn when_fields(ui: Ui, name: &str, field: WhenField) -> Element {
    let mut day = field.day;
    rsx! {
        {choices(ui, Msg::PromiseWhen, name, &WHENS, field.choice)}
        if *field.choice.read() == WhenChoice::Day {
            label { class: "field",
                span { class: "label", {ui.t(Msg::PromiseDay)} }
                input { r#type: "date", value: "{day}", oninput: move |e| day.set(e.value()) }
            }
        }
    }
}

/// One question answered by one of a few radio buttons, kept in `chosen`.
pub fn choices<T: Copy + PartialEq + 'static>(
    ui: Ui,
    legend: Msg,
    name: &str,
    options: &[(T, Msg)],
    mut chosen: Signal<T>,
) -> Element {
    rsx! {
        fieldset { class: "choices",
            legend { {ui.t(legend)} }
            for &(value, msg) in options {
                label { class: "check",
                    input { r#type: "radio", name: "{name}", checked: *chosen.read() == value, onchange: move |_| chosen.set(value) }
                    span { {ui.t(msg)} }
                }
            }
        }
    }
}
