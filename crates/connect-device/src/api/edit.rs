//! One change a person makes, on a screen or at the command line. The device
//! turns each into an edit of one document.

use connect_model::ItemId;
use connect_model::checkin::Answers;
use connect_model::circle::Ring;
use connect_model::journal::{Marker, Mood, NotTodayReason, Visibility};
use connect_model::page::{AskStatus, Category, GoalKind, Section};
use connect_model::promise::{Plan, PromiseBy, PromiseState, When};
use connect_model::story::Consent;
use serde::{Deserialize, Serialize};

/// One change a person makes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    /// Add an offer.
    AddOffer {
        /// Words.
        text: String,
        /// Category.
        category: Category,
        /// In the resident's own words.
        by_resident: bool,
    },
    /// Add an ask.
    AddAsk {
        /// Words.
        text: String,
        /// Category.
        category: Category,
        /// In the resident's own words.
        by_resident: bool,
    },
    /// Add a goal, or "what could be possible".
    AddGoal {
        /// Words.
        text: String,
        /// A goal, or a possibility.
        kind: GoalKind,
        /// In the resident's own words.
        by_resident: bool,
    },
    /// Rewrite an item.
    EditText {
        /// Which list.
        section: Section,
        /// Which item.
        item: ItemId,
        /// New words.
        text: String,
        /// In the resident's own words.
        by_resident: bool,
    },
    /// Hide an item, or bring it back (undo).
    SetArchived {
        /// Which list.
        section: Section,
        /// Which item.
        item: ItemId,
        /// Hidden?
        archived: bool,
        /// By the resident.
        by_resident: bool,
    },
    /// Move an ask along.
    SetAskStatus {
        /// Which ask.
        item: ItemId,
        /// New status.
        status: AskStatus,
        /// By the resident.
        by_resident: bool,
    },
    /// Rewrite "about me".
    SetAboutMe {
        /// Words.
        text: String,
        /// By the resident.
        by_resident: bool,
    },
    /// The language the resident reads the app in (a BCP 47 tag), or
    /// `None` for the phone's own.
    SetLanguage {
        /// The tag, such as `ur` or `pt-BR`.
        tag: Option<String>,
        /// By the resident.
        by_resident: bool,
    },
    /// Add a journal entry.
    AddNote {
        /// Words (may be empty for "not today").
        text: String,
        /// Visit, not today, declined, pause.
        marker: Marker,
        /// Shared or team-only.
        visibility: Visibility,
        /// Mood.
        mood: Option<Mood>,
        /// For a "not today": why.
        reason: Option<NotTodayReason>,
    },
    /// Rewrite a note.
    EditNote {
        /// Shared or team-only: which journal it is in.
        visibility: Visibility,
        /// Which note.
        id: ItemId,
        /// The new words.
        text: String,
    },
    /// Remove a note from view (it stays in the record's history), or bring it back.
    SetNoteRemoved {
        /// Shared or team-only: which journal it is in.
        visibility: Visibility,
        /// Which note.
        id: ItemId,
        /// Removed, or back.
        removed: bool,
    },
    /// Add someone to the circle.
    AddTie {
        /// Name.
        name: String,
        /// How they know the resident.
        relationship: String,
        /// Ring.
        ring: Ring,
        /// Support both ways.
        two_way: bool,
        /// A place rather than a person.
        place: bool,
    },
    /// Move someone to another ring.
    MoveTie {
        /// Who.
        tie: ItemId,
        /// Where.
        ring: Ring,
    },
    /// Record a check-in (anything skipped stays empty).
    RecordCheckin {
        /// The answers.
        answers: Answers,
        /// Answered by the resident themself.
        by_resident: bool,
    },
    /// "Not today": no check-in, recorded as a choice.
    CheckinNotToday {
        /// Said by the resident themself.
        by_resident: bool,
    },
    /// Let a check-in count in team figures, or stop it counting.
    SetCheckinSharing {
        /// Which check-in.
        id: ItemId,
        /// Counts or not.
        share: bool,
        /// By the resident.
        by_resident: bool,
    },
    /// Rewrite the story.
    SetStory {
        /// The words.
        text: String,
        /// By the resident.
        by_resident: bool,
    },
    /// Change the story's consent.
    SetConsent {
        /// The new level.
        level: Consent,
        /// By the resident.
        by_resident: bool,
    },
    /// Answer a suggested introduction.
    AnswerIntroduction {
        /// Which.
        id: ItemId,
        /// Yes or no.
        yes: bool,
        /// By the resident.
        by_resident: bool,
    },
    /// Write down a promise: who will do what, and when if said.
    AddPromise {
        /// What will be done ("ask the council about the ramp").
        text: String,
        /// Who will do it.
        by: PromiseBy,
        /// For someone in the circle: their name.
        by_name: String,
        /// When, if said.
        when: Option<When>,
        /// The ask it answers.
        ask: Option<ItemId>,
        /// Shared with the resident (on their page), or team-only.
        shared: bool,
        /// Written down by the resident.
        by_resident: bool,
    },
    /// Rewrite what a promise says.
    EditPromise {
        /// Shared or team-only: where it is.
        shared: bool,
        /// Which promise.
        id: ItemId,
        /// The new words.
        text: String,
        /// By the resident.
        by_resident: bool,
    },
    /// Change when a promise is for.
    SetPromiseWhen {
        /// Shared or team-only: where it is.
        shared: bool,
        /// Which promise.
        id: ItemId,
        /// The new day, "no rush", or unsaid.
        when: Option<When>,
    },
    /// Mark a promise done, not now, no longer needed, or open again (undo).
    SetPromiseState {
        /// Shared or team-only: where it is.
        shared: bool,
        /// Which promise.
        id: ItemId,
        /// Its new state.
        state: PromiseState,
        /// By the resident.
        by_resident: bool,
    },
    /// Set the next visit: a day, or "they'll call me".
    SetNextVisit {
        /// The plan.
        plan: Plan,
        /// The resident said "not now": the visit moves at their wish.
        resident_not_now: bool,
        /// Set by the resident.
        by_resident: bool,
    },
    /// Link an ask to a team directory entry that could help, or unlink it.
    LinkAsk {
        /// The ask.
        ask: ItemId,
        /// The directory entry.
        entry: ItemId,
        /// Linked or not.
        linked: bool,
    },
}

/// What an edit made: the new item's id, when it added one (an offer, a note,
/// someone in the circle, a check-in), so the command line can print it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edited {
    /// The item the edit added, if it added one.
    pub item: Option<ItemId>,
}
