//! The circle of care drawn as rings: closest at the centre, "could be
//! possible" outside. Decorative detail is hidden from screen readers; the
//! list beside it carries the same information.

use connect_model::ItemId;
use connect_model::circle::{Ring, Tie};
use dioxus::prelude::*;

use crate::item_view::ring_msg;
use crate::state::use_ui;

const SIZE: f64 = 320.0;
const CENTRE: f64 = SIZE / 2.0;
/// Outer radius of each ring band, innermost first.
const RADII: [f64; 5] = [40.0, 70.0, 100.0, 130.0, 156.0];

/// A tie placed on a ring, at some moment.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedTie {
    /// Which tie.
    pub id: ItemId,
    /// Their name.
    pub name: String,
    /// The ring then.
    pub ring: Ring,
    /// Support both ways.
    pub two_way: bool,
}

impl PlacedTie {
    /// Ties as they are now.
    #[must_use]
    pub fn now(ties: &[Tie]) -> Vec<Self> {
        ties.iter().map(|t| Self { id: t.id, name: t.name.clone(), ring: t.ring(), two_way: t.two_way }).collect()
    }
}

/// The SVG map of the circle.
#[component]
pub fn CircleMap(ties: Vec<PlacedTie>, label: String) -> Element {
    let mut dots = Vec::new();
    for ring in Ring::ALL.iter().copied() {
        let on_ring: Vec<&PlacedTie> = ties.iter().filter(|t| t.ring == ring).collect();
        let i = ring.index();
        let inner = if i == 0 { 0.0 } else { RADII[i - 1] };
        let r = if i == 0 { 20.0 } else { (inner + RADII[i]) / 2.0 };
        for (k, tie) in on_ring.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let angle = (k as f64 / on_ring.len().max(1) as f64) * std::f64::consts::TAU - std::f64::consts::FRAC_PI_2
                + i as f64 * 0.45;
            let initial: String = tie.name.chars().next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
            dots.push((CENTRE + r * angle.cos(), CENTRE + r * angle.sin(), initial, tie.two_way, tie.name.clone()));
        }
    }
    let ui = use_ui();
    rsx! {
        figure { class: "circle-map",
            svg {
                view_box: "0 0 {SIZE} {SIZE}",
                width: "100%",
                role: "img",
                "aria-label": "{label}",
                for i in (0..5).rev() {
                    circle {
                        cx: "{CENTRE}", cy: "{CENTRE}", r: "{RADII[i]}",
                        class: "ring ring-{i}",
                        stroke_dasharray: if i == 4 { "6 4" } else { "none" },
                    }
                }
                for (x, y, initial, two_way, name) in dots {
                    g { class: if two_way { "dot two-way" } else { "dot" },
                        title { "{name}" }
                        circle { cx: "{x}", cy: "{y}", r: "12" }
                        text { x: "{x}", y: "{y}", dy: "0.35em", text_anchor: "middle", "{initial}" }
                    }
                }
            }
            figcaption {
                ul { class: "legend",
                    for ring in Ring::ALL.iter().copied() {
                        li { span { class: "swatch ring-{ring.index()}", "aria-hidden": "true" } {ui.t(ring_msg(ring))} }
                    }
                }
            }
        }
    }
}
