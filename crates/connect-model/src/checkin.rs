//! Check-ins: optional, resident-led, always skippable. Each holds whichever
//! measures the resident chose to answer, or just "not today".

use std::collections::BTreeMap;

use automerge::{ActorId, Automerge};
use autosurgeon::{Hydrate, Reconcile};

use crate::document;
use crate::ids::{DocKind, ItemId, ResidentId};
use crate::measures::{self, Ons4Band, Ons4Item, OnsLoneliness, Rag, UclaAnswer};
use crate::{Author, EditContext, ModelError, Result, Timestamp};

/// UCLA 3-item answers; any may be skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Reconcile, Hydrate, serde::Serialize, serde::Deserialize)]
pub struct Ucla3 {
    /// How often do you feel that you lack companionship?
    pub lack_companionship: Option<UclaAnswer>,
    /// How often do you feel left out?
    pub left_out: Option<UclaAnswer>,
    /// How often do you feel isolated from others?
    pub isolated: Option<UclaAnswer>,
}

impl Ucla3 {
    /// The total (3 to 9) when all three were answered.
    #[must_use]
    pub fn total(&self) -> Option<u8> {
        measures::ucla3_total([self.lack_companionship, self.left_out, self.isolated])
    }
}

/// ONS4 answers, each 0 to 10; any may be skipped. Never summed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Reconcile, Hydrate, serde::Serialize, serde::Deserialize)]
pub struct Ons4 {
    /// Life satisfaction.
    pub life_satisfaction: Option<u8>,
    /// Things you do are worthwhile.
    pub worthwhile: Option<u8>,
    /// Happy yesterday.
    pub happy: Option<u8>,
    /// Anxious yesterday (reversed bands).
    pub anxious: Option<u8>,
}

impl Ons4 {
    /// The answer for one item.
    #[must_use]
    pub fn get(&self, item: Ons4Item) -> Option<u8> {
        match item {
            Ons4Item::LifeSatisfaction => self.life_satisfaction,
            Ons4Item::Worthwhile => self.worthwhile,
            Ons4Item::Happy => self.happy,
            Ons4Item::Anxious => self.anxious,
        }
    }

    fn validate(&self) -> Result<()> {
        for item in Ons4Item::ALL {
            if let Some(v) = self.get(*item) {
                measures::ons4_score(*item, i64::from(v))?;
            }
        }
        Ok(())
    }
}

/// One check-in. In JSON it also carries its [`Scores`] under `scores`.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct CheckIn {
    /// Stable id.
    pub id: ItemId,
    /// When it was taken.
    pub taken_at: Timestamp,
    /// Who recorded it (the resident, or a supporter with them).
    pub author: Author,
    /// The resident said "not today"; nothing else is recorded.
    pub not_today: bool,
    /// "How often do you feel lonely?"
    pub loneliness: Option<OnsLoneliness>,
    /// UCLA 3-item.
    pub ucla3: Option<Ucla3>,
    /// ONS4 personal wellbeing.
    pub ons4: Option<Ons4>,
    /// Life map: area key to rating.
    pub life_map: BTreeMap<String, Rag>,
    /// The resident agreed these answers may count in team figures (without a name).
    pub share_in_reports: bool,
    /// Hidden; still kept.
    pub archived: bool,
    /// The language the questions were asked in (a BCP 47 tag); empty in
    /// check-ins made before it was recorded, which were all in English.
    #[autosurgeon(missing = "Default::default")]
    pub asked_in: String,
}

/// One ONS4 answer with its band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Ons4Score {
    /// The answer, 0 to 10.
    pub answer: u8,
    /// Its band (reversed for anxiety).
    pub band: Ons4Band,
}

/// Each ONS4 answer with its band; `None` where skipped. Never summed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Ons4Scores {
    /// Life satisfaction.
    pub life_satisfaction: Option<Ons4Score>,
    /// Things you do are worthwhile.
    pub worthwhile: Option<Ons4Score>,
    /// Happy yesterday.
    pub happy: Option<Ons4Score>,
    /// Anxious yesterday.
    pub anxious: Option<Ons4Score>,
}

/// What a check-in's answers score, exactly as the measures say: the UCLA
/// 3-item total (only when all three were answered), each ONS4 answer with
/// its band, the ONS loneliness answer and the life map.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Scores {
    /// UCLA 3-item total, 3 to 9 (higher is lonelier).
    pub ucla3_total: Option<u8>,
    /// ONS4 answers with their bands.
    pub ons4: Ons4Scores,
    /// "How often do you feel lonely?"
    pub loneliness: Option<OnsLoneliness>,
    /// Life map: area key to rating.
    pub life_map: BTreeMap<String, Rag>,
}

impl Scores {
    /// The ONS4 answers as (item, answer, band), in the measure's order.
    #[must_use]
    pub fn ons4_items(&self) -> Vec<(Ons4Item, Ons4Score)> {
        let o = &self.ons4;
        [
            (Ons4Item::LifeSatisfaction, o.life_satisfaction),
            (Ons4Item::Worthwhile, o.worthwhile),
            (Ons4Item::Happy, o.happy),
            (Ons4Item::Anxious, o.anxious),
        ]
        .into_iter()
        .filter_map(|(item, score)| score.map(|s| (item, s)))
        .collect()
    }
}

impl CheckIn {
    /// The language the questions were asked in: English for check-ins
    /// made before it was recorded.
    #[must_use]
    pub fn language(&self) -> &str {
        if self.asked_in.is_empty() { crate::questions::WORDED_IN } else { &self.asked_in }
    }

    /// What the answers score.
    #[must_use]
    pub fn scores(&self) -> Scores {
        let ons4 = self.ons4.unwrap_or_default();
        let score = |item: Ons4Item| {
            let answer = ons4.get(item)?;
            measures::ons4_band(item, answer).ok().map(|band| Ons4Score { answer, band })
        };
        Scores {
            ucla3_total: self.ucla3.and_then(|u| u.total()),
            ons4: Ons4Scores {
                life_satisfaction: score(Ons4Item::LifeSatisfaction),
                worthwhile: score(Ons4Item::Worthwhile),
                happy: score(Ons4Item::Happy),
                anxious: score(Ons4Item::Anxious),
            },
            loneliness: self.loneliness,
            life_map: self.life_map.clone(),
        }
    }

    /// Whether any measure was answered.
    #[must_use]
    pub fn has_answers(&self) -> bool {
        any_answered(self.loneliness, self.ucla3, self.ons4, &self.life_map)
    }
}

/// Whether any measure was answered: one rule for a stored check-in and
/// for answers still being given.
pub(crate) fn any_answered(
    loneliness: Option<OnsLoneliness>,
    ucla3: Option<Ucla3>,
    ons4: Option<Ons4>,
    life_map: &BTreeMap<String, Rag>,
) -> bool {
    loneliness.is_some()
        || ucla3.is_some_and(|u| u != Ucla3::default())
        || ons4.is_some_and(|o| o != Ons4::default())
        || !life_map.is_empty()
}

impl serde::Serialize for CheckIn {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("CheckIn", 12)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("taken_at", &self.taken_at)?;
        st.serialize_field("author", &self.author)?;
        st.serialize_field("not_today", &self.not_today)?;
        st.serialize_field("loneliness", &self.loneliness)?;
        st.serialize_field("ucla3", &self.ucla3)?;
        st.serialize_field("ons4", &self.ons4)?;
        st.serialize_field("life_map", &self.life_map)?;
        st.serialize_field("share_in_reports", &self.share_in_reports)?;
        st.serialize_field("archived", &self.archived)?;
        st.serialize_field("asked_in", self.language())?;
        st.serialize_field("scores", &self.scores())?;
        st.end()
    }
}

/// Reads what [`CheckIn`]'s `Serialize` writes; `scores` is derived from the
/// answers, so it is recomputed rather than read.
impl<'de> serde::Deserialize<'de> for CheckIn {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Fields {
            id: ItemId,
            taken_at: Timestamp,
            author: Author,
            not_today: bool,
            loneliness: Option<OnsLoneliness>,
            ucla3: Option<Ucla3>,
            ons4: Option<Ons4>,
            life_map: BTreeMap<String, Rag>,
            share_in_reports: bool,
            archived: bool,
            #[serde(default)]
            asked_in: String,
        }
        let f = Fields::deserialize(d)?;
        Ok(CheckIn {
            id: f.id,
            taken_at: f.taken_at,
            author: f.author,
            not_today: f.not_today,
            loneliness: f.loneliness,
            ucla3: f.ucla3,
            ons4: f.ons4,
            life_map: f.life_map,
            share_in_reports: f.share_in_reports,
            archived: f.archived,
            asked_in: f.asked_in,
        })
    }
}

/// The answers for a new check-in; anything left `None` was skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Answers {
    /// ONS loneliness answer.
    pub loneliness: Option<OnsLoneliness>,
    /// UCLA 3-item answers.
    pub ucla3: Option<Ucla3>,
    /// ONS4 answers.
    pub ons4: Option<Ons4>,
    /// Life map ratings by area key.
    pub life_map: BTreeMap<String, Rag>,
    /// Consent to count in team figures.
    pub share_in_reports: bool,
    /// The language the questions were asked in; `None`: their validated
    /// English wording ([`crate::questions::WORDED_IN`]).
    #[serde(default)]
    pub asked_in: Option<String>,
}

#[derive(Hydrate)]
struct CheckinsDoc {
    owner: ResidentId,
    checkins: BTreeMap<String, CheckIn>,
}

/// All check-ins of a resident, oldest first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CheckIns {
    /// Whose check-ins.
    pub resident: ResidentId,
    /// Oldest first.
    pub checkins: Vec<CheckIn>,
}

impl CheckIns {
    /// The latest check-in that has answers (not archived).
    #[must_use]
    pub fn latest(&self) -> Option<&CheckIn> {
        self.checkins.iter().rev().find(|c| !c.archived && c.has_answers())
    }
}

/// One measure's answers over time, for a chart.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Series {
    /// UCLA 3-item totals (3 to 9), complete ones only.
    pub ucla3: Vec<(Timestamp, u8)>,
    /// ONS4 answers per item (life satisfaction, worthwhile, happy, anxious).
    pub ons4: [Vec<(Timestamp, u8)>; 4],
    /// ONS loneliness answers.
    pub loneliness: Vec<(Timestamp, OnsLoneliness)>,
}

impl CheckIns {
    /// The answers over time, oldest first, for the resident's own charts.
    #[must_use]
    pub fn series(&self) -> Series {
        let mut s = Series::default();
        for c in self.checkins.iter().filter(|c| !c.archived && c.has_answers()) {
            if let Some(total) = c.ucla3.and_then(|u| u.total()) {
                s.ucla3.push((c.taken_at, total));
            }
            if let Some(o) = c.ons4 {
                for (i, item) in Ons4Item::ALL.iter().enumerate() {
                    if let Some(v) = o.get(*item) {
                        s.ons4[i].push((c.taken_at, v));
                    }
                }
            }
            if let Some(l) = c.loneliness {
                s.loneliness.push((c.taken_at, l));
            }
        }
        s
    }

    /// How things have changed: for each measure answered more than once,
    /// its first and latest answers and whether that is better or worse for
    /// the resident (less lonely, more satisfied, less anxious, going well).
    /// Facts, not words: the screens say them, kindly to the resident.
    #[must_use]
    pub fn changes(&self) -> Vec<Change> {
        let s = self.series();
        let mut out = Vec::new();
        let mut push = |measure: Measure, since: Timestamp, first: Reading, latest: Reading| {
            let direction = match first.goodness(&measure).cmp(&latest.goodness(&measure)) {
                std::cmp::Ordering::Less => Direction::Better,
                std::cmp::Ordering::Greater => Direction::Worse,
                std::cmp::Ordering::Equal => Direction::Same,
            };
            out.push(Change { measure, since, first, latest, direction });
        };
        if let (Some((t0, a)), Some((_, b))) = (s.loneliness.first(), s.loneliness.last())
            && s.loneliness.len() > 1
        {
            push(Measure::Loneliness, *t0, Reading::Loneliness(*a), Reading::Loneliness(*b));
        }
        if let (Some((t0, a)), Some((_, b))) = (s.ucla3.first(), s.ucla3.last())
            && s.ucla3.len() > 1
        {
            push(Measure::Ucla3, *t0, Reading::Total(*a), Reading::Total(*b));
        }
        for (i, item) in Ons4Item::ALL.iter().enumerate() {
            if let (Some((t0, a)), Some((_, b))) = (s.ons4[i].first(), s.ons4[i].last())
                && s.ons4[i].len() > 1
            {
                push(Measure::Ons4(*item), *t0, Reading::Score(*a), Reading::Score(*b));
            }
        }
        let mut areas: BTreeMap<&str, Vec<(Timestamp, Rag)>> = BTreeMap::new();
        for c in self.checkins.iter().filter(|c| !c.archived && c.has_answers()) {
            for (area, rag) in &c.life_map {
                areas.entry(area.as_str()).or_default().push((c.taken_at, *rag));
            }
        }
        for (area, ratings) in areas {
            if let (Some((t0, a)), Some((_, b))) = (ratings.first(), ratings.last())
                && ratings.len() > 1
            {
                push(Measure::LifeMap(area.to_owned()), *t0, Reading::Rag(*a), Reading::Rag(*b));
            }
        }
        out
    }

    /// How many check-ins have answers (not "not today", not hidden).
    #[must_use]
    pub fn answered(&self) -> usize {
        self.checkins.iter().filter(|c| !c.archived && c.has_answers()).count()
    }
}

/// What a [`Change`] is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    /// How often lonely (ONS).
    Loneliness,
    /// The UCLA 3-item total.
    Ucla3,
    /// One ONS4 question.
    Ons4(Ons4Item),
    /// One life map area (its key).
    LifeMap(String),
}

/// One answer, as it stood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// How often lonely.
    Loneliness(OnsLoneliness),
    /// A UCLA 3-item total, 3 to 9.
    Total(u8),
    /// An ONS4 answer, 0 to 10.
    Score(u8),
    /// A life map rating.
    Rag(Rag),
}

impl Reading {
    /// Higher is better for the resident, on any measure.
    fn goodness(self, measure: &Measure) -> i32 {
        match self {
            Reading::Loneliness(a) => OnsLoneliness::ALL.iter().position(|x| *x == a).map_or(0, |i| i as i32),
            Reading::Total(t) => -i32::from(t),
            Reading::Score(v) if *measure == Measure::Ons4(Ons4Item::Anxious) => -i32::from(v),
            Reading::Score(v) => i32::from(v),
            Reading::Rag(Rag::Green) => 2,
            Reading::Rag(Rag::Amber) => 1,
            Reading::Rag(Rag::Red) => 0,
        }
    }
}

/// Whether a change is good news for the resident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Less lonely, more satisfied, less anxious, going better.
    Better,
    /// The other way.
    Worse,
    /// No change.
    Same,
}

/// How one measure changed between a resident's first and latest answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Which measure.
    pub measure: Measure,
    /// When it was first answered.
    pub since: Timestamp,
    /// The first answer.
    pub first: Reading,
    /// The latest answer.
    pub latest: Reading,
    /// Good news or not.
    pub direction: Direction,
}

/// The ONS loneliness answer as the question says it.
#[must_use]
pub fn loneliness_words(answer: OnsLoneliness) -> &'static str {
    match answer {
        OnsLoneliness::OftenOrAlways => "often or always",
        OnsLoneliness::SomeOfTheTime => "some of the time",
        OnsLoneliness::Occasionally => "occasionally",
        OnsLoneliness::HardlyEver => "hardly ever",
        OnsLoneliness::Never => "never",
    }
}

const KIND: DocKind = DocKind::Checkins;

/// Creates an empty check-in document.
pub fn create(actor: &ActorId, resident: ResidentId, ctx: &EditContext) -> Result<Automerge> {
    document::create(actor, KIND, resident.uuid(), ctx, &["checkins"], |_| Ok(()))
}

/// Reads every check-in.
pub fn read(doc: &Automerge) -> Result<CheckIns> {
    let raw: CheckinsDoc = document::read(doc, KIND)?;
    let mut checkins: Vec<CheckIn> = raw.checkins.into_values().collect();
    checkins.sort_by(|a, b| a.taken_at.cmp(&b.taken_at).then(a.id.cmp(&b.id)));
    Ok(CheckIns { resident: raw.owner, checkins })
}

/// Records a check-in. Every measure may be skipped; an empty set of answers is
/// refused (record "not today" instead).
pub fn record(doc: &mut Automerge, ctx: &EditContext, answers: Answers) -> Result<ItemId> {
    if let Some(o) = answers.ons4 {
        o.validate()?;
    }
    let asked_in = match answers.asked_in.as_deref() {
        Some(tag) => crate::page::language_tag(tag)?,
        None => crate::questions::WORDED_IN.to_owned(),
    };
    let checkin = CheckIn {
        id: ItemId::random(),
        taken_at: ctx.now,
        author: ctx.author.clone(),
        not_today: false,
        loneliness: answers.loneliness,
        ucla3: answers.ucla3,
        ons4: answers.ons4,
        life_map: answers.life_map,
        share_in_reports: answers.share_in_reports,
        archived: false,
        asked_in,
    };
    if !checkin.has_answers() {
        return Err(ModelError::EmptyText { field: "check-in (answer a question or choose \"not today\")" });
    }
    insert(doc, ctx, &checkin)
}

/// Records that the resident did not want a check-in today.
pub fn not_today(doc: &mut Automerge, ctx: &EditContext) -> Result<ItemId> {
    let checkin = CheckIn {
        id: ItemId::random(),
        taken_at: ctx.now,
        author: ctx.author.clone(),
        not_today: true,
        loneliness: None,
        ucla3: None,
        ons4: None,
        life_map: BTreeMap::new(),
        share_in_reports: false,
        archived: false,
        asked_in: String::new(),
    };
    insert(doc, ctx, &checkin)
}

fn insert(doc: &mut Automerge, ctx: &EditContext, checkin: &CheckIn) -> Result<ItemId> {
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, "record check-in", |tx| {
        let map = document::collection(tx, "checkins", KIND)?;
        document::insert_item(tx, &map, checkin.id, checkin)?;
        Ok(checkin.id)
    })
}

/// Changes whether a check-in may count in team figures; the resident can
/// withdraw at any time.
pub fn set_share_in_reports(doc: &mut Automerge, ctx: &EditContext, id: ItemId, share: bool) -> Result<()> {
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, "change check-in consent", |tx| {
        let map = document::collection(tx, "checkins", KIND)?;
        let obj = document::item(tx, &map, id, "check-in")?;
        document::set_field(tx, &obj, "share_in_reports", share)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{ctx, supporter_actor};

    fn doc() -> Automerge {
        create(&supporter_actor(), ResidentId::random(), &ctx(0)).unwrap()
    }

    #[test]
    fn a_partly_skipped_check_in_keeps_what_was_answered() {
        let mut d = doc();
        let answers = Answers {
            ucla3: Some(Ucla3 {
                lack_companionship: Some(UclaAnswer::Often),
                left_out: None,
                isolated: Some(UclaAnswer::HardlyEver),
            }),
            ons4: Some(Ons4 { happy: Some(7), ..Ons4::default() }),
            ..Answers::default()
        };
        record(&mut d, &ctx(1), answers).unwrap();
        let all = read(&d).unwrap();
        let c = all.latest().unwrap();
        assert_eq!(c.ucla3.unwrap().total(), None, "a skipped item means no total");
        assert_eq!(c.ons4.unwrap().happy, Some(7));
        assert_eq!(c.loneliness, None);
    }

    #[test]
    fn a_check_in_scores_the_ucla_total_each_ons4_band_loneliness_and_life_map() {
        let mut d = doc();
        let answers = Answers {
            loneliness: Some(OnsLoneliness::Occasionally),
            ucla3: Some(Ucla3 {
                lack_companionship: Some(UclaAnswer::Often),
                left_out: Some(UclaAnswer::SomeOfTheTime),
                isolated: Some(UclaAnswer::Often),
            }),
            ons4: Some(Ons4 { life_satisfaction: Some(6), worthwhile: Some(9), happy: None, anxious: Some(3) }),
            life_map: [("home".to_owned(), Rag::Green)].into(),
            share_in_reports: false,
            asked_in: None,
        };
        record(&mut d, &ctx(1), answers).unwrap();
        let c = read(&d).unwrap().latest().unwrap().clone();
        let scores = c.scores();
        assert_eq!(scores.ucla3_total, Some(8));
        assert_eq!(scores.ons4.life_satisfaction, Some(Ons4Score { answer: 6, band: Ons4Band::Medium }));
        assert_eq!(scores.ons4.worthwhile.unwrap().band, Ons4Band::VeryHigh);
        assert_eq!(scores.ons4.happy, None);
        assert_eq!(scores.ons4.anxious.unwrap().band, Ons4Band::Low, "anxiety's bands are reversed");
        assert_eq!(scores.loneliness, Some(OnsLoneliness::Occasionally));
        assert_eq!(scores.life_map["home"], Rag::Green);
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(json["scores"]["ucla3_total"], 8);
        assert_eq!(json["scores"]["ons4"]["anxious"]["band"], "low");
        assert_eq!(json["scores"]["ons4"]["happy"], serde_json::Value::Null);
        assert_eq!(json["ons4"]["worthwhile"], 9, "the answers themselves stay where they were");
    }

    #[test]
    fn not_today_is_recorded_as_a_choice() {
        let mut d = doc();
        not_today(&mut d, &ctx(1)).unwrap();
        let all = read(&d).unwrap();
        assert_eq!(all.checkins.len(), 1);
        assert!(all.checkins[0].not_today);
        assert!(all.latest().is_none());
    }

    #[test]
    fn out_of_scale_and_empty_check_ins_are_refused() {
        let mut d = doc();
        let bad = Answers { ons4: Some(Ons4 { anxious: Some(11), ..Ons4::default() }), ..Answers::default() };
        assert!(matches!(record(&mut d, &ctx(1), bad), Err(ModelError::InvalidScore { .. })));
        assert!(record(&mut d, &ctx(1), Answers::default()).is_err());
        assert!(read(&d).unwrap().checkins.is_empty());
    }

    #[test]
    fn changes_compare_first_and_latest_answers_and_say_which_way_is_better() {
        let mut d = doc();
        assert!(read(&d).unwrap().changes().is_empty());
        let answers = |l, u: [u8; 3], happy, anxious, home: Rag| Answers {
            loneliness: Some(l),
            ucla3: Some(Ucla3 {
                lack_companionship: Some(UclaAnswer::from_score(u[0]).unwrap()),
                left_out: Some(UclaAnswer::from_score(u[1]).unwrap()),
                isolated: Some(UclaAnswer::from_score(u[2]).unwrap()),
            }),
            ons4: Some(Ons4 { happy: Some(happy), anxious: Some(anxious), ..Ons4::default() }),
            life_map: BTreeMap::from([("home".to_owned(), home)]),
            share_in_reports: false,
            asked_in: None,
        };
        record(&mut d, &ctx(60), answers(OnsLoneliness::OftenOrAlways, [3, 3, 2], 3, 2, Rag::Red)).unwrap();
        assert!(read(&d).unwrap().changes().is_empty(), "once is nothing to compare");
        not_today(&mut d, &ctx(70)).unwrap();
        record(&mut d, &ctx(150), answers(OnsLoneliness::Occasionally, [2, 1, 2], 7, 6, Rag::Green)).unwrap();
        let all = read(&d).unwrap();
        assert_eq!(all.answered(), 2);
        let changes = all.changes();
        let of = |m: Measure| changes.iter().find(|c| c.measure == m).unwrap();
        let lonely = of(Measure::Loneliness);
        assert_eq!(
            (lonely.first, lonely.latest),
            (Reading::Loneliness(OnsLoneliness::OftenOrAlways), Reading::Loneliness(OnsLoneliness::Occasionally))
        );
        assert_eq!(lonely.direction, Direction::Better, "less often lonely is better");
        assert_eq!(lonely.since, ctx(60).now);
        assert_eq!(of(Measure::Ucla3).direction, Direction::Better, "a lower total is better");
        assert_eq!(of(Measure::Ons4(Ons4Item::Happy)).direction, Direction::Better);
        assert_eq!(of(Measure::Ons4(Ons4Item::Anxious)).direction, Direction::Worse, "more anxious is worse");
        assert_eq!(of(Measure::LifeMap("home".into())).direction, Direction::Better);
        assert_eq!(changes.len(), 5, "life satisfaction and worthwhile were never answered");
        let series = read(&d).unwrap().series();
        assert_eq!(series.ucla3.iter().map(|(_, v)| *v).collect::<Vec<_>>(), [8, 5]);
        assert_eq!(series.ons4[2].len(), 2);
        assert!(series.ons4[0].is_empty(), "skipped items leave no points");
    }
}
