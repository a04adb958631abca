//! Settings' "Sync by itself while the app is open": how often the regular
//! sync runs (every 5 minutes unless changed), or only after changes.

use dioxus::prelude::*;

use crate::auto_sync::{Command, every, use_auto_sync};
use crate::i18n::Msg;
use crate::state::{use_backend, use_ui};

/// The periods offered, in minutes; 0 is "only after changes".
const CHOICES: [u32; 6] = [1, 5, 15, 30, 60, 0];

/// The picker. `current` is the stored period, in minutes.
#[component]
pub fn AutoSyncPicker(current: u32) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let auto = use_auto_sync();
    let choose = move |e: FormEvent| {
        let Ok(minutes) = e.value().parse::<u32>() else { return };
        let backend = backend.clone();
        spawn(async move {
            match backend.set_auto_sync(minutes).await {
                Ok(()) => {
                    auto.tell(Command::Every(every(minutes)));
                    ui.bump();
                }
                Err(err) => {
                    ui.error(ui.tr(Msg::ErrorPrefix, &[("why", crate::i18n::device_error(ui.lang(), &err).into())]));
                }
            }
        });
    };
    rsx! {
        label { class: "field",
            span { class: "label", {ui.t(Msg::AutoSync)} }
            select { onchange: choose,
                for minutes in CHOICES {
                    option { value: "{minutes}", selected: minutes == current,
                        if minutes == 0 {
                            {ui.t(Msg::AutoSyncOff)}
                        } else {
                            {ui.tr(Msg::AutoSyncEvery, &[("n", minutes.into())])}
                        }
                    }
                }
            }
        }
        p { class: "hint", {ui.t(Msg::AutoSyncHint)} }
    }
}
