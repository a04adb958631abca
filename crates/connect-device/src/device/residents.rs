//! The caseload's other half: one resident's documents, adding a resident,
//! and every edit a screen makes, each applied to one document durably.

use connect_model::checkin::{self};
use connect_model::circle::{self, NewTie, TieKind};
use connect_model::journal::{self, NewEntry};
use connect_model::measures::DEFAULT_LIFE_AREAS;
use connect_model::page;
use connect_model::promise::{self, NewPromise, PlanReason};
use connect_model::story;
use connect_model::{Author, AuthorRole, DocKind, DocumentId, EditContext, ItemId, ResidentId, Timestamp};
use connect_store::{CaseloadRow, DocumentStore, SearchHit};

use super::{Device, now, store_error};
use crate::DeviceError;
use crate::api::{Edit, ResidentData};
use crate::network::Network;

impl<S: DocumentStore, N: Network> Device<S, N> {
    /// The caseload, sorted by name.
    pub fn caseload(&self) -> Result<Vec<CaseloadRow>, DeviceError> {
        self.with_store(|s| s.caseload())
    }

    /// Search names, offers, asks and goals.
    pub fn search(&self, query: &str) -> Result<Vec<SearchHit>, DeviceError> {
        self.with_store(|s| s.search(query))
    }

    /// Everything about one resident held here.
    pub fn resident(&self, resident: ResidentId) -> Result<ResidentData, DeviceError> {
        self.with(|s| {
            let load = |kind| -> Result<Option<connect_model::automerge::Automerge>, DeviceError> {
                match s.load(DocumentId::resident(resident, kind)) {
                    Ok(d) => Ok(Some(d)),
                    Err(connect_store::StoreError::NotFound(_)) => Ok(None),
                    Err(e) => Err(store_error(e)),
                }
            };
            let page_doc =
                load(DocKind::Page)?.ok_or_else(|| DeviceError::refused("This resident is not on this device."))?;
            let directory = super::team::directory(s).map_err(store_error)?.map(|(_, dir)| dir);
            let life_areas = match &directory {
                Some(dir) => dir.life_areas.clone(),
                None => DEFAULT_LIFE_AREAS.iter().map(|a| (a.key.to_owned(), a.label.to_owned())).collect(),
            };
            let team_notes_doc = load(DocKind::TeamNotes)?;
            let mut promises = promise::read(&page_doc).map_err(DeviceError::store)?;
            if let Some(notes) = &team_notes_doc {
                promises.extend(promise::read(notes).map_err(DeviceError::store)?);
            }
            Ok(ResidentData {
                page: page::read(&page_doc).map_err(DeviceError::store)?,
                promises,
                visit_plans: promise::visit_plans(&page_doc).map_err(DeviceError::store)?,
                circle: load(DocKind::Circle)?.map(|d| circle::read(&d)).transpose().map_err(DeviceError::store)?,
                journal: load(DocKind::Journal)?.map(|d| journal::read(&d)).transpose().map_err(DeviceError::store)?,
                team_notes: team_notes_doc.as_ref().map(journal::read).transpose().map_err(DeviceError::store)?,
                checkins: load(DocKind::Checkins)?
                    .map(|d| checkin::read(&d))
                    .transpose()
                    .map_err(DeviceError::store)?,
                story: load(DocKind::Story)?.map(|d| story::read(&d)).transpose().map_err(DeviceError::store)?,
                life_areas,
                short_checkin: directory.as_ref().map(|d| d.short_checkin.clone()).unwrap_or_default(),
                directory,
                never_sent: false,
            })
        })
    }

    /// Everything about one resident held here, and whether any of it has left this device.
    pub fn resident_view(&self, resident: ResidentId) -> Result<ResidentData, DeviceError> {
        Ok(ResidentData { never_sent: self.never_sent(resident)?, ..self.resident(resident)? })
    }

    /// Adds a resident.
    pub fn create_resident(&self, name: &str) -> Result<ResidentId, DeviceError> {
        let me = self.me()?;
        self.with(|s| connect_store::create_resident(s, &me, name, now()).map_err(store_error))
    }

    /// Who speaks in an edit about `resident` at `now`: this device's person,
    /// and the resident in their own words on it (marked as recorded by that
    /// person, unless this is the resident's own phone).
    pub(crate) fn voices(
        &self,
        resident: ResidentId,
        now: Timestamp,
    ) -> Result<(EditContext, EditContext), DeviceError> {
        let me = self.me()?;
        let ctx = me.context(now);
        // Only the page, for the resident's name: an edit never loads the rest.
        let name = self.with(|s| {
            let doc = s.load(DocumentId::resident(resident, DocKind::Page)).map_err(store_error)?;
            Ok(page::read(&doc).map_err(DeviceError::store)?.preferred_name)
        })?;
        let as_resident = ctx.by(Author::new(AuthorRole::Resident, name, me.device_id));
        Ok((ctx, as_resident))
    }

    /// Applies one edit, durably; answers the new item's id, if it added one.
    pub fn edit(&self, resident: ResidentId, edit: Edit) -> Result<Option<ItemId>, DeviceError> {
        let now = now();
        let (ctx, as_resident) = self.voices(resident, now)?;
        let who = |by_resident: bool| if by_resident { as_resident.clone() } else { ctx.clone() };
        let page_id = DocumentId::resident(resident, DocKind::Page);
        let circle_id = DocumentId::resident(resident, DocKind::Circle);
        self.with(|s| {
            match edit {
                Edit::AddOffer { text, category, by_resident } => {
                    s.edit(page_id, |d| page::add_offer(d, &who(by_resident), &text, category).map(Some))
                }
                Edit::AddAsk { text, category, by_resident } => {
                    s.edit(page_id, |d| page::add_ask(d, &who(by_resident), &text, category).map(Some))
                }
                Edit::AddGoal { text, kind, by_resident } => {
                    s.edit(page_id, |d| page::add_goal(d, &who(by_resident), &text, kind).map(Some))
                }
                Edit::EditText { section, item, text, by_resident } => {
                    s.edit(page_id, |d| page::edit_text(d, &who(by_resident), section, item, &text).map(|()| None))
                }
                Edit::SetArchived { section, item, archived, by_resident } => s.edit(page_id, |d| {
                    page::set_archived(d, &who(by_resident), section, item, archived).map(|()| None)
                }),
                Edit::SetAskStatus { item, status, by_resident } => {
                    s.edit(page_id, |d| page::set_ask_status(d, &who(by_resident), item, status).map(|()| None))
                }
                Edit::SetAboutMe { text, by_resident } => {
                    s.edit(page_id, |d| page::set_about_me(d, &who(by_resident), &text).map(|()| None))
                }
                Edit::SetLanguage { tag, by_resident } => {
                    s.edit(page_id, |d| page::set_language(d, &who(by_resident), tag.as_deref()).map(|()| None))
                }
                Edit::EditNote { visibility, id, text } => s
                    .edit(DocumentId::resident(resident, visibility.doc_kind()), |d| {
                        journal::edit_text(d, &ctx, id, &text).map(|()| None)
                    }),
                Edit::SetNoteRemoved { visibility, id, removed } => s
                    .edit(DocumentId::resident(resident, visibility.doc_kind()), |d| {
                        journal::set_archived(d, &ctx, id, removed).map(|()| None)
                    }),
                Edit::AddNote { text, marker, visibility, mood, reason } => {
                    let entry = NewEntry { happened_at: now, marker, text: &text, mood, reason };
                    s.edit(DocumentId::resident(resident, visibility.doc_kind()), |d| {
                        journal::add_entry(d, &ctx, &entry).map(Some)
                    })
                }
                Edit::AddTie { name, relationship, ring, two_way, place } => {
                    let kind = if place { TieKind::Place } else { TieKind::Person };
                    let new = NewTie { name: &name, kind, relationship: &relationship, ring, two_way };
                    s.edit(circle_id, |d| circle::add_tie(d, &ctx, &new).map(Some))
                }
                Edit::MoveTie { tie, ring } => {
                    s.edit(circle_id, |d| circle::move_to_ring(d, &ctx, tie, ring).map(|()| None))
                }
                Edit::RecordCheckin { answers, by_resident } => s
                    .edit(DocumentId::resident(resident, DocKind::Checkins), |d| {
                        checkin::record(d, &who(by_resident), answers).map(Some)
                    }),
                Edit::CheckinNotToday { by_resident } => s
                    .edit(DocumentId::resident(resident, DocKind::Checkins), |d| {
                        checkin::not_today(d, &who(by_resident)).map(Some)
                    }),
                Edit::SetCheckinSharing { id, share, by_resident } => s
                    .edit(DocumentId::resident(resident, DocKind::Checkins), |d| {
                        checkin::set_share_in_reports(d, &who(by_resident), id, share).map(|()| None)
                    }),
                Edit::SetStory { text, by_resident } => s.edit(DocumentId::resident(resident, DocKind::Story), |d| {
                    story::set_text(d, &who(by_resident), &text).map(|()| None)
                }),
                Edit::SetConsent { level, by_resident } => s
                    .edit(DocumentId::resident(resident, DocKind::Story), |d| {
                        story::set_consent(d, &who(by_resident), level).map(|()| None)
                    }),
                Edit::AnswerIntroduction { id, yes, by_resident } => {
                    s.edit(page_id, |d| page::answer_introduction(d, &who(by_resident), id, yes).map(|()| None))
                }
                Edit::AddPromise { .. }
                | Edit::EditPromise { .. }
                | Edit::SetPromiseWhen { .. }
                | Edit::SetPromiseState { .. }
                | Edit::SetNextVisit { .. } => promise_edit(s, resident, edit, &ctx, &who),
                Edit::LinkAsk { ask, entry, linked } => {
                    s.edit(page_id, |d| page::set_ask_link(d, &ctx, ask, entry, linked).map(|()| None))
                }
            }
            .map_err(store_error)
        })
    }
}

/// A promise or next-visit edit, in the document that holds it: shared
/// promises and the next visit on the page, team-only promises in the team
/// notes. `who` is the speaker (the resident, when `by_resident`).
fn promise_edit<S: DocumentStore>(
    s: &mut S,
    resident: ResidentId,
    edit: Edit,
    ctx: &EditContext,
    who: &dyn Fn(bool) -> EditContext,
) -> connect_store::Result<Option<ItemId>> {
    let page_id = DocumentId::resident(resident, DocKind::Page);
    let promises_in = |shared: bool| if shared { page_id } else { DocumentId::resident(resident, DocKind::TeamNotes) };
    match edit {
        Edit::AddPromise { text, by, by_name, when, ask, shared, by_resident } => {
            let new = NewPromise { text: &text, by, by_name: &by_name, when, ask };
            s.edit(promises_in(shared), |d| promise::add(d, &who(by_resident), &new).map(Some))
        }
        Edit::EditPromise { shared, id, text, by_resident } => {
            s.edit(promises_in(shared), |d| promise::edit_text(d, &who(by_resident), id, &text).map(|()| None))
        }
        Edit::SetPromiseWhen { shared, id, when } => {
            s.edit(promises_in(shared), |d| promise::set_when(d, ctx, id, when).map(|()| None))
        }
        Edit::SetPromiseState { shared, id, state, by_resident } => {
            s.edit(promises_in(shared), |d| promise::set_state(d, &who(by_resident), id, state).map(|()| None))
        }
        Edit::SetNextVisit { plan, resident_not_now, by_resident } => {
            let reason = if resident_not_now { PlanReason::ResidentNotNow } else { PlanReason::Planned };
            s.edit(page_id, |d| promise::set_next_visit(d, &who(by_resident), plan, reason).map(|()| None))
        }
        // `Device::edit` sends only the five kinds above here.
        other => unreachable!("not a promise edit: {other:?}"),
    }
}
