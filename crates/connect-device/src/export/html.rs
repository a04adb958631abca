//! The subject access copy a resident is given: one readable, printable HTML
//! page with everything in a [`ResidentExport`]. Written as a `maud`
//! template, which escapes every value it is given, so no resident's words
//! can become markup. Hidden (archived) items are included and marked,
//! because the resident has a right to see them too.

use connect_model::Timestamp;
use connect_model::history::AuditEntry;
use connect_model::journal::Journal;
use connect_model::page::Item;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::ResidentExport;

/// The page's look: readable on screen and on paper.
const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;\
line-height:1.5;color:#1d2433}h1,h2{color:#1f5c4c}table{border-collapse:collapse;width:100%}\
td,th{border:1px solid #c9ccd3;padding:.25rem .5rem;text-align:left;vertical-align:top}\
.hidden{color:#4a5264;font-style:italic}@media print{body{margin:0}h2{break-after:avoid}}";

fn day(t: Timestamp) -> String {
    t.to_datetime().format("%e %B %Y, %H:%M UTC").to_string()
}

fn by(a: &connect_model::Author) -> String {
    if a.is_resident() { format!("{} (in their own words)", a.name) } else { format!("{} ({})", a.name, a.role) }
}

/// One line of a list of offers, asks or goals.
struct Line {
    text: String,
    hidden: bool,
    about: String,
}

fn item_list(title: &str, lines: &[Line]) -> Markup {
    html! {
        h2 { (title) }
        ul {
            @for line in lines {
                li class=[line.hidden.then_some("hidden")] {
                    (line.text) @if line.hidden { " (hidden)" } " " small { (line.about) }
                }
            }
        }
    }
}

/// An offer, ask or goal as a line: its words, then `what` it is and who added it when.
fn line<D>(item: &Item<D>, what: &str) -> Line {
    Line {
        text: item.text.to_string(),
        hidden: item.archived,
        about: format!("{what}, added by {} on {}", by(&item.author), day(item.created_at)),
    }
}

fn page_part(export: &ResidentExport) -> Markup {
    let Some(p) = &export.page else { return html! {} };
    let offers: Vec<Line> = p.offers.iter().map(|o| line(o, o.details.category.as_str())).collect();
    let asks: Vec<Line> =
        p.asks.iter().map(|a| line(a, &format!("{}, {}", a.details.category, a.details.status))).collect();
    let goals: Vec<Line> = p.goals.iter().map(|g| line(g, g.details.kind.as_str())).collect();
    html! {
        h2 { "About me" }
        p { (p.about_me) }
        (item_list("What I can offer", &offers))
        (item_list("Could you help me with…?", &asks))
        (item_list("Goals", &goals))
    }
}

fn circle_part(export: &ResidentExport) -> Markup {
    let Some(c) = &export.circle else { return html! {} };
    html! {
        h2 { "Circle of care" }
        table {
            tr { th { "Who" } th { "Ring" } th { "Relationship" } th { "Added" } th { "Left" } }
            @for t in &c.ties {
                tr {
                    td { (t.name) }
                    td { (t.ring()) }
                    td { (t.relationship) @if t.two_way { ", both ways" } }
                    td { (day(t.added_at)) }
                    td { (t.archived_at.map(day).unwrap_or_default()) }
                }
            }
        }
    }
}

fn journal_part(title: &str, journal: Option<&Journal>) -> Markup {
    let Some(j) = journal else { return html! {} };
    html! {
        h2 { (title) }
        ul {
            @for e in &j.entries {
                li {
                    (day(e.happened_at)) ": " (e.marker) @if e.archived { " (hidden)" } " — " (e.text) " "
                    small { "written by " (by(&e.author)) }
                }
            }
        }
    }
}

fn promises_part(export: &ResidentExport) -> Markup {
    if export.promises.is_empty() && export.visit_plans.is_empty() {
        return html! {};
    }
    html! {
        h2 { "What we said we'd do" }
        ul {
            @for p in &export.promises {
                li {
                    (p.terms.text) " — to be done by " (p.terms.by) @if !p.terms.by_name.is_empty() { " (" (p.terms.by_name) ")" }
                    @if !p.shared { " (team only)" }
                    ". Written down " (day(p.made_at)) " by " (by(&p.author)) "."
                    @for c in &p.changes {
                        " Marked " (c.state) " " (day(c.at)) " by " (by(&c.by)) "."
                    }
                }
            }
        }
        @if !export.visit_plans.is_empty() {
            h2 { "Next visits planned" }
            ul {
                @for v in &export.visit_plans {
                    li {
                        @match v.plan {
                            connect_model::promise::Plan::On(d) => { (d.format("%e %B %Y").to_string()) }
                            connect_model::promise::Plan::TheyWillCall => { "when they call" }
                        }
                        @if v.reason == connect_model::promise::PlanReason::ResidentNotNow { " (moved at their wish)" }
                        ": set " (day(v.set_at)) " by " (by(&v.by))
                    }
                }
            }
        }
    }
}

fn checkins_part(export: &ResidentExport) -> Markup {
    let Some(c) = &export.checkins else { return html! {} };
    let answer = |v: Option<u8>| v.map_or_else(|| "skipped".to_owned(), |v| v.to_string());
    html! {
        h2 { "Check-ins" }
        table {
            tr {
                th { "When" } th { "Loneliness" } th { "UCLA 3-item total" }
                th { "ONS4 (satisfied, worthwhile, happy, anxious)" } th { "Life map" } th { "Counts in team figures" }
            }
            @for ci in &c.checkins {
                @let o = ci.ons4.unwrap_or_default();
                tr {
                    td { (day(ci.taken_at)) }
                    td {
                        @if ci.not_today { "not today" }
                        @else { (ci.loneliness.map_or_else(|| "skipped".to_owned(), |l| l.to_string())) }
                    }
                    td { (ci.ucla3.and_then(|u| u.total()).map_or_else(|| "—".to_owned(), |t| t.to_string())) }
                    td {
                        (answer(o.life_satisfaction)) ", " (answer(o.worthwhile)) ", " (answer(o.happy)) ", "
                        (answer(o.anxious))
                    }
                    td { (ci.life_map.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ")) }
                    td { @if ci.share_in_reports { "yes" } @else { "no" } }
                }
            }
        }
    }
}

fn story_part(export: &ResidentExport) -> Markup {
    let Some(s) = &export.story else { return html! {} };
    html! {
        h2 { "My story" }
        p { (s.text) }
        p { "Consent now: " strong { (s.consent) } }
        ul { @for c in &s.consent_history { li { (day(c.at)) ": " (c.level) " by " (by(&c.by)) } } }
    }
}

fn audit_row(e: &AuditEntry, local_only: bool) -> Markup {
    let reached = match (e.on_relay, e.accepted_at) {
        (true, Some(at)) => day(at),
        (true, None) => "yes".to_owned(),
        (false, _) if local_only => "not checked".to_owned(),
        (false, _) => "not yet: only on this device".to_owned(),
    };
    html! {
        tr {
            td { (day(e.made_at)) }
            td { (e.kind) }
            td { (e.what) }
            td {
                @match (&e.person, e.role) {
                    (Some(p), Some(r)) => { (p) " (" (r) ")" }
                    (Some(p), None) => { (p) }
                    _ => { "not known on this device" }
                }
            }
            td {
                @if let Some(name) = &e.device_name { (name) " " }
                @match e.device { Some(d) => { code { (d) } } None => { "—" } }
            }
            td { (reached) }
        }
    }
}

fn audit_part(export: &ResidentExport) -> Markup {
    html! {
        h2 { "Who changed what, and when" }
        table {
            tr { th { "When" } th { "Record" } th { "What" } th { "Who" } th { "Device" } th { "Reached the team" } }
            @for e in &export.audit { (audit_row(e, export.audit_is_local_only)) }
        }
        @if export.audit_is_local_only {
            p { small { "Made without asking the team relay: only this device's own changes are named." } }
        }
    }
}

/// Voice notes and photos, in the page itself (as `data:` URLs), so the
/// one file shows every photo and plays every voice note wherever it is opened.
fn media_part(export: &ResidentExport) -> Markup {
    use base64::Engine;
    if export.media.is_empty() {
        return html! {};
    }
    html! {
        h2 { "Voice notes and photos" }
        @for m in &export.media {
            @let words = if m.media.caption.is_empty() { "No caption" } else { m.media.caption.as_str() };
            figure {
                @match export.media_bytes.get(&m.media.hash) {
                    Some(bytes) => {
                        @let url = format!("data:{};base64,{}", m.media.mime, base64::engine::general_purpose::STANDARD.encode(bytes));
                        @if m.media.kind == connect_model::media::MediaKind::Photo {
                            img src=(url) alt=(words) style="max-width: 100%";
                        } @else {
                            audio controls src=(url) { }
                        }
                    }
                    None => p { small { "Kept with the team; not on this device when this copy was made." } }
                }
                figcaption {
                    (words) " — " (m.media.kind.as_str()) ", " (by(&m.media.author)) ", " (day(m.media.added_at))
                    @if m.media.in_my_words() { " (in my words)" }
                    @if !m.media.transcript.is_empty() { br; "Transcript: " (m.media.transcript) }
                }
            }
        }
    }
}

/// Everything in `export` as one readable, printable page.
#[must_use]
pub fn subject_access(export: &ResidentExport) -> String {
    let name = export.page.as_ref().map_or_else(|| export.resident.to_string(), |p| p.preferred_name.clone());
    // A resident's own phone never holds the team-only notes: say only what is so.
    let team_notes = if export.team_notes.is_some() { "notes the team keeps only among itself, " } else { "" };
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                title { "Everything held about " (name) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { "Everything held about " (name) }
                p {
                    "Resident id " (export.resident) ". Exported " (day(export.exported_at)) " from this device. "
                    "This copy includes " (team_notes) "every hidden item, and who changed what and when."
                }
                (page_part(export))
                (circle_part(export))
                (journal_part("Journal (shared with the resident)", export.journal.as_ref()))
                (journal_part("Team-only notes", export.team_notes.as_ref()))
                (promises_part(export))
                (checkins_part(export))
                (story_part(export))
                (media_part(export))
                (audit_part(export))
            }
        }
    };
    page.into_string() + "\n"
}
