//! The caseload's other half: one resident's documents, adding a resident,
//! and every edit a screen makes, each applied to one document durably.

use connect_model::checkin::{self};
use connect_model::circle::{self, NewTie, TieKind};
use connect_model::journal::{self, NewEntry};
use connect_model::measures::DEFAULT_LIFE_AREAS;
use connect_model::page::{self, GoalKind};
use connect_model::story;
use connect_model::{Author, AuthorRole, DocKind, DocumentId, ResidentId};
use connect_store::DocumentStore;
use connect_ui::backend::BackendError;

use super::{StoreBackend, now, store_error};
use connect_ui::backend::{Edit, ResidentData};

impl<S: DocumentStore + Send> StoreBackend<S> {
    /// Everything about one resident held here.
    pub fn resident(&self, resident: ResidentId) -> Result<ResidentData, BackendError> {
        self.with(|s| {
            let load = |kind| -> Result<Option<connect_model::automerge::Automerge>, BackendError> {
                match s.load(DocumentId::resident(resident, kind)) {
                    Ok(d) => Ok(Some(d)),
                    Err(connect_store::StoreError::NotFound(_)) => Ok(None),
                    Err(e) => Err(store_error(e)),
                }
            };
            let page_doc =
                load(DocKind::Page)?.ok_or_else(|| BackendError::refused("This resident is not on this device."))?;
            let directory = connect_store::team::directory(s).map_err(store_error)?.map(|(_, dir)| dir);
            let life_areas = match &directory {
                Some(dir) => dir.life_areas.clone(),
                None => DEFAULT_LIFE_AREAS.iter().map(|a| (a.key.to_owned(), a.label.to_owned())).collect(),
            };
            Ok(ResidentData {
                page: page::read(&page_doc).map_err(BackendError::store)?,
                circle: load(DocKind::Circle)?.map(|d| circle::read(&d)).transpose().map_err(BackendError::store)?,
                journal: load(DocKind::Journal)?.map(|d| journal::read(&d)).transpose().map_err(BackendError::store)?,
                team_notes: load(DocKind::TeamNotes)?
                    .map(|d| journal::read(&d))
                    .transpose()
                    .map_err(BackendError::store)?,
                checkins: load(DocKind::Checkins)?
                    .map(|d| checkin::read(&d))
                    .transpose()
                    .map_err(BackendError::store)?,
                story: load(DocKind::Story)?.map(|d| story::read(&d)).transpose().map_err(BackendError::store)?,
                life_areas,
                directory,
            })
        })
    }

    /// Adds a resident.
    pub fn create_resident(&self, name: &str) -> Result<ResidentId, BackendError> {
        let me = self.me()?;
        self.with(|s| connect_store::create_resident(s, &me, name, now()).map_err(store_error))
    }

    /// Applies one edit, durably.
    pub fn edit(&self, resident: ResidentId, edit: Edit) -> Result<(), BackendError> {
        let me = self.me()?;
        let now = now();
        let ctx = me.context(now);
        // Only the page, for the resident's name: an edit never loads the rest.
        let name = self.with(|s| {
            let doc = s.load(DocumentId::resident(resident, DocKind::Page)).map_err(store_error)?;
            Ok(page::read(&doc).map_err(BackendError::store)?.preferred_name)
        })?;
        let as_resident = ctx.by(Author::new(AuthorRole::Resident, name, me.device_id));
        let who = |by_resident: bool| if by_resident { as_resident.clone() } else { ctx.clone() };
        let page_id = DocumentId::resident(resident, DocKind::Page);
        let circle_id = DocumentId::resident(resident, DocKind::Circle);
        self.with(|s| {
            match edit {
                Edit::AddOffer { text, category, by_resident } => {
                    s.edit(page_id, |d| page::add_offer(d, &who(by_resident), &text, category).map(drop))
                }
                Edit::AddAsk { text, category, by_resident } => {
                    s.edit(page_id, |d| page::add_ask(d, &who(by_resident), &text, category).map(drop))
                }
                Edit::AddGoal { text, by_resident } => {
                    s.edit(page_id, |d| page::add_goal(d, &who(by_resident), &text, GoalKind::Goal).map(drop))
                }
                Edit::EditText { section, item, text, by_resident } => {
                    s.edit(page_id, |d| page::edit_text(d, &who(by_resident), section, item, &text))
                }
                Edit::SetArchived { section, item, archived, by_resident } => {
                    s.edit(page_id, |d| page::set_archived(d, &who(by_resident), section, item, archived))
                }
                Edit::SetAskStatus { item, status, by_resident } => {
                    s.edit(page_id, |d| page::set_ask_status(d, &who(by_resident), item, status))
                }
                Edit::SetAboutMe { text, by_resident } => {
                    s.edit(page_id, |d| page::set_about_me(d, &who(by_resident), &text))
                }
                Edit::AddNote { text, marker, visibility, mood } => {
                    let entry = NewEntry { happened_at: now, marker, text: &text, mood };
                    s.edit(DocumentId::resident(resident, visibility.doc_kind()), |d| {
                        journal::add_entry(d, &ctx, &entry).map(drop)
                    })
                }
                Edit::AddTie { name, relationship, ring, two_way, place } => {
                    let kind = if place { TieKind::Place } else { TieKind::Person };
                    let new = NewTie { name: &name, kind, relationship: &relationship, ring, two_way };
                    s.edit(circle_id, |d| circle::add_tie(d, &ctx, &new).map(drop))
                }
                Edit::MoveTie { tie, ring } => s.edit(circle_id, |d| circle::move_to_ring(d, &ctx, tie, ring)),
                Edit::RecordCheckin { answers, by_resident } => s
                    .edit(DocumentId::resident(resident, DocKind::Checkins), |d| {
                        checkin::record(d, &who(by_resident), answers).map(drop)
                    }),
                Edit::CheckinNotToday { by_resident } => s
                    .edit(DocumentId::resident(resident, DocKind::Checkins), |d| {
                        checkin::not_today(d, &who(by_resident)).map(drop)
                    }),
                Edit::SetCheckinSharing { id, share, by_resident } => s
                    .edit(DocumentId::resident(resident, DocKind::Checkins), |d| {
                        checkin::set_share_in_reports(d, &who(by_resident), id, share)
                    }),
                Edit::SetStory { text, by_resident } => s.edit(DocumentId::resident(resident, DocKind::Story), |d| {
                    story::set_text(d, &who(by_resident), &text)
                }),
                Edit::SetConsent { level, by_resident } => s
                    .edit(DocumentId::resident(resident, DocKind::Story), |d| {
                        story::set_consent(d, &who(by_resident), level)
                    }),
                Edit::AnswerIntroduction { id, yes, by_resident } => {
                    s.edit(page_id, |d| page::answer_introduction(d, &who(by_resident), id, yes))
                }
                Edit::LinkAsk { ask, entry, linked } => {
                    s.edit(page_id, |d| page::set_ask_link(d, &ctx, ask, entry, linked))
                }
            }
            .map_err(store_error)
        })
    }
}
