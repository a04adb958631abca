//! Settings' "Voice notes and photos": how much this phone keeps of the
//! team's voice notes and photos for visits without signal (200 MB unless
//! changed), what they take now, and what was made here and waits to be
//! sent (never thrown away to make room).

use dioxus::prelude::*;

use crate::components::amount;
use crate::i18n::Msg;
use crate::state::{run_call, use_backend, use_backend_read, use_ui};

/// The budgets offered, in megabytes.
const CHOICES: [u64; 5] = [50, 100, 200, 500, 1000];

/// The picker and the space taken.
#[component]
pub fn MediaBudgetPicker() -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let space = use_backend_read(move |backend| async move { backend.media_space().await });
    let Some(Ok(space)) = space.read().clone() else { return rsx! {} };
    let current_mb = space.budget / 1_000_000;
    let choose = move |e: FormEvent| {
        let Ok(megabytes) = e.value().parse::<u64>() else { return };
        let backend = backend.clone();
        run_call(ui, None, async move { backend.set_media_budget(megabytes).await }, move |()| ui.bump());
    };
    rsx! {
        section { class: "page-section", "aria-labelledby": "h-media-space",
            h3 { id: "h-media-space", {ui.t(Msg::VoiceNotesAndPhotos)} }
            label { class: "field",
                span { class: "label", {ui.t(Msg::MediaBudget)} }
                select { onchange: choose,
                    for mb in CHOICES {
                        option { value: "{mb}", selected: mb == current_mb, "{mb} MB" }
                    }
                }
            }
            p { class: "hint",
                {ui.tr(Msg::MediaSpaceUsed, &[
                    ("fetched", amount(ui.lang(), space.fetched).into()),
                    ("here", amount(ui.lang(), space.made_here).into()),
                ])}
            }
        }
    }
}
