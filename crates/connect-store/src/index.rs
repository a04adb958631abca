//! Index rows: what list screens need, derived from documents alone.
//!
//! [`derive`] is a pure function of one document. Both store implementations
//! keep its output (SQLite in `idx_*` tables, the memory store in a map), so
//! "rebuilt from the documents" and "maintained edit by edit" can be compared.

pub use connect_model::caseload::{CaseloadRow, SearchHit, SyncStatus};

use connect_model::automerge::Automerge;
use connect_model::checkin::CheckIn;
use connect_model::circle::CircleSummary;
use connect_model::insights::ResidentFacts;
use connect_model::measures::OnsLoneliness;
use connect_model::page::AskStatus;
use connect_model::promise::{self, Plan, Promise};
use connect_model::story::Consent;
use connect_model::today::PromiseRow;
use connect_model::{DocKind, DocumentId, ItemId, ResidentId, Timestamp};
use connect_model::{checkin, circle, journal, page, story};

use crate::Result;

/// The rows one document contributes.
#[derive(Debug, Clone, PartialEq)]
pub enum IndexRows {
    /// From a page.
    Page {
        /// Whose page.
        resident: ResidentId,
        /// Preferred name.
        preferred_name: String,
        /// When the page was created.
        created_at: Timestamp,
        /// Offers, asks and goals, archived ones included.
        items: Vec<ItemRow>,
        /// Promises shared with the resident, whatever their state.
        promises: Vec<PromiseRow>,
        /// The next visit in force.
        next_visit: Option<Plan>,
        /// Numbers for team insights.
        facts: ResidentFacts,
    },
    /// From a circle.
    Circle {
        /// Whose circle.
        resident: ResidentId,
        /// Counts now.
        summary: CircleSummary,
        /// Numbers for team insights (each tie's rings over time).
        facts: ResidentFacts,
    },
    /// From a journal or team notes.
    Journal {
        /// Whose journal.
        resident: ResidentId,
        /// The latest contact recorded.
        last_contact: Option<Timestamp>,
        /// Team-only promises (the shared journal has none).
        promises: Vec<PromiseRow>,
        /// Numbers for team insights (visit dates, team-only promises).
        facts: ResidentFacts,
    },
    /// From check-ins.
    Checkins {
        /// Whose check-ins.
        resident: ResidentId,
        /// How many (including "not today").
        count: usize,
        /// The latest with answers.
        latest: Option<LatestCheckin>,
        /// Numbers for team insights (scores, and whether each may count).
        facts: ResidentFacts,
    },
    /// From a story.
    Story {
        /// Whose story.
        resident: ResidentId,
        /// Consent in force.
        consent: Consent,
        /// Whether any words are written.
        has_text: bool,
    },
    /// Team documents add no rows yet.
    None,
}

/// A document's promises as index rows.
fn promise_rows(resident: ResidentId, promises: &[Promise]) -> Vec<PromiseRow> {
    promises
        .iter()
        .map(|p| PromiseRow {
            resident,
            id: p.id,
            terms: p.terms.clone(),
            state: p.state(),
            shared: p.shared,
            made_at: p.made_at,
        })
        .collect()
}

impl IndexRows {
    /// The team-insight facts these rows carry, if any.
    #[must_use]
    pub fn facts(&self) -> Option<&ResidentFacts> {
        match self {
            IndexRows::Page { facts, .. }
            | IndexRows::Circle { facts, .. }
            | IndexRows::Journal { facts, .. }
            | IndexRows::Checkins { facts, .. } => Some(facts),
            IndexRows::Story { .. } | IndexRows::None => None,
        }
    }
}

/// A resident's story consent, as the index holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct StoryRow {
    /// Whose story.
    pub resident: ResidentId,
    /// Consent in force.
    pub consent: Consent,
    /// Whether any words are written.
    pub has_text: bool,
}

/// Joins each resident's facts from their documents, one entry per resident.
pub(crate) fn join_facts<'a>(facts: impl Iterator<Item = &'a ResidentFacts>) -> Vec<ResidentFacts> {
    let mut by_resident: std::collections::BTreeMap<Option<ResidentId>, ResidentFacts> =
        std::collections::BTreeMap::new();
    for f in facts {
        by_resident.entry(f.resident).or_default().merge(f.clone());
    }
    by_resident.into_values().collect()
}

/// An offer, ask or goal as list screens and search see it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct ItemRow {
    /// Whose page.
    pub resident: ResidentId,
    /// The item.
    pub item_id: ItemId,
    /// "offer", "ask" or "goal".
    pub section: &'static str,
    /// The words.
    pub text: String,
    /// Category (goals: their kind).
    pub category: String,
    /// Asks only.
    pub status: Option<AskStatus>,
    /// In the resident's own words.
    pub by_resident: bool,
    /// Hidden.
    pub archived: bool,
    /// When added.
    pub created_at: Timestamp,
}

/// The headline of the latest check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct LatestCheckin {
    /// When.
    pub taken_at: Timestamp,
    /// ONS loneliness answer.
    pub loneliness: Option<OnsLoneliness>,
    /// UCLA 3-item total, when complete.
    pub ucla3_total: Option<u8>,
    /// ONS4 answers.
    pub ons4: [Option<u8>; 4],
    /// Consent to count in team figures.
    pub share_in_reports: bool,
}

impl From<&CheckIn> for LatestCheckin {
    fn from(c: &CheckIn) -> Self {
        let ons4 = c.ons4.unwrap_or_default();
        Self {
            taken_at: c.taken_at,
            loneliness: c.loneliness,
            ucla3_total: c.ucla3.and_then(|u| u.total()),
            ons4: [ons4.life_satisfaction, ons4.worthwhile, ons4.happy, ons4.anxious],
            share_in_reports: c.share_in_reports,
        }
    }
}

/// A page's offers, asks and goals as item rows (hidden ones too, marked).
fn page_items(p: &page::ResidentPage) -> Vec<ItemRow> {
    let offers = p.offers.iter().map(|o| item_row(p, "offer", o, o.details.category.to_string(), None));
    let asks = p.asks.iter().map(|a| item_row(p, "ask", a, a.details.category.to_string(), Some(a.details.status)));
    let goals = p.goals.iter().map(|g| item_row(p, "goal", g, g.details.kind.to_string(), None));
    offers.chain(asks).chain(goals).collect()
}

/// One item's row: its kind's `category` (or goal kind) and, for an ask, its status.
fn item_row<D>(
    p: &page::ResidentPage,
    section: &'static str,
    item: &page::Item<D>,
    category: String,
    status: Option<page::AskStatus>,
) -> ItemRow {
    ItemRow {
        resident: p.resident,
        item_id: item.id,
        section,
        text: item.text.to_string(),
        category,
        status,
        by_resident: item.author.is_resident(),
        archived: item.archived,
        created_at: item.created_at,
    }
}

/// Derives the rows for document `id`, checking the document is the kind its id says.
pub fn derive(id: DocumentId, doc: &Automerge) -> Result<IndexRows> {
    let resident = id.resident_id();
    let check_owner = |owner: ResidentId| {
        if Some(owner) == resident {
            Ok(())
        } else {
            Err(crate::StoreError::WrongKind { id, expected: id.kind().as_str() })
        }
    };
    let wrong = |_| crate::StoreError::WrongKind { id, expected: id.kind().as_str() };
    Ok(match id.kind() {
        DocKind::Page => {
            let p = page::read(doc).map_err(wrong)?;
            check_owner(p.resident)?;
            let items = page_items(&p);
            let promises = promise::read(doc).map_err(wrong)?;
            let facts = ResidentFacts::from_page(&p).with_promises(&promises);
            IndexRows::Page {
                resident: p.resident,
                preferred_name: p.preferred_name,
                created_at: p.created_at,
                items,
                promises: promise_rows(p.resident, &promises),
                next_visit: promise::next_visit(doc).map_err(wrong)?.map(|v| v.plan),
                facts,
            }
        }
        DocKind::Circle => {
            let c = circle::read(doc).map_err(wrong)?;
            check_owner(c.resident)?;
            IndexRows::Circle { resident: c.resident, summary: c.summary(), facts: ResidentFacts::from_circle(&c) }
        }
        DocKind::Journal | DocKind::TeamNotes => {
            let j = journal::read(doc).map_err(wrong)?;
            check_owner(j.resident)?;
            if j.visibility.doc_kind() != id.kind() {
                return Err(crate::StoreError::WrongKind { id, expected: id.kind().as_str() });
            }
            let promises =
                if id.kind() == DocKind::TeamNotes { promise::read(doc).map_err(wrong)? } else { Vec::new() };
            IndexRows::Journal {
                resident: j.resident,
                last_contact: j.last_contact(),
                promises: promise_rows(j.resident, &promises),
                facts: ResidentFacts::from_journal(&j).with_promises(&promises),
            }
        }
        DocKind::Checkins => {
            let c = checkin::read(doc).map_err(wrong)?;
            check_owner(c.resident)?;
            IndexRows::Checkins {
                resident: c.resident,
                count: c.checkins.len(),
                latest: c.latest().map(LatestCheckin::from),
                facts: ResidentFacts::from_checkins(&c),
            }
        }
        DocKind::Story => {
            let s = story::read(doc).map_err(wrong)?;
            check_owner(s.resident)?;
            IndexRows::Story { resident: s.resident, consent: s.consent, has_text: !s.text.trim().is_empty() }
        }
        DocKind::Directory => {
            connect_model::directory::read(doc).map_err(wrong)?;
            IndexRows::None
        }
    })
}

/// Counts a page's current items for the caseload.
pub(crate) fn item_counts(items: &[ItemRow]) -> (usize, usize, usize) {
    let current = || items.iter().filter(|i| !i.archived);
    let offers = current().filter(|i| i.section == "offer").count();
    let asks_open = current().filter(|i| matches!(i.status, Some(AskStatus::Open | AskStatus::InProgress))).count();
    let asks_met = current().filter(|i| i.status == Some(AskStatus::Met)).count();
    (offers, asks_open, asks_met)
}

/// Splits a query into lowercase words for search.
pub(crate) fn query_words(query: &str) -> Vec<String> {
    query.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Whether every query word is a prefix of some word of `text`, which is how
/// FTS5 prefix queries match; the memory store uses it to agree with SQLite.
pub(crate) fn matches_words(text: &str, words: &[String]) -> bool {
    let text_words = query_words(text);
    words.iter().all(|w| text_words.iter().any(|t| t.starts_with(w.as_str())))
}
