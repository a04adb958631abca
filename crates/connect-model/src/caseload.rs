//! The caseload as list screens show it: one row per resident, and search
//! hits. The device store derives these from the documents into its index
//! tables; the screens name them without knowing any store.

use crate::promise::Plan;
use crate::{ItemId, ResidentId, Timestamp};

/// Whether a document's changes have reached the relay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SyncStatus {
    /// Never sent: exists only on this device.
    OnlyOnThisDevice,
    /// On the relay, but with changes made here since.
    ChangesWaiting,
    /// Everything here is on the relay.
    OnRelay,
}

/// One resident in the caseload list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CaseloadRow {
    /// Who.
    pub resident: ResidentId,
    /// Their preferred name.
    pub preferred_name: String,
    /// When they joined.
    pub created_at: Timestamp,
    /// Current offers.
    pub offers: usize,
    /// Asks open or in progress.
    pub asks_open: usize,
    /// Asks met.
    pub asks_met: usize,
    /// Ties in the four rings.
    pub circle_size: usize,
    /// Ties that go both ways.
    pub two_way: usize,
    /// Latest visit or contact.
    pub last_contact: Option<Timestamp>,
    /// Latest check-in with answers.
    pub latest_checkin: Option<Timestamp>,
    /// The next visit in force: a day, or "they'll call me".
    #[serde(default)]
    pub next_visit: Option<Plan>,
    /// Documents of this resident with changes not yet on the relay.
    pub pending_documents: usize,
    /// The worst sync status among their documents.
    pub sync: SyncStatus,
}

/// A search result.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct SearchHit {
    /// Whose.
    pub resident: ResidentId,
    /// Their preferred name.
    pub preferred_name: String,
    /// "name", "offer", "ask" or "goal".
    pub field: String,
    /// The matching item, if not the name.
    pub item_id: Option<ItemId>,
    /// The matching text.
    pub text: String,
}
