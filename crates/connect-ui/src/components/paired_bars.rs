//! Circles of care at the first visit and the latest, ring by ring: paired
//! bars drawn as SVG, with the same numbers in a table.

use connect_model::circle::Ring;
use connect_model::insights::{Figure, TeamInsights};
use dioxus::prelude::*;

use crate::components::insights_view::shown;
use crate::i18n::Msg;
use crate::item_view::ring_msg;
use crate::state::use_ui;

const BAR_W: f64 = 320.0;
const ROW_H: f64 = 34.0;
const LABEL_W: f64 = 120.0;

/// Median ties per ring at the first and latest visit, as paired bars (and a
/// table with the same numbers).
#[component]
pub fn PairedBars(insights: TeamInsights) -> Element {
    let ui = use_ui();
    let rows: Vec<(String, Figure, Figure)> = Ring::ALL
        .iter()
        .map(|r| {
            (ui.t(ring_msg(*r)), insights.circle_first.per_ring[r.index()], insights.circle_latest.per_ring[r.index()])
        })
        .chain([(ui.t(Msg::TwoWayTies), insights.circle_first.two_way, insights.circle_latest.two_way)])
        .collect();
    let top = rows.iter().flat_map(|(_, a, b)| [a.value(), b.value()]).flatten().fold(1.0_f64, f64::max);
    let width = move |f: Figure| f.value().map_or(0.0, |v| (BAR_W - LABEL_W - 30.0) * v / top);
    #[allow(clippy::cast_precision_loss)]
    let height = ROW_H * rows.len() as f64 + 10.0;
    let label = ui.t(Msg::CircleGrowth);
    rsx! {
        figure { class: "paired-bars",
            svg { view_box: "0 0 {BAR_W} {height}", width: "100%", role: "img", "aria-label": "{label}",
                for (i, (name, first, latest)) in rows.iter().enumerate() {
                    g {
                        text { class: "tick", x: "0", y: "{ROW_H * i as f64 + 20.0}", "{name}" }
                        rect { class: "bar series-b", x: "{LABEL_W}", y: "{ROW_H * i as f64 + 6.0}", width: "{width(*first):.1}", height: "10" }
                        rect { class: "bar series-a", x: "{LABEL_W}", y: "{ROW_H * i as f64 + 18.0}", width: "{width(*latest):.1}", height: "10" }
                    }
                }
            }
            figcaption {
                ul { class: "legend",
                    li { span { class: "swatch series-b", "aria-hidden": "true" } {ui.t(Msg::FirstVisit)} }
                    li { span { class: "swatch series-a", "aria-hidden": "true" } {ui.t(Msg::LatestVisit)} }
                }
                table { class: "chart-table",
                    caption { class: "visually-hidden", "{label}" }
                    thead { tr { th { scope: "col", "" } th { scope: "col", {ui.t(Msg::FirstVisit)} } th { scope: "col", {ui.t(Msg::LatestVisit)} } } }
                    tbody {
                        for (name, first, latest) in rows.iter() {
                            tr { th { scope: "row", "{name}" } td { {shown(*first, ui)} } td { {shown(*latest, ui)} } }
                        }
                    }
                }
            }
        }
    }
}
