//! (Coordinator) The team's people: invite someone by name, the invites still
//! waiting, everyone on the team with their phones and assignments, and each
//! resident's record (where a resident is erased), all from the Team screen.

use dioxus::prelude::*;

use crate::components::{InviteList, InvitePanel, PersonRow, ResidentRecords};
use crate::i18n::Msg;
use crate::state::{use_backend_read, use_ui};

/// The people part of the Team screen.
#[component]
pub fn PeopleView() -> Element {
    let ui = use_ui();
    // Read again after anything this screen changes on the team.
    let mut version = use_signal(|| 0_u32);
    let team = use_backend_read(move |backend| {
        let _ = version.read();
        async move {
            let people = backend.people().await?;
            let invites = backend.invites().await?;
            Ok((people, invites))
        }
    });
    let residents = use_backend_read(move |backend| async move { backend.caseload().await });
    let residents = residents.read().clone().and_then(Result::ok).unwrap_or_default();
    let changed = move |()| *version.write() += 1;
    rsx! {
        div { class: "people-view",
            InvitePanel { on_made: changed }
            match team.read().clone() {
                None => rsx! { p { class: "loading", role: "status", {ui.t(Msg::Loading)} } },
                Some(Err(e)) => rsx! { p { class: "notice notice-error", role: "alert", "{e}" } },
                Some(Ok((people, invites))) => rsx! {
                    InviteList { invites: invites, on_change: changed }
                    section { class: "page-section", "aria-labelledby": "h-people",
                        h3 { id: "h-people", {ui.t(Msg::PeopleOnTeam)} }
                        ul { class: "item-list",
                            for person in people.people.clone() {
                                PersonRow {
                                    key: "{person.person_id}",
                                    devices: people.devices.iter().filter(|d| d.person.person_id == person.person_id).cloned().collect::<Vec<_>>(),
                                    person,
                                    residents: residents.clone(),
                                    on_change: changed,
                                }
                            }
                        }
                    }
                },
            }
            ResidentRecords { residents }
        }
    }
}
