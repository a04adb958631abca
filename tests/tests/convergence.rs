//! Three replicas of one resident's page and circle take random edits while
//! apart and merge in random orders: they must end identical, and every text
//! any replica added must still be there (archived at most).

use std::collections::BTreeSet;

use connect_model::automerge::{ActorId, Automerge};
use connect_model::circle::{self, NewTie, Ring, TieKind};
use connect_model::page::{self, AskStatus, Category, Section};
use connect_model::{Author, AuthorRole, DeviceId, EditContext, ResidentId, Timestamp};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Edit {
    AddOffer(u8),
    AddAsk(u8),
    RewordOffer(usize, u8),
    ArchiveOffer(usize, bool),
    SetAskStatus(usize, u8),
    AboutMe(u8),
    AddTie(u8, u8),
    MoveTie(usize, u8),
    ArchiveTie(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<u8>().prop_map(Edit::AddOffer),
        any::<u8>().prop_map(Edit::AddAsk),
        (any::<usize>(), any::<u8>()).prop_map(|(i, w)| Edit::RewordOffer(i, w)),
        (any::<usize>(), any::<bool>()).prop_map(|(i, a)| Edit::ArchiveOffer(i, a)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, s)| Edit::SetAskStatus(i, s)),
        any::<u8>().prop_map(Edit::AboutMe),
        (any::<u8>(), any::<u8>()).prop_map(|(n, r)| Edit::AddTie(n, r)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, r)| Edit::MoveTie(i, r)),
        any::<usize>().prop_map(Edit::ArchiveTie),
    ]
}

struct Replica {
    page: Automerge,
    circle: Automerge,
    ctx: EditContext,
    added: BTreeSet<String>,
    step: i64,
}

impl Replica {
    fn apply(&mut self, e: &Edit) {
        self.step += 1;
        self.ctx.now = Timestamp::from_millis(1_772_355_600_000 + self.step * 1000);
        let ctx = &self.ctx;
        let p = page::read(&self.page).unwrap();
        let c = circle::read(&self.circle).unwrap();
        let pick = |n: usize, len: usize| (len > 0).then(|| n % len);
        let device = &ctx.author.device[..4];
        match *e {
            Edit::AddOffer(w) => {
                let text = format!("offer {w} from {device} step {}", self.step);
                page::add_offer(&mut self.page, ctx, &text, Category::ALL[w as usize % 6]).unwrap();
                self.added.insert(text);
            }
            Edit::AddAsk(w) => {
                let text = format!("ask {w} from {device} step {}", self.step);
                page::add_ask(&mut self.page, ctx, &text, Category::Practical).unwrap();
                self.added.insert(text);
            }
            Edit::RewordOffer(i, w) => {
                if let Some(i) = pick(i, p.offers.len()) {
                    let o = &p.offers[i];
                    // Append, so the original words stay findable in the merged text.
                    let text = format!("{} +{w}", o.text);
                    page::edit_text(&mut self.page, ctx, Section::Offers, o.id, &text).unwrap();
                }
            }
            Edit::ArchiveOffer(i, a) => {
                if let Some(i) = pick(i, p.offers.len()) {
                    page::set_archived(&mut self.page, ctx, Section::Offers, p.offers[i].id, a).unwrap();
                }
            }
            Edit::SetAskStatus(i, s) => {
                if let Some(i) = pick(i, p.asks.len()) {
                    let status = AskStatus::ALL[s as usize % 4];
                    page::set_ask_status(&mut self.page, ctx, p.asks[i].id, status).unwrap();
                }
            }
            Edit::AboutMe(w) => {
                let text = format!("{} and {w}", p.about_me);
                page::set_about_me(&mut self.page, ctx, &text).unwrap();
            }
            Edit::AddTie(n, r) => {
                let name = format!("person {n} from {device} step {}", self.step);
                let new = NewTie {
                    name: &name,
                    kind: TieKind::Person,
                    relationship: "",
                    ring: Ring::ALL[r as usize % 5],
                    two_way: n % 2 == 0,
                };
                circle::add_tie(&mut self.circle, ctx, &new).unwrap();
                self.added.insert(name);
            }
            Edit::MoveTie(i, r) => {
                if let Some(i) = pick(i, c.ties.len()) {
                    circle::move_to_ring(&mut self.circle, ctx, c.ties[i].id, Ring::ALL[r as usize % 5]).unwrap();
                }
            }
            Edit::ArchiveTie(i) => {
                if let Some(i) = pick(i, c.ties.len()) {
                    circle::set_archived(&mut self.circle, ctx, c.ties[i].id, true).unwrap();
                }
            }
        }
    }
}

/// Whether `text`, as it was added, is still among `present`: the same words,
/// or the same words followed by rewordings (" +3"). Not merely a prefix, so
/// a lost "… step 1" is not hidden by a "… step 12".
fn holds(present: &[String], text: &str) -> bool {
    present.iter().any(|p| p == text || p.strip_prefix(text).is_some_and(|rest| rest.starts_with(" +")))
}

#[test]
fn a_lost_step_1_is_not_hidden_by_a_step_12_that_is_there() {
    let present = vec!["offer 4 from 0 step 12".to_owned(), "ask 2 from 1 step 3 +5 +9".to_owned()];
    assert!(!holds(&present, "offer 4 from 0 step 1"), "step 1 was lost");
    assert!(holds(&present, "offer 4 from 0 step 12"));
    assert!(holds(&present, "ask 2 from 1 step 3"), "reworded, still there");
    assert!(!holds(&present, "ask 2 from 1 step 3 +5 +9 +1"));
}

fn all_texts(page_doc: &Automerge, circle_doc: &Automerge) -> Vec<String> {
    let p = page::read(page_doc).unwrap();
    let c = circle::read(circle_doc).unwrap();
    p.offers
        .iter()
        .map(|o| o.text.to_string())
        .chain(p.asks.iter().map(|a| a.text.to_string()))
        .chain(c.ties.iter().map(|t| t.name.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn three_replicas_converge_and_lose_nothing(
        rounds in prop::collection::vec(
            (prop::collection::vec(edit(), 0..6), prop::collection::vec(edit(), 0..6), prop::collection::vec(edit(), 0..6), prop::collection::vec((0usize..3, 0usize..3), 0..4)),
            1..5,
        ),
        final_order in Just(()).prop_perturb(|_, mut rng| {
            let mut order = vec![0usize, 1, 2];
            for i in (1..3).rev() { order.swap(i, rng.random_range(0..=i)); }
            order
        }),
    ) {
        let origin = DeviceId::random();
        let resident = ResidentId::random();
        let ctx0 = EditContext::new(Author::new(AuthorRole::Supporter, "Amara", origin), Timestamp::from_millis(1_772_355_600_000));
        let page0 = page::create(&connect_model::actor_for(origin, 0), resident, "Doreen", &ctx0).unwrap();
        let circle0 = circle::create(&connect_model::actor_for(origin, 0), resident, &ctx0).unwrap();
        let mut replicas: Vec<Replica> = (0..3).map(|_| {
            let device = DeviceId::random();
            let actor: ActorId = connect_model::actor_for(device, 1);
            Replica {
                page: page0.fork().with_actor(actor.clone()),
                circle: circle0.fork().with_actor(actor),
                ctx: EditContext::new(Author::new(AuthorRole::Supporter, "Amara", device), ctx0.now),
                added: BTreeSet::new(),
                step: 0,
            }
        }).collect();

        for (e0, e1, e2, merges) in &rounds {
            for (r, edits) in replicas.iter_mut().zip([e0, e1, e2]) {
                for e in edits { r.apply(e); }
            }
            // Partial, random syncs between rounds.
            for (from, to) in merges {
                if from == to { continue; }
                let mut p = replicas[*from].page.fork();
                let mut c = replicas[*from].circle.fork();
                replicas[*to].page.merge(&mut p).unwrap();
                replicas[*to].circle.merge(&mut c).unwrap();
            }
        }
        // Everyone meets everyone, in a random order, twice round.
        for _ in 0..2 {
            for &i in &final_order {
                for j in 0..3 {
                    if i == j { continue; }
                    let mut p = replicas[i].page.fork();
                    let mut c = replicas[i].circle.fork();
                    replicas[j].page.merge(&mut p).unwrap();
                    replicas[j].circle.merge(&mut c).unwrap();
                }
            }
        }
        let reference_page = page::read(&replicas[0].page).unwrap();
        let reference_circle = circle::read(&replicas[0].circle).unwrap();
        for r in &replicas[1..] {
            prop_assert_eq!(r.page.get_heads().len(), replicas[0].page.get_heads().len());
            prop_assert_eq!(&page::read(&r.page).unwrap(), &reference_page);
            prop_assert_eq!(&circle::read(&r.circle).unwrap(), &reference_circle);
        }
        let present = all_texts(&replicas[0].page, &replicas[0].circle);
        for r in &replicas {
            for text in &r.added {
                prop_assert!(holds(&present, text), "{} was lost", text);
            }
        }
    }
}
