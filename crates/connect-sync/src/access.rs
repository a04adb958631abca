//! Who may read and write which document: one pure function, used by the
//! relay's half of sync and by every relay endpoint, and tested cell by cell
//! in the access matrix test.
//!
//! The inputs are facts the relay's store knows (which team a resident is on,
//! whether the caller is assigned to them); the rule itself does no I/O.
//!
//! [`may_claim`] is the same kind of rule for what a document says about
//! who did something (an item's author, a consent's `by`, an introduction's
//! `proposed_by` and `answered_by`): the relay keeps a change only if every
//! author it records is one the sending device may speak for.

use connect_model::{Author, AuthorRole, DeviceId, DocKind, DocumentId, ResidentId, TeamId};

/// What a device may do with a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Nothing: it is not told the document exists.
    None,
    /// It receives the document but its changes are refused.
    Read,
    /// It may change the document.
    Write,
}

/// The authenticated, unrevoked device behind a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caller {
    /// The device (the prefix of every Automerge actor it may write as).
    pub device: DeviceId,
    /// The person it was enrolled for.
    pub person: uuid::Uuid,
    /// Their team.
    pub team: TeamId,
    /// Their role.
    pub role: AuthorRole,
    /// For a resident's own device: which resident.
    pub resident: Option<ResidentId>,
}

/// What the relay's store knows about a document's resident, for [`access`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ResidentFacts {
    /// The team the resident is registered to; `None` for a resident the
    /// relay has never seen (their first upload registers them).
    pub team: Option<TeamId>,
    /// Whether the caller's person is assigned to the resident (or created them).
    pub assigned: bool,
}

/// The access `caller` has to `doc`. A resident document whose resident the
/// relay has never seen may be created by a supporter or coordinator.
#[must_use]
pub fn access(caller: &Caller, doc: DocumentId, facts: ResidentFacts) -> Access {
    let Some(resident) = doc.resident_id() else {
        // The team directory.
        let own_team = doc.owner() == caller.team.uuid();
        return if own_team && caller.role != AuthorRole::Resident { Access::Write } else { Access::None };
    };
    match facts.team {
        Some(team) if team != caller.team => return Access::None,
        None => {
            return if matches!(caller.role, AuthorRole::Supporter | AuthorRole::Coordinator) {
                Access::Write
            } else {
                Access::None
            };
        }
        Some(_) => {}
    }
    match caller.role {
        AuthorRole::Coordinator => Access::Write,
        AuthorRole::Supporter if facts.assigned => Access::Write,
        AuthorRole::Supporter => Access::None,
        AuthorRole::Resident => resident_access(caller.resident, resident, doc.kind()),
    }
}

/// Whether `caller` may record `author` in a change it sends:
/// - the words were typed on the caller's own device (`author.device`);
/// - a resident's device speaks only as the resident, recorded on it;
/// - a team member's device speaks as a team member no higher than its own
///   role (a coordinator's phone keeps what it wrote while it was a
///   supporter's), or as the resident *recorded by* a team member of its own
///   role ("hand to resident" on a supporter's phone), never as the resident
///   unmarked.
#[must_use]
pub fn may_claim(caller: &Caller, author: &Author) -> bool {
    if author.device.parse::<DeviceId>().ok() != Some(caller.device) {
        return false;
    }
    match (caller.role, author.role, author.recorded_by) {
        (AuthorRole::Resident, AuthorRole::Resident, None) => true,
        (AuthorRole::Resident, _, _) => false,
        (team, AuthorRole::Resident, Some(recorder)) => {
            recorder != AuthorRole::Resident && rank(recorder) <= rank(team)
        }
        (_, AuthorRole::Resident, None) => false,
        (team, claimed, None) => rank(claimed) <= rank(team),
        (_, _, Some(_)) => false,
    }
}

/// A team role's standing: a coordinator may do what a supporter may.
fn rank(role: AuthorRole) -> u8 {
    match role {
        AuthorRole::Resident => 0,
        AuthorRole::Supporter => 1,
        AuthorRole::Coordinator => 2,
    }
}

/// A resident sees their own page, circle, story, check-ins and shared journal;
/// they edit all but the journal; they never see team-only notes.
fn resident_access(own: Option<ResidentId>, resident: ResidentId, kind: DocKind) -> Access {
    if own != Some(resident) {
        return Access::None;
    }
    match kind {
        DocKind::Page | DocKind::Circle | DocKind::Story | DocKind::Checkins => Access::Write,
        DocKind::Journal => Access::Read,
        DocKind::TeamNotes | DocKind::Directory => Access::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caller(role: AuthorRole, resident: Option<ResidentId>) -> Caller {
        Caller { device: DeviceId::random(), person: uuid::Uuid::new_v4(), team: TeamId::random(), role, resident }
    }

    #[test]
    fn a_resident_reads_their_journal_writes_their_page_and_never_sees_team_notes_or_others() {
        let me = ResidentId::random();
        let c = caller(AuthorRole::Resident, Some(me));
        let facts = ResidentFacts { team: Some(c.team), assigned: false };
        assert_eq!(access(&c, DocumentId::resident(me, DocKind::Page), facts), Access::Write);
        assert_eq!(access(&c, DocumentId::resident(me, DocKind::Journal), facts), Access::Read);
        assert_eq!(access(&c, DocumentId::resident(me, DocKind::TeamNotes), facts), Access::None);
        assert_eq!(access(&c, DocumentId::resident(ResidentId::random(), DocKind::Page), facts), Access::None);
        assert_eq!(access(&c, DocumentId::directory(c.team), facts), Access::None);
        // A resident can never create a new resident.
        assert_eq!(access(&c, DocumentId::resident(me, DocKind::Page), ResidentFacts::default()), Access::None);
    }

    #[test]
    fn a_supporter_writes_only_assigned_residents_of_their_team() {
        let c = caller(AuthorRole::Supporter, None);
        let doc = DocumentId::resident(ResidentId::random(), DocKind::TeamNotes);
        assert_eq!(access(&c, doc, ResidentFacts { team: Some(c.team), assigned: true }), Access::Write);
        assert_eq!(access(&c, doc, ResidentFacts { team: Some(c.team), assigned: false }), Access::None);
        assert_eq!(access(&c, doc, ResidentFacts { team: Some(TeamId::random()), assigned: true }), Access::None);
        assert_eq!(access(&c, doc, ResidentFacts::default()), Access::Write);
        assert_eq!(access(&c, DocumentId::directory(c.team), ResidentFacts::default()), Access::Write);
        assert_eq!(access(&c, DocumentId::directory(TeamId::random()), ResidentFacts::default()), Access::None);
    }

    #[test]
    fn a_device_claims_only_its_own_person_or_the_resident_as_recorded_by_its_role() {
        let supporter = caller(AuthorRole::Supporter, None);
        let mine = |role| Author::new(role, "someone", supporter.device);
        let recorded = |by| Author { recorded_by: Some(by), ..mine(AuthorRole::Resident) };
        assert!(may_claim(&supporter, &mine(AuthorRole::Supporter)));
        assert!(may_claim(&supporter, &recorded(AuthorRole::Supporter)), "hand to resident");
        assert!(!may_claim(&supporter, &mine(AuthorRole::Resident)), "the resident, unmarked");
        assert!(!may_claim(&supporter, &mine(AuthorRole::Coordinator)), "above its role");
        assert!(!may_claim(&supporter, &recorded(AuthorRole::Coordinator)));
        assert!(!may_claim(&supporter, &Author::new(AuthorRole::Supporter, "x", DeviceId::random())), "another device");
        let nonsense = Author { recorded_by: Some(AuthorRole::Supporter), ..mine(AuthorRole::Supporter) };
        assert!(!may_claim(&supporter, &nonsense));

        let coordinator = caller(AuthorRole::Coordinator, None);
        let theirs = |role| Author::new(role, "Chloe", coordinator.device);
        assert!(may_claim(&coordinator, &theirs(AuthorRole::Coordinator)));
        assert!(may_claim(&coordinator, &theirs(AuthorRole::Supporter)), "written before it became a coordinator's");
        let resident = caller(AuthorRole::Resident, Some(ResidentId::random()));
        let own = |role| Author::new(role, "Doreen", resident.device);
        assert!(may_claim(&resident, &own(AuthorRole::Resident)));
        assert!(!may_claim(&resident, &own(AuthorRole::Supporter)));
        assert!(!may_claim(
            &resident,
            &Author { recorded_by: Some(AuthorRole::Supporter), ..own(AuthorRole::Resident) }
        ));
    }

    #[test]
    fn a_coordinator_writes_every_resident_of_their_team_only() {
        let c = caller(AuthorRole::Coordinator, None);
        let doc = DocumentId::resident(ResidentId::random(), DocKind::Story);
        assert_eq!(access(&c, doc, ResidentFacts { team: Some(c.team), assigned: false }), Access::Write);
        assert_eq!(access(&c, doc, ResidentFacts { team: Some(TeamId::random()), assigned: true }), Access::None);
    }
}
