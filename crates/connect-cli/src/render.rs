//! What the command line prints for people (with `--json` it prints the
//! values themselves instead): one function per kind of answer.

use connect_device::api::AuditView;
use connect_device::export::ResidentExport;
use connect_model::matching::Suggestion;
use connect_model::promise::{Plan, Promise, PromiseBy, PromiseState, PromiseTerms, When};
use connect_model::today::{Today, TodayPromise, TodayVisit};
use connect_model::{Author, AuthorRole, DeviceId, checkin, journal};
use connect_store::{CaseloadRow, DocumentStore, SearchHit, SyncStatus};
use connect_sync::SyncReport;
use connect_sync::api::{InviteInfo, InviteState, PeopleResponse};
use serde::Serialize;

use crate::commands::Session;

/// Writes to stdout; a reader that went away (`connect … | head`) is not an error.
pub(crate) fn write_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

fn sync_words(status: SyncStatus) -> &'static str {
    match status {
        SyncStatus::OnlyOnThisDevice => "only on this device",
        SyncStatus::ChangesWaiting => "changes waiting",
        SyncStatus::OnRelay => "on the relay",
    }
}

/// `connect resident list`.
pub(crate) fn caseload(rows: &[CaseloadRow]) -> String {
    let mut out = String::new();
    for r in rows {
        out.push_str(&format!(
            "{}  {:<24} offers {:>2}  asks open {:>2}  circle {:>2}  last contact {}  {}\n",
            r.resident,
            r.preferred_name,
            r.offers,
            r.asks_open,
            r.circle_size,
            r.last_contact.map_or("never".into(), |t| t.to_datetime().format("%Y-%m-%d").to_string()),
            sync_words(r.sync),
        ));
    }
    if rows.is_empty() {
        out.push_str("No residents on this device yet.\n");
    }
    out
}

/// `connect search`.
pub(crate) fn hits(hits: &[SearchHit]) -> String {
    let mut out = String::new();
    for h in hits {
        out.push_str(&format!("{}  {:<20} {:<6} {}\n", h.resident, h.preferred_name, h.field, h.text));
    }
    if hits.is_empty() {
        out.push_str("Nothing found.\n");
    }
    out
}

/// `connect match`.
pub(crate) fn suggestions(suggestions: &[Suggestion]) -> String {
    let mut out = String::new();
    for m in suggestions {
        let why: Vec<String> = m.reasons.iter().map(ToString::to_string).collect();
        out.push_str(&format!(
            "{} asks: {}\n  {} offers: {}\n  why: {}\n",
            m.ask.name,
            m.ask.text,
            m.offer.name,
            m.offer.text,
            why.join("; ")
        ));
    }
    if suggestions.is_empty() {
        out.push_str("No suggestions: no open ask shares words or a kind of help with another resident's offer.\n");
    }
    out
}

/// `connect people`.
pub(crate) fn people(people: &PeopleResponse) -> String {
    let mut out = String::new();
    for p in &people.people {
        let gone = if p.removed { "  (taken off the team)" } else { "" };
        out.push_str(&format!("{}  {:<12} {}{gone}\n", p.person_id, p.role.as_str(), p.name));
    }
    for d in &people.devices {
        out.push_str(&format!("device {}  {}{}\n", d.device_id, d.name, if d.revoked { "  (revoked)" } else { "" }));
    }
    out
}

/// `connect invites`: one line per invite, newest first.
pub(crate) fn invites(invites: &[InviteInfo]) -> String {
    let mut out = String::new();
    for i in invites {
        let state = match i.state {
            InviteState::Pending => "pending",
            InviteState::Used => "used",
            InviteState::Expired => "expired",
            InviteState::Cancelled => "cancelled",
        };
        out.push_str(&format!(
            "{}  {:<11} {:<9} expires {}  {}\n",
            i.details.invite_id,
            i.details.role.as_str(),
            state,
            i.details.expires_at.to_datetime().format("%Y-%m-%d %H:%M"),
            i.details.name.as_deref().unwrap_or("(no name)"),
        ));
    }
    if invites.is_empty() {
        out.push_str("No invites.\n");
    }
    out
}

/// `connect history`: who changed what about a resident, and when.
pub(crate) fn history(audit: &AuditView) -> String {
    let mut out = String::new();
    for e in &audit.entries {
        let who = e.person.as_deref().map_or_else(
            || e.device.map_or_else(|| "unknown".to_owned(), |d| format!("device {d}")),
            |p| e.role.map_or_else(|| p.to_owned(), |r| format!("{p} ({r})")),
        );
        let reached = if e.on_relay {
            "on the relay"
        } else if audit.relay_problem.is_some() {
            ""
        } else {
            "only on this device"
        };
        out.push_str(&format!(
            "{}  {:<10} {:<24} {who}  {reached}\n",
            e.made_at.to_datetime().format("%Y-%m-%d %H:%M:%S"),
            e.kind.as_str(),
            e.what,
        ));
    }
    out
}

/// `connect sync`.
pub(crate) fn sync_report(report: &SyncReport) -> String {
    let mut out = format!(
        "Synced in {} round trip{}: {} bytes up, {} bytes down, {} documents changed here, {} sent.\n",
        report.rounds,
        if report.rounds == 1 { "" } else { "s" },
        report.bytes_up,
        report.bytes_down,
        report.documents_changed,
        report.documents_sent,
    );
    if report.documents_erased > 0 {
        out.push_str(&format!(
            "{} documents were erased on request and removed from this device.\n",
            report.documents_erased
        ));
    }
    for (id, reason) in &report.rejected {
        out.push_str(&format!("The relay did not accept {id}: {reason}. Your changes stay on this device.\n"));
    }
    out.push_str(&match report.pending {
        0 => "Everything on this device is on the relay.\n".to_owned(),
        n => format!("{n} documents have changes not yet on the relay.\n"),
    });
    out
}

/// `connect status`.
pub(crate) fn status(s: &Session) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct Status {
        device_id: DeviceId,
        device_name: String,
        person_name: String,
        role: AuthorRole,
        store: String,
        encrypted: bool,
        residents: usize,
        documents: usize,
        pending: usize,
        last_sync: Option<String>,
        relay: Option<String>,
        /// On a resident's own phone, whose it is.
        own_resident: Option<connect_model::ResidentId>,
        /// Voice notes and photos made here and not yet with the team.
        media_pending: u32,
    }
    let me = s.device.me().map_err(|e| s.said(e))?;
    let overview = s.device.overview().map_err(|e| s.said(e))?;
    let own_resident = s.device.opened().map_err(|e| s.said(e))?.own_resident;
    let (encrypted, residents, documents) = s
        .device
        .with_store(|store| Ok((store.is_encrypted(), store.caseload()?.len(), store.document_ids()?.len())))
        .map_err(|e| s.said(e))?;
    let st = Status {
        device_id: me.device_id,
        device_name: me.device_name,
        person_name: me.person_name,
        role: me.role,
        store: s.path().display().to_string(),
        encrypted,
        residents,
        documents,
        pending: overview.pending,
        last_sync: overview.last_sync,
        relay: overview.relay,
        own_resident,
        media_pending: overview.media_pending.total(),
    };
    s.print(&st, || {
        format!(
            "Device {} ({}) for {} ({})\nStore {} ({})\n{} residents, {} documents, {} with changes not yet on the relay\nLast sync: {}\n{}",
            st.device_id,
            st.device_name,
            st.person_name,
            st.role,
            st.store,
            if st.encrypted { "encrypted" } else { "NOT encrypted: run `connect encrypt`" },
            st.residents,
            st.documents,
            st.pending,
            st.last_sync.as_deref().unwrap_or("never"),
            st.own_resident.map(|r| format!("A resident's own phone: {r}\n")).unwrap_or_default(),
        )
    })
}

/// A check-in's scores in words: "UCLA 3-item total 8; ONS4 life
/// satisfaction 6 (medium), …; loneliness: occasionally; life map: home green".
fn checkin_words(c: &checkin::CheckIn) -> String {
    if c.not_today {
        return " not today".to_owned();
    }
    let scores = c.scores();
    let mut parts = Vec::new();
    if let Some(total) = scores.ucla3_total {
        parts.push(format!("UCLA 3-item total {total}"));
    }
    let ons4: Vec<String> = scores
        .ons4_items()
        .iter()
        .map(|(item, s)| format!("{} {} ({})", item.as_str().replace('-', " "), s.answer, s.band))
        .collect();
    if !ons4.is_empty() {
        parts.push(format!("ONS4 {}", ons4.join(", ")));
    }
    if let Some(lonely) = scores.loneliness {
        parts.push(format!("loneliness: {lonely}"));
    }
    if !scores.life_map.is_empty() {
        let areas: Vec<String> = scores.life_map.iter().map(|(area, rag)| format!("{area} {rag}")).collect();
        parts.push(format!("life map: {}", areas.join(", ")));
    }
    if parts.is_empty() { " no answers".to_owned() } else { format!(" {}", parts.join("; ")) }
}

/// A readable account of everything held about a resident.
pub(crate) fn describe(all: &ResidentExport) -> String {
    let mut out = String::new();
    let who = |a: &Author| if a.is_resident() { "in their words".to_owned() } else { format!("added by {}", a.name) };
    if let Some(p) = &all.page {
        out.push_str(&format!("{}  ({})\n", p.preferred_name, p.resident));
        if !p.about_me.is_empty() {
            out.push_str(&format!("About me: {}\n", p.about_me));
        }
        out.push_str("\nWhat I can offer:\n");
        for o in p.current_offers() {
            out.push_str(&format!("  - {} [{}] ({}) {}\n", o.text, o.details.category, who(&o.author), o.id));
        }
        out.push_str("\nCould you help me with…?\n");
        for a in p.current_asks() {
            out.push_str(&format!("  - {} [{}] ({}) {}\n", a.text, a.details.status, who(&a.author), a.id));
        }
        out.push_str("\nGoals:\n");
        for g in p.current_goals() {
            out.push_str(&format!("  - {} ({}) {}\n", g.text, who(&g.author), g.id));
        }
    }
    if let Some(c) = &all.circle {
        out.push_str("\nCircle of care:\n");
        for t in c.current() {
            let both = if t.two_way { ", both ways" } else { "" };
            out.push_str(&format!("  - {} ({}{}) on {} {}\n", t.name, t.relationship, both, t.ring(), t.id));
        }
    }
    for j in [&all.journal, &all.team_notes].into_iter().flatten() {
        out.push_str(match j.visibility {
            journal::Visibility::Shared => "\nJournal (shared with the resident):\n",
            journal::Visibility::TeamOnly => "\nTeam-only notes:\n",
        });
        for e in j.entries.iter().filter(|e| !e.archived) {
            let text = if e.text.is_empty() { "(no words)" } else { e.text.as_str() };
            out.push_str(&format!("  - {} {}: {}\n", e.happened_at.to_datetime().format("%Y-%m-%d"), e.marker, text));
        }
    }
    if let Some(c) = &all.checkins {
        out.push_str(&format!("\nCheck-ins: {}\n", c.checkins.len()));
        if let Some(l) = c.latest() {
            if let Some(total) = l.ucla3.and_then(|u| u.total()) {
                out.push_str(&format!("  latest UCLA 3-item total {total}\n"));
            }
            if let Some(lonely) = l.loneliness {
                out.push_str(&format!("  latest loneliness answer: {lonely}\n"));
            }
        }
        for checkin in c.checkins.iter().filter(|c| !c.archived) {
            out.push_str(&format!("  - {}:", checkin.taken_at.to_datetime().format("%Y-%m-%d")));
            out.push_str(&checkin_words(checkin));
            out.push('\n');
        }
    }
    if let Some(s) = &all.story {
        out.push_str(&format!("\nStory (consent: {}): {}\n", s.consent, s.text));
    }
    out
}

/// A promise as `connect promise list --json` prints it: the promise, with
/// where it stands and when it was kept spelled out.
#[derive(Serialize)]
pub(crate) struct PromiseOut<'a> {
    #[serde(flatten)]
    promise: &'a Promise,
    state: PromiseState,
    kept_at: Option<connect_model::Timestamp>,
}

impl<'a> From<&'a Promise> for PromiseOut<'a> {
    fn from(promise: &'a Promise) -> Self {
        Self { promise, state: promise.state(), kept_at: promise.kept_at() }
    }
}

/// A promise's state in words.
pub(crate) fn promise_state(state: PromiseState) -> &'static str {
    match state {
        PromiseState::Open => "still to do",
        PromiseState::Done => "done",
        PromiseState::NotNow => "not now",
        PromiseState::NoLongerNeeded => "no longer needed",
    }
}

/// Who will keep a promise, in words.
fn promise_by(by: PromiseBy, by_name: &str) -> String {
    match by {
        PromiseBy::Supporter => "the supporter".into(),
        PromiseBy::Resident => "the resident".into(),
        PromiseBy::Circle => by_name.to_owned(),
        PromiseBy::Team => "the team".into(),
    }
}

fn when_words(when: Option<When>) -> String {
    match when {
        Some(When::On(day)) => format!("on {day}"),
        Some(When::By(day)) => format!("by {day}"),
        Some(When::NoRush) => "no rush".into(),
        None => "no day said".into(),
    }
}

/// "Amara will ask the council about the ramp (by 2026-12-10)".
fn promise_words(terms: &PromiseTerms) -> String {
    format!("{} will {} ({})", promise_by(terms.by, &terms.by_name), terms.text, when_words(terms.when))
}

/// `connect promise list`.
pub(crate) fn promises(name: &str, promises: &[Promise]) -> String {
    let mut out = String::new();
    for p in promises {
        out.push_str(&format!(
            "{}  {:<16} {}{}\n",
            p.id,
            promise_state(p.state()),
            promise_words(&p.terms),
            if p.shared { "" } else { "  [team only]" },
        ));
    }
    if promises.is_empty() {
        out.push_str(&format!("Nothing promised for {name} yet.\n"));
    }
    out
}

/// `connect visit next`.
pub(crate) fn next_visit(plan: Plan) -> String {
    match plan {
        Plan::On(day) => format!("Next visit: {day}."),
        Plan::TheyWillCall => "Next visit: when they call.".into(),
    }
}

/// `connect today`.
pub(crate) fn today(t: &Today) -> String {
    let mut out = format!("Today, {}\n", t.date);
    let mut section = |title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            out.push_str(&format!("\n{title}\n"));
            for line in lines {
                out.push_str(&format!("  {line}\n"));
            }
        }
    };
    let visit = |v: &TodayVisit| {
        if v.day < t.date { format!("{} (planned for {})", v.name, v.day) } else { format!("{} ({})", v.name, v.day) }
    };
    let promise = |p: &TodayPromise| format!("{}: {} [{}]", p.name, promise_words(&p.promise.terms), p.promise.id);
    section("Visits today", t.visits_today.iter().map(visit).collect());
    section("Promises due", t.promises_due.iter().map(promise).collect());
    section("Visits this week", t.visits_this_week.iter().map(visit).collect());
    section("Promises this week", t.promises_this_week.iter().map(promise).collect());
    section(
        &format!("Not seen for {} days or more", t.not_seen_days),
        t.not_seen
            .iter()
            .map(|n| match n.last_contact {
                Some(_) => format!("{} (last seen {} days ago)", n.name, n.days),
                None => format!("{} (not seen since joining, {} days ago)", n.name, n.days),
            })
            .collect(),
    );
    if t.is_empty() {
        out.push_str("Nothing planned or due, and everyone seen lately.\n");
    }
    out
}

/// What the media queue did, after the documents' report.
pub(crate) fn media_report(media: &connect_device::api::MediaReport) -> String {
    let mut out = String::new();
    if media.sent + media.received > 0 || media.sent_bytes + media.received_bytes > 0 {
        out.push_str(&format!(
            "Voice notes and photos: {} sent ({} bytes), {} received ({} bytes).\n",
            media.sent, media.sent_bytes, media.received, media.received_bytes
        ));
    }
    if media.deleted > 0 {
        out.push_str(&format!("{} removed or erased files were deleted from this device.\n", media.deleted));
    }
    if media.waiting > 0 {
        out.push_str(&format!("{} voice notes or photos wait on this device.\n", media.waiting));
    }
    for why in &media.stuck {
        out.push_str(&format!("Stuck: {why}\n"));
    }
    out
}

/// `connect media list`, as text.
pub(crate) fn media_list(items: &[connect_device::api::MediaItem]) -> String {
    if items.is_empty() {
        return "No voice notes or photos.\n".into();
    }
    let mut out = String::new();
    for m in items {
        let state = match m.state {
            connect_device::api::MediaState::Uploading => format!("uploading, {}% sent", m.sent_percent),
            other => other.as_str().to_owned(),
        };
        let words = if m.media.in_my_words() { ", in my words" } else { "" };
        out.push_str(&format!(
            "{} {} ({} bytes, {state}{words}) on {}: {}\n  {}\n",
            m.media.kind.as_str(),
            m.media.id,
            m.media.bytes,
            m.media.place,
            if m.media.caption.is_empty() { "no caption" } else { &m.media.caption },
            m.media.hash
        ));
        if let Some(why) = &m.stuck {
            out.push_str(&format!("  stuck: {why}\n"));
        }
    }
    out
}
