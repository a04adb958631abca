//! What the team figures know about one resident: dates, rings, statuses
//! and scores boiled down from their documents, never words or names. The
//! store keeps these in an index table as documents change.

use crate::checkin::CheckIns;
use crate::circle::{Circle, CircleSummary, Ring};
use crate::journal::Journal;
use crate::measures::OnsLoneliness;
use crate::page::{AskStatus, IntroAnswer, IntroSide, ResidentPage};
use crate::promise::{Promise, PromiseBy, PromiseState};
use crate::{ItemId, ResidentId, Timestamp};

/// One tie, as numbers: when it came and went, and its rings over time.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TieFacts {
    /// When it was added.
    pub added_at: Timestamp,
    /// When it left the circle, if it did.
    pub left_at: Option<Timestamp>,
    /// Support both ways (now).
    pub two_way: bool,
    /// Every placement: when, and which ring.
    pub placements: Vec<(Timestamp, Ring)>,
}

impl TieFacts {
    fn ring_at(&self, at: Timestamp) -> Option<Ring> {
        if self.added_at > at || self.left_at.is_some_and(|gone| gone <= at) {
            return None;
        }
        self.placements.iter().filter(|(when, _)| *when <= at).max_by_key(|(when, _)| *when).map(|(_, ring)| *ring)
    }
}

/// One check-in with answers, as numbers.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CheckinFacts {
    /// When.
    pub taken_at: Timestamp,
    /// The resident agreed it may count in team figures.
    pub shared: bool,
    /// ONS loneliness answer.
    pub loneliness: Option<OnsLoneliness>,
    /// UCLA 3-item total, when complete.
    pub ucla3_total: Option<u8>,
    /// ONS4 life satisfaction.
    pub life_satisfaction: Option<u8>,
    /// The language the questions were asked in.
    #[serde(default)]
    pub asked_in: String,
}

/// One side of an introduction, as recorded on this resident's page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IntroFacts {
    /// The introduction (the same id on both residents' pages).
    pub id: ItemId,
    /// This resident's ask or offer.
    pub item: ItemId,
    /// The other resident's.
    pub their_item: ItemId,
    /// This resident asked, or offered.
    pub side: IntroSide,
    /// This resident's answer.
    pub answer: IntroAnswer,
}

/// One promise, as numbers: who, when it was made and kept, and the ask it answers.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PromiseFacts {
    /// Who will do it.
    pub by: PromiseBy,
    /// When it was made.
    pub made_at: Timestamp,
    /// Where it stands.
    pub state: PromiseState,
    /// When it was kept, if it is done.
    pub kept_at: Option<Timestamp>,
    /// The ask it answers.
    pub ask: Option<ItemId>,
}

/// Everything the team figures need about one resident: no words, no names.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ResidentFacts {
    /// Who (never shown; pseudonymised in per-resident exports).
    pub resident: Option<ResidentId>,
    /// When their page was made.
    pub joined_at: Option<Timestamp>,
    /// Visits that happened (journal and team-only notes), oldest first.
    pub visits: Vec<Timestamp>,
    /// Their circle's ties.
    pub ties: Vec<TieFacts>,
    /// Asks raised (not hidden): when, and where each has got to.
    pub asks: Vec<AskStatus>,
    /// Offers on their page (not hidden).
    pub offers: usize,
    /// Their side of each introduction.
    pub introductions: Vec<IntroFacts>,
    /// Check-ins with answers, oldest first.
    pub checkins: Vec<CheckinFacts>,
    /// Their promises, shared and team-only.
    #[serde(default)]
    pub promises: Vec<PromiseFacts>,
    /// Asks met (not hidden), and when.
    #[serde(default)]
    pub asks_met_at: Vec<(ItemId, Timestamp)>,
}

impl ResidentFacts {
    /// Facts from a page.
    #[must_use]
    pub fn from_page(page: &ResidentPage) -> Self {
        Self {
            resident: Some(page.resident),
            joined_at: Some(page.created_at),
            asks: page.current_asks().map(|a| a.details.status).collect(),
            asks_met_at: page
                .current_asks()
                .filter(|a| a.details.status == AskStatus::Met)
                .map(|a| (a.id, a.details.status_changed_at))
                .collect(),
            offers: page.current_offers().count(),
            introductions: page
                .introductions
                .iter()
                .map(|i| IntroFacts {
                    id: i.proposal.id,
                    item: i.proposal.item,
                    their_item: i.proposal.their_item,
                    side: i.proposal.side,
                    answer: i.answer,
                })
                .collect(),
            ..Self::default()
        }
    }

    /// Facts from a circle.
    #[must_use]
    pub fn from_circle(circle: &Circle) -> Self {
        Self {
            resident: Some(circle.resident),
            ties: circle
                .ties
                .iter()
                .map(|t| TieFacts {
                    added_at: t.added_at,
                    left_at: if t.archived { t.archived_at.or(Some(t.added_at)) } else { None },
                    two_way: t.two_way,
                    placements: {
                        let mut p: Vec<(Timestamp, Ring)> = t.placements.values().map(|p| (p.at, p.ring)).collect();
                        p.sort();
                        p
                    },
                })
                .collect(),
            ..Self::default()
        }
    }

    /// Facts from a journal or team-only notes: the visits that happened.
    #[must_use]
    pub fn from_journal(journal: &Journal) -> Self {
        Self { resident: Some(journal.resident), visits: journal.visits(), ..Self::default() }
    }

    /// Facts from check-ins: those with answers, not hidden.
    #[must_use]
    pub fn from_checkins(checkins: &CheckIns) -> Self {
        Self {
            resident: Some(checkins.resident),
            checkins: checkins
                .checkins
                .iter()
                .filter(|c| !c.archived && c.has_answers())
                .map(|c| CheckinFacts {
                    taken_at: c.taken_at,
                    shared: c.share_in_reports,
                    loneliness: c.loneliness,
                    ucla3_total: c.ucla3.and_then(|u| u.total()),
                    life_satisfaction: c.ons4.and_then(|o| o.life_satisfaction),
                    asked_in: c.language().to_owned(),
                })
                .collect(),
            ..Self::default()
        }
    }

    /// The same facts with a document's promises added.
    #[must_use]
    pub fn with_promises(mut self, promises: &[Promise]) -> Self {
        self.promises.extend(promises.iter().map(|p| PromiseFacts {
            by: p.terms.by,
            made_at: p.made_at,
            state: p.state(),
            kept_at: p.kept_at(),
            ask: p.ask,
        }));
        self
    }

    /// Adds the facts of another of the same resident's documents.
    pub fn merge(&mut self, other: Self) {
        self.resident = self.resident.or(other.resident);
        self.joined_at = self.joined_at.or(other.joined_at);
        self.visits.extend(other.visits);
        self.visits.sort();
        self.ties.extend(other.ties);
        self.asks.extend(other.asks);
        self.offers += other.offers;
        self.introductions.extend(other.introductions);
        self.checkins.extend(other.checkins);
        self.checkins.sort_by_key(|c| c.taken_at);
        self.promises.extend(other.promises);
        self.asks_met_at.extend(other.asks_met_at);
    }

    /// The circle's counts at `at`.
    #[must_use]
    pub fn circle_at(&self, at: Timestamp) -> CircleSummary {
        let mut s = CircleSummary::default();
        for tie in &self.ties {
            if let Some(ring) = tie.ring_at(at) {
                s.per_ring[ring.index()] += 1;
                if ring != Ring::Possibility {
                    s.in_circle += 1;
                }
                if tie.two_way {
                    s.two_way += 1;
                }
            }
        }
        s
    }
}
