//! The circle of care: the map, the same people as a list (for screen readers
//! and small screens), moving someone to another ring, adding someone, and
//! how the circle has changed over the visits.

use connect_model::circle::{Circle, Ring};
use connect_model::{ResidentId, Timestamp};
use dioxus::prelude::*;

use crate::components::{AddTieForm, CircleHistory, CircleMap, PlacedTie};
use crate::i18n::Msg;
use crate::item_view::ring_msg;
use crate::state::{apply_edit, use_backend, use_ui};
use connect_device::Edit;

/// The circle tab.
#[component]
pub fn CircleView(resident: ResidentId, circle: Option<Circle>, name: String, visits: Vec<Timestamp>) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let Some(circle) = circle else { return rsx! { p { class: "empty", {ui.t(Msg::NoTies)} } } };
    let ties: Vec<_> = circle.current().cloned().collect();
    rsx! {
        div { class: "circle-view",
            CircleMap { ties: PlacedTie::now(&ties), label: ui.t(Msg::CircleMapLabel) }
            section { "aria-labelledby": "h-circle-list",
                h3 { id: "h-circle-list", {ui.t(Msg::CircleListHeading)} }
                if ties.is_empty() { p { class: "empty", {ui.t(Msg::NoTies)} } }
                for ring in Ring::ALL.iter().copied() {
                    if ties.iter().any(|t| t.ring() == ring) {
                        h4 { class: "ring-heading ring-{ring}", {ui.t(ring_msg(ring))} }
                        ul { class: "item-list",
                            for tie in ties.iter().filter(|t| t.ring() == ring).cloned() {
                                li { key: "{tie.id}", class: "item",
                                    p { class: "item-text", "{tie.name}" }
                                    p { class: "item-meta",
                                        if !tie.relationship.is_empty() { span { "{tie.relationship}" } }
                                        if tie.two_way { span { class: "tag", "⇄ " {ui.t(Msg::Both)} } }
                                    }
                                    label { class: "field compact",
                                        span { class: "label", {ui.t(Msg::MoveTo)} " " span { class: "visually-hidden", "{tie.name}" } }
                                        select {
                                            onchange: {
                                                let backend = backend.clone();
                                                let id = tie.id;
                                                move |e: FormEvent| {
                                                    if let Ok(r) = e.value().parse::<Ring>() {
                                                        apply_edit(backend.clone(), ui, resident, Edit::MoveTie { tie: id, ring: r }, None);
                                                    }
                                                }
                                            },
                                            for r in Ring::ALL.iter().copied() {
                                                option { value: "{r}", selected: r == ring, {ui.t(ring_msg(r))} }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            AddTieForm { resident, name }
            CircleHistory { circle, visits }
        }
    }
}
