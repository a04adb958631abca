//! A realistic, clearly fictional caseload for demonstrations and benchmarks.
//! Every name and story here is invented; the store is marked as demo data so
//! the app can say so.

use connect_model::automerge::Automerge;
use connect_model::circle::{self, NewTie, Ring, TieKind};
use connect_model::directory::{self, EntryKind};
use connect_model::journal::{self, Marker, Mood, NewEntry};
use connect_model::matching;
use connect_model::measures::{OnsLoneliness, Rag, UclaAnswer};
use connect_model::page::{self, AskStatus, Category, GoalKind};
use connect_model::promise::{self, NewPromise, Plan, PlanReason, PromiseBy, PromiseState, When};
use connect_model::{Author, AuthorRole, DocKind, DocumentId, ResidentId, TeamId, Timestamp, checkin, story};

use connect_store::{DeviceIdentity, DocumentStore, Result, create_resident};

use crate::device::team;

/// The setting that marks a store as holding demo data.
pub const DEMO_SETTING: &str = "demo";

const NAMES: &[&str] = &[
    "Doreen",
    "Kwame",
    "Ioana",
    "Rahima",
    "Sid",
    "Maureen",
    "Tunde",
    "Aleksandra",
    "Bilal",
    "Pat",
    "Shirley",
    "Emeka",
    "Florin",
    "Nasreen",
    "George",
    "Joyce",
    "Ade",
    "Mihaela",
    "Shahid",
    "Brenda",
    "Winston",
    "Gladys",
    "Rui",
    "Farzana",
    "Ron",
    "Edna",
    "Kofi",
    "Elena",
    "Abdul",
    "Valerie",
    "Desmond",
    "Irene",
    "Jas",
    "Lorna",
    "Marius",
    "Hyacinth",
];

const OFFERS: &[(&str, Category)] = &[
    ("I make a lovely Sunday roast", Category::Caring),
    ("Good listener, always have the kettle on", Category::Caring),
    ("I can fix bikes", Category::Practical),
    ("Knitting and crochet, happy to teach", Category::Creative),
    ("I know every bus route in the borough", Category::Knowledge),
    ("Speak Romanian and a bit of Italian", Category::Knowledge),
    ("Gardening: tomatoes, runner beans", Category::Practical),
    ("Company for a walk in Parsloes Park", Category::Company),
    ("I used to be a seamstress, can take up hems", Category::Practical),
    ("Bengali cooking, I can show people", Category::Creative),
    ("Happy to read to someone whose eyes are going", Category::Caring),
    ("Forms and letters, I was a clerk for 30 years", Category::Knowledge),
    ("Play dominoes and teach it", Category::Company),
    ("Sing in a choir, can bring people along", Category::Creative),
];

const ASKS: &[(&str, Category)] = &[
    ("Could you help me with a ramp for the front step?", Category::Practical),
    ("Someone to go to the market with on Saturdays", Category::Company),
    ("Help reading my letters from the council", Category::Knowledge),
    ("A lift to the hospital for my eye appointment", Category::Practical),
    ("Someone to talk to in the evenings", Category::Caring),
    ("Help changing a light bulb I can't reach", Category::Practical),
    ("Learning to video call my grandchildren", Category::Knowledge),
    ("Finding a lunch club near Becontree", Category::Company),
];

const GOALS: &[&str] = &[
    "Get back to the allotment by spring",
    "Go to the lunch club once a week",
    "Visit my sister in Romford",
    "Cook for other people again",
    "Join the choir at the library",
];

const PEOPLE: &[(&str, &str, Ring)] = &[
    ("Jean", "neighbour", Ring::Friendship),
    ("Marcus", "son", Ring::Intimacy),
    ("Dr Okafor", "GP", Ring::Exchange),
    ("Lunch club", "Tuesdays at the community hall", Ring::Participation),
    ("Priya", "pharmacist", Ring::Exchange),
    ("Sam", "friend from church", Ring::Friendship),
    ("Choir", "could join", Ring::Possibility),
    ("Aisha", "granddaughter", Ring::Intimacy),
];

const NOTES: &[&str] = &[
    "Tea and a long chat about the garden. Keen to get outside more.",
    "Talked about the lunch club; would like to go if someone goes with them.",
    "Quiet today, tired after the hospital appointment.",
    "Showed me photos of the grandchildren. Laughed a lot.",
];

/// A small deterministic generator so the demo is the same every time.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        usize::try_from((self.0 >> 33) % (n as u64)).unwrap_or(0)
    }
}

/// Seeds `count` fictional residents (with offers, asks, goals, circles, notes,
/// check-ins and stories) dated up to `now`. Returns their ids.
pub fn seed_demo(
    store: &mut impl DocumentStore,
    me: &DeviceIdentity,
    count: usize,
    now: Timestamp,
) -> Result<Vec<ResidentId>> {
    let mut rng = Lcg(42);
    let mut ids = Vec::with_capacity(count);
    for n in 0..count {
        let name = if n < NAMES.len() {
            NAMES[n].to_owned()
        } else {
            format!("{} {}", NAMES[n % NAMES.len()], n / NAMES.len() + 1)
        };
        let start = now.millis() - i64::try_from(30 + rng.next(300)).unwrap_or(30) * DAY;
        let r = create_resident(store, me, &name, Timestamp::from_millis(start))?;
        let at = Days { me, start, name: &name };
        store.edit(DocumentId::resident(r, DocKind::Page), |doc| seed_page(doc, &at, &mut rng))?;
        store.edit(DocumentId::resident(r, DocKind::Page), |doc| seed_promises(doc, &at, n, now))?;
        store.edit(DocumentId::resident(r, DocKind::Circle), |doc| seed_circle(doc, &at, n, &mut rng))?;
        store.edit(DocumentId::resident(r, DocKind::Journal), |doc| seed_journal(doc, &at, &mut rng))?;
        store.edit(DocumentId::resident(r, DocKind::Checkins), |doc| seed_checkins(doc, &at, &mut rng))?;
        if rng.next(3) == 0 {
            store.edit(DocumentId::resident(r, DocKind::Story), |doc| {
                story::set_text(
                    doc,
                    &at.theirs(5),
                    "After the hospital I didn't see anyone for weeks. Now I go to the lunch club and help with the tea.",
                )?;
                story::set_consent(doc, &at.theirs(6), story::Consent::ALL[rng.next(4)])
            })?;
        }
        ids.push(r);
    }
    seed_introductions(store, me, &ids[..ids.len().min(NAMES.len())], now)?;
    seed_directory(store, me, now)?;
    store.set_setting(DEMO_SETTING, Some("true"))?;
    Ok(ids)
}

/// A day in the life of one fictional resident, counted from when they were
/// added, and who speaks on it.
#[derive(Clone, Copy)]
struct Days<'a> {
    me: &'a DeviceIdentity,
    /// When they were added (milliseconds).
    start: i64,
    name: &'a str,
}

/// A day, in milliseconds.
const DAY: i64 = 86_400_000;

impl Days<'_> {
    fn day(&self, d: i64) -> Timestamp {
        Timestamp::from_millis(self.start + d * DAY)
    }

    /// The supporter, on day `d`.
    fn ours(&self, d: i64) -> connect_model::EditContext {
        self.me.context(self.day(d))
    }

    /// The resident, in their own words, on day `d`.
    fn theirs(&self, d: i64) -> connect_model::EditContext {
        self.ours(d).by(Author::new(AuthorRole::Resident, self.name.to_owned(), self.me.device_id))
    }
}

fn seed_page(doc: &mut Automerge, at: &Days<'_>, rng: &mut Lcg) -> connect_model::Result<()> {
    let name = at.name;
    page::set_about_me(
        doc,
        &at.theirs(1),
        &format!("I'm {name}. I've lived in Dagenham most of my life. (Fictional demo resident.)"),
    )?;
    // Distinct offers: steps of 5 through 14 never repeat within three.
    let first = rng.next(OFFERS.len());
    for k in 0..1 + rng.next(3) {
        let (text, cat) = OFFERS[(first + k * 5) % OFFERS.len()];
        let who = if k % 2 == 0 { at.theirs(2) } else { at.ours(2) };
        page::add_offer(doc, &who, text, cat)?;
    }
    let first = rng.next(ASKS.len());
    for k in 0..1 + rng.next(2) {
        let (text, cat) = ASKS[(first + k * 3) % ASKS.len()];
        let ask = page::add_ask(doc, &at.ours(3), text, cat)?;
        match rng.next(4) {
            0 => page::set_ask_status(doc, &at.ours(20), ask, AskStatus::Met)?,
            1 => page::set_ask_status(doc, &at.ours(10), ask, AskStatus::InProgress)?,
            2 => page::set_ask_status(doc, &at.theirs(12), ask, AskStatus::NotNeededNow)?,
            _ => {}
        }
    }
    page::add_goal(doc, &at.theirs(4), GOALS[rng.next(GOALS.len())], GoalKind::Goal)?;
    Ok(())
}

const PROMISES: &[(&str, PromiseBy)] = &[
    ("ask the council about the ramp", PromiseBy::Supporter),
    ("bring the lunch club's timetable", PromiseBy::Supporter),
    ("teach the group my curry", PromiseBy::Resident),
    ("find out about the community bus", PromiseBy::Team),
    ("pop round on Thursday with the shopping", PromiseBy::Circle),
];

/// A few promises and a next visit, dated around `now` so Today has
/// something on it: some late, some this week, some kept, one with no rush.
/// (Its own generator, so the rest of the demo is as it always was.)
fn seed_promises(doc: &mut Automerge, at: &Days<'_>, n: usize, now: Timestamp) -> connect_model::Result<()> {
    let mut rng = Lcg(1_000 + n as u64);
    let today = now.to_datetime().date_naive();
    let offset = |days: usize, back: i64| today + chrono::Duration::days(i64::try_from(days).unwrap_or(0) - back);
    let made = Days { start: now.millis() - 20 * DAY, ..*at };
    for _ in 0..rng.next(3) {
        let (text, by) = PROMISES[rng.next(PROMISES.len())];
        let when = match rng.next(4) {
            0 => Some(When::On(offset(rng.next(10), 5))),
            1 => Some(When::By(offset(rng.next(7), 0))),
            2 => Some(When::NoRush),
            _ => None,
        };
        let by_name = if by == PromiseBy::Circle { "Sam" } else { "" };
        let who = if by == PromiseBy::Resident { made.theirs(0) } else { made.ours(0) };
        let id = promise::add(doc, &who, &NewPromise { text, by, by_name, when, ask: None })?;
        if rng.next(4) == 0 {
            promise::set_state(doc, &made.ours(i64::try_from(3 + rng.next(10)).unwrap_or(3)), id, PromiseState::Done)?;
        }
    }
    match rng.next(4) {
        0 => promise::set_next_visit(doc, &made.ours(19), Plan::On(offset(rng.next(9), 2)), PlanReason::Planned),
        1 => promise::set_next_visit(doc, &made.theirs(19), Plan::TheyWillCall, PlanReason::ResidentNotNow),
        _ => Ok(()),
    }
}

fn seed_circle(doc: &mut Automerge, at: &Days<'_>, n: usize, rng: &mut Lcg) -> connect_model::Result<()> {
    for k in 0..2 + rng.next(4) {
        let (who, rel, ring) = PEOPLE[(n + k) % PEOPLE.len()];
        let kind = if who.chars().next().is_some_and(char::is_lowercase) || rel.contains("Tuesdays") {
            TieKind::Place
        } else {
            TieKind::Person
        };
        let added = i64::try_from(k).unwrap_or(0) * 10;
        let id = circle::add_tie(
            doc,
            &at.ours(added),
            &NewTie { name: who, kind, relationship: rel, ring, two_way: rng.next(3) == 0 },
        )?;
        if ring == Ring::Possibility && rng.next(2) == 0 {
            circle::move_to_ring(doc, &at.ours(added + 15), id, Ring::Participation)?;
        }
    }
    Ok(())
}

fn seed_journal(doc: &mut Automerge, at: &Days<'_>, rng: &mut Lcg) -> connect_model::Result<()> {
    for v in 0..1 + rng.next(4) {
        let d = i64::try_from(v).unwrap_or(0) * 7 + 1;
        let marker = if rng.next(6) == 0 { Marker::NotToday } else { Marker::Visit };
        let text = if marker == Marker::Visit { NOTES[rng.next(NOTES.len())] } else { "" };
        let mood = [None, Some(Mood::Good), Some(Mood::Okay), Some(Mood::Low)][rng.next(4)];
        journal::add_entry(doc, &at.ours(d), &NewEntry { happened_at: at.day(d), marker, text, mood, reason: None })?;
    }
    Ok(())
}

fn seed_checkins(doc: &mut Automerge, at: &Days<'_>, rng: &mut Lcg) -> connect_model::Result<()> {
    for c in 0..rng.next(3) {
        let d = i64::try_from(c).unwrap_or(0) * 28 + 2;
        let answer = |rng: &mut Lcg| Some(UclaAnswer::ALL[rng.next(3)]);
        let answers = checkin::Answers {
            loneliness: Some(OnsLoneliness::ALL[rng.next(5)]),
            ucla3: Some(checkin::Ucla3 {
                lack_companionship: answer(rng),
                left_out: answer(rng),
                isolated: answer(rng),
            }),
            ons4: Some(checkin::Ons4 {
                life_satisfaction: Some(u8::try_from(3 + rng.next(7)).unwrap_or(5)),
                worthwhile: Some(u8::try_from(3 + rng.next(7)).unwrap_or(5)),
                happy: Some(u8::try_from(2 + rng.next(8)).unwrap_or(5)),
                anxious: Some(u8::try_from(rng.next(9)).unwrap_or(3)),
            }),
            life_map: [("home", Rag::Green), ("people", Rag::ALL[rng.next(3)])]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
            share_in_reports: rng.next(4) != 0,
            asked_in: None,
        };
        checkin::record(doc, &at.theirs(d), answers)?;
    }
    Ok(())
}

/// A few introductions among the first residents: some agreed by both, one
/// waiting for an answer, one declined (a choice).
fn seed_introductions(
    store: &mut impl DocumentStore,
    me: &DeviceIdentity,
    residents: &[ResidentId],
    now: Timestamp,
) -> Result<()> {
    let mut named = Vec::with_capacity(residents.len());
    for r in residents {
        named.push((*r, page::read(&store.load(DocumentId::resident(*r, DocKind::Page))?)?.preferred_name));
    }
    let (asks, offers) = team::match_refs(store, &named)?;
    let mut used = std::collections::BTreeSet::new();
    let chosen: Vec<_> = matching::suggest(&asks, &offers)
        .into_iter()
        .filter(|s| used.insert(s.ask.resident) && used.insert(s.offer.resident))
        .take(8)
        .collect();
    for (k, suggestion) in chosen.iter().enumerate() {
        let id = team::introduce(store, me, Timestamp::from_millis(now.millis() - 86_400_000 * 3), suggestion)?;
        let answers: &[(ResidentId, bool)] = match k % 4 {
            0 | 1 => &[(suggestion.ask.resident, true), (suggestion.offer.resident, true)],
            2 => &[(suggestion.ask.resident, true)],
            _ => &[(suggestion.ask.resident, true), (suggestion.offer.resident, false)],
        };
        for (r, yes) in answers {
            let name = page::read(&store.load(DocumentId::resident(*r, DocKind::Page))?)?.preferred_name;
            let ctx = me.context(now).by(Author::new(AuthorRole::Resident, name, me.device_id));
            store.edit(DocumentId::resident(*r, DocKind::Page), |d| page::answer_introduction(d, &ctx, id, *yes))?;
        }
    }
    Ok(())
}

/// A demo team directory of places and helpers, for a device that has none.
/// A real one arrives from the relay; this one belongs to no team, so it is
/// marked as already on the relay and never offered to one.
fn seed_directory(store: &mut impl DocumentStore, me: &DeviceIdentity, now: Timestamp) -> Result<()> {
    if team::directory(store)?.is_some() {
        return Ok(());
    }
    let team = TeamId::random();
    let ctx = me.context(now);
    let mut doc = directory::create(&store.session_actor()?, team, &ctx)?;
    for (name, kind, description, contact, tags) in [
        (
            "Council adaptations team",
            EntryKind::Helper,
            "Ramps, rails and grab bars for people who need them at home.",
            "0208 000 0001 (fictional)",
            "ramp adaptations rails disability home step",
        ),
        (
            "Becontree lunch club",
            EntryKind::Place,
            "Hot lunch and company on Tuesdays and Thursdays at the community hall.",
            "Community hall, Tuesdays 12:00",
            "lunch club company food",
        ),
        (
            "Dagenham library",
            EntryKind::Place,
            "Warm, free, with a choir on Wednesdays and help with computers.",
            "Church Elm Lane (fictional)",
            "choir computers video call reading",
        ),
        (
            "Barking market",
            EntryKind::Place,
            "Saturday market; the stall holders know everyone.",
            "Saturdays from 9:00",
            "market saturdays shopping",
        ),
        (
            "Handyperson scheme",
            EntryKind::Helper,
            "Small jobs at home: light bulbs, curtain rails, smoke alarms.",
            "0208 000 0002 (fictional)",
            "light bulb odd jobs fix",
        ),
        (
            "Citizens Advice drop-in",
            EntryKind::Helper,
            "Help reading letters and filling in forms.",
            "Mondays 10:00-13:00",
            "letters forms council benefits",
        ),
    ] {
        directory::add_entry(&mut doc, &ctx, &directory::NewEntry { name, kind, description, contact, tags })?;
    }
    let id = DocumentId::directory(team);
    store.save(id, &mut doc)?;
    store.mark_synced(id, &doc.get_heads())
}
