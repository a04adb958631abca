//! The team's side, from everything on this device: mutual-support
//! suggestions not yet proposed and introductions, the team directory,
//! figures with no names (and their CSV files), and stories whose consent
//! allows sharing, the team's settings and the Today screen. The free functions work on any store (the demo caseload
//! uses them); [`Device`] answers the screens with them.

use std::collections::BTreeMap;

use connect_model::automerge::Automerge;
use connect_model::directory::{self, Directory};
use connect_model::insights::{self, TeamInsights};
use connect_model::matching::{self, AskRef, OfferRef, Suggestion};
use connect_model::page::{self, IntroSide, ResidentPage};
use connect_model::story::{self, SharedStory};
use connect_model::today::Today;
use connect_model::{DocKind, DocumentId, ItemId, ResidentId, Timestamp, circle};
use connect_store::{DeviceIdentity, DocumentStore, Result, StoreError};

use super::{Device, now, store_error};
use crate::DeviceError;
use crate::api::{IntroView, NewPlace};
use crate::export::figures;
use crate::network::Network;

/// The setting holding this device's secret for pseudonyms in exports.
pub const REPORT_SECRET_SETTING: &str = "report_secret";

/// The current asks and offers of `residents` (id and name), from the index,
/// as matching takes them.
pub fn match_refs(
    store: &impl DocumentStore,
    residents: &[(ResidentId, String)],
) -> Result<(Vec<AskRef>, Vec<OfferRef>)> {
    let (mut asks, mut offers) = (Vec::new(), Vec::new());
    for (resident, name) in residents {
        for item in store.items(*resident)?.into_iter().filter(|i| !i.archived) {
            let Ok(category) = item.category.parse() else { continue };
            let (resident, name, text) = (*resident, name.clone(), item.text);
            match (item.section, item.status) {
                ("offer", _) => offers.push(OfferRef { resident, name, item: item.item_id, text, category }),
                ("ask", Some(status)) => {
                    asks.push(AskRef { resident, name, item: item.item_id, text, category, status });
                }
                _ => {}
            }
        }
    }
    Ok((asks, offers))
}

/// Offers that might meet open asks, across every resident on this device,
/// best first, leaving out pairs already suggested as an introduction.
pub fn suggestions(store: &impl DocumentStore) -> Result<Vec<Suggestion>> {
    let residents: Vec<(ResidentId, String)> =
        store.caseload()?.into_iter().map(|r| (r.resident, r.preferred_name)).collect();
    let (asks, offers) = match_refs(store, &residents)?;
    let proposed: std::collections::BTreeSet<(ItemId, ItemId)> =
        store.resident_facts()?.iter().flat_map(|f| f.introductions.iter().map(|i| (i.item, i.their_item))).collect();
    Ok(matching::suggest(&asks, &offers)
        .into_iter()
        .filter(|s| !proposed.contains(&(s.ask.item, s.offer.item)))
        .collect())
}

/// Records a suggested introduction on both residents' pages (answers
/// pending). Both pages must be on this device. Returns the introduction's id.
pub fn introduce(
    store: &mut impl DocumentStore,
    me: &DeviceIdentity,
    now: Timestamp,
    suggestion: &Suggestion,
) -> Result<ItemId> {
    let sides = suggestion.proposals();
    for (resident, _) in &sides {
        if !store.contains(DocumentId::resident(*resident, DocKind::Page))? {
            return Err(StoreError::NotFound(DocumentId::resident(*resident, DocKind::Page)));
        }
    }
    let ctx = me.context(now);
    for (resident, proposal) in &sides {
        store
            .edit(DocumentId::resident(*resident, DocKind::Page), |d| page::propose_introduction(d, &ctx, proposal))?;
    }
    Ok(sides[0].1.id)
}

/// The team's figures, from the index.
pub fn insights(store: &impl DocumentStore) -> Result<TeamInsights> {
    Ok(insights::build(&store.resident_facts()?))
}

/// This device's secret for pseudonyms, made the first time it is needed.
pub fn report_secret(store: &mut impl DocumentStore) -> Result<Vec<u8>> {
    if let Some(bytes) =
        store.setting(REPORT_SECRET_SETTING)?.and_then(|h| hex::decode(h).ok()).filter(|b| b.len() == 32)
    {
        return Ok(bytes);
    }
    let mut secret = [0u8; 32];
    connect_store::keys::fill_random(&mut secret);
    store.set_setting(REPORT_SECRET_SETTING, Some(&hex::encode(secret)))?;
    Ok(secret.to_vec())
}

/// The figures as CSV, and one pseudonymous row per resident (no names, no
/// words, no dates; check-in scores only where the resident agreed).
pub fn insight_csvs(store: &mut impl DocumentStore, now: Timestamp) -> Result<(String, String)> {
    let facts = store.resident_facts()?;
    let secret = report_secret(store)?;
    Ok((figures::figures_csv(&insights::build(&facts)), figures::per_resident_csv(&secret, &facts, now)))
}

/// Stories whose consent allows sharing, each exactly as its consent says
/// (no name when shared without one), in a stable order.
pub fn shareable_stories(store: &impl DocumentStore) -> Result<Vec<SharedStory>> {
    let mut out = Vec::new();
    let names: std::collections::BTreeMap<_, _> =
        store.caseload()?.into_iter().map(|r| (r.resident, r.preferred_name)).collect();
    for row in store.story_consents()?.into_iter().filter(|r| r.consent.may_share() && r.has_text) {
        let doc = store.load(DocumentId::resident(row.resident, DocKind::Story))?;
        let name = names.get(&row.resident).map_or("", String::as_str);
        let story = story::read(&doc)?;
        let hide = if story.consent == story::Consent::Anonymous {
            names_to_hide(store, row.resident)?
        } else {
            story::Names::default()
        };
        if let Some(shared) = story.shareable(name, &hide) {
            out.push(shared);
        }
    }
    // Named first by name, then the rest by their words: never by resident
    // id, which would let an order be matched to a caseload.
    out.sort_by(|a, b| b.name.is_some().cmp(&a.name.is_some()).then(a.name.cmp(&b.name)).then(a.text.cmp(&b.text)));
    Ok(out)
}

/// The names a story shared without a name must hide: every name the
/// resident's page has given them, and the people in their circle.
fn names_to_hide(store: &impl DocumentStore, resident: ResidentId) -> Result<story::Names> {
    let load = |kind| -> Result<Option<_>> {
        let id = DocumentId::resident(resident, kind);
        if store.contains(id)? { Ok(Some(store.load(id)?)) } else { Ok(None) }
    };
    let resident_names = load(DocKind::Page)?.map(|d| page::names(&d)).unwrap_or_default();
    let circle = match load(DocKind::Circle)? {
        Some(d) => {
            circle::read(&d)?.ties.into_iter().filter(|t| t.kind == circle::TieKind::Person).map(|t| t.name).collect()
        }
        None => Vec::new(),
    };
    Ok(story::Names { resident: resident_names, circle })
}

/// The team directory on this device (it arrives from the relay), if any.
pub fn directory(store: &impl DocumentStore) -> Result<Option<(DocumentId, Directory)>> {
    match store.document_ids_of_kind(DocKind::Directory)?.first() {
        Some(id) => Ok(Some((*id, directory::read(&store.load(*id)?)?))),
        None => Ok(None),
    }
}

impl<S: DocumentStore, N: Network> Device<S, N> {
    /// Offers that might meet open asks across residents on this device.
    pub fn suggestions(&self) -> Result<Vec<Suggestion>, DeviceError> {
        self.with(|s| suggestions(s).map_err(store_error))
    }

    /// Suggests an introduction to both residents (each must say yes).
    pub fn introduce(&self, suggestion: &Suggestion) -> Result<ItemId, DeviceError> {
        let me = self.me()?;
        self.with(|s| introduce(s, &me, now(), suggestion).map_err(store_error))
    }

    /// Every introduction suggested on this device, newest first.
    pub fn introductions(&self) -> Result<Vec<IntroView>, DeviceError> {
        self.with(|s| {
            // Only the pages that have introductions are loaded, found from the index.
            let mut pages = BTreeMap::new();
            for facts in s.resident_facts().map_err(store_error)? {
                let Some(resident) = facts.resident.filter(|_| !facts.introductions.is_empty()) else { continue };
                let doc = s.load(DocumentId::resident(resident, DocKind::Page)).map_err(store_error)?;
                pages.insert(resident, page::read(&doc).map_err(DeviceError::store)?);
            }
            let text_of = |p: &ResidentPage, item: ItemId| p.item_text(item).unwrap_or_default().to_owned();
            let mut out = Vec::new();
            for p in pages.values() {
                for mine in p.introductions.iter().filter(|i| i.proposal.side == IntroSide::Asker) {
                    let other = pages.get(&mine.proposal.with);
                    let theirs = other.and_then(|o| o.introductions.iter().find(|i| i.proposal.id == mine.proposal.id));
                    out.push(IntroView {
                        id: mine.proposal.id,
                        asker: (p.preferred_name.clone(), text_of(p, mine.proposal.item)),
                        offerer: other
                            .map(|o| (o.preferred_name.clone(), text_of(o, mine.proposal.their_item)))
                            .unwrap_or_default(),
                        reason: mine.proposal.reason.clone(),
                        state: page::introduction_state(mine, theirs),
                        proposed_at: mine.proposed_at,
                    });
                }
            }
            out.sort_by(|a, b| b.proposed_at.cmp(&a.proposed_at).then(a.id.cmp(&b.id)));
            Ok(out)
        })
    }

    /// The team directory, if this device holds it.
    pub fn directory(&self) -> Result<Option<Directory>, DeviceError> {
        self.with(|s| Ok(directory(s).map_err(store_error)?.map(|(_, d)| d)))
    }

    /// Adds a place or helper to the team directory.
    pub fn add_place(&self, place: &NewPlace) -> Result<(), DeviceError> {
        let ctx = self.me()?.context(now());
        self.with(|s| {
            let Some((id, _)) = directory(s).map_err(store_error)? else {
                return Err(DeviceError::refused(
                    "The team directory arrives from the team relay: connect this device, sync, then add places.",
                ));
            };
            let new = directory::NewEntry {
                name: &place.name,
                kind: if place.helper { directory::EntryKind::Helper } else { directory::EntryKind::Place },
                description: &place.description,
                contact: &place.contact,
                tags: &place.tags,
            };
            s.edit(id, |d| directory::add_entry(d, &ctx, &new).map(drop)).map_err(store_error)
        })
    }

    /// (Coordinator) Picks the questions of the team's short check-in.
    pub fn set_short_checkin(&self, keys: &[String]) -> Result<(), DeviceError> {
        self.set_team_setting("Only a coordinator can choose the team's check-in questions.", |d, ctx| {
            directory::set_short_checkin(d, ctx, keys)
        })
    }

    /// (Coordinator) Sets how many days without a contact the Today screen
    /// calls "not seen for a while".
    pub fn set_not_seen_days(&self, days: u32) -> Result<(), DeviceError> {
        self.set_team_setting("Only a coordinator can change how long counts as not seen for a while.", |d, ctx| {
            directory::set_not_seen_days(d, ctx, days)
        })
    }

    /// A coordinator's change to the team's settings (in the team
    /// directory); `refusal` says what a supporter may not do.
    fn set_team_setting(
        &self,
        refusal: &str,
        change: impl FnOnce(&mut Automerge, &connect_model::EditContext) -> connect_model::Result<()>,
    ) -> Result<(), DeviceError> {
        if self.me()?.role != connect_model::AuthorRole::Coordinator {
            return Err(DeviceError::refused(refusal));
        }
        let ctx = self.me()?.context(now());
        self.with(|s| {
            let Some((id, _)) = directory(s).map_err(store_error)? else {
                return Err(DeviceError::refused(
                    "The team's settings arrive from the team: connect this device and send first.",
                ));
            };
            s.edit(id, |d| change(d, &ctx)).map_err(store_error)
        })
    }

    /// The Today screen for `date`, from the index: visits planned, promises
    /// due and residents not seen for as long as the team says.
    pub fn today(&self, date: chrono::NaiveDate) -> Result<Today, DeviceError> {
        self.with(|s| {
            let not_seen_days = directory(s)
                .map_err(store_error)?
                .map_or(connect_model::today::DEFAULT_NOT_SEEN_DAYS, |(_, d)| d.not_seen_days);
            let caseload = s.caseload().map_err(store_error)?;
            let promises = s.open_promises().map_err(store_error)?;
            Ok(connect_model::today::build(&caseload, &promises, date, not_seen_days))
        })
    }

    /// The team's figures (no names; small numbers suppressed).
    pub fn insights(&self) -> Result<TeamInsights, DeviceError> {
        self.with(|s| insights(s).map_err(store_error))
    }

    /// The figures as CSV, and the pseudonymous per-resident CSV.
    pub fn insight_csvs(&self) -> Result<(String, String), DeviceError> {
        self.with(|s| insight_csvs(s, now()).map_err(store_error))
    }

    /// Stories whose consent allows sharing, exactly as it says.
    pub fn shareable_stories(&self) -> Result<Vec<SharedStory>, DeviceError> {
        self.with(|s| shareable_stories(s).map_err(store_error))
    }
}

#[cfg(test)]
mod tests {
    use connect_model::circle::{NewTie, Ring, TieKind};
    use connect_model::story::Consent;

    use super::*;
    use connect_store::conformance::supporter;
    use connect_store::{MemoryStore, create_resident};

    #[test]
    fn a_story_shared_without_a_name_hides_every_name_the_resident_went_by_and_their_circle() {
        let mut store = MemoryStore::new();
        let me = supporter();
        store.set_identity(&me).unwrap();
        let now = Timestamp::from_millis(1_772_355_600_000);
        let r = create_resident(&mut store, &me, "Doreen Smith", now).unwrap();
        let ctx = me.context(now);
        store.edit(DocumentId::resident(r, DocKind::Page), |d| page::rename(d, &ctx, "Dee")).unwrap();
        store
            .edit(DocumentId::resident(r, DocKind::Circle), |d| {
                let jean = NewTie {
                    name: "Jean next door",
                    kind: TieKind::Person,
                    relationship: "neighbour",
                    ring: Ring::Friendship,
                    two_way: true,
                };
                circle::add_tie(d, &ctx, &jean).map(drop)
            })
            .unwrap();
        store
            .edit(DocumentId::resident(r, DocKind::Story), |d| {
                story::set_text(d, &ctx, "Doreen Smith's the name, Dee to friends. Jean's next door.")?;
                story::set_consent(d, &ctx, Consent::Anonymous)
            })
            .unwrap();
        let shared = shareable_stories(&store).unwrap();
        assert_eq!(shared.len(), 1);
        assert_eq!(shared[0].text, "[name] [name]'s the name, [name] to friends. [name]'s next door.");
    }
}
