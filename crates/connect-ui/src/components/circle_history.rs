//! "How the circle has changed": pick a visit and see the circle as it was
//! then (map, per-ring counts, ties both ways, who is new since the visit
//! before), with a trend chart across the visits.

use connect_model::Timestamp;
use connect_model::circle::{Circle, Ring};
use dioxus::prelude::*;

use crate::components::{ChartSeries, CircleMap, PlacedTie, TrendChart};
use crate::i18n::Msg;
use crate::items::ring_msg;
use crate::state::use_ui;

fn short_date(t: Timestamp) -> String {
    t.to_datetime().format("%e %b").to_string().trim().to_owned()
}

/// The circle over time.
#[component]
pub fn CircleHistory(circle: Circle, visits: Vec<Timestamp>) -> Element {
    let ui = use_ui();
    let now = Timestamp::new(chrono::Utc::now());
    let points = circle.timeline(&visits, now);
    let mut chosen = use_signal(|| points.len().saturating_sub(1));
    if visits.is_empty() {
        return rsx! {
            section { class: "page-section", "aria-labelledby": "h-circle-changed",
                h3 { id: "h-circle-changed", {ui.t(Msg::CircleChanged)} }
                p { class: "empty", {ui.t(Msg::NoVisitsYet)} }
            }
        };
    }
    let index = (*chosen.read()).min(points.len() - 1);
    let point = points[index].clone();
    let placed: Vec<PlacedTie> = circle
        .at(point.at)
        .into_iter()
        .map(|(t, ring)| PlacedTie { id: t.id, name: t.name.clone(), ring, two_way: t.two_way })
        .collect();
    let label_of = |p: &connect_model::circle::CirclePoint| {
        if p.visit { format!("{} {}", ui.t(Msg::VisitOn), short_date(p.at)) } else { ui.t(Msg::Now).to_owned() }
    };
    let chart_points: Vec<String> =
        points.iter().map(|p| if p.visit { short_date(p.at) } else { ui.t(Msg::Now).to_owned() }).collect();
    #[allow(clippy::cast_precision_loss)]
    let series = vec![
        ChartSeries {
            name: ui.t(Msg::InCircle).to_owned(),
            class: "series-a".into(),
            values: points.iter().map(|p| Some(p.summary.in_circle as f64)).collect(),
        },
        ChartSeries {
            name: ui.t(Msg::TwoWayTies).to_owned(),
            class: "series-b".into(),
            values: points.iter().map(|p| Some(p.summary.two_way as f64)).collect(),
        },
    ];
    #[allow(clippy::cast_precision_loss)]
    let top = points.iter().map(|p| p.summary.in_circle.max(p.summary.two_way)).max().unwrap_or(0).max(4) as f64;
    let map_label = format!("{} {}: {}", ui.t(Msg::CircleAt), label_of(&point), ui.t(Msg::CircleMapLabel));
    rsx! {
        section { class: "page-section circle-history", "aria-labelledby": "h-circle-changed",
            h3 { id: "h-circle-changed", {ui.t(Msg::CircleChanged)} }
            div { class: "moment-picker", role: "group", "aria-label": "{ui.t(Msg::CircleAt)}",
                for (i, p) in points.iter().enumerate() {
                    button {
                        class: if i == index { "chip selected" } else { "chip" },
                        "aria-pressed": if i == index { "true" } else { "false" },
                        onclick: move |_| chosen.set(i),
                        {label_of(p)}
                    }
                }
            }
            CircleMap { ties: placed, label: map_label }
            table { class: "ring-counts",
                caption { {ui.t(Msg::CircleAt)} " " {label_of(&point)} }
                tbody {
                    for ring in Ring::ALL.iter().copied() {
                        tr { th { scope: "row", {ui.t(ring_msg(ring))} } td { "{point.summary.per_ring[ring.index()]}" } }
                    }
                    tr { th { scope: "row", {ui.t(Msg::InCircle)} } td { "{point.summary.in_circle}" } }
                    tr { th { scope: "row", {ui.t(Msg::TwoWayTies)} } td { "{point.summary.two_way}" } }
                }
            }
            if index > 0 {
                if point.new_ties.is_empty() {
                    p { {ui.t(Msg::NothingNew)} }
                } else {
                    p { {ui.t(Msg::NewSinceVisit)} " " strong { {point.new_ties.join(", ")} } }
                }
            }
            TrendChart { label: ui.t(Msg::CircleTrendLabel).to_owned(), points: chart_points, series, min: 0.0, max: top }
        }
    }
}
