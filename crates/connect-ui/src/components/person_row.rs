//! (Coordinator) One person on the team: their role and phones, a resident
//! to assign to them (or whose assignment ends), and taking them or one of
//! their phones off the team, each after a second step.

use connect_model::caseload::CaseloadRow;
use connect_model::{AuthorRole, ResidentId};
use connect_sync::api::{Device, Person};
use dioxus::prelude::*;

use crate::components::ConfirmStep;
use crate::i18n::{Msg, role_noun};
use crate::state::{Ui, run_call, use_backend, use_ui};

/// What the row is asking before it acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asking {
    /// Take the person off the team.
    RemovePerson,
    /// Remove one of their phones.
    Revoke(connect_model::DeviceId),
}

/// The person, their devices, and the residents that may be assigned to
/// them; `on_change` after anything changes on the team.
#[component]
pub fn PersonRow(
    person: Person,
    devices: Vec<Device>,
    residents: Vec<CaseloadRow>,
    on_change: EventHandler<()>,
) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let mut asking: Signal<Option<Asking>> = use_signal(|| None);
    let mut chosen: Signal<Option<ResidentId>> = use_signal(|| None);
    let busy = use_signal(|| false);
    let id = person.person_id;
    let name = person.name.clone();
    let assigns = !person.removed && person.role != AuthorRole::Resident;
    let assign = {
        let backend = backend.clone();
        move |assigned: bool| {
            let Some(resident) = *chosen.read() else {
                ui.error(ui.t(Msg::ChooseTheResident));
                return;
            };
            let backend = backend.clone();
            run_call(ui, Some(busy), async move { backend.assign(resident, id, assigned).await }, move |()| {
                ui.news(ui.t(if assigned { Msg::Assigned } else { Msg::AssignmentEnded }));
                on_change.call(());
            });
        }
    };
    let act = {
        let name = name.clone();
        move |what: Asking| {
            let backend = backend.clone();
            let name = name.clone();
            asking.set(None);
            match what {
                Asking::RemovePerson => {
                    run_call(ui, Some(busy), async move { backend.remove_person(id).await }, move |_| {
                        ui.news(ui.tr(Msg::TakenOffTeam, &[("name", name.as_str().into())]));
                        on_change.call(());
                    });
                }
                Asking::Revoke(device) => {
                    run_call(ui, Some(busy), async move { backend.revoke(device).await }, move |()| {
                        ui.news(ui.t(Msg::PhoneRemoved));
                        on_change.call(());
                    });
                }
            }
        }
    };
    let assign_to = assign.clone();
    let end_it = assign;
    rsx! {
        li { class: if person.removed { "item person removed" } else { "item person" },
            p { class: "item-text", strong { "{name}" } " (" {ui.t(role_noun(person.role))} ")" }
            if person.removed {
                p { class: "item-meta", {ui.t(Msg::OffTheTeam)} }
            }
            {phone_list(ui, devices, !person.removed, asking)}
            if assigns {
                div { class: "assign",
                    label { class: "field",
                        span { class: "label", {ui.t(Msg::AResident)} }
                        select { onchange: move |e| chosen.set(e.value().parse().ok()),
                            option { value: "", {ui.t(Msg::ChooseOne)} }
                            for row in residents {
                                option { value: "{row.resident}", "{row.preferred_name}" }
                            }
                        }
                    }
                    div { class: "actions",
                        button { class: "button secondary", disabled: *busy.read(), onclick: move |_| assign_to(true), {ui.tr(Msg::AssignTo, &[("name", name.as_str().into())])} }
                        button { class: "button secondary", disabled: *busy.read(), onclick: move |_| end_it(false), {ui.t(Msg::EndAssignment)} }
                    }
                }
            }
            if !person.removed {
                button { class: "button secondary", onclick: move |_| asking.set(Some(Asking::RemovePerson)),
                    {ui.tr(Msg::TakeOffTeam, &[("name", name.as_str().into())])}
                }
            }
            {confirm_step(ui, *asking.read(), &name, act, asking)}
        }
    }
}

/// The person's phones, each with "Remove this phone" while it may be.
fn phone_list(ui: Ui, devices: Vec<Device>, removable: bool, mut asking: Signal<Option<Asking>>) -> Element {
    rsx! {
    ul { class: "devices", "aria-label": "{ui.t(Msg::TheirPhones)}",
        for d in devices {
            li { key: "{d.device_id}",
                span { "{d.name}" }
                if d.revoked {
                    span { class: "item-meta", " · " {ui.t(Msg::PhoneRemovedState)} }
                } else if removable {
                    button { class: "link-button", onclick: move |_| asking.set(Some(Asking::Revoke(d.device_id))),
                        {ui.t(Msg::RemoveThisPhone)} span { class: "visually-hidden", " {d.name}" }
                    }
                }
            }
        }
    }
    }
}

/// The second step of taking someone off the team or removing a phone.
fn confirm_step(
    ui: Ui,
    what: Option<Asking>,
    name: &str,
    act: impl FnMut(Asking) + Clone + 'static,
    mut asking: Signal<Option<Asking>>,
) -> Element {
    match what {
        Some(what @ Asking::RemovePerson) => rsx! {
            ConfirmStep {
                question: format!("{} {}", ui.tr(Msg::TakeOffTeamAsk, &[("name", name.into())]), ui.t(Msg::TakeOffTeamWarning)),
                yes: ui.tr(Msg::TakeOffTeam, &[("name", name.into())]),
                on_yes: { let mut act = act; move |()| act(what) },
                on_no: move |()| asking.set(None),
            }
        },
        Some(what @ Asking::Revoke(_)) => rsx! {
            ConfirmStep {
                question: ui.t(Msg::RemovePhoneWarning),
                yes: ui.t(Msg::RemoveThisPhone),
                on_yes: { let mut act = act; move |()| act(what) },
                on_no: move |()| asking.set(None),
            }
        },
        None => rsx! {},
    }
}
