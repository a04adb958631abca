//! The per-resident export's rows: one pseudonymous row per resident, with
//! numbers only, never names, words or dates.

use std::collections::BTreeMap;

use super::{CheckinFacts, ResidentFacts};
use crate::page::{AskStatus, IntroAnswer, IntroSide};
use crate::{ItemId, ResidentId, Timestamp};

/// A stable pseudonym for a resident in per-resident exports: a keyed hash of
/// their id, so the same resident gets the same pseudonym in every export
/// made with `secret`, and nobody without the secret can tell who it is.
#[must_use]
pub fn pseudonym(secret: &[u8], resident: ResidentId) -> String {
    let mac = hmac_sha256(secret, resident.uuid().as_bytes());
    format!("R-{}", hex::encode(&mac[..6]))
}

/// HMAC-SHA-256 (RFC 2104), from RustCrypto's audited `hmac`.
pub(super) fn hmac_sha256(secret: &[u8], message: &[u8]) -> [u8; 32] {
    use hmac::Mac;
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret)
        .expect("HMAC takes a key of any length (a long one is hashed)");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// Whole months between two times (30-day months, rounded down).
fn months(from: Timestamp, to: Timestamp) -> i64 {
    (to.millis() - from.millis()).max(0) / (30 * 86_400_000)
}

/// One resident's numbers for the per-resident export: pseudonymous, with
/// no words and no dates (months, counts and scores only). Empty fields are
/// `None`: no visit yet, or no check-in the resident agreed may count.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ResidentRow {
    /// A keyed pseudonym ([`pseudonym`]), never the resident's id.
    pub pseudonym: String,
    /// Whole months since their page was made.
    pub months_supported: i64,
    /// Visits so far.
    pub visits: usize,
    /// Ties in the circle at the first visit.
    pub ties_first_visit: Option<usize>,
    /// Ties in the circle at the latest visit.
    pub ties_latest_visit: Option<usize>,
    /// Two-way ties at the first visit.
    pub two_way_first_visit: Option<usize>,
    /// Two-way ties at the latest visit.
    pub two_way_latest_visit: Option<usize>,
    /// Asks raised.
    pub asks_raised: usize,
    /// Asks met.
    pub asks_met: usize,
    /// Offers on their page.
    pub offers_listed: usize,
    /// Their offers made to other residents (introductions both agreed to).
    pub offers_made_to_others: usize,
    /// UCLA 3-item total at the first agreed check-in.
    pub ucla3_first: Option<u8>,
    /// UCLA 3-item total at the latest agreed check-in.
    pub ucla3_latest: Option<u8>,
    /// Life satisfaction at the first agreed check-in.
    pub life_satisfaction_first: Option<u8>,
    /// Life satisfaction at the latest agreed check-in.
    pub life_satisfaction_latest: Option<u8>,
}

/// One row per resident, pseudonymous and without words or dates: how long
/// supported, circle at first and latest visit, asks, offers, introductions,
/// and check-in scores only where the resident agreed to count. Sorted by
/// pseudonym, so the order gives nothing away either.
#[must_use]
pub fn per_resident_rows(secret: &[u8], residents: &[ResidentFacts], now: Timestamp) -> Vec<ResidentRow> {
    let made: BTreeMap<ItemId, usize> =
        residents.iter().flat_map(|r| r.introductions.iter()).fold(BTreeMap::new(), |mut m, i| {
            if i.answer == IntroAnswer::Yes {
                *m.entry(i.id).or_insert(0) += 1;
            }
            m
        });
    let mut rows: Vec<ResidentRow> = residents
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
                if last { values.last().copied() } else { values.first().copied() }
            };
            Some(ResidentRow {
                pseudonym: pseudonym(secret, who),
                months_supported: r.joined_at.map_or(0, |j| months(j, now)),
                visits: r.visits.len(),
                ties_first_visit: first.map(|s| s.in_circle),
                ties_latest_visit: latest.map(|s| s.in_circle),
                two_way_first_visit: first.map(|s| s.two_way),
                two_way_latest_visit: latest.map(|s| s.two_way),
                asks_raised: r.asks.len(),
                asks_met: r.asks.iter().filter(|s| **s == AskStatus::Met).count(),
                offers_listed: r.offers,
                offers_made_to_others: r
                    .introductions
                    .iter()
                    .filter(|i| i.side == IntroSide::Offerer && made.get(&i.id) == Some(&2))
                    .count(),
                ucla3_first: score(&|c| c.ucla3_total, false),
                ucla3_latest: score(&|c| c.ucla3_total, true),
                life_satisfaction_first: score(&|c| c.life_satisfaction, false),
                life_satisfaction_latest: score(&|c| c.life_satisfaction, true),
            })
        })
        .collect();
    rows.sort_by(|a, b| a.pseudonym.cmp(&b.pseudonym));
    rows
}
