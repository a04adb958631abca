//! What the screens need from the rest of the app, as one trait. Components get
//! a [`SharedBackend`] from context and never touch SQL or HTTP themselves.
//!
//! [`StoreBackend`] implements it over any [`DocumentStore`]; the network part
//! (sync, enrolment, invites) is a [`Network`] the launcher plugs in.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use connect_model::checkin::{self, Answers, CheckIns};
use connect_model::circle::{self, Circle, NewTie, Ring, TieKind};
use connect_model::directory::{self, Directory};
use connect_model::history::{self, AcceptedRecord, AuditEntry, KnownDevice};
use connect_model::insights::TeamInsights;
use connect_model::journal::{self, Journal, Marker, Mood, NewEntry, Visibility};
use connect_model::matching::Suggestion;
use connect_model::measures::DEFAULT_LIFE_AREAS;
use connect_model::page::{self, AskStatus, Category, GoalKind, IntroSide, IntroState, ResidentPage, Section};
use connect_model::story::{self, Consent, SharedStory, Story};
use connect_model::{Author, AuthorRole, DocKind, DocumentId, ItemId, ResidentId, Timestamp};
use connect_store::{CaseloadRow, DeviceIdentity, DocumentStore, SearchHit};

/// Everything shown about one resident.
#[derive(Debug, Clone, PartialEq)]
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
    /// The team directory, for linking asks to places, if this device holds it.
    pub directory: Option<Directory>,
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
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// One change a person makes on a screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Add an offer.
    AddOffer {
        /// Words.
        text: String,
        /// Category.
        category: Category,
        /// In the resident's own words.
        by_resident: bool,
    },
    /// Add an ask.
    AddAsk {
        /// Words.
        text: String,
        /// Category.
        category: Category,
        /// In the resident's own words.
        by_resident: bool,
    },
    /// Add a goal.
    AddGoal {
        /// Words.
        text: String,
        /// In the resident's own words.
        by_resident: bool,
    },
    /// Rewrite an item.
    EditText {
        /// Which list.
        section: Section,
        /// Which item.
        item: ItemId,
        /// New words.
        text: String,
        /// In the resident's own words.
        by_resident: bool,
    },
    /// Hide an item, or bring it back (undo).
    SetArchived {
        /// Which list.
        section: Section,
        /// Which item.
        item: ItemId,
        /// Hidden?
        archived: bool,
        /// By the resident.
        by_resident: bool,
    },
    /// Move an ask along.
    SetAskStatus {
        /// Which ask.
        item: ItemId,
        /// New status.
        status: AskStatus,
        /// By the resident.
        by_resident: bool,
    },
    /// Rewrite "about me".
    SetAboutMe {
        /// Words.
        text: String,
        /// By the resident.
        by_resident: bool,
    },
    /// Add a journal entry.
    AddNote {
        /// Words (may be empty for "not today").
        text: String,
        /// Visit, not today, declined, pause.
        marker: Marker,
        /// Shared or team-only.
        visibility: Visibility,
        /// Mood.
        mood: Option<Mood>,
    },
    /// Add someone to the circle.
    AddTie {
        /// Name.
        name: String,
        /// How they know the resident.
        relationship: String,
        /// Ring.
        ring: Ring,
        /// Support both ways.
        two_way: bool,
        /// A place rather than a person.
        place: bool,
    },
    /// Move someone to another ring.
    MoveTie {
        /// Who.
        tie: ItemId,
        /// Where.
        ring: Ring,
    },
    /// Record a check-in (anything skipped stays empty).
    RecordCheckin {
        /// The answers.
        answers: Answers,
        /// Answered by the resident themself.
        by_resident: bool,
    },
    /// "Not today": no check-in, recorded as a choice.
    CheckinNotToday {
        /// Said by the resident themself.
        by_resident: bool,
    },
    /// Let a check-in count in team figures, or stop it counting.
    SetCheckinSharing {
        /// Which check-in.
        id: ItemId,
        /// Counts or not.
        share: bool,
        /// By the resident.
        by_resident: bool,
    },
    /// Rewrite the story.
    SetStory {
        /// The words.
        text: String,
        /// By the resident.
        by_resident: bool,
    },
    /// Change the story's consent.
    SetConsent {
        /// The new level.
        level: Consent,
        /// By the resident.
        by_resident: bool,
    },
    /// Answer a suggested introduction.
    AnswerIntroduction {
        /// Which.
        id: ItemId,
        /// Yes or no.
        yes: bool,
        /// By the resident.
        by_resident: bool,
    },
    /// Link an ask to a team directory entry that could help, or unlink it.
    LinkAsk {
        /// The ask.
        ask: ItemId,
        /// The directory entry.
        entry: ItemId,
        /// Linked or not.
        linked: bool,
    },
}

/// The honest sync picture for the status bar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncOverview {
    /// Documents with changes not yet on the relay.
    pub pending: usize,
    /// When the last sync finished (RFC 3339).
    pub last_sync: Option<String>,
    /// Whether this device is enrolled with a relay.
    pub enrolled: bool,
    /// The relay's address.
    pub relay: Option<String>,
    /// The store holds the fictional demo caseload.
    pub demo: bool,
}

/// What a finished sync reports, in words-ready numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncSummary {
    /// Round trips.
    pub rounds: usize,
    /// Documents changed here.
    pub changed: usize,
    /// Documents still waiting.
    pub pending: usize,
    /// Documents the relay refused, with reasons.
    pub refused: Vec<String>,
}

/// An invite to show as a QR code and as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InviteInfo {
    /// The code.
    pub code: String,
    /// The relay's address.
    pub relay: String,
    /// When it expires.
    pub expires_at: String,
}

/// Why a call to the relay did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetworkFailure {
    /// The team revoked this device; the network side has deleted its store.
    /// Any call can answer this, not only a sync.
    Revoked,
    /// Anything else, in words for the person holding the phone. Nothing is lost.
    Failed(String),
}

impl From<String> for NetworkFailure {
    fn from(words: String) -> Self {
        NetworkFailure::Failed(words)
    }
}

/// The network side, supplied by the launcher. Every call that reaches the
/// relay can find the device revoked; the launcher then wipes the store and
/// answers [`NetworkFailure::Revoked`].
pub trait Network: Send + Sync {
    /// Runs a sync session (on its own store connection, so editing never waits).
    fn sync(&self) -> Result<SyncSummary, NetworkFailure>;
    /// Enrols this device with a relay.
    fn enrol(&self, relay: &str, code: &str) -> Result<(), NetworkFailure>;
    /// (Coordinator) Creates an invite.
    fn invite(&self, role: AuthorRole, resident: Option<ResidentId>) -> Result<InviteInfo, NetworkFailure>;
    /// The relay's records of every change to a resident's documents this
    /// device may read: its half of the audit trail.
    fn resident_history(&self, resident: ResidentId) -> Result<Vec<AcceptedRecord>, NetworkFailure>;
    /// (Coordinator) Erases a resident on the relay, so every device deletes
    /// them at its next sync.
    fn erase_resident(&self, resident: ResidentId) -> Result<(), NetworkFailure>;
}

/// A resident's audit trail as the screens show it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditView {
    /// One entry per change, oldest first.
    pub entries: Vec<AuditEntry>,
    /// Why the relay's half is missing, if it is (offline, not enrolled).
    pub relay_problem: Option<String>,
}

/// A subject access copy, ready to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectAccess {
    /// A file name without extension ("everything-held-about-doreen-2026-11-24").
    pub file_stem: String,
    /// The readable, printable copy.
    pub html: String,
    /// The machine-readable copy.
    pub json: String,
}

/// What the screens call.
pub trait Backend: Send + Sync {
    /// This device's identity.
    fn me(&self) -> DeviceIdentity;
    /// The caseload, sorted by name.
    fn caseload(&self) -> Result<Vec<CaseloadRow>, String>;
    /// Search names, offers, asks and goals.
    fn search(&self, query: &str) -> Result<Vec<SearchHit>, String>;
    /// Everything about one resident held here.
    fn resident(&self, resident: ResidentId) -> Result<ResidentData, String>;
    /// Adds a resident.
    fn create_resident(&self, name: &str) -> Result<ResidentId, String>;
    /// Applies one edit, durably.
    fn edit(&self, resident: ResidentId, edit: Edit) -> Result<(), String>;
    /// The status bar's numbers.
    fn overview(&self) -> SyncOverview;
    /// Syncs now (blocking: call it off the UI thread).
    fn sync_now(&self) -> Result<SyncSummary, String>;
    /// Enrols with a relay.
    fn enrol(&self, relay: &str, code: &str) -> Result<(), String>;
    /// Creates an invite (coordinators).
    fn invite(&self, role: AuthorRole, resident: Option<ResidentId>) -> Result<InviteInfo, String>;
    /// Renames this device.
    fn set_device_name(&self, name: &str) -> Result<(), String>;
    /// The resident this device is handed to, if any: kept in the store so a
    /// reload or a restart cannot leave "hand to resident" mode.
    fn resident_lock(&self) -> Option<ResidentId>;
    /// Hands the device to a resident, or takes it back.
    fn set_resident_lock(&self, resident: Option<ResidentId>) -> Result<(), String>;
    /// Whether the team revoked this device and its store was deleted: every
    /// call after that refuses, and the app says so.
    fn wiped(&self) -> bool;
    /// Who changed what and when about a resident: this device's history
    /// joined with the relay's, when it can be reached.
    fn audit(&self, resident: ResidentId) -> Result<AuditView, String>;
    /// Everything held about a resident, as a readable page and as JSON.
    fn subject_access(&self, resident: ResidentId) -> Result<SubjectAccess, String>;
    /// (Coordinator) Erases a resident everywhere: on the relay (so every
    /// device deletes them at its next sync) and on this device now.
    fn erase_resident(&self, resident: ResidentId) -> Result<(), String>;
    /// Offers that might meet open asks across residents on this device, each
    /// with its reasons, leaving out those already suggested.
    fn suggestions(&self) -> Result<Vec<Suggestion>, String>;
    /// Suggests an introduction to both residents (each must say yes).
    fn introduce(&self, suggestion: &Suggestion) -> Result<(), String>;
    /// Every introduction suggested on this device, newest first.
    fn introductions(&self) -> Result<Vec<IntroView>, String>;
    /// The team directory, if this device holds it.
    fn directory(&self) -> Result<Option<Directory>, String>;
    /// Adds a place or helper to the team directory.
    fn add_place(&self, place: NewPlace) -> Result<(), String>;
    /// The team's figures (no names; small numbers suppressed).
    fn insights(&self) -> Result<TeamInsights, String>;
    /// The figures as CSV, and the pseudonymous per-resident CSV.
    fn insight_csvs(&self) -> Result<(String, String), String>;
    /// Stories whose consent allows sharing, exactly as it says.
    fn shareable_stories(&self) -> Result<Vec<SharedStory>, String>;
}

/// Store setting: the resident this device is handed to.
pub const RESIDENT_LOCK_SETTING: &str = "resident_lock";

/// The backend as components hold it.
pub type SharedBackend = Arc<dyn Backend>;

/// A [`Backend`] over any document store, with an optional network.
pub struct StoreBackend<S> {
    /// `None` once the device was wiped.
    store: Mutex<Option<S>>,
    network: Option<Box<dyn Network>>,
    /// The identity last read, for the screens still showing as a wipe lands.
    last_me: Mutex<Option<DeviceIdentity>>,
}

/// What every call says after the team revoked this device.
const WIPED: &str = "This device was removed from the team, and everything about residents was deleted from it.";

impl<S: DocumentStore + Send> StoreBackend<S> {
    /// A backend over `store`; without a network, sync says the device is not enrolled.
    pub fn new(store: S, network: Option<Box<dyn Network>>) -> Self {
        Self { store: Mutex::new(Some(store)), network, last_me: Mutex::new(None) }
    }

    fn with<T>(&self, f: impl FnOnce(&mut S) -> Result<T, String>) -> Result<T, String> {
        let mut store = self.store.lock().map_err(|_| "the store is unavailable; restart the app".to_owned())?;
        match store.as_mut() {
            Some(s) => f(s),
            None => Err(WIPED.to_owned()),
        }
    }

    /// Forgets the store: the network side deleted its files.
    fn forget_store(&self) {
        if let Ok(mut store) = self.store.lock() {
            *store = None;
        }
    }

    /// Runs one network call; a revoked device forgets its (already deleted) store.
    fn reach<T>(&self, call: Result<T, NetworkFailure>) -> Result<T, String> {
        match call {
            Ok(value) => Ok(value),
            Err(NetworkFailure::Revoked) => {
                self.forget_store();
                Err(WIPED.to_owned())
            }
            Err(NetworkFailure::Failed(why)) => Err(why),
        }
    }

    /// The network, if this device is enrolled with a relay.
    fn enrolled_network(&self) -> Option<&dyn Network> {
        self.network.as_deref().filter(|_| self.overview().enrolled)
    }
}

fn words(e: impl std::fmt::Display) -> String {
    e.to_string()
}

impl<S: DocumentStore + Send> Backend for StoreBackend<S> {
    fn me(&self) -> DeviceIdentity {
        let read = self.with(|s| s.identity().map_err(words)?.ok_or_else(|| "no identity".to_owned()));
        let mut last = self.last_me.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Ok(me) = read {
            *last = Some(me);
        }
        last.clone().expect("the launcher initialises the store before showing screens")
    }

    fn caseload(&self) -> Result<Vec<CaseloadRow>, String> {
        self.with(|s| s.caseload().map_err(words))
    }

    fn search(&self, query: &str) -> Result<Vec<SearchHit>, String> {
        self.with(|s| s.search(query).map_err(words))
    }

    fn resident(&self, resident: ResidentId) -> Result<ResidentData, String> {
        self.with(|s| {
            let load = |kind| -> Result<Option<connect_model::automerge::Automerge>, String> {
                match s.load(DocumentId::resident(resident, kind)) {
                    Ok(d) => Ok(Some(d)),
                    Err(connect_store::StoreError::NotFound(_)) => Ok(None),
                    Err(e) => Err(e.to_string()),
                }
            };
            let page_doc = load(DocKind::Page)?.ok_or_else(|| "this resident is not on this device".to_owned())?;
            let directory = connect_store::team::directory(s).map_err(words)?.map(|(_, dir)| dir);
            let life_areas = match &directory {
                Some(dir) => dir.life_areas.clone(),
                None => DEFAULT_LIFE_AREAS.iter().map(|a| (a.key.to_owned(), a.label.to_owned())).collect(),
            };
            Ok(ResidentData {
                page: page::read(&page_doc).map_err(words)?,
                circle: load(DocKind::Circle)?.map(|d| circle::read(&d)).transpose().map_err(words)?,
                journal: load(DocKind::Journal)?.map(|d| journal::read(&d)).transpose().map_err(words)?,
                team_notes: load(DocKind::TeamNotes)?.map(|d| journal::read(&d)).transpose().map_err(words)?,
                checkins: load(DocKind::Checkins)?.map(|d| checkin::read(&d)).transpose().map_err(words)?,
                story: load(DocKind::Story)?.map(|d| story::read(&d)).transpose().map_err(words)?,
                life_areas,
                directory,
            })
        })
    }

    fn create_resident(&self, name: &str) -> Result<ResidentId, String> {
        let me = self.me();
        self.with(|s| connect_store::create_resident(s, &me, name, Timestamp::new(chrono::Utc::now())).map_err(words))
    }

    fn edit(&self, resident: ResidentId, edit: Edit) -> Result<(), String> {
        let me = self.me();
        let now = Timestamp::new(chrono::Utc::now());
        let ctx = me.context(now);
        // Only the page, for the resident's name: an edit never loads the rest.
        let name = self.with(|s| {
            let doc = s.load(DocumentId::resident(resident, DocKind::Page)).map_err(words)?;
            Ok(page::read(&doc).map_err(words)?.preferred_name)
        })?;
        let as_resident = ctx.by(Author::new(AuthorRole::Resident, name, me.device_id));
        let who = |by_resident: bool| if by_resident { as_resident.clone() } else { ctx.clone() };
        let page_id = DocumentId::resident(resident, DocKind::Page);
        let circle_id = DocumentId::resident(resident, DocKind::Circle);
        self.with(|s| {
            match edit {
                Edit::AddOffer { text, category, by_resident } => {
                    s.edit(page_id, |d| page::add_offer(d, &who(by_resident), &text, category).map(drop))
                }
                Edit::AddAsk { text, category, by_resident } => {
                    s.edit(page_id, |d| page::add_ask(d, &who(by_resident), &text, category).map(drop))
                }
                Edit::AddGoal { text, by_resident } => {
                    s.edit(page_id, |d| page::add_goal(d, &who(by_resident), &text, GoalKind::Goal).map(drop))
                }
                Edit::EditText { section, item, text, by_resident } => {
                    s.edit(page_id, |d| page::edit_text(d, &who(by_resident), section, item, &text))
                }
                Edit::SetArchived { section, item, archived, by_resident } => {
                    s.edit(page_id, |d| page::set_archived(d, &who(by_resident), section, item, archived))
                }
                Edit::SetAskStatus { item, status, by_resident } => {
                    s.edit(page_id, |d| page::set_ask_status(d, &who(by_resident), item, status))
                }
                Edit::SetAboutMe { text, by_resident } => {
                    s.edit(page_id, |d| page::set_about_me(d, &who(by_resident), &text))
                }
                Edit::AddNote { text, marker, visibility, mood } => {
                    let entry = NewEntry { happened_at: now, marker, text: &text, mood };
                    s.edit(DocumentId::resident(resident, visibility.doc_kind()), |d| {
                        journal::add_entry(d, &ctx, &entry).map(drop)
                    })
                }
                Edit::AddTie { name, relationship, ring, two_way, place } => {
                    let kind = if place { TieKind::Place } else { TieKind::Person };
                    let new = NewTie { name: &name, kind, relationship: &relationship, ring, two_way };
                    s.edit(circle_id, |d| circle::add_tie(d, &ctx, &new).map(drop))
                }
                Edit::MoveTie { tie, ring } => s.edit(circle_id, |d| circle::move_to_ring(d, &ctx, tie, ring)),
                Edit::RecordCheckin { answers, by_resident } => s
                    .edit(DocumentId::resident(resident, DocKind::Checkins), |d| {
                        checkin::record(d, &who(by_resident), answers).map(drop)
                    }),
                Edit::CheckinNotToday { by_resident } => s
                    .edit(DocumentId::resident(resident, DocKind::Checkins), |d| {
                        checkin::not_today(d, &who(by_resident)).map(drop)
                    }),
                Edit::SetCheckinSharing { id, share, by_resident } => s
                    .edit(DocumentId::resident(resident, DocKind::Checkins), |d| {
                        checkin::set_share_in_reports(d, &who(by_resident), id, share)
                    }),
                Edit::SetStory { text, by_resident } => s.edit(DocumentId::resident(resident, DocKind::Story), |d| {
                    story::set_text(d, &who(by_resident), &text)
                }),
                Edit::SetConsent { level, by_resident } => s
                    .edit(DocumentId::resident(resident, DocKind::Story), |d| {
                        story::set_consent(d, &who(by_resident), level)
                    }),
                Edit::AnswerIntroduction { id, yes, by_resident } => {
                    s.edit(page_id, |d| page::answer_introduction(d, &who(by_resident), id, yes))
                }
                Edit::LinkAsk { ask, entry, linked } => {
                    s.edit(page_id, |d| page::set_ask_link(d, &ctx, ask, entry, linked))
                }
            }
            .map_err(words)
        })
    }

    fn overview(&self) -> SyncOverview {
        self.with(|s| {
            Ok(SyncOverview {
                pending: s.pending().map_err(words)?.len(),
                last_sync: s.setting("last_sync").map_err(words)?,
                enrolled: s.setting("relay_token").map_err(words)?.is_some(),
                relay: s.setting("relay_url").map_err(words)?,
                demo: s.setting(connect_store::demo::DEMO_SETTING).map_err(words)?.is_some(),
            })
        })
        .unwrap_or_default()
    }

    fn sync_now(&self) -> Result<SyncSummary, String> {
        let Some(network) = self.enrolled_network() else {
            return Err("This device is not connected to a team relay yet. Ask your coordinator for an invite, then add it in Settings.".into());
        };
        self.reach(network.sync())
    }

    fn enrol(&self, relay: &str, code: &str) -> Result<(), String> {
        match &self.network {
            Some(n) => self.reach(n.enrol(relay, code)),
            None => Err("This build cannot reach a relay.".into()),
        }
    }

    fn invite(&self, role: AuthorRole, resident: Option<ResidentId>) -> Result<InviteInfo, String> {
        match self.enrolled_network() {
            Some(n) => self.reach(n.invite(role, resident)),
            None => Err("Connect this device to the team relay first.".into()),
        }
    }

    fn resident_lock(&self) -> Option<ResidentId> {
        self.with(|s| s.setting(RESIDENT_LOCK_SETTING).map_err(words)).ok().flatten().and_then(|r| r.parse().ok())
    }

    fn set_resident_lock(&self, resident: Option<ResidentId>) -> Result<(), String> {
        let value = resident.map(|r| r.to_string());
        self.with(|s| s.set_setting(RESIDENT_LOCK_SETTING, value.as_deref()).map_err(words))
    }

    fn wiped(&self) -> bool {
        self.store.lock().map(|s| s.is_none()).unwrap_or(false)
    }

    fn audit(&self, resident: ResidentId) -> Result<AuditView, String> {
        let me = self.me();
        let local = self.with(|s| {
            let mut local = Vec::new();
            for id in connect_store::resident_documents(resident) {
                match s.load(id) {
                    Ok(doc) => local.push((id.kind(), history::history(&doc))),
                    Err(connect_store::StoreError::NotFound(_)) => {}
                    Err(e) => return Err(e.to_string()),
                }
            }
            Ok(local)
        })?;
        let (relay, relay_problem) = match self.enrolled_network() {
            Some(n) => match self.reach(n.resident_history(resident)) {
                Ok(records) => (records, None),
                Err(_) if self.wiped() => return Err(WIPED.to_owned()),
                Err(e) => (Vec::new(), Some(e)),
            },
            None => (Vec::new(), Some("This device is not connected to a team relay.".to_owned())),
        };
        let known = BTreeMap::from([(
            me.device_id,
            KnownDevice { person: me.person_name, role: me.role, device_name: me.device_name },
        )]);
        Ok(AuditView { entries: history::audit_trail(&local, &relay, &known), relay_problem })
    }

    fn subject_access(&self, resident: ResidentId) -> Result<SubjectAccess, String> {
        let now = Timestamp::new(chrono::Utc::now());
        let mut export = self.with(|s| connect_store::export::export_resident(s, resident, now).map_err(words))?;
        if let Some(n) = self.enrolled_network() {
            match self.reach(n.resident_history(resident)) {
                Ok(records) => export.join_relay(&records),
                Err(_) if self.wiped() => return Err(WIPED.to_owned()),
                Err(_) => {}
            }
        }
        let name = export.page.as_ref().map_or_else(|| resident.to_string(), |p| p.preferred_name.clone());
        let slug: String = name
            .chars()
            .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        Ok(SubjectAccess {
            file_stem: format!("everything-held-about-{slug}-{}", now.to_datetime().format("%Y-%m-%d")),
            html: connect_store::export::to_html(&export),
            json: serde_json::to_string_pretty(&export).map_err(words)?,
        })
    }

    fn erase_resident(&self, resident: ResidentId) -> Result<(), String> {
        if self.me().role != AuthorRole::Coordinator {
            return Err("Only a coordinator can erase a resident.".into());
        }
        let Some(network) = self.enrolled_network() else {
            return Err("Connect this device to the team relay first: an erasure must reach every device.".into());
        };
        self.reach(network.erase_resident(resident))?;
        self.with(|s| {
            for id in connect_store::resident_documents(resident) {
                s.erase(id).map_err(words)?;
            }
            if s.setting(RESIDENT_LOCK_SETTING).map_err(words)?.as_deref() == Some(resident.to_string().as_str()) {
                s.set_setting(RESIDENT_LOCK_SETTING, None).map_err(words)?;
            }
            Ok(())
        })
    }

    fn suggestions(&self) -> Result<Vec<Suggestion>, String> {
        self.with(|s| connect_store::team::suggestions(s).map_err(words))
    }

    fn introduce(&self, suggestion: &Suggestion) -> Result<(), String> {
        let me = self.me();
        self.with(|s| {
            connect_store::team::introduce(s, &me, Timestamp::new(chrono::Utc::now()), suggestion)
                .map(drop)
                .map_err(words)
        })
    }

    fn introductions(&self) -> Result<Vec<IntroView>, String> {
        self.with(|s| {
            // Only the pages that have introductions are loaded, found from the index.
            let mut pages = BTreeMap::new();
            for facts in s.resident_facts().map_err(words)? {
                let Some(resident) = facts.resident.filter(|_| !facts.introductions.is_empty()) else { continue };
                let doc = s.load(DocumentId::resident(resident, DocKind::Page)).map_err(words)?;
                pages.insert(resident, page::read(&doc).map_err(words)?);
            }
            let text_of = |p: &ResidentPage, item: ItemId| p.item_text(item).unwrap_or_default().to_owned();
            let mut out = Vec::new();
            for p in pages.values() {
                for mine in p.introductions.iter().filter(|i| i.side == IntroSide::Asker) {
                    let other = pages.get(&mine.with);
                    let theirs = other.and_then(|o| o.introductions.iter().find(|i| i.id == mine.id));
                    out.push(IntroView {
                        id: mine.id,
                        asker: (p.preferred_name.clone(), text_of(p, mine.item)),
                        offerer: other
                            .map(|o| (o.preferred_name.clone(), text_of(o, mine.their_item)))
                            .unwrap_or_default(),
                        reason: mine.reason.clone(),
                        state: page::introduction_state(mine, theirs),
                        proposed_at: mine.proposed_at,
                    });
                }
            }
            out.sort_by(|a, b| b.proposed_at.cmp(&a.proposed_at).then(a.id.cmp(&b.id)));
            Ok(out)
        })
    }

    fn directory(&self) -> Result<Option<Directory>, String> {
        self.with(|s| Ok(connect_store::team::directory(s).map_err(words)?.map(|(_, d)| d)))
    }

    fn add_place(&self, place: NewPlace) -> Result<(), String> {
        let ctx = self.me().context(Timestamp::new(chrono::Utc::now()));
        self.with(|s| {
            let Some((id, _)) = connect_store::team::directory(s).map_err(words)? else {
                return Err(
                    "The team directory arrives from the team relay: connect this device, sync, then add places."
                        .into(),
                );
            };
            let new = directory::NewEntry {
                name: &place.name,
                kind: if place.helper { directory::EntryKind::Helper } else { directory::EntryKind::Place },
                description: &place.description,
                contact: &place.contact,
                tags: &place.tags,
            };
            s.edit(id, |d| directory::add_entry(d, &ctx, &new).map(drop)).map_err(words)
        })
    }

    fn insights(&self) -> Result<TeamInsights, String> {
        self.with(|s| connect_store::team::insights(s).map_err(words))
    }

    fn insight_csvs(&self) -> Result<(String, String), String> {
        self.with(|s| connect_store::team::insight_csvs(s, Timestamp::new(chrono::Utc::now())).map_err(words))
    }

    fn shareable_stories(&self) -> Result<Vec<SharedStory>, String> {
        self.with(|s| connect_store::team::shareable_stories(s).map_err(words))
    }

    fn set_device_name(&self, name: &str) -> Result<(), String> {
        let name =
            connect_model::limits::required("device name", name, connect_model::limits::NAME_MAX).map_err(words)?;
        let me = self.me();
        self.with(|s| s.set_identity(&DeviceIdentity { device_name: name, ..me }).map_err(words))
    }
}
