//! What the screens show, as plain values: read from the store on one side,
//! rendered on the other, and carried between them (to and from the web
//! app's store worker) as JSON.

use connect_model::checkin::CheckIns;
use connect_model::circle::Circle;
use connect_model::directory::Directory;
use connect_model::history::AuditEntry;
use connect_model::journal::Journal;
use connect_model::page::{IntroState, ResidentPage};
use connect_model::promise::{NextVisit, Promise};
use connect_model::story::Story;
use connect_model::{ItemId, Timestamp};
use serde::{Deserialize, Serialize};

/// Everything shown about one resident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResidentData {
    /// "What I can offer".
    pub page: ResidentPage,
    /// Circle of care.
    pub circle: Option<Circle>,
    /// Notes shared with the resident.
    pub journal: Option<Journal>,
    /// Team-only notes (absent on a resident's own device).
    pub team_notes: Option<Journal>,
    /// Check-ins.
    pub checkins: Option<CheckIns>,
    /// Their story and its consent.
    pub story: Option<Story>,
    /// The life map areas in force (the team's, or the defaults): (key, label).
    pub life_areas: Vec<(String, String)>,
    /// The team's short check-in (question keys; empty: the default four).
    pub short_checkin: Vec<String>,
    /// The team directory, for linking asks to places, if this device holds it.
    pub directory: Option<Directory>,
    /// Nothing about them has left this device yet (they can still be
    /// removed here, if added by mistake).
    pub never_sent: bool,
    /// "What we said we'd do": promises on their page, then team-only ones
    /// (absent on a resident's own device).
    pub promises: Vec<Promise>,
    /// Every plan for the next visit, oldest first; the last is in force.
    pub visit_plans: Vec<NextVisit>,
}

impl ResidentData {
    /// Visits that happened, from the shared journal and team-only notes, oldest first.
    #[must_use]
    pub fn visits(&self) -> Vec<Timestamp> {
        let mut v: Vec<Timestamp> =
            [&self.journal, &self.team_notes].into_iter().flatten().flat_map(Journal::visits).collect();
        v.sort();
        v
    }
}

/// An introduction as the team sees it: both sides, where this device holds them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IntroView {
    /// The introduction.
    pub id: ItemId,
    /// Who asked, and their ask's words.
    pub asker: (String, String),
    /// Who offered, and their offer's words.
    pub offerer: (String, String),
    /// Why it was suggested.
    pub reason: String,
    /// Where it stands.
    pub state: IntroState,
    /// When it was suggested.
    pub proposed_at: Timestamp,
}

/// A new place or helper for the team directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPlace {
    /// Name.
    pub name: String,
    /// A place that welcomes people, or a practical helper.
    pub helper: bool,
    /// What it offers.
    pub description: String,
    /// How to reach it.
    pub contact: String,
    /// Words that help it be found ("ramp adaptations").
    pub tags: String,
}

/// The honest sync picture for the status bar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncOverview {
    /// Documents with changes not yet on the relay.
    pub pending: usize,
    /// Things a person did here (a resident added, an offer, a note) that
    /// have not reached the team yet: what the status shows, never documents.
    pub unsent: usize,
    /// When the last sync finished (RFC 3339).
    pub last_sync: Option<String>,
    /// Whether this device is enrolled with a relay.
    pub enrolled: bool,
    /// The relay's address.
    pub relay: Option<String>,
    /// The store holds the fictional demo caseload.
    pub demo: bool,
    /// How often to sync while the app is open, in minutes; 0 is never
    /// (edits, opening and the network coming back still sync).
    pub auto_sync_minutes: u32,
    /// Voice notes and photos made here and not yet safe with the team.
    #[serde(default)]
    pub media_pending: super::MediaPending,
}

/// The regular sync's period, in minutes, when Settings has not changed it.
pub const DEFAULT_AUTO_SYNC_MINUTES: u32 = 5;

/// What a finished sync reports, in words-ready numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncSummary {
    /// Round trips.
    pub rounds: usize,
    /// Documents changed here.
    pub changed: usize,
    /// Documents still waiting.
    pub pending: usize,
    /// Documents the relay refused, with reasons.
    pub refused: Vec<String>,
    /// What the media queue did after the documents.
    #[serde(default)]
    pub media: super::MediaReport,
}

/// A new invite to show as a QR code and as text (the code is shown only
/// this once; the team's list of invites never holds it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteCard {
    /// Its id, to cancel it by.
    pub invite_id: uuid::Uuid,
    /// The one-time code.
    pub code: String,
    /// The relay's address.
    pub relay: String,
    /// Who it is for, as the coordinator named them.
    pub name: Option<String>,
    /// When it stops working.
    pub expires_at: connect_model::Timestamp,
}

/// A resident's audit trail as the screens show it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditView {
    /// One entry per change, oldest first.
    pub entries: Vec<AuditEntry>,
    /// Why the relay's half is missing, if it is (offline, not enrolled).
    pub relay_problem: Option<String>,
}

/// A subject access copy, ready to save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubjectAccess {
    /// A file name without extension ("everything-held-about-doreen-2026-11-24").
    pub file_stem: String,
    /// The readable, printable copy.
    pub html: String,
    /// The machine-readable copy.
    pub json: String,
}
