//! Every question the screens ask of the device, and its answer, as values.
//! On native platforms a [`Request`] is handed to a blocking thread; in the
//! browser it is posted to the store's Web Worker as JSON. Either way the
//! screens only see [`crate::DeviceClient`]'s typed calls.

use connect_model::caseload::{CaseloadRow, SearchHit};
use connect_model::device::DeviceIdentity;
use connect_model::directory::Directory;
use connect_model::insights::TeamInsights;
use connect_model::matching::Suggestion;
use connect_model::story::SharedStory;
use connect_model::today::Today;
use connect_model::{AuthorRole, DeviceId, ResidentId};
use connect_sync::api::{InviteInfo, PeopleResponse, PersonRemovedResponse};
use serde::{Deserialize, Serialize};

use super::edit::{Edit, Edited};
use super::views::{
    AuditView, IntroView, InviteCard, NewPlace, ResidentData, SubjectAccess, SyncOverview, SyncSummary,
};

/// A question for the device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Keep and attach a voice note or photo.
    AddMedia(ResidentId, Box<super::NewFile>),
    /// Every voice note and photo on a resident's record, with its state.
    Media(ResidentId),
    /// A file's bytes, fetched from the team if this phone lacks them.
    MediaBytes(connect_model::DocumentId, connect_model::media::BlobHash),
    /// Remove a voice note or photo, everywhere.
    RemoveMedia(ResidentId, connect_model::ItemId),
    /// The phone's media budget, in megabytes.
    SetMediaBudget(u64),
    /// What voice notes and photos take on this phone, and the budget.
    MediaSpace,
    /// This device's identity.
    Me,
    /// The caseload, sorted by name.
    Caseload,
    /// Search names, offers, asks and goals.
    Search(String),
    /// Everything about one resident held here.
    Resident(ResidentId),
    /// Adds a resident with this name.
    CreateResident(String),
    /// Applies one edit, durably.
    Edit(ResidentId, Edit),
    /// The status bar's numbers.
    Overview,
    /// Syncs now.
    SyncNow,
    /// Enrols with a relay.
    Enrol {
        /// The relay's address.
        relay: String,
        /// The invite code.
        code: String,
    },
    /// (Coordinator) Creates an invite.
    Invite {
        /// For whom.
        role: AuthorRole,
        /// A resident's own invite names them.
        resident: Option<ResidentId>,
        /// The person's name as the team will know them.
        name: Option<String>,
    },
    /// (Coordinator) The team's invites, newest first (never their codes).
    Invites,
    /// (Coordinator) Cancels an unused invite.
    CancelInvite(uuid::Uuid),
    /// (Coordinator) The team's people and devices.
    People,
    /// (Coordinator) Assigns a resident to a person, or ends that
    /// assignment (`assigned: false`).
    Assign {
        /// The resident.
        resident: ResidentId,
        /// The person, by their id on the relay.
        person: uuid::Uuid,
        /// Whether the assignment starts or ends.
        assigned: bool,
    },
    /// (Coordinator) Revokes a device: its next contact with the team wipes it.
    Revoke(DeviceId),
    /// (Coordinator) Takes a person off the team: every device of theirs is
    /// revoked.
    RemovePerson(uuid::Uuid),
    /// Renames this device.
    SetDeviceName(String),
    /// How often to sync while the app is open, in minutes (0: only after
    /// edits, on opening and when the network comes back).
    SetAutoSync(u32),
    /// The language this phone's person reads the app in (a BCP 47 tag), or
    /// `None` for the phone's own; kept on this phone only.
    SetLanguage(Option<String>),
    /// The resident this device is handed to, if any.
    ResidentLock,
    /// Hands the device to a resident, or takes it back.
    SetResidentLock(Option<ResidentId>),
    /// Who changed what and when about a resident.
    Audit(ResidentId),
    /// Everything held about a resident, as a readable page and as JSON.
    SubjectAccess(ResidentId),
    /// (Coordinator) Erases a resident everywhere.
    EraseResident(ResidentId),
    /// Removes a resident added by mistake, before anything about them was sent.
    RemoveUnsentResident(ResidentId),
    /// A half-written form's words, kept in the store so closing the app loses nothing.
    Draft(String),
    /// Keeps a half-written form's words, or forgets them (`None`: saved or cleared).
    SetDraft(String, Option<String>),
    /// Offers that might meet open asks across residents on this device.
    Suggestions,
    /// Suggests an introduction to both residents.
    Introduce(Suggestion),
    /// Every introduction suggested on this device, newest first.
    Introductions,
    /// The team directory, if this device holds it.
    Directory,
    /// Adds a place or helper to the team directory.
    AddPlace(NewPlace),
    /// (Coordinator) Picks the team's short check-in (question keys).
    SetShortCheckin(Vec<String>),
    /// (Coordinator) How many days without a contact the Today screen calls
    /// "not seen for a while".
    SetNotSeenDays(u32),
    /// The Today screen for a day (the phone's own date: the screens know
    /// the local calendar).
    Today(chrono::NaiveDate),
    /// The team's figures.
    Insights,
    /// The figures as CSV, and the pseudonymous per-resident CSV.
    InsightCsvs,
    /// Stories whose consent allows sharing.
    ShareableStories,
}

impl Request {
    /// Whether it writes something to send to the team, so a sync should
    /// follow: an edit, a new resident, an introduction, a new place, a
    /// voice note or photo added or removed.
    #[must_use]
    pub fn writes_for_the_team(&self) -> bool {
        matches!(
            self,
            Self::CreateResident(_)
                | Self::Edit(..)
                | Self::AddMedia(..)
                | Self::RemoveMedia(..)
                | Self::Introduce(_)
                | Self::AddPlace(_)
                | Self::SetShortCheckin(_)
                | Self::SetNotSeenDays(_)
        )
    }
}

/// An answer; each [`Request`] has one kind of answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// Voice notes and photos, with their state.
    Media(Vec<super::MediaItem>),
    /// A file's bytes.
    Bytes(#[serde(with = "super::media::wire_bytes")] Vec<u8>),
    /// What media takes here ([`Request::MediaSpace`]).
    MediaSpace(super::MediaSpace),
    /// Done, nothing to show.
    Done,
    /// An edit was saved ([`Request::Edit`]).
    Edited(Edited),
    /// An identity ([`Request::Me`], [`Request::SetDeviceName`]).
    Me(DeviceIdentity),
    /// What the app knows at once, again ([`Request::Enrol`]).
    Opened(super::lock::Opened),
    /// The caseload.
    Caseload(Vec<CaseloadRow>),
    /// Search hits.
    Hits(Vec<SearchHit>),
    /// One resident.
    Resident(Box<ResidentData>),
    /// The new resident.
    Created(ResidentId),
    /// The status bar's numbers.
    Overview(SyncOverview),
    /// A finished sync.
    Synced(SyncSummary),
    /// A new invite.
    Invite(InviteCard),
    /// The team's invites.
    Invites(Vec<InviteInfo>),
    /// The team's people and devices.
    People(PeopleResponse),
    /// What taking a person off the team did.
    PersonRemoved(PersonRemovedResponse),
    /// The resident this device is handed to.
    ResidentLock(Option<ResidentId>),
    /// An audit trail.
    Audit(AuditView),
    /// A subject access copy.
    SubjectAccess(SubjectAccess),
    /// Suggestions.
    Suggestions(Vec<Suggestion>),
    /// Introductions.
    Introductions(Vec<IntroView>),
    /// The team directory.
    Directory(Option<Directory>),
    /// Team figures.
    Insights(Box<TeamInsights>),
    /// The figures CSV and the per-resident CSV.
    Csvs(String, String),
    /// Shareable stories.
    Stories(Vec<SharedStory>),
    /// A kept draft.
    Draft(Option<String>),
    /// The Today screen.
    Today(Box<Today>),
}
