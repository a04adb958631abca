//! Team insights: the numbers that make the case, with no names and nothing
//! that could single a person out.
//!
//! Each resident's documents are boiled down to [`ResidentFacts`]: dates,
//! rings, statuses and scores, never words. The store keeps those facts in an
//! index table as documents change, so the team view is built from the index
//! without loading a document; [`build`] turns them into [`TeamInsights`].
//!
//! Rules the figures keep:
//! - **Small numbers are suppressed.** A figure drawn from 1 to 4 residents
//!   is shown as "fewer than 5" ([`Figure::Suppressed`]), so nobody can be
//!   identified; 0 is shown, as it identifies no one.
//! - **Check-in figures count only residents who agreed** that their answers
//!   may count in team figures, and only their agreed check-ins.
//! - **Circle growth compares the circle at a resident's first visit with the
//!   circle at their latest visit**, rebuilt from each tie's placements, each
//!   as it stood at the end of the visit's day.

use std::collections::BTreeMap;

use crate::checkin::CheckIns;
use crate::circle::{Circle, CircleSummary, Ring};
use crate::journal::Journal;
use crate::measures::OnsLoneliness;
use crate::page::{AskStatus, IntroAnswer, IntroSide, ResidentPage};
use crate::{ItemId, ResidentId, Timestamp};

/// The fewest residents a figure may be drawn from.
pub const SMALLEST_SHOWN: usize = 5;

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
}

impl ResidentFacts {
    /// Facts from a page.
    #[must_use]
    pub fn from_page(page: &ResidentPage) -> Self {
        Self {
            resident: Some(page.resident),
            joined_at: Some(page.created_at),
            asks: page.current_asks().map(|a| a.status).collect(),
            offers: page.current_offers().count(),
            introductions: page
                .introductions
                .iter()
                .map(|i| IntroFacts {
                    id: i.id,
                    item: i.item,
                    their_item: i.their_item,
                    side: i.side,
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
                })
                .collect(),
            ..Self::default()
        }
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

/// A figure drawn from some residents: shown, or suppressed because too few
/// residents are behind it.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(tag = "shown", rename_all = "snake_case")]
pub enum Figure {
    /// The value, and how many residents it is drawn from.
    Value {
        /// The number.
        value: f64,
        /// Residents behind it.
        residents: usize,
    },
    /// Drawn from 1 to 4 residents: not shown.
    Suppressed,
}

impl Figure {
    /// `value` drawn from `residents`, suppressed when 1 to 4.
    #[must_use]
    pub fn of(value: f64, residents: usize) -> Self {
        if (1..SMALLEST_SHOWN).contains(&residents) { Figure::Suppressed } else { Figure::Value { value, residents } }
    }

    /// A count of residents: itself the number of residents behind it.
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn count(n: usize) -> Self {
        Self::of(n as f64, n)
    }

    /// The value, if shown.
    #[must_use]
    pub fn value(self) -> Option<f64> {
        match self {
            Figure::Value { value, .. } => Some(value),
            Figure::Suppressed => None,
        }
    }

    /// For people and for CSV: the number (whole numbers without decimals),
    /// or "fewer than 5".
    #[must_use]
    pub fn words(self) -> String {
        match self {
            Figure::Value { value, .. } if value.fract() == 0.0 => format!("{value:.0}"),
            Figure::Value { value, .. } => format!("{value:.1}"),
            Figure::Suppressed => format!("fewer than {SMALLEST_SHOWN}"),
        }
    }
}

/// Medians of a circle, per ring, at one moment across residents.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CircleMedians {
    /// Median ties per ring, innermost first (possibility last).
    pub per_ring: [Figure; 5],
    /// Median ties in the four rings.
    pub in_circle: Figure,
    /// Median ties that go both ways.
    pub two_way: Figure,
}

/// The team's figures. Every figure says how many residents it is drawn from
/// and is suppressed below [`SMALLEST_SHOWN`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TeamInsights {
    /// Residents with a page on this device.
    pub residents_supported: Figure,
    /// Residents with at least one visit.
    pub residents_visited: Figure,
    /// Circles at residents' first visit.
    pub circle_first: CircleMedians,
    /// Circles at residents' latest visit.
    pub circle_latest: CircleMedians,
    /// Asks raised (not hidden), across residents.
    pub asks_raised: Figure,
    /// Asks met.
    pub asks_met: Figure,
    /// Offers on residents' pages.
    pub offers_listed: Figure,
    /// Introductions both residents agreed to: a resident's offer made to another.
    pub offers_made_to_others: Figure,
    /// Introductions one resident declined (a choice, counted as such).
    pub introductions_declined: Figure,
    /// Residents who agreed to count in figures and have two check-ins or more.
    pub checkin_residents: Figure,
    /// Median UCLA 3-item total at their first agreed check-in (3 to 9, higher is lonelier).
    pub ucla3_first: Figure,
    /// Median UCLA 3-item total at their latest agreed check-in.
    pub ucla3_latest: Figure,
    /// Residents whose UCLA total went down (less lonely).
    pub ucla3_improved: Figure,
    /// Median ONS4 life satisfaction at the first agreed check-in (0 to 10).
    pub life_satisfaction_first: Figure,
    /// Median ONS4 life satisfaction at the latest agreed check-in.
    pub life_satisfaction_latest: Figure,
}

#[allow(clippy::cast_precision_loss)]
fn median(mut values: Vec<f64>) -> Figure {
    let n = values.len();
    if n == 0 {
        return Figure::of(0.0, 0);
    }
    values.sort_by(f64::total_cmp);
    let mid = n / 2;
    let m = if n.is_multiple_of(2) { f64::midpoint(values[mid - 1], values[mid]) } else { values[mid] };
    Figure::of(m, n)
}

#[allow(clippy::cast_precision_loss)]
fn circle_medians(summaries: &[CircleSummary]) -> CircleMedians {
    let column = |f: &dyn Fn(&CircleSummary) -> usize| median(summaries.iter().map(|s| f(s) as f64).collect());
    CircleMedians {
        per_ring: [0, 1, 2, 3, 4].map(|i| column(&|s: &CircleSummary| s.per_ring[i])),
        in_circle: column(&|s| s.in_circle),
        two_way: column(&|s| s.two_way),
    }
}

/// Builds the team's figures from every resident's facts.
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn build(residents: &[ResidentFacts]) -> TeamInsights {
    let visited: Vec<&ResidentFacts> = residents.iter().filter(|r| !r.visits.is_empty()).collect();
    // A visit counts the circle as it stood at the end of the visit's day.
    let first: Vec<CircleSummary> = visited.iter().map(|r| r.circle_at(r.visits[0].end_of_day())).collect();
    let latest: Vec<CircleSummary> =
        visited.iter().map(|r| r.circle_at(r.visits.last().unwrap_or(&r.visits[0]).end_of_day())).collect();

    // Who raised an ask, who had one met: residents behind each count.
    let raised = residents.iter().map(|r| r.asks.len()).sum::<usize>();
    let raisers = residents.iter().filter(|r| !r.asks.is_empty()).count();
    let met = residents.iter().map(|r| r.asks.iter().filter(|s| **s == AskStatus::Met).count()).sum::<usize>();
    let met_for = residents.iter().filter(|r| r.asks.contains(&AskStatus::Met)).count();
    let offers = residents.iter().map(|r| r.offers).sum::<usize>();
    let offerers = residents.iter().filter(|r| r.offers > 0).count();

    // An introduction is made when both sides said yes; declined when either said no.
    let mut sides: BTreeMap<ItemId, Vec<(Option<ResidentId>, IntroSide, IntroAnswer)>> = BTreeMap::new();
    for r in residents {
        for i in &r.introductions {
            sides.entry(i.id).or_default().push((r.resident, i.side, i.answer));
        }
    }
    let mut made_by = Vec::new();
    let mut declined = 0;
    let mut decliners = Vec::new();
    for answers in sides.values() {
        if answers.len() == 2 && answers.iter().all(|(_, _, a)| *a == IntroAnswer::Yes) {
            made_by.extend(answers.iter().filter(|(_, s, _)| *s == IntroSide::Offerer).map(|(r, _, _)| *r));
        } else if answers.iter().any(|(_, _, a)| *a == IntroAnswer::No) {
            declined += 1;
            decliners.extend(answers.iter().filter(|(_, _, a)| *a == IntroAnswer::No).map(|(r, _, _)| *r));
        }
    }
    let distinct = |mut v: Vec<Option<ResidentId>>| {
        v.sort();
        v.dedup();
        v.len()
    };
    let made = made_by.len();

    // Check-ins: only agreed ones, from residents with two or more.
    let agreed: Vec<Vec<&CheckinFacts>> = residents
        .iter()
        .map(|r| r.checkins.iter().filter(|c| c.shared).collect::<Vec<_>>())
        .filter(|c| c.len() >= 2)
        .collect();
    let pairs = |pick: &dyn Fn(&CheckinFacts) -> Option<u8>| -> Vec<(f64, f64)> {
        agreed
            .iter()
            .filter_map(|cs| {
                let with: Vec<u8> = cs.iter().filter_map(|c| pick(c)).collect();
                (with.len() >= 2).then(|| (f64::from(with[0]), f64::from(with[with.len() - 1])))
            })
            .collect()
    };
    let ucla = pairs(&|c| c.ucla3_total);
    let life = pairs(&|c| c.life_satisfaction);
    let improved = ucla.iter().filter(|(a, b)| b < a).count();

    TeamInsights {
        residents_supported: Figure::count(residents.len()),
        residents_visited: Figure::count(visited.len()),
        circle_first: circle_medians(&first),
        circle_latest: circle_medians(&latest),
        asks_raised: Figure::of(raised as f64, raisers),
        asks_met: Figure::of(met as f64, met_for),
        offers_listed: Figure::of(offers as f64, offerers),
        offers_made_to_others: Figure::of(made as f64, distinct(made_by)),
        introductions_declined: Figure::of(f64::from(u32::try_from(declined).unwrap_or(u32::MAX)), distinct(decliners)),
        checkin_residents: Figure::count(agreed.len()),
        ucla3_first: median(ucla.iter().map(|(a, _)| *a).collect()),
        ucla3_latest: median(ucla.iter().map(|(_, b)| *b).collect()),
        ucla3_improved: Figure::of(improved as f64, ucla.len()),
        life_satisfaction_first: median(life.iter().map(|(a, _)| *a).collect()),
        life_satisfaction_latest: median(life.iter().map(|(_, b)| *b).collect()),
    }
}

impl TeamInsights {
    /// Every figure as (measure, figure), in the order reports list them.
    #[must_use]
    pub fn rows(&self) -> Vec<(String, Figure)> {
        let mut rows = vec![
            ("residents supported".to_owned(), self.residents_supported),
            ("residents visited".to_owned(), self.residents_visited),
        ];
        for (when, m) in [("first visit", &self.circle_first), ("latest visit", &self.circle_latest)] {
            for ring in Ring::ALL {
                rows.push((format!("median ties in {ring} ring at {when}"), m.per_ring[ring.index()]));
            }
            rows.push((format!("median ties in the circle at {when}"), m.in_circle));
            rows.push((format!("median two-way ties at {when}"), m.two_way));
        }
        rows.extend([
            ("asks raised".to_owned(), self.asks_raised),
            ("asks met".to_owned(), self.asks_met),
            ("offers listed".to_owned(), self.offers_listed),
            ("offers made to other residents".to_owned(), self.offers_made_to_others),
            ("introductions declined".to_owned(), self.introductions_declined),
            ("residents counting in check-in figures".to_owned(), self.checkin_residents),
            ("median UCLA 3-item total at first check-in".to_owned(), self.ucla3_first),
            ("median UCLA 3-item total at latest check-in".to_owned(), self.ucla3_latest),
            ("residents whose UCLA total went down".to_owned(), self.ucla3_improved),
            ("median life satisfaction at first check-in".to_owned(), self.life_satisfaction_first),
            ("median life satisfaction at latest check-in".to_owned(), self.life_satisfaction_latest),
        ]);
        rows
    }

    /// The figures as CSV: `measure,value,residents`, suppressed values as
    /// "fewer than 5" with no count.
    #[must_use]
    pub fn to_csv(&self) -> String {
        let mut out = String::from("measure,value,residents\n");
        for (measure, figure) in self.rows() {
            let residents = match figure {
                Figure::Value { residents, .. } => residents.to_string(),
                Figure::Suppressed => String::new(),
            };
            out.push_str(&format!("{},{},{residents}\n", csv_field(&measure), csv_field(&figure.words())));
        }
        out
    }
}

/// A CSV field, quoted when it must be.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() }
}

/// A stable pseudonym for a resident in per-resident exports: a keyed hash of
/// their id, so the same resident gets the same pseudonym in every export
/// made with `secret`, and nobody without the secret can tell who it is.
#[must_use]
pub fn pseudonym(secret: &[u8], resident: ResidentId) -> String {
    let mac = hmac_sha256(secret, resident.uuid().as_bytes());
    let hex: String = mac.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("R-{hex}")
}

/// HMAC-SHA-256 (RFC 2104): H((k ^ opad) || H((k ^ ipad) || m)).
fn hmac_sha256(secret: &[u8], message: &[u8]) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut key = [0u8; 64];
    if secret.len() > 64 {
        key[..32].copy_from_slice(&Sha256::digest(secret));
    } else {
        key[..secret.len()].copy_from_slice(secret);
    }
    let pad = |byte: u8| key.map(|k| k ^ byte);
    let inner = Sha256::new().chain_update(pad(0x36)).chain_update(message).finalize();
    Sha256::new().chain_update(pad(0x5c)).chain_update(inner).finalize().into()
}

/// Whole months between two times (30-day months, rounded down).
fn months(from: Timestamp, to: Timestamp) -> i64 {
    (to.millis() - from.millis()).max(0) / (30 * 86_400_000)
}

/// One row per resident, pseudonymous and without words or dates: how long
/// supported, circle at first and latest visit, asks, offers, introductions,
/// and check-in scores only where the resident agreed to count.
#[must_use]
pub fn per_resident_csv(secret: &[u8], residents: &[ResidentFacts], now: Timestamp) -> String {
    let mut out = String::from(
        "pseudonym,months_supported,visits,ties_first_visit,ties_latest_visit,two_way_first_visit,two_way_latest_visit,\
         asks_raised,asks_met,offers_listed,offers_made_to_others,ucla3_first,ucla3_latest,life_satisfaction_first,life_satisfaction_latest\n",
    );
    let made: BTreeMap<ItemId, usize> =
        residents.iter().flat_map(|r| r.introductions.iter()).fold(BTreeMap::new(), |mut m, i| {
            if i.answer == IntroAnswer::Yes {
                *m.entry(i.id).or_insert(0) += 1;
            }
            m
        });
    let mut rows: Vec<(String, String)> = residents
        .iter()
        .filter_map(|r| {
            let who = r.resident?;
            let (first, latest) = match (r.visits.first(), r.visits.last()) {
                (Some(f), Some(l)) => (Some(r.circle_at(f.end_of_day())), Some(r.circle_at(l.end_of_day()))),
                _ => (None, None),
            };
            let agreed: Vec<&CheckinFacts> = r.checkins.iter().filter(|c| c.shared).collect();
            let score = |pick: &dyn Fn(&CheckinFacts) -> Option<u8>, last: bool| {
                let values: Vec<u8> = agreed.iter().filter_map(|c| pick(c)).collect();
                let v = if last { values.last() } else { values.first() };
                v.map(ToString::to_string).unwrap_or_default()
            };
            let opt = |v: Option<usize>| v.map(|n| n.to_string()).unwrap_or_default();
            let offers_made =
                r.introductions.iter().filter(|i| i.side == IntroSide::Offerer && made.get(&i.id) == Some(&2)).count();
            let pseudo = pseudonym(secret, who);
            let line = format!(
                "{pseudo},{},{},{},{},{},{},{},{},{},{offers_made},{},{},{},{}\n",
                r.joined_at.map_or(0, |j| months(j, now)),
                r.visits.len(),
                opt(first.map(|s| s.in_circle)),
                opt(latest.map(|s| s.in_circle)),
                opt(first.map(|s| s.two_way)),
                opt(latest.map(|s| s.two_way)),
                r.asks.len(),
                r.asks.iter().filter(|s| **s == AskStatus::Met).count(),
                r.offers,
                score(&|c| c.ucla3_total, false),
                score(&|c| c.ucla3_total, true),
                score(&|c| c.life_satisfaction, false),
                score(&|c| c.life_satisfaction, true),
            );
            Some((pseudo, line))
        })
        .collect();
    // Sorted by pseudonym, so the order gives nothing away either.
    rows.sort();
    for (_, line) in rows {
        out.push_str(&line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400_000;

    fn day(n: i64) -> Timestamp {
        Timestamp::from_millis(1_767_225_600_000 + n * DAY)
    }

    fn tie(added: i64, ring: Ring, moves: &[(i64, Ring)], left: Option<i64>, two_way: bool) -> TieFacts {
        let mut placements = vec![(day(added), ring)];
        placements.extend(moves.iter().map(|(d, r)| (day(*d), *r)));
        TieFacts { added_at: day(added), left_at: left.map(day), two_way, placements }
    }

    /// A resident visited on days 10 and 100, whose circle grows between.
    fn growing(n: usize) -> ResidentFacts {
        ResidentFacts {
            resident: Some(ResidentId::random()),
            joined_at: Some(day(0)),
            visits: vec![day(10), day(50), day(100)],
            ties: vec![
                tie(1, Ring::Intimacy, &[], None, false),
                tie(5, Ring::Exchange, &[], None, false),
                // Met at a lunch club after the first visit, now a friend, and it goes both ways.
                tie(20, Ring::Participation, &[(80, Ring::Friendship)], None, true),
                tie(30, Ring::Possibility, &[], None, false),
                // Left before the latest visit.
                tie(2, Ring::Exchange, &[], Some(60), false),
            ]
            .into_iter()
            .take(3 + n % 3)
            .collect(),
            asks: vec![AskStatus::Met, AskStatus::Open],
            offers: 2,
            introductions: vec![],
            checkins: vec![],
        }
    }

    #[test]
    fn the_circle_at_a_date_counts_each_ring_from_placements_and_leavings() {
        let r = growing(2); // all five ties
        assert_eq!(r.circle_at(day(0)), CircleSummary::default());
        assert_eq!(r.circle_at(day(10)), CircleSummary { per_ring: [1, 0, 0, 2, 0], in_circle: 3, two_way: 0 });
        assert_eq!(r.circle_at(day(50)), CircleSummary { per_ring: [1, 0, 1, 2, 1], in_circle: 4, two_way: 1 });
        assert_eq!(r.circle_at(day(100)), CircleSummary { per_ring: [1, 1, 0, 1, 1], in_circle: 3, two_way: 1 });
    }

    #[test]
    fn circle_growth_is_the_median_at_first_and_latest_visit() {
        // Two residents each with 3, 4 and 5 ties (the take() above), six in all.
        let residents: Vec<ResidentFacts> = (0..6).map(growing).collect();
        let insights = build(&residents);
        assert_eq!(insights.residents_supported, Figure::Value { value: 6.0, residents: 6 });
        // At the first visit (day 10) the circles hold 2, 2, 2, 2, 3 and 3 ties
        // (the five-tie residents' leaver has not left yet): median 2.
        assert_eq!(insights.circle_first.per_ring[Ring::Intimacy.index()].value(), Some(1.0));
        assert_eq!(insights.circle_first.in_circle.value(), Some(2.0));
        // At the latest (day 100) the friend has arrived and the leaver gone: 3 each.
        assert_eq!(insights.circle_latest.in_circle.value(), Some(3.0));
        assert_eq!(insights.circle_latest.per_ring[Ring::Friendship.index()].value(), Some(1.0));
        assert_eq!(insights.circle_latest.two_way.value(), Some(1.0));
        assert_eq!(insights.asks_raised, Figure::Value { value: 12.0, residents: 6 });
        assert_eq!(insights.asks_met, Figure::Value { value: 6.0, residents: 6 });
    }

    #[test]
    fn figures_from_one_to_four_residents_are_suppressed_and_zero_is_shown() {
        for n in 1..SMALLEST_SHOWN {
            let residents: Vec<ResidentFacts> = (0..n).map(growing).collect();
            let insights = build(&residents);
            assert_eq!(insights.residents_supported, Figure::Suppressed, "{n} residents");
            assert_eq!(insights.circle_latest.in_circle, Figure::Suppressed);
            assert_eq!(insights.asks_met.words(), "fewer than 5");
            assert!(!insights.to_csv().contains(&format!(",{n}\n")), "no count of {n} leaks through the CSV");
        }
        let none = build(&[]);
        assert_eq!(none.residents_supported, Figure::Value { value: 0.0, residents: 0 });
        assert_eq!(none.residents_supported.words(), "0");
        let five = build(&(0..5).map(growing).collect::<Vec<_>>());
        assert_eq!(five.residents_supported.words(), "5");
    }

    fn checkin(d: i64, shared: bool, ucla: u8, life: u8) -> CheckinFacts {
        CheckinFacts {
            taken_at: day(d),
            shared,
            loneliness: None,
            ucla3_total: Some(ucla),
            life_satisfaction: Some(life),
        }
    }

    #[test]
    fn check_in_figures_count_only_residents_who_agreed() {
        let mut residents: Vec<ResidentFacts> = (0..7).map(growing).collect();
        // Five agreed to count: lonelier 8 → 5, and so on; two did not, whose scores would drag the medians.
        let scores = [(8, 5, 3, 6), (7, 7, 4, 4), (9, 6, 2, 5), (6, 4, 5, 7), (8, 8, 3, 3)];
        for (r, (a, b, l1, l2)) in residents.iter_mut().zip(scores) {
            r.checkins = vec![checkin(10, true, a, l1), checkin(90, true, b, l2)];
        }
        residents[5].checkins = vec![checkin(10, false, 3, 10), checkin(90, false, 3, 10)];
        // One agreed to only the later check-in: one agreed check-in is not a change.
        residents[6].checkins = vec![checkin(10, false, 9, 0), checkin(90, true, 3, 10)];
        let insights = build(&residents);
        assert_eq!(insights.checkin_residents.value(), Some(5.0));
        assert_eq!(insights.ucla3_first.value(), Some(8.0));
        assert_eq!(insights.ucla3_latest.value(), Some(6.0));
        assert_eq!(insights.ucla3_improved, Figure::Value { value: 3.0, residents: 5 });
        assert_eq!(insights.life_satisfaction_first.value(), Some(3.0));
        assert_eq!(insights.life_satisfaction_latest.value(), Some(5.0));
        // With one fewer agreeing, every check-in figure is suppressed.
        residents[4].checkins.iter_mut().for_each(|c| c.shared = false);
        let fewer = build(&residents);
        assert_eq!(fewer.checkin_residents, Figure::Suppressed);
        assert_eq!(fewer.ucla3_latest, Figure::Suppressed);
    }

    #[test]
    fn an_introduction_counts_as_an_offer_made_only_when_both_said_yes() {
        let mut residents: Vec<ResidentFacts> = (0..12).map(growing).collect();
        let answer =
            |side, answer, id| IntroFacts { id, item: ItemId::random(), their_item: ItemId::random(), side, answer };
        // Six introductions: five agreed by both, one declined by the offerer.
        for k in 0..6 {
            let id = ItemId::random();
            residents[2 * k].introductions.push(answer(IntroSide::Asker, IntroAnswer::Yes, id));
            let theirs = if k == 5 { IntroAnswer::No } else { IntroAnswer::Yes };
            residents[2 * k + 1].introductions.push(answer(IntroSide::Offerer, theirs, id));
        }
        // One more still waiting for an answer counts as neither.
        let id = ItemId::random();
        residents[0].introductions.push(answer(IntroSide::Offerer, IntroAnswer::Pending, id));
        residents[3].introductions.push(answer(IntroSide::Asker, IntroAnswer::Yes, id));
        let insights = build(&residents);
        assert_eq!(insights.offers_made_to_others, Figure::Value { value: 5.0, residents: 5 });
        assert_eq!(insights.introductions_declined, Figure::Suppressed, "one resident declined: too few to show");
        // Four agreed introductions would be four residents: suppressed.
        residents[9].introductions[0].answer = IntroAnswer::Pending;
        assert_eq!(build(&residents).offers_made_to_others, Figure::Suppressed);
    }

    #[test]
    fn pseudonyms_are_stable_per_secret_and_reveal_nothing_without_it() {
        let r = ResidentId::random();
        assert_eq!(pseudonym(b"team secret", r), pseudonym(b"team secret", r));
        assert_ne!(pseudonym(b"team secret", r), pseudonym(b"another secret", r));
        assert_ne!(pseudonym(b"team secret", r), pseudonym(b"team secret", ResidentId::random()));
        let p = pseudonym(b"team secret", r);
        assert!(p.starts_with("R-") && p.len() == 14, "{p}");
        assert!(!p.contains(&r.to_string()[..8]));
    }

    #[test]
    fn hmac_matches_the_rfc_4231_test_vectors() {
        let hex = |b: [u8; 32]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        assert_eq!(
            hex(hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // Case 6: a key longer than the block is hashed first.
        assert_eq!(
            hex(hmac_sha256(&[0xaa; 131], b"Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn the_per_resident_csv_has_no_names_words_or_dates_and_scores_only_with_consent() {
        let mut residents: Vec<ResidentFacts> = (0..2).map(growing).collect();
        residents[0].checkins = vec![checkin(10, true, 8, 3), checkin(90, true, 5, 6)];
        residents[1].checkins = vec![checkin(10, false, 9, 1), checkin(90, false, 9, 1)];
        let csv = per_resident_csv(b"secret", &residents, day(120));
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("pseudonym,months_supported"));
        let agreed =
            lines.iter().find(|l| l.starts_with(&pseudonym(b"secret", residents[0].resident.unwrap()))).unwrap();
        assert!(agreed.ends_with(",8,5,3,6"), "{agreed}");
        assert!(agreed.contains(",4,3,"), "4 months supported, 3 visits: {agreed}");
        let refused =
            lines.iter().find(|l| l.starts_with(&pseudonym(b"secret", residents[1].resident.unwrap()))).unwrap();
        assert!(refused.ends_with(",,,,"), "no scores without consent: {refused}");
        for r in &residents {
            assert!(!csv.contains(&r.resident.unwrap().to_string()));
        }
        assert!(!csv.contains("2026"), "no dates");
    }
}
