//! A small line chart drawn as SVG: one or two series over time, with its
//! numbers also in a table for screen readers and for anyone who prefers
//! numbers to lines.

use dioxus::prelude::*;

/// One line on a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSeries {
    /// What it is ("In the circle").
    pub name: String,
    /// A CSS class for its colour.
    pub class: String,
    /// The values, one per point (missing points are skipped).
    pub values: Vec<Option<f64>>,
}

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 160.0;
const PAD: f64 = 28.0;

/// A line chart with labelled points along the bottom.
#[component]
pub fn TrendChart(label: String, points: Vec<String>, series: Vec<ChartSeries>, min: f64, max: f64) -> Element {
    let n = points.len();
    #[allow(clippy::cast_precision_loss)]
    let x = move |i: usize| if n <= 1 { WIDTH / 2.0 } else { PAD + (WIDTH - 2.0 * PAD) * i as f64 / (n - 1) as f64 };
    let span = (max - min).max(1.0);
    let y = move |v: f64| HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * ((v - min) / span);
    // (colour class, SVG polyline points, each dot's x, y and value)
    type Line = (String, String, Vec<(f64, f64, f64)>);
    let lines: Vec<Line> = series
        .iter()
        .map(|s| {
            let dots: Vec<(f64, f64, f64)> =
                s.values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (x(i), y(v), v))).collect();
            let path = dots.iter().map(|(px, py, _)| format!("{px:.1},{py:.1}")).collect::<Vec<_>>().join(" ");
            (s.class.clone(), path, dots)
        })
        .collect();
    let ticks = [min, f64::midpoint(min, max), max];
    rsx! {
        figure { class: "trend-chart",
            svg { view_box: "0 0 {WIDTH} {HEIGHT}", width: "100%", role: "img", "aria-label": "{label}",
                for t in ticks {
                    line { class: "grid", x1: "{PAD}", x2: "{WIDTH - PAD}", y1: "{y(t):.1}", y2: "{y(t):.1}" }
                    text { class: "tick", x: "4", y: "{y(t) + 4.0:.1}", "{t:.0}" }
                }
                for (class, path, dots) in lines {
                    polyline { class: "line {class}", points: "{path}" }
                    for (px, py, _) in dots {
                        circle { class: "point {class}", cx: "{px:.1}", cy: "{py:.1}", r: "4" }
                    }
                }
                for (i, p) in points.iter().enumerate() {
                    text { class: "tick", x: "{x(i):.1}", y: "{HEIGHT - 6.0}", text_anchor: "middle", "{p}" }
                }
            }
            figcaption {
                ul { class: "legend",
                    for s in series.iter() {
                        li { span { class: "swatch {s.class}", "aria-hidden": "true" } "{s.name}" }
                    }
                }
                table { class: "chart-table",
                    caption { class: "visually-hidden", "{label}" }
                    thead { tr { th { scope: "col", "" } for p in points.iter() { th { scope: "col", "{p}" } } } }
                    tbody {
                        for s in series.iter() {
                            tr {
                                th { scope: "row", "{s.name}" }
                                for v in s.values.iter() {
                                    td { {v.map_or_else(|| "—".to_owned(), |v| format!("{v:.0}"))} }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
