//! Team insights: the numbers that make the case, with no names and nothing
//! that could single a person out.
//!
//! Each resident's documents are boiled down to [`ResidentFacts`]: dates,
//! rings, statuses and scores, never words. The store keeps those facts in an
//! index table as documents change, so the team view is built from the index
//! without loading a document; [`build`] turns them into [`TeamInsights`].
//!
//! Rules the figures keep:
//! - **Small numbers are suppressed.** A figure drawn from 1 to 4 residents,
//!   or a count of 1 to 4 residents whatever it is drawn from, is shown as
//!   "fewer than 5" ([`Figure::Suppressed`]), so nobody can be identified; 0
//!   is shown, as it identifies no one.
//! - **Nothing small is left to subtract.** Where one figure's residents
//!   hold another's and have 1 to 4 more ("supported" and "visited",
//!   "improved" and those with a change), one of them is withheld
//!   ([`Figure::Withheld`]), so no difference gives a small count away.
//! - **No data is not zero.** A median over no answers is
//!   [`Figure::NoData`]: "no answers yet" in words, `null` in JSON and CSV.
//! - **Check-in figures count only residents who agreed** that their answers
//!   may count in team figures, and only their agreed check-ins.
//! - **Circle growth compares the circle at a resident's first visit with the
//!   circle at their latest visit**, rebuilt from each tie's placements, each
//!   as it stood at the end of the visit's day.

mod facts;
mod per_resident;

use std::collections::{BTreeMap, BTreeSet};

use crate::ItemId;
use crate::circle::{CircleSummary, Ring};
use crate::page::{AskStatus, IntroAnswer, IntroSide};
use crate::promise::{PromiseBy, PromiseState};

pub use facts::{CheckinFacts, IntroFacts, PromiseFacts, ResidentFacts, TieFacts};
pub use per_resident::{ResidentRow, per_resident_rows, pseudonym};

/// The fewest residents a figure may be drawn from.
pub const SMALLEST_SHOWN: usize = 5;

/// A figure drawn from some residents: shown, suppressed because too few
/// residents are behind it, withheld because beside another figure it would
/// give a small count away, or absent because no resident has an answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure {
    /// The value, and how many residents it is drawn from.
    Value {
        /// The number.
        value: f64,
        /// Residents behind it.
        residents: usize,
    },
    /// Drawn from 1 to 4 residents, or itself a count of 1 to 4 residents:
    /// not shown.
    Suppressed,
    /// Enough residents are behind it, but a reader could subtract it from
    /// another figure shown beside it (or that one from it) and get a count
    /// of 1 to 4 residents: not shown either.
    Withheld,
    /// No resident has an answer behind it (a median over nobody): there is
    /// no number, which must never read as a real 0.
    NoData,
}

/// JSON: `{"shown": "value", "value": 3.5, "residents": 7}`,
/// `{"shown": "suppressed"}`, `{"shown": "withheld"}`, or
/// `{"shown": "no_data", "value": null, "residents": 0}`.
impl serde::Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (shown, value, residents) = match *self {
            Figure::Value { value, residents } => ("value", Some(Some(value)), Some(residents)),
            Figure::Suppressed => ("suppressed", None, None),
            Figure::Withheld => ("withheld", None, None),
            Figure::NoData => ("no_data", Some(None), Some(0)),
        };
        let mut st = s.serialize_struct("Figure", 3)?;
        st.serialize_field("shown", shown)?;
        if let Some(value) = value {
            st.serialize_field("value", &value)?;
        }
        if let Some(residents) = residents {
            st.serialize_field("residents", &residents)?;
        }
        st.end()
    }
}

/// Reads what [`Figure`]'s `Serialize` writes.
impl<'de> serde::Deserialize<'de> for Figure {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Fields {
            shown: String,
            #[serde(default)]
            value: Option<f64>,
            #[serde(default)]
            residents: Option<usize>,
        }
        let f = Fields::deserialize(d)?;
        match (f.shown.as_str(), f.value, f.residents) {
            ("value", Some(value), Some(residents)) => Ok(Figure::Value { value, residents }),
            ("suppressed", _, _) => Ok(Figure::Suppressed),
            ("withheld", _, _) => Ok(Figure::Withheld),
            ("no_data", _, _) => Ok(Figure::NoData),
            (shown, ..) => Err(serde::de::Error::custom(format!("not a figure: shown = {shown:?}"))),
        }
    }
}

impl Figure {
    /// `value` drawn from `residents`, suppressed when 1 to 4. (Not for a
    /// count of residents: see [`Figure::count_among`].)
    #[must_use]
    pub fn of(value: f64, residents: usize) -> Self {
        if (1..SMALLEST_SHOWN).contains(&residents) { Figure::Suppressed } else { Figure::Value { value, residents } }
    }

    /// A count of residents: itself the number of residents behind it.
    #[must_use]
    pub fn count(n: usize) -> Self {
        Self::count_among(n, n)
    }

    /// A count of `n` residents out of the `among` it is drawn from:
    /// suppressed when either is 1 to 4, and no data when `among` is 0.
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn count_among(n: usize, among: usize) -> Self {
        if (1..SMALLEST_SHOWN).contains(&n) { Figure::Suppressed } else { Self::of(n as f64, among) }
    }

    /// The value, if shown.
    #[must_use]
    pub fn value(self) -> Option<f64> {
        match self {
            Figure::Value { value, .. } => Some(value),
            Figure::Suppressed | Figure::Withheld | Figure::NoData => None,
        }
    }

    /// Whether there is a number to show.
    #[must_use]
    pub fn is_shown(self) -> bool {
        matches!(self, Figure::Value { .. })
    }

    /// For people: the number (whole numbers without decimals), "fewer than
    /// 5", "not shown" or "no answers yet".
    #[must_use]
    pub fn words(self) -> String {
        match self {
            Figure::Value { value, .. } if value.fract() == 0.0 => format!("{value:.0}"),
            Figure::Value { value, .. } => format!("{value:.1}"),
            Figure::Suppressed => format!("fewer than {SMALLEST_SHOWN}"),
            Figure::Withheld => WITHHELD_WORDS.to_owned(),
            Figure::NoData => NO_DATA_WORDS.to_owned(),
        }
    }
}

/// How a figure with nothing behind it reads on screen and in text.
pub const NO_DATA_WORDS: &str = "no answers yet";

/// How a withheld figure reads on screen and in text.
pub const WITHHELD_WORDS: &str = "not shown (with the figures beside it, it would reveal fewer than 5)";

/// Medians of a circle, per ring, at one moment across residents.
/// (`F` is a [`Figure`] once built; [`build`] drafts each with the residents
/// behind it first.)
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CircleMedians<F = Figure> {
    /// Median ties per ring, innermost first (possibility last).
    pub per_ring: [F; 5],
    /// Median ties in the four rings.
    pub in_circle: F,
    /// Median ties that go both ways.
    pub two_way: F,
}

impl<F> CircleMedians<F> {
    fn map<G>(self, f: &mut impl FnMut(F) -> G) -> CircleMedians<G> {
        CircleMedians { per_ring: self.per_ring.map(&mut *f), in_circle: f(self.in_circle), two_way: f(self.two_way) }
    }

    fn each_mut(&mut self) -> impl Iterator<Item = &mut F> {
        self.per_ring.iter_mut().chain([&mut self.in_circle, &mut self.two_way])
    }
}

/// A figure for each kind of person a promise is made by.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ByWho<F = Figure> {
    /// Supporters.
    pub supporter: F,
    /// Residents themselves.
    pub resident: F,
    /// People in residents' circles.
    pub circle: F,
    /// The Connect team.
    pub team: F,
}

impl<F> ByWho<F> {
    fn map<G>(self, f: &mut impl FnMut(F) -> G) -> ByWho<G> {
        ByWho { supporter: f(self.supporter), resident: f(self.resident), circle: f(self.circle), team: f(self.team) }
    }

    fn each_mut(&mut self) -> impl Iterator<Item = &mut F> {
        [&mut self.supporter, &mut self.resident, &mut self.circle, &mut self.team].into_iter()
    }

    /// The figure for promises by `by`.
    pub fn get(&self, by: PromiseBy) -> &F {
        match by {
            PromiseBy::Supporter => &self.supporter,
            PromiseBy::Resident => &self.resident,
            PromiseBy::Circle => &self.circle,
            PromiseBy::Team => &self.team,
        }
    }
}

/// What was promised and kept, across residents.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PromiseFigures<F = Figure> {
    /// Promises made, by who would keep them.
    pub made: ByWho<F>,
    /// Promises kept, by who kept them.
    pub kept: ByWho<F>,
    /// Median days from a promise made to it kept.
    pub median_days_to_keep: F,
    /// Asks met on or after a promise linked to them was made.
    pub asks_met_after_a_promise: F,
}

impl<F> PromiseFigures<F> {
    fn map<G>(self, f: &mut impl FnMut(F) -> G) -> PromiseFigures<G> {
        PromiseFigures {
            made: self.made.map(f),
            kept: self.kept.map(f),
            median_days_to_keep: f(self.median_days_to_keep),
            asks_met_after_a_promise: f(self.asks_met_after_a_promise),
        }
    }

    fn each_mut(&mut self) -> impl Iterator<Item = &mut F> {
        self.made
            .each_mut()
            .chain(self.kept.each_mut())
            .chain([&mut self.median_days_to_keep, &mut self.asks_met_after_a_promise])
    }
}

/// The team's figures. Every shown figure says how many residents it is
/// drawn from; any drawn from, or counting, 1 to 4 residents is suppressed;
/// any that a reader could subtract from another shown beside it to get a
/// count of 1 to 4 residents is withheld; a median over nobody has no data.
/// (`F` is a [`Figure`] once built; [`build`] drafts each figure with the
/// residents behind it first, under the same name.)
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TeamInsights<F = Figure> {
    /// Residents with a page on this device.
    pub residents_supported: F,
    /// Residents with at least one visit.
    pub residents_visited: F,
    /// Circles at residents' first visit.
    pub circle_first: CircleMedians<F>,
    /// Circles at residents' latest visit.
    pub circle_latest: CircleMedians<F>,
    /// Asks raised (not hidden), across residents.
    pub asks_raised: F,
    /// Asks met.
    pub asks_met: F,
    /// Offers on residents' pages.
    pub offers_listed: F,
    /// Introductions both residents agreed to: a resident's offer made to another.
    pub offers_made_to_others: F,
    /// Introductions one resident declined (a choice, counted as such).
    pub introductions_declined: F,
    /// Residents who agreed to count in figures and have two check-ins or more.
    pub checkin_residents: F,
    /// Agreed check-ins by the language they were asked in (a BCP 47 tag):
    /// the measures below use only those asked in their validated English
    /// wording, so answers to other wordings are counted here, never mixed in.
    pub checkins_by_language: BTreeMap<String, F>,
    /// Median UCLA 3-item total at their first agreed check-in (3 to 9, higher is lonelier).
    pub ucla3_first: F,
    /// Median UCLA 3-item total at their latest agreed check-in.
    pub ucla3_latest: F,
    /// Residents whose UCLA total went down (less lonely).
    pub ucla3_improved: F,
    /// Median ONS4 life satisfaction at the first agreed check-in (0 to 10).
    pub life_satisfaction_first: F,
    /// Median ONS4 life satisfaction at the latest agreed check-in.
    pub life_satisfaction_latest: F,
    /// Promises made and kept.
    pub promises: PromiseFigures<F>,
}

impl<F> TeamInsights<F> {
    /// The same figures, each turned by `f`, field by field.
    fn map<G>(self, mut f: impl FnMut(F) -> G) -> TeamInsights<G> {
        TeamInsights {
            residents_supported: f(self.residents_supported),
            residents_visited: f(self.residents_visited),
            circle_first: self.circle_first.map(&mut f),
            circle_latest: self.circle_latest.map(&mut f),
            asks_raised: f(self.asks_raised),
            asks_met: f(self.asks_met),
            offers_listed: f(self.offers_listed),
            offers_made_to_others: f(self.offers_made_to_others),
            introductions_declined: f(self.introductions_declined),
            checkin_residents: f(self.checkin_residents),
            checkins_by_language: self.checkins_by_language.into_iter().map(|(l, v)| (l, f(v))).collect(),
            ucla3_first: f(self.ucla3_first),
            ucla3_latest: f(self.ucla3_latest),
            ucla3_improved: f(self.ucla3_improved),
            life_satisfaction_first: f(self.life_satisfaction_first),
            life_satisfaction_latest: f(self.life_satisfaction_latest),
            promises: self.promises.map(&mut f),
        }
    }

    /// Every figure, in no particular order (for rules that weigh them all).
    fn each_mut(&mut self) -> Vec<&mut F> {
        let mut all = vec![
            &mut self.residents_supported,
            &mut self.residents_visited,
            &mut self.asks_raised,
            &mut self.asks_met,
            &mut self.offers_listed,
            &mut self.offers_made_to_others,
            &mut self.introductions_declined,
            &mut self.checkin_residents,
            &mut self.ucla3_first,
            &mut self.ucla3_latest,
            &mut self.ucla3_improved,
            &mut self.life_satisfaction_first,
            &mut self.life_satisfaction_latest,
        ];
        all.extend(self.circle_first.each_mut());
        all.extend(self.circle_latest.each_mut());
        all.extend(self.promises.each_mut());
        all.extend(self.checkins_by_language.values_mut());
        all
    }
}

#[allow(clippy::cast_precision_loss)]
fn median(values: Vec<f64>) -> Figure {
    let n = values.len();
    median_among(values, n)
}

/// The middle of `values`, or `None` for none.
fn middle(mut values: Vec<f64>) -> Option<f64> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = n / 2;
    Some(if n.is_multiple_of(2) { f64::midpoint(values[mid - 1], values[mid]) } else { values[mid] })
}

/// The median of `values`, drawn from `residents` (several values may be one resident's).
fn median_among(values: Vec<f64>, residents: usize) -> Figure {
    middle(values).map_or(Figure::NoData, |m| Figure::of(m, residents))
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

/// The residents behind a figure, by their place in the slice given to [`build`].
type Group = BTreeSet<usize>;

/// The group of residents whose facts pass a test.
type GroupOf<'a> = dyn Fn(&dyn Fn(&ResidentFacts) -> bool) -> Group + 'a;

/// A figure and the groups of residents whose sizes a reader sees in it: the
/// residents it is drawn from, and for a count of residents, those counted.
struct Published {
    figure: Figure,
    groups: Vec<Group>,
}

impl Published {
    fn new(figure: Figure, groups: Vec<&Group>) -> Self {
        Self { figure, groups: groups.into_iter().cloned().collect() }
    }
}

/// Withholds figures until no two shown figures let a reader subtract their
/// way to a count of 1 to 4 residents: wherever one shown group of residents
/// holds another and has 1 to 4 more, the figures showing one of the two
/// groups are withheld, whichever are fewer (the narrower group's on a tie).
/// Every figure that would give a group's size away shows it, so nothing is
/// left to subtract from.
fn withhold_complements(figures: &mut [&mut Published]) {
    loop {
        let mut shown: BTreeMap<&Group, Vec<usize>> = BTreeMap::new();
        for (i, p) in figures.iter().enumerate().filter(|(_, p)| p.figure.is_shown()) {
            for g in &p.groups {
                shown.entry(g).or_default().push(i);
            }
        }
        let conflict = shown.iter().find_map(|(inner, showing_inner)| {
            shown.iter().find_map(|(outer, showing_outer)| {
                let more = outer.len().saturating_sub(inner.len());
                ((1..SMALLEST_SHOWN).contains(&more) && inner.is_subset(outer)).then(|| {
                    if showing_outer.len() < showing_inner.len() {
                        showing_outer.clone()
                    } else {
                        showing_inner.clone()
                    }
                })
            })
        });
        let Some(withhold) = conflict else { return };
        for i in withhold {
            figures[i].figure = Figure::Withheld;
        }
    }
}

/// Introductions made (both sides said yes; counted once, on the offering
/// side) and declined (either said no), with the residents behind each.
struct Introductions {
    made: u32,
    made_by: Group,
    declined: u32,
    decliners: Group,
}

fn introductions(residents: &[ResidentFacts]) -> Introductions {
    let mut sides: BTreeMap<ItemId, Vec<(usize, IntroSide, IntroAnswer)>> = BTreeMap::new();
    for (who, r) in residents.iter().enumerate() {
        for i in &r.introductions {
            sides.entry(i.id).or_default().push((who, i.side, i.answer));
        }
    }
    let mut out = Introductions { made: 0, made_by: Group::new(), declined: 0, decliners: Group::new() };
    for answers in sides.values() {
        if answers.len() == 2 && answers.iter().all(|(_, _, a)| *a == IntroAnswer::Yes) {
            for (who, _, _) in answers.iter().filter(|(_, s, _)| *s == IntroSide::Offerer) {
                out.made += 1;
                out.made_by.insert(*who);
            }
        } else if answers.iter().any(|(_, _, a)| *a == IntroAnswer::No) {
            out.declined += 1;
            out.decliners.extend(answers.iter().filter(|(_, _, a)| *a == IntroAnswer::No).map(|(who, _, _)| *who));
        }
    }
    out
}

/// Check-ins the residents agreed to count, by the language each was asked
/// in: how many, and from whom.
fn checkins_by_language(residents: &[ResidentFacts]) -> BTreeMap<String, (usize, Group)> {
    let mut by_language: BTreeMap<String, (usize, Group)> = BTreeMap::new();
    for (who, r) in residents.iter().enumerate() {
        for c in r.checkins.iter().filter(|c| c.shared) {
            let (answers, from) = by_language.entry(c.asked_in.clone()).or_default();
            *answers += 1;
            from.insert(who);
        }
    }
    by_language
}

/// Builds the team's figures from every resident's facts.
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn build(residents: &[ResidentFacts]) -> TeamInsights {
    let group = |keep: &dyn Fn(&ResidentFacts) -> bool| -> Group {
        residents.iter().enumerate().filter(|(_, r)| keep(r)).map(|(i, _)| i).collect()
    };
    let everyone = group(&|_| true);
    let visited_group = group(&|r| !r.visits.is_empty());
    let visited: Vec<&ResidentFacts> = visited_group.iter().map(|i| &residents[*i]).collect();
    // A visit counts the circle as it stood at the end of the visit's day.
    let first: Vec<CircleSummary> = visited.iter().map(|r| r.circle_at(r.visits[0].end_of_day())).collect();
    let latest: Vec<CircleSummary> =
        visited.iter().map(|r| r.circle_at(r.visits.last().unwrap_or(&r.visits[0]).end_of_day())).collect();

    // Who raised an ask, who had one met: residents behind each count.
    let raised = residents.iter().map(|r| r.asks.len()).sum::<usize>();
    let raisers = group(&|r| !r.asks.is_empty());
    let met = residents.iter().map(|r| r.asks.iter().filter(|s| **s == AskStatus::Met).count()).sum::<usize>();
    let met_for = group(&|r| r.asks.contains(&AskStatus::Met));
    let offers = residents.iter().map(|r| r.offers).sum::<usize>();
    let offerers = group(&|r| r.offers > 0);

    let Introductions { made, made_by, declined, decliners } = introductions(residents);

    // Check-ins: only agreed ones, counted by the language they were asked
    // in; the measures from those asked in the validated wording, from
    // residents with two or more.
    let by_language = checkins_by_language(residents);
    let agreed: BTreeMap<usize, Vec<&CheckinFacts>> = residents
        .iter()
        .enumerate()
        .map(|(who, r)| {
            (
                who,
                r.checkins.iter().filter(|c| c.shared && c.asked_in == crate::questions::WORDED_IN).collect::<Vec<_>>(),
            )
        })
        .filter(|(_, c)| c.len() >= 2)
        .collect();
    let counting: Group = agreed.keys().copied().collect();
    let pairs = |pick: &dyn Fn(&CheckinFacts) -> Option<u8>| -> BTreeMap<usize, (f64, f64)> {
        agreed
            .iter()
            .filter_map(|(who, cs)| {
                let with: Vec<u8> = cs.iter().filter_map(|c| pick(c)).collect();
                (with.len() >= 2).then(|| (*who, (f64::from(with[0]), f64::from(with[with.len() - 1]))))
            })
            .collect()
    };
    let ucla = pairs(&|c| c.ucla3_total);
    let life = pairs(&|c| c.life_satisfaction);
    let with_ucla: Group = ucla.keys().copied().collect();
    let with_life: Group = life.keys().copied().collect();
    let improved: Group = ucla.iter().filter(|(_, (a, b))| b < a).map(|(who, _)| *who).collect();
    let column = |p: &BTreeMap<usize, (f64, f64)>, latest: bool| {
        median(p.values().map(|(a, b)| if latest { *b } else { *a }).collect())
    };

    // Promises: counted per kind of person, each drawn from the residents they were made for.
    let promises = promise_figures(residents, &group);

    // Each figure drafted under its own name with the residents behind it;
    // the circle figures are each drawn from the residents visited.
    let visited_circle = |m: CircleMedians| m.map(&mut |f| Published::new(f, vec![&visited_group]));
    let mut draft = TeamInsights {
        residents_supported: Published::new(Figure::count(everyone.len()), vec![&everyone]),
        residents_visited: Published::new(Figure::count(visited_group.len()), vec![&visited_group]),
        circle_first: visited_circle(circle_medians(&first)),
        circle_latest: visited_circle(circle_medians(&latest)),
        asks_raised: Published::new(Figure::of(raised as f64, raisers.len()), vec![&raisers]),
        asks_met: Published::new(Figure::of(met as f64, met_for.len()), vec![&met_for]),
        offers_listed: Published::new(Figure::of(offers as f64, offerers.len()), vec![&offerers]),
        offers_made_to_others: Published::new(Figure::of(f64::from(made), made_by.len()), vec![&made_by]),
        introductions_declined: Published::new(Figure::of(f64::from(declined), decliners.len()), vec![&decliners]),
        checkin_residents: Published::new(Figure::count(counting.len()), vec![&counting]),
        #[allow(clippy::cast_precision_loss)]
        checkins_by_language: by_language
            .iter()
            .map(|(l, (answers, from))| {
                (l.clone(), Published::new(Figure::of(*answers as f64, from.len()), vec![from]))
            })
            .collect(),
        ucla3_first: Published::new(column(&ucla, false), vec![&with_ucla]),
        ucla3_latest: Published::new(column(&ucla, true), vec![&with_ucla]),
        ucla3_improved: Published::new(
            if ucla.is_empty() { Figure::NoData } else { Figure::count_among(improved.len(), ucla.len()) },
            vec![&improved, &with_ucla],
        ),
        life_satisfaction_first: Published::new(column(&life, false), vec![&with_life]),
        life_satisfaction_latest: Published::new(column(&life, true), vec![&with_life]),
        promises,
    };
    withhold_complements(&mut draft.each_mut());
    draft.map(|p| p.figure)
}

/// The promise figures, drafted with the residents behind each.
#[allow(clippy::cast_precision_loss)]
fn promise_figures(residents: &[ResidentFacts], group: &GroupOf<'_>) -> PromiseFigures<Published> {
    let count = |by: PromiseBy, kept: bool| {
        let counts = |r: &ResidentFacts| {
            r.promises.iter().filter(|p| p.by == by && (!kept || p.state == PromiseState::Done)).count()
        };
        let behind = group(&|r| counts(r) > 0);
        let n = residents.iter().map(counts).sum::<usize>();
        Published::new(Figure::of(n as f64, behind.len()), vec![&behind])
    };
    let by_who = |kept: bool| ByWho {
        supporter: count(PromiseBy::Supporter, kept),
        resident: count(PromiseBy::Resident, kept),
        circle: count(PromiseBy::Circle, kept),
        team: count(PromiseBy::Team, kept),
    };
    const DAY_MS: f64 = 86_400_000.0;
    let kept_in = |r: &ResidentFacts| -> Vec<f64> {
        r.promises
            .iter()
            .filter(|p| p.state == PromiseState::Done)
            .filter_map(|p| p.kept_at.map(|k| (k.millis() - p.made_at.millis()) as f64 / DAY_MS))
            .collect()
    };
    let keepers = group(&|r| !kept_in(r).is_empty());
    let days: Vec<f64> = residents.iter().flat_map(kept_in).collect();
    // An ask met on or after the day a promise linked to it was made.
    let met_after = |r: &ResidentFacts| {
        r.asks_met_at
            .iter()
            .filter(|(ask, met)| r.promises.iter().any(|p| p.ask == Some(*ask) && p.made_at <= *met))
            .count()
    };
    let met_for = group(&|r| met_after(r) > 0);
    let met = residents.iter().map(met_after).sum::<usize>();
    PromiseFigures {
        made: by_who(false),
        kept: by_who(true),
        median_days_to_keep: Published::new(median_among(days, keepers.len()), vec![&keepers]),
        asks_met_after_a_promise: Published::new(Figure::of(met as f64, met_for.len()), vec![&met_for]),
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
        for (language, figure) in &self.checkins_by_language {
            rows.push((format!("check-ins agreed to count, asked in {language}"), *figure));
        }
        let p = &self.promises;
        for by in PromiseBy::ALL {
            rows.push((format!("promises made by {}", promise_maker(*by)), *p.made.get(*by)));
            rows.push((format!("promises kept by {}", promise_maker(*by)), *p.kept.get(*by)));
        }
        rows.push(("median days to keep a promise".to_owned(), p.median_days_to_keep));
        rows.push(("asks met after a promise".to_owned(), p.asks_met_after_a_promise));
        rows
    }
}

/// Who keeps a promise, as a report's row says it.
fn promise_maker(by: PromiseBy) -> &'static str {
    match by {
        PromiseBy::Supporter => "supporters",
        PromiseBy::Resident => "residents",
        PromiseBy::Circle => "people in residents' circles",
        PromiseBy::Team => "the team",
    }
}

#[cfg(test)]
mod tests {
    use super::per_resident::hmac_sha256;
    use super::*;
    use crate::{ResidentId, Timestamp};

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
            promises: vec![],
            asks_met_at: vec![],
        }
    }

    fn promised(by: PromiseBy, made: i64, kept: Option<i64>, ask: Option<ItemId>) -> PromiseFacts {
        let state = if kept.is_some() { PromiseState::Done } else { PromiseState::Open };
        PromiseFacts { by, made_at: day(made), state, kept_at: kept.map(day), ask }
    }

    #[test]
    fn promises_made_and_kept_by_kind_of_person_with_small_numbers_suppressed() {
        // Six residents: each a supporter's promise kept in 2, 4, .. 12 days;
        // three residents promised something themselves (too few to show).
        let residents: Vec<ResidentFacts> = (0..6_i64)
            .map(|i| {
                let ask = ItemId::random();
                let mut promises = vec![
                    promised(PromiseBy::Supporter, 10, Some(10 + 2 * (i + 1)), Some(ask)),
                    promised(PromiseBy::Supporter, 20, None, None),
                ];
                if i < 3 {
                    promises.push(promised(PromiseBy::Resident, 10, Some(11), None));
                }
                // The ask was met after the promise for the first five; the sixth was met before it.
                let met = if i < 5 { day(30) } else { day(5) };
                ResidentFacts { promises, asks_met_at: vec![(ask, met)], ..growing(0) }
            })
            .collect();
        let p = build(&residents).promises;
        assert_eq!(p.made.supporter, Figure::Value { value: 12.0, residents: 6 });
        assert_eq!(p.kept.supporter, Figure::Value { value: 6.0, residents: 6 });
        assert_eq!(p.made.resident, Figure::Suppressed, "three residents");
        assert_eq!(p.kept.resident, Figure::Suppressed);
        assert_eq!(p.made.team, Figure::of(0.0, 0), "none is shown as none");
        // Days to keep: 2,4,6,8,10,12 (supporters) and 1,1,1 (residents): median 4.
        assert_eq!(p.median_days_to_keep, Figure::Value { value: 4.0, residents: 6 });
        // Five of the six: beside the six residents behind the other figures,
        // it would give away the one whose ask was met before the promise.
        assert_eq!(p.asks_met_after_a_promise, Figure::Withheld);
        let all_after: Vec<ResidentFacts> = residents
            .iter()
            .map(|r| ResidentFacts { asks_met_at: vec![(r.asks_met_at[0].0, day(30))], ..r.clone() })
            .collect();
        assert_eq!(build(&all_after).promises.asks_met_after_a_promise, Figure::Value { value: 6.0, residents: 6 });
        let rows = build(&residents).rows();
        assert!(rows.iter().any(|(what, f)| what == "promises kept by supporters" && f.value() == Some(6.0)));
        assert!(rows.iter().any(|(what, _)| what == "median days to keep a promise"));
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
            #[allow(clippy::cast_precision_loss)]
            let leaks = |f: &Figure| behind(*f) == Some(n) || f.value() == Some(n as f64);
            assert!(!insights.rows().iter().any(|(_, f)| leaks(f)), "no count of {n} leaks through any figure");
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
            asked_in: crate::questions::WORDED_IN.to_owned(),
        }
    }

    #[test]
    fn answers_asked_in_another_language_are_counted_by_language_and_never_mixed_into_the_measures() {
        let mut residents: Vec<ResidentFacts> = (0..12).map(growing).collect();
        // Six residents answered in English, 8 then 5; six others (say) in a
        // Urdu wording, 3 then 9, which would pull the English medians.
        for (i, r) in residents.iter_mut().enumerate() {
            let (first, latest, language) = if i < 6 { (8, 5, "en") } else { (3, 9, "ur") };
            r.checkins = vec![checkin(1, true, first, 5), checkin(30, true, latest, 6)];
            for c in &mut r.checkins {
                c.asked_in = language.to_owned();
            }
        }
        let i = build(&residents);
        assert_eq!(i.checkin_residents.value(), Some(6.0), "only the English answers count in the measures");
        assert_eq!(i.ucla3_first.value(), Some(8.0));
        assert_eq!(i.ucla3_latest.value(), Some(5.0));
        assert_eq!(i.checkins_by_language["en"], Figure::Value { value: 12.0, residents: 6 });
        assert_eq!(i.checkins_by_language["ur"], Figure::Value { value: 12.0, residents: 6 });
        // Fewer than five residents behind a language: its count is not shown.
        residents.truncate(9);
        assert_eq!(build(&residents).checkins_by_language["ur"], Figure::Suppressed);
    }

    #[test]
    fn check_in_figures_count_only_residents_who_agreed() {
        let mut residents: Vec<ResidentFacts> = (0..10).map(growing).collect();
        // Five agreed to count: lonelier 8 → 5, and so on; four did not, whose scores would drag the medians.
        let scores = [(8, 5, 3, 6), (7, 7, 4, 4), (9, 6, 2, 5), (6, 4, 5, 7), (8, 8, 3, 3)];
        for (r, (a, b, l1, l2)) in residents.iter_mut().zip(scores) {
            r.checkins = vec![checkin(10, true, a, l1), checkin(90, true, b, l2)];
        }
        for r in &mut residents[5..9] {
            r.checkins = vec![checkin(10, false, 3, 10), checkin(90, false, 3, 10)];
        }
        // One agreed to only the later check-in: one agreed check-in is not a change.
        residents[9].checkins = vec![checkin(10, false, 9, 0), checkin(90, true, 3, 10)];
        let insights = build(&residents);
        assert_eq!(insights.checkin_residents.value(), Some(5.0));
        assert_eq!(insights.ucla3_first.value(), Some(8.0));
        assert_eq!(insights.ucla3_latest.value(), Some(6.0));
        // Three of five went down: a count of three residents, so not shown.
        assert_eq!(insights.ucla3_improved, Figure::Suppressed);
        assert_eq!(insights.life_satisfaction_first.value(), Some(3.0));
        assert_eq!(insights.life_satisfaction_latest.value(), Some(5.0));
        // With one fewer agreeing, every check-in figure is suppressed.
        residents[4].checkins.iter_mut().for_each(|c| c.shared = false);
        let fewer = build(&residents);
        assert_eq!(fewer.checkin_residents, Figure::Suppressed);
        assert_eq!(fewer.ucla3_latest, Figure::Suppressed);
    }

    #[test]
    fn a_count_of_one_to_four_residents_shows_as_fewer_than_five_whatever_it_is_drawn_from() {
        let mut residents: Vec<ResidentFacts> = (0..5).map(growing).collect();
        // All five agreed; for 1 to 4 of them the UCLA total went down.
        for improved in 1..SMALLEST_SHOWN {
            for (i, r) in residents.iter_mut().enumerate() {
                let latest = if i < improved { 5 } else { 8 };
                r.checkins = vec![checkin(10, true, 8, 5), checkin(90, true, latest, 5)];
            }
            let insights = build(&residents);
            assert_eq!(insights.ucla3_improved, Figure::Suppressed, "{improved} of 5 improved");
            assert_eq!(insights.ucla3_improved.words(), "fewer than 5");
            let rows = insights.rows();
            let (_, figure) = rows.iter().find(|(m, _)| m == "residents whose UCLA total went down").unwrap();
            assert_eq!((figure.value(), behind(*figure)), (None, None), "{figure:?}");
        }
    }

    /// The residents a figure says it is drawn from, when shown.
    fn behind(f: Figure) -> Option<usize> {
        match f {
            Figure::Value { residents, .. } => Some(residents),
            _ => None,
        }
    }

    /// A figure that is itself a count of residents, when shown.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    fn counted(f: Figure) -> Option<usize> {
        f.value().map(|v| v as usize)
    }

    /// Every pair of counts of residents a reader sees where the first is
    /// some of the second, so the second minus the first is a count of
    /// residents too.
    fn nested_counts(i: &TeamInsights) -> Vec<(&'static str, Option<usize>, Option<usize>)> {
        let supported = counted(i.residents_supported);
        let agreed = counted(i.checkin_residents);
        vec![
            ("visited of supported", counted(i.residents_visited), supported),
            ("circles at first visit of supported", behind(i.circle_first.in_circle), supported),
            ("circles at latest visit of supported", behind(i.circle_latest.two_way), supported),
            ("counting in check-in figures of supported", agreed, supported),
            ("with a UCLA change of those counting", behind(i.ucla3_first), agreed),
            ("with a life satisfaction change of those counting", behind(i.life_satisfaction_latest), agreed),
            ("UCLA total went down of those with a change", counted(i.ucla3_improved), behind(i.ucla3_latest)),
            ("UCLA total went down, drawn from", counted(i.ucla3_improved), behind(i.ucla3_improved)),
            ("raised an ask of supported", behind(i.asks_raised), supported),
            ("had an ask met of those who raised one", behind(i.asks_met), behind(i.asks_raised)),
            ("had an ask met of supported", behind(i.asks_met), supported),
            ("listed an offer of supported", behind(i.offers_listed), supported),
            ("made an offer to another of supported", behind(i.offers_made_to_others), supported),
            ("declined an introduction of supported", behind(i.introductions_declined), supported),
        ]
    }

    fn assert_no_small_difference(insights: &TeamInsights) {
        for (what, sub, sup) in nested_counts(insights) {
            if let (Some(sub), Some(sup)) = (sub, sup) {
                assert!(!(1..SMALLEST_SHOWN).contains(&(sup - sub)), "{what}: {sup} - {sub} gives away a small count");
            }
        }
    }

    #[test]
    fn supported_minus_visited_cannot_give_away_fewer_than_five() {
        // Seven residents, five visited: the two not visited must not show by subtraction.
        let mut residents: Vec<ResidentFacts> = (0..7).map(growing).collect();
        residents[5].visits.clear();
        residents[6].visits.clear();
        let insights = build(&residents);
        assert!(
            insights.residents_supported.value().is_none() || insights.residents_visited.value().is_none(),
            "{:?} and {:?}",
            insights.residents_supported,
            insights.residents_visited
        );
        assert_no_small_difference(&insights);
        // With ten residents and five not visited, both show.
        let mut residents: Vec<ResidentFacts> = (0..10).map(growing).collect();
        residents[5..].iter_mut().for_each(|r| r.visits.clear());
        let insights = build(&residents);
        assert_eq!(insights.residents_supported.value(), Some(10.0));
        assert_eq!(insights.residents_visited.value(), Some(5.0));
    }

    #[test]
    fn improved_out_of_those_with_a_change_cannot_give_away_fewer_than_five() {
        // Seven with a UCLA change, five of them less lonely: the two who were not must not show.
        let mut residents: Vec<ResidentFacts> = (0..7).map(growing).collect();
        for (i, r) in residents.iter_mut().enumerate() {
            r.checkins = vec![checkin(10, true, 8, 5), checkin(90, true, if i < 5 { 4 } else { 9 }, 5)];
        }
        let insights = build(&residents);
        assert_eq!(insights.ucla3_latest.value(), Some(4.0), "the medians still show");
        assert_eq!(insights.ucla3_improved.value(), None, "{:?}", insights.ucla3_improved);
        assert_no_small_difference(&insights);
    }

    proptest::proptest! {
        #[test]
        fn no_pair_of_figures_lets_a_reader_subtract_their_way_to_fewer_than_five(
            team in proptest::collection::vec((0u8..3, 0u8..3, 0u8..2, 0u8..2, 0u8..4, 0u8..4, proptest::bool::ANY), 0..24)
        ) {
            let residents: Vec<ResidentFacts> = team
                .iter()
                .enumerate()
                .map(|(i, &(visits, asks, met, offers, checkins, score, shared))| {
                    let mut r = growing(i);
                    r.visits.truncate(usize::from(visits));
                    r.asks = (0..asks).map(|k| if k < met { AskStatus::Met } else { AskStatus::Open }).collect();
                    r.offers = usize::from(offers);
                    r.checkins = (0..checkins)
                        .map(|k| checkin(10 + i64::from(k), shared, 3 + (score + k) % 7, (score * k) % 11))
                        .collect();
                    if checkins == 3 {
                        r.checkins[1].ucla3_total = None;
                        r.checkins[2].life_satisfaction = None;
                    }
                    r
                })
                .collect();
            assert_no_small_difference(&build(&residents));
        }
    }

    #[test]
    fn a_median_with_no_answers_behind_it_says_so_and_is_null_in_json_and_csv() {
        // Six residents, none with a check-in: no median life satisfaction exists.
        let residents: Vec<ResidentFacts> = (0..6).map(growing).collect();
        let insights = build(&residents);
        let figure = insights.life_satisfaction_first;
        assert_eq!(figure.value(), None, "{figure:?} must not read as a real number");
        assert_eq!(figure.words(), "no answers yet");
        let json = serde_json::to_value(&insights).unwrap();
        assert_eq!(json["life_satisfaction_first"]["value"], serde_json::Value::Null, "{json}");
        assert_eq!(json["ucla3_latest"]["value"], serde_json::Value::Null, "{json}");
        // A count that is zero is a real zero: nobody is counting in check-in figures.
        assert_eq!(insights.checkin_residents.value(), Some(0.0));
        assert_eq!(json["checkin_residents"]["value"], 0.0);
        // No visits yet: no circle at a first visit either.
        let unvisited: Vec<ResidentFacts> =
            (0..6).map(growing).map(|r| ResidentFacts { visits: vec![], ..r }).collect();
        assert_eq!(build(&unvisited).circle_first.in_circle.words(), "no answers yet");
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
        assert_eq!(
            hex::encode(hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // Case 6: a key longer than the block is hashed first.
        assert_eq!(
            hex::encode(hmac_sha256(&[0xaa; 131], b"Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn the_per_resident_rows_have_no_names_words_or_dates_and_scores_only_with_consent() {
        let mut residents: Vec<ResidentFacts> = (0..2).map(growing).collect();
        residents[0].checkins = vec![checkin(10, true, 8, 3), checkin(90, true, 5, 6)];
        residents[1].checkins = vec![checkin(10, false, 9, 1), checkin(90, false, 9, 1)];
        let rows = per_resident_rows(b"secret", &residents, day(120));
        assert_eq!(rows.len(), 2);
        let row_of = |r: &ResidentFacts| {
            let p = pseudonym(b"secret", r.resident.unwrap());
            rows.iter().find(|row| row.pseudonym == p).unwrap()
        };
        let agreed = row_of(&residents[0]);
        assert_eq!(
            (agreed.ucla3_first, agreed.ucla3_latest, agreed.life_satisfaction_first, agreed.life_satisfaction_latest),
            (Some(8), Some(5), Some(3), Some(6))
        );
        assert_eq!((agreed.months_supported, agreed.visits), (4, 3), "4 months supported, 3 visits");
        let refused = row_of(&residents[1]);
        assert_eq!((refused.ucla3_first, refused.life_satisfaction_latest), (None, None), "no scores without consent");
        let text = serde_json::to_string(&rows).unwrap();
        for r in &residents {
            assert!(!text.contains(&r.resident.unwrap().to_string()));
        }
        assert!(!text.contains("2026"), "no dates");
        assert!(rows.windows(2).all(|w| w[0].pseudonym < w[1].pseudonym), "sorted by pseudonym");
    }
}
