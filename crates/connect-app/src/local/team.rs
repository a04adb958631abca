//! The team's side: mutual-support suggestions and introductions, the team
//! directory, figures with no names, and stories whose consent allows sharing.

use std::collections::BTreeMap;

use connect_model::directory::{self, Directory};
use connect_model::insights::TeamInsights;
use connect_model::matching::Suggestion;
use connect_model::page::{self, IntroSide, ResidentPage};
use connect_model::story::SharedStory;
use connect_model::{DocKind, DocumentId, ItemId};
use connect_store::DocumentStore;
use connect_ui::backend::BackendError;

use super::{StoreBackend, now, store_error};
use connect_ui::backend::{IntroView, NewPlace};

impl<S: DocumentStore + Send> StoreBackend<S> {
    /// Offers that might meet open asks across residents on this device.
    pub fn suggestions(&self) -> Result<Vec<Suggestion>, BackendError> {
        self.with(|s| connect_store::team::suggestions(s).map_err(store_error))
    }

    /// Suggests an introduction to both residents (each must say yes).
    pub fn introduce(&self, suggestion: &Suggestion) -> Result<(), BackendError> {
        let me = self.me()?;
        self.with(|s| connect_store::team::introduce(s, &me, now(), suggestion).map(drop).map_err(store_error))
    }

    /// Every introduction suggested on this device, newest first.
    pub fn introductions(&self) -> Result<Vec<IntroView>, BackendError> {
        self.with(|s| {
            // Only the pages that have introductions are loaded, found from the index.
            let mut pages = BTreeMap::new();
            for facts in s.resident_facts().map_err(store_error)? {
                let Some(resident) = facts.resident.filter(|_| !facts.introductions.is_empty()) else { continue };
                let doc = s.load(DocumentId::resident(resident, DocKind::Page)).map_err(store_error)?;
                pages.insert(resident, page::read(&doc).map_err(BackendError::store)?);
            }
            let text_of = |p: &ResidentPage, item: ItemId| p.item_text(item).unwrap_or_default().to_owned();
            let mut out = Vec::new();
            for p in pages.values() {
                for mine in p.introductions.iter().filter(|i| i.side == IntroSide::Asker) {
                    let other = pages.get(&mine.with);
                    let theirs = other.and_then(|o| o.introductions.iter().find(|i| i.id == mine.id));
                    out.push(IntroView {
                        id: mine.id,
                        asker: (p.preferred_name.clone(), text_of(p, mine.item)),
                        offerer: other
                            .map(|o| (o.preferred_name.clone(), text_of(o, mine.their_item)))
                            .unwrap_or_default(),
                        reason: mine.reason.clone(),
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
    pub fn directory(&self) -> Result<Option<Directory>, BackendError> {
        self.with(|s| Ok(connect_store::team::directory(s).map_err(store_error)?.map(|(_, d)| d)))
    }

    /// Adds a place or helper to the team directory.
    pub fn add_place(&self, place: &NewPlace) -> Result<(), BackendError> {
        let ctx = self.me()?.context(now());
        self.with(|s| {
            let Some((id, _)) = connect_store::team::directory(s).map_err(store_error)? else {
                return Err(BackendError::refused(
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

    /// The team's figures (no names; small numbers suppressed).
    pub fn insights(&self) -> Result<TeamInsights, BackendError> {
        self.with(|s| connect_store::team::insights(s).map_err(store_error))
    }

    /// The figures as CSV, and the pseudonymous per-resident CSV.
    pub fn insight_csvs(&self) -> Result<(String, String), BackendError> {
        self.with(|s| connect_store::team::insight_csvs(s, now()).map_err(store_error))
    }

    /// Stories whose consent allows sharing, exactly as it says.
    pub fn shareable_stories(&self) -> Result<Vec<SharedStory>, BackendError> {
        self.with(|s| connect_store::team::shareable_stories(s).map_err(store_error))
    }
}
