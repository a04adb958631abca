//! The resident's own screens, in large text and plain words. What they add
//! is marked as theirs.
//!
//! - "Hand to resident" on a supporter's phone: their page, check-ins and
//!   story only. The only way out is giving the phone back, which locks the
//!   app until the supporter's PIN is given, so the session cannot reach
//!   anyone else.
//! - A resident's own phone (enrolled with a resident invite): also their
//!   circle, their shared journal (to read), "Everything on this phone
//!   about me", and "This phone": lock it, change its PIN, the space it has.
//!   There is no way out: the phone is theirs.

use connect_model::ResidentId;
use dioxus::prelude::*;

use crate::components::{
    ChangePinForm, CheckinsView, CircleView, JournalView, LanguagePicker, PageView, RecordView, StatusBar,
    StoragePanel, StoryView,
};
use crate::i18n::{Lang, Msg};
use crate::state::{Screen, Tab, Ui, run_call, use_backend, use_backend_read, use_ui};
use crate::vault::{Gate, use_gate};
use connect_device::api::ResidentData;
use connect_device::{DeviceClient, DeviceError};

/// What the resident is looking at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Page,
    Circle,
    Journal,
    Checkin,
    Story,
    AboutMe,
    ThisPhone,
}

/// The resident's own view.
#[component]
pub fn ResidentMode(resident: ResidentId) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let gate = use_gate();
    let data = use_backend_read(move |backend| async move { backend.resident(resident).await });
    let mut part = use_signal(|| Part::Page);
    crate::media_view::use_provide_media(resident);
    use_residents_language(ui, data, backend.own_resident() == Some(resident));
    let d = match &*data.read() {
        Some(Ok(d)) => d.clone(),
        // A resident's own phone before its first sync: their page is on its way.
        Some(Err(_)) if backend.own_resident() == Some(resident) => {
            return rsx! {
                StatusBar {}
                div { class: "screen resident-own",
                    h2 { {ui.t(Msg::MyPage)} }
                    p { class: "hint", {ui.t(Msg::OwnPageOnItsWay)} }
                }
            };
        }
        Some(Err(e)) => return rsx! { p { role: "alert", "{e}" } },
        None => return rsx! { p { class: "loading", role: "status", {ui.t(Msg::Loading)} } },
    };
    let page = d.page.clone();
    let name = page.preferred_name.clone();
    let own_phone = backend.own_resident() == Some(resident);
    let (parts, more) = parts_for(own_phone);
    let part_button = move |p: Part, label: Msg| {
        rsx! {
            button {
                class: if *part.read() == p { "button part selected" } else { "button secondary part" },
                "aria-pressed": if *part.read() == p { "true" } else { "false" },
                onclick: move |_| part.set(p),
                {ui.t(label)}
            }
        }
    };
    rsx! {
        if own_phone {
            StatusBar {}
        }
        div { class: "screen resident-own",
            header { class: "resident-own-header",
                h2 { {ui.tr(Msg::MyPageNamed, &[("name", name.as_str().into())])} }
                LanguagePicker { compact: true, resident }
            }
            nav { class: "resident-parts", "aria-label": "{name}",
                for &(p, label) in parts {
                    {part_button(p, label)}
                }
            }
            match *part.read() {
                Part::Page => rsx! {
                    p { class: "hint", {ui.t(Msg::ResidentModeHint)} }
                    PageView { resident, page, directory: None, resident_mode: true, promises: d.promises.clone(), visit_plans: d.visit_plans }
                },
                Part::Circle => rsx! { CircleView { resident, circle: d.circle.clone(), name: name.clone(), visits: d.visits() } },
                Part::Journal => rsx! { JournalView { resident, journal: d.journal, team_notes: None, read_only: true } },
                Part::Checkin => rsx! { CheckinsView { resident, checkins: d.checkins.clone(), life_areas: d.life_areas, short_checkin: d.short_checkin, resident_mode: true } },
                Part::Story => rsx! { StoryView { resident, story: d.story, resident_mode: true } },
                Part::AboutMe => rsx! { RecordView { resident, name: name.clone(), own: true } },
                Part::ThisPhone => rsx! {
                    if let Some(gate) = gate {
                        section { class: "page-section", "aria-labelledby": "h-lock-now",
                            h3 { id: "h-lock-now", {ui.t(Msg::LockHeading)} }
                            p { class: "hint", {ui.t(Msg::OwnLockHint)} }
                            button { class: "button", onclick: move |_| gate.lock(), {ui.t(Msg::Lock)} }
                        }
                    }
                    ChangePinForm {}
                    StoragePanel {}
                },
            }
            if !more.is_empty() {
                nav { class: "resident-parts resident-more", "aria-label": "{ui.t(Msg::MoreAboutThisPhone)}",
                    for &(p, label) in more {
                        {part_button(p, label)}
                    }
                }
            }
            if !own_phone {
                {give_back(ui, &backend, gate, resident)}
            }
        }
    }
}

/// Parts of her screens, each with its button's words.
type Parts = &'static [(Part, Msg)];

/// The parts of her screens: the first row, and on her own phone the rarer
/// ones, below her page so her words come first.
fn parts_for(own_phone: bool) -> (Parts, Parts) {
    if own_phone {
        (
            &[
                (Part::Page, Msg::MyPage),
                (Part::Circle, Msg::TabCircle),
                (Part::Journal, Msg::NotesFromVisits),
                (Part::Checkin, Msg::TabCheckins),
                (Part::Story, Msg::TabStory),
            ],
            &[(Part::AboutMe, Msg::EverythingAboutMe), (Part::ThisPhone, Msg::ThisPhone)],
        )
    } else {
        // On the supporter's phone too, the notes shared with them: what
        // "shared with the resident" means.
        (
            &[
                (Part::Page, Msg::MyPage),
                (Part::Journal, Msg::NotesFromVisits),
                (Part::Checkin, Msg::TabCheckins),
                (Part::Story, Msg::TabStory),
            ],
            &[],
        )
    }
}

/// "Give the phone back": leaves resident mode and locks, so the phone is
/// back in the supporter's hands only with the supporter's PIN.
fn give_back(ui: Ui, backend: &DeviceClient, gate: Option<Gate>, resident: ResidentId) -> Element {
    let backend = backend.clone();
    rsx! {
        button {
            class: "button give-back",
            onclick: move |_| {
                let backend = backend.clone();
                run_call(ui, None, async move { backend.set_resident_lock(None).await }, move |()| {
                    let mut locked = ui.locked_to;
                    locked.set(None);
                    ui.go(Screen::Resident(resident, Tab::Page));
                    if let Some(gate) = gate {
                        gate.lock();
                    }
                });
            },
            {ui.t(Msg::GiveBack)}
        }
    }
}

/// The screens speak the resident's language while she holds the phone; her
/// own phone (`own_phone`) speaks it always, also when it was chosen on her
/// supporter's phone and came with a sync.
fn use_residents_language(ui: Ui, data: Resource<Result<ResidentData, DeviceError>>, own_phone: bool) {
    use_effect(move || {
        let chosen = match &*data.read() {
            Some(Ok(d)) => d.page.language.as_deref().and_then(Lang::from_tag),
            _ => None,
        };
        ui.speak_residents(chosen);
        if let Some(chosen) = chosen.filter(|_| own_phone) {
            let mut phone = ui.lang;
            if *phone.peek() != chosen {
                phone.set(chosen);
            }
        }
    });
}
