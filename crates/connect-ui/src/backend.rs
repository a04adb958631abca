//! What the screens need from the rest of the app, as one trait. Components get
//! a [`SharedBackend`] from context and never touch SQL or HTTP themselves.
//!
//! [`StoreBackend`] implements it over any [`DocumentStore`]; the network part
//! (sync, enrolment, invites) is a [`Network`] the launcher plugs in.

use std::sync::{Arc, Mutex};

use connect_model::circle::{self, Circle, NewTie, Ring, TieKind};
use connect_model::journal::{self, Journal, Marker, Mood, NewEntry, Visibility};
use connect_model::page::{self, AskStatus, Category, GoalKind, ResidentPage, Section};
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

/// The network side, supplied by the launcher.
pub trait Network: Send + Sync {
    /// Runs a sync session (on its own store connection, so editing never waits).
    fn sync(&self) -> Result<SyncSummary, String>;
    /// Enrols this device with a relay.
    fn enrol(&self, relay: &str, code: &str) -> Result<(), String>;
    /// (Coordinator) Creates an invite.
    fn invite(&self, role: AuthorRole, resident: Option<ResidentId>) -> Result<InviteInfo, String>;
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
}

/// Store setting: the resident this device is handed to.
pub const RESIDENT_LOCK_SETTING: &str = "resident_lock";

/// The backend as components hold it.
pub type SharedBackend = Arc<dyn Backend>;

/// A [`Backend`] over any document store, with an optional network.
pub struct StoreBackend<S> {
    store: Mutex<S>,
    network: Option<Box<dyn Network>>,
}

impl<S: DocumentStore + Send> StoreBackend<S> {
    /// A backend over `store`; without a network, sync says the device is not enrolled.
    pub fn new(store: S, network: Option<Box<dyn Network>>) -> Self {
        Self { store: Mutex::new(store), network }
    }

    fn with<T>(&self, f: impl FnOnce(&mut S) -> Result<T, String>) -> Result<T, String> {
        let mut store = self.store.lock().map_err(|_| "the store is unavailable; restart the app".to_owned())?;
        f(&mut store)
    }
}

fn words(e: impl std::fmt::Display) -> String {
    e.to_string()
}

impl<S: DocumentStore + Send> Backend for StoreBackend<S> {
    fn me(&self) -> DeviceIdentity {
        self.with(|s| s.identity().map_err(words)?.ok_or_else(|| "no identity".to_owned()))
            .expect("the launcher initialises the store before showing screens")
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
            Ok(ResidentData {
                page: page::read(&page_doc).map_err(words)?,
                circle: load(DocKind::Circle)?.map(|d| circle::read(&d)).transpose().map_err(words)?,
                journal: load(DocKind::Journal)?.map(|d| journal::read(&d)).transpose().map_err(words)?,
                team_notes: load(DocKind::TeamNotes)?.map(|d| journal::read(&d)).transpose().map_err(words)?,
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
        let name = self.resident(resident)?.page.preferred_name;
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
        match &self.network {
            Some(n) if self.overview().enrolled => n.sync(),
            _ => Err("This device is not connected to a team relay yet. Ask your coordinator for an invite, then add it in Settings.".into()),
        }
    }

    fn enrol(&self, relay: &str, code: &str) -> Result<(), String> {
        match &self.network {
            Some(n) => n.enrol(relay, code),
            None => Err("This build cannot reach a relay.".into()),
        }
    }

    fn invite(&self, role: AuthorRole, resident: Option<ResidentId>) -> Result<InviteInfo, String> {
        match &self.network {
            Some(n) if self.overview().enrolled => n.invite(role, resident),
            _ => Err("Connect this device to the team relay first.".into()),
        }
    }

    fn resident_lock(&self) -> Option<ResidentId> {
        self.with(|s| s.setting(RESIDENT_LOCK_SETTING).map_err(words)).ok().flatten().and_then(|r| r.parse().ok())
    }

    fn set_resident_lock(&self, resident: Option<ResidentId>) -> Result<(), String> {
        let value = resident.map(|r| r.to_string());
        self.with(|s| s.set_setting(RESIDENT_LOCK_SETTING, value.as_deref()).map_err(words))
    }

    fn set_device_name(&self, name: &str) -> Result<(), String> {
        let name =
            connect_model::limits::required("device name", name, connect_model::limits::NAME_MAX).map_err(words)?;
        let me = self.me();
        self.with(|s| s.set_identity(&DeviceIdentity { device_name: name, ..me }).map_err(words))
    }
}
