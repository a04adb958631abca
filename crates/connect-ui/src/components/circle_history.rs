//! "How the circle has changed": pick a visit and see the circle as it was
//! then (map, per-ring counts, ties both ways, who is new since the visit
//! before), with a trend chart across the visits.

use connect_model::Timestamp;
use connect_model::circle::{Circle, CirclePoint, CircleSummary, Ring};
use dioxus::prelude::*;

use crate::components::{ChartSeries, CircleMap, PlacedTie, TrendChart};
use crate::i18n::Msg;
use crate::item_view::ring_msg;
use crate::state::use_ui;
use crate::when::{date, short_timestamp};

/// The circle over time.
#[component]
pub fn CircleHistory(circle: Circle, visits: Vec<Timestamp>) -> Element {
    let ui = use_ui();
    let now = Timestamp::new(chrono::Utc::now());
    let points = circle.timeline(&visits, now);
    let mut chosen = use_signal(|| points.len().saturating_sub(1));
    // Any earlier date, not only a visit: the day picked, as it stood at its end.
    let mut picked: Signal<Option<Timestamp>> = use_signal(|| None);
    if visits.is_empty() {
        return rsx! {
            section { class: "page-section", "aria-labelledby": "h-circle-changed",
                h3 { id: "h-circle-changed", {ui.t(Msg::CircleChanged)} }
                p { class: "empty", {ui.t(Msg::NoVisitsYet)} }
            }
        };
    }
    let index = (*chosen.read()).min(points.len() - 1);
    let picked_at = *picked.read();
    let point = match picked_at {
        Some(day) => CirclePoint { at: day, visit: false, summary: circle.summary_at(day), new_ties: Vec::new() },
        None => points[index].clone(),
    };
    let placed: Vec<PlacedTie> = circle
        .at(point.at)
        .into_iter()
        .map(|(t, ring)| PlacedTie { id: t.id, name: t.name.clone(), ring, two_way: t.two_way })
        .collect();
    let label_of = move |p: &CirclePoint| {
        if p.visit {
            ui.tr(Msg::VisitOn, &[("day", short_timestamp(ui.lang(), p.at).into())])
        } else if picked_at.is_some() {
            date(ui.lang(), p.at.to_datetime().with_timezone(&chrono::Local).date_naive(), true)
        } else {
            ui.t(Msg::Now)
        }
    };
    let map_label =
        format!("{}: {}", ui.tr(Msg::CircleAt, &[("when", label_of(&point).into())]), ui.t(Msg::CircleMapLabel));
    rsx! {
        section { class: "page-section circle-history", "aria-labelledby": "h-circle-changed",
            h3 { id: "h-circle-changed", {ui.t(Msg::CircleChanged)} }
            div { class: "moment-picker", role: "group", "aria-label": "{ui.t(Msg::CircleAtEachVisit)}",
                for (i, p) in points.iter().enumerate() {
                    button {
                        class: if i == index && picked_at.is_none() { "chip selected" } else { "chip" },
                        "aria-pressed": if i == index && picked_at.is_none() { "true" } else { "false" },
                        onclick: move |_| {
                            picked.set(None);
                            chosen.set(i);
                        },
                        {label_of(p)}
                    }
                }
            }
            label { class: "field compact date-pick",
                span { class: "label", {ui.t(Msg::OrPickADate)} }
                input {
                    r#type: "date",
                    max: "{now.to_datetime().format(\"%Y-%m-%d\")}",
                    value: picked_at.map(|d| d.to_datetime().format("%Y-%m-%d").to_string()).unwrap_or_default(),
                    onchange: move |e| {
                        let day = chrono::NaiveDate::parse_from_str(&e.value(), "%Y-%m-%d").ok();
                        picked.set(day.and_then(|d| d.and_hms_opt(0, 0, 0)).map(|d| Timestamp::new(d.and_utc()).end_of_day()));
                    },
                }
            }
            CircleMap { ties: placed, label: map_label }
            RingCounts { caption: label_of(&point), summary: point.summary }
            if index > 0 && picked_at.is_none() {
                if point.new_ties.is_empty() {
                    p { {ui.t(Msg::NothingNew)} }
                } else {
                    p { {ui.t(Msg::NewSinceVisit)} " " strong { {point.new_ties.join(", ")} } }
                }
            }
            CircleTrend { points }
        }
    }
}

/// The circle's size per ring at one moment, as a table.
#[component]
fn RingCounts(caption: String, summary: CircleSummary) -> Element {
    let ui = use_ui();
    rsx! {
        table { class: "ring-counts",
            caption { {ui.tr(Msg::CircleAt, &[("when", caption.as_str().into())])} }
            tbody {
                for ring in Ring::ALL.iter().copied() {
                    tr { th { scope: "row", {ui.t(ring_msg(ring))} } td { "{summary.per_ring[ring.index()]}" } }
                }
                tr { th { scope: "row", {ui.t(Msg::InCircle)} } td { "{summary.in_circle}" } }
                tr { th { scope: "row", {ui.t(Msg::TwoWayTies)} } td { "{summary.two_way}" } }
            }
        }
    }
}

/// Ties in the circle and ties both ways, at each visit and now.
#[component]
fn CircleTrend(points: Vec<CirclePoint>) -> Element {
    let ui = use_ui();
    let labels: Vec<String> =
        points.iter().map(|p| if p.visit { short_timestamp(ui.lang(), p.at) } else { ui.t(Msg::Now) }).collect();
    #[allow(clippy::cast_precision_loss)]
    let series = vec![
        ChartSeries {
            name: ui.t(Msg::InCircle),
            class: "series-a".into(),
            values: points.iter().map(|p| Some(p.summary.in_circle as f64)).collect(),
        },
        ChartSeries {
            name: ui.t(Msg::TwoWayTies),
            class: "series-b".into(),
            values: points.iter().map(|p| Some(p.summary.two_way as f64)).collect(),
        },
    ];
    #[allow(clippy::cast_precision_loss)]
    let top = points.iter().map(|p| p.summary.in_circle.max(p.summary.two_way)).max().unwrap_or(0).max(4) as f64;
    rsx! {
        TrendChart { label: ui.t(Msg::CircleTrendLabel), points: labels, series, min: 0.0, max: top }
    }
}
