//! Who changed a document, and when: read from the document's own Automerge
//! history. Each change carries its author's actor id (which names the device),
//! its time and a message naming the operation (never resident text).
//!
//! The audit trail of a resident joins two views of the same changes: the
//! documents' own history on this device, and the relay's accepted-change log,
//! which knows the person behind each device (as the relay authenticated
//! them) and when it accepted each change. A change only on this device is
//! shown as such; a change the relay holds that this device does not is shown
//! from the relay's record.

use std::collections::BTreeMap;

use automerge::Automerge;

use crate::{AuthorRole, DeviceId, DocKind, Timestamp};

/// One change in a document's history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ChangeRecord {
    /// When the change was made (to the second), by the device's clock.
    pub at: Timestamp,
    /// The device that made it, if it was made by this app.
    pub device: Option<DeviceId>,
    /// What was done ("add offer", "change story consent").
    pub what: String,
    /// The change's hash, hex.
    pub hash: String,
}

/// Every change of `doc`, oldest first.
#[must_use]
pub fn history(doc: &Automerge) -> Vec<ChangeRecord> {
    let mut out: Vec<ChangeRecord> = doc
        .get_changes(&[])
        .iter()
        .map(|c| ChangeRecord {
            at: Timestamp::from_millis(c.timestamp().saturating_mul(1000)),
            device: crate::device_of_actor(c.actor_id()),
            what: c.message().unwrap_or_default().to_owned(),
            hash: c.hash().to_string(),
        })
        .collect();
    out.sort_by(|a, b| a.at.cmp(&b.at).then(a.hash.cmp(&b.hash)));
    out
}

/// How many things a person did in `doc` since `since` (the heads the relay
/// acknowledged; empty for a document it never had): one per change, for a
/// change is one edit (an offer added, a note written), except that making a
/// resident's documents counts once, at their page, not once per document.
#[must_use]
pub fn things_done_since(doc: &Automerge, kind: DocKind, since: &[automerge::ChangeHash]) -> usize {
    doc.get_changes(since)
        .iter()
        .filter(|c| kind == DocKind::Page || c.message() != Some(crate::document::CREATE_MESSAGE))
        .count()
}

/// What the relay says about one change it holds: the change as the device
/// made it, who sent it (as the relay authenticated them) and when it was
/// accepted. The relay's half of the audit trail, and its wire form.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AcceptedRecord {
    /// Which of the resident's documents.
    pub kind: DocKind,
    /// The change's hash, hex.
    pub hash: String,
    /// The operation ("add offer").
    pub what: String,
    /// When the device says it made the change.
    pub made_at: Timestamp,
    /// The device that made it.
    pub device: Option<DeviceId>,
    /// That device's name, as enrolled.
    pub device_name: Option<String>,
    /// The person the device belongs to.
    pub person: Option<String>,
    /// Their role.
    pub role: Option<AuthorRole>,
    /// When the relay accepted it (absent for changes from before the log).
    pub accepted_at: Option<Timestamp>,
}

/// A person behind a device, as far as this device knows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KnownDevice {
    /// Their name.
    pub person: String,
    /// Their role.
    pub role: AuthorRole,
    /// The device's name.
    pub device_name: String,
}

/// One line of a resident's audit trail: who (person, device) changed what, when.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AuditEntry {
    /// Which document.
    pub kind: DocKind,
    /// The operation.
    pub what: String,
    /// When the change was made (the device's clock).
    pub made_at: Timestamp,
    /// The device.
    pub device: Option<DeviceId>,
    /// The person, when known.
    pub person: Option<String>,
    /// Their role, when known.
    pub role: Option<AuthorRole>,
    /// The device's name, when known.
    pub device_name: Option<String>,
    /// Whether the relay holds the change.
    pub on_relay: bool,
    /// When the relay accepted it, when known.
    pub accepted_at: Option<Timestamp>,
    /// The change's hash, hex.
    pub hash: String,
}

/// Joins this device's history of each document (`local`) with the relay's
/// records (`relay`, empty when the relay could not be asked), naming people
/// from the relay's records and from `known` (at least this device itself).
/// One entry per change, oldest first.
#[must_use]
pub fn audit_trail(
    local: &[(DocKind, Vec<ChangeRecord>)],
    relay: &[AcceptedRecord],
    known: &BTreeMap<DeviceId, KnownDevice>,
) -> Vec<AuditEntry> {
    let mut people = known.clone();
    for r in relay {
        if let (Some(device), Some(person), Some(role)) = (r.device, &r.person, r.role) {
            people.entry(device).or_insert_with(|| KnownDevice {
                person: person.clone(),
                role,
                device_name: r.device_name.clone().unwrap_or_default(),
            });
        }
    }
    let name = |device: Option<DeviceId>| device.and_then(|d| people.get(&d));
    let mut by_hash: BTreeMap<String, AuditEntry> = BTreeMap::new();
    for r in relay {
        let known = name(r.device);
        by_hash.insert(
            r.hash.clone(),
            AuditEntry {
                kind: r.kind,
                what: r.what.clone(),
                made_at: r.made_at,
                device: r.device,
                person: r.person.clone().or_else(|| known.map(|k| k.person.clone())),
                role: r.role.or_else(|| known.map(|k| k.role)),
                device_name: r.device_name.clone().or_else(|| known.map(|k| k.device_name.clone())),
                on_relay: true,
                accepted_at: r.accepted_at,
                hash: r.hash.clone(),
            },
        );
    }
    for (kind, changes) in local {
        for c in changes {
            by_hash.entry(c.hash.clone()).or_insert_with(|| {
                let known = name(c.device);
                AuditEntry {
                    kind: *kind,
                    what: c.what.clone(),
                    made_at: c.at,
                    device: c.device,
                    person: known.map(|k| k.person.clone()),
                    role: known.map(|k| k.role),
                    device_name: known.map(|k| k.device_name.clone()),
                    on_relay: false,
                    accepted_at: None,
                    hash: c.hash.clone(),
                }
            });
        }
    }
    let mut out: Vec<AuditEntry> = by_hash.into_values().collect();
    out.sort_by(|a, b| a.made_at.cmp(&b.made_at).then(a.kind.cmp(&b.kind)).then(a.hash.cmp(&b.hash)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::{self, Category};
    use crate::test_support::ctx;
    use crate::{AuthorRole, ResidentId, actor_for};

    #[test]
    fn things_done_count_edits_and_a_new_resident_once_not_documents_or_changes_already_sent() {
        let actor = actor_for(DeviceId::random(), 1);
        let r = ResidentId::random();
        let mut page_doc = page::create(&actor, r, "Doreen", &ctx(0)).unwrap();
        let circle_doc = crate::circle::create(&actor, r, &ctx(0)).unwrap();
        assert_eq!(things_done_since(&page_doc, DocKind::Page, &[]), 1, "a new resident is one thing done");
        assert_eq!(things_done_since(&circle_doc, DocKind::Circle, &[]), 0, "and their other documents none");
        page::add_offer(&mut page_doc, &ctx(1), "curry", Category::Caring).unwrap();
        page::add_offer(&mut page_doc, &ctx(2), "company", Category::Company).unwrap();
        assert_eq!(things_done_since(&page_doc, DocKind::Page, &[]), 3);
        let sent = page_doc.get_heads();
        assert_eq!(things_done_since(&page_doc, DocKind::Page, &sent), 0, "nothing since the relay had it");
        page::add_offer(&mut page_doc, &ctx(3), "bus routes", Category::Knowledge).unwrap();
        assert_eq!(things_done_since(&page_doc, DocKind::Page, &sent), 1);
    }

    #[test]
    fn history_names_device_time_and_operation_but_no_text() {
        let device = DeviceId::random();
        let mut doc = page::create(&actor_for(device, 1), ResidentId::random(), "Doreen", &ctx(0)).unwrap();
        page::add_offer(&mut doc, &ctx(2), "a secret recipe", Category::Caring).unwrap();
        let h = history(&doc);
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].what, "create");
        assert_eq!(h[1].what, "add offer");
        assert!(h.iter().all(|c| c.device == Some(device)));
        assert_eq!(h[1].at.millis(), ctx(2).now.millis() / 1000 * 1000);
        assert!(h.iter().all(|c| !c.what.contains("secret")));
    }

    #[test]
    fn the_audit_trail_names_people_from_the_relay_and_marks_what_only_this_device_holds() {
        let mine = DeviceId::random();
        let theirs = DeviceId::random();
        let resident = ResidentId::random();
        let mut doc = page::create(&actor_for(mine, 1), resident, "Doreen", &ctx(0)).unwrap();
        let mut other = doc.fork().with_actor(actor_for(theirs, 1));
        page::add_offer(&mut other, &ctx(5), "gardening", Category::Practical).unwrap();
        doc.merge(&mut other).unwrap();
        page::add_ask(&mut doc, &ctx(9), "a lift to the market", Category::Practical).unwrap();
        let local = vec![(DocKind::Page, history(&doc))];
        assert_eq!(local[0].1.len(), 3);

        // The relay accepted the first two changes; the ask is still only here.
        let relay: Vec<AcceptedRecord> = local[0].1[..2]
            .iter()
            .map(|c| AcceptedRecord {
                kind: DocKind::Page,
                hash: c.hash.clone(),
                what: c.what.clone(),
                made_at: c.at,
                device: c.device,
                device_name: Some(if c.device == Some(mine) { "Amara's phone" } else { "Ben's tablet" }.into()),
                person: Some(if c.device == Some(mine) { "Amara" } else { "Ben" }.into()),
                role: Some(AuthorRole::Supporter),
                accepted_at: Some(ctx(20).now),
            })
            .collect();
        let me = BTreeMap::from([(
            mine,
            KnownDevice { person: "Amara".into(), role: AuthorRole::Supporter, device_name: "this phone".into() },
        )]);
        let trail = audit_trail(&local, &relay, &me);
        let lines: Vec<(&str, Option<&str>, bool)> =
            trail.iter().map(|e| (e.what.as_str(), e.person.as_deref(), e.on_relay)).collect();
        assert_eq!(
            lines,
            [("create", Some("Amara"), true), ("add offer", Some("Ben"), true), ("add ask", Some("Amara"), false)]
        );
        assert_eq!(trail[1].device_name.as_deref(), Some("Ben's tablet"));
        assert_eq!(trail[2].accepted_at, None);

        // Offline, the same changes are listed; only this device's own are named.
        let offline = audit_trail(&local, &[], &me);
        let names: Vec<Option<&str>> = offline.iter().map(|e| e.person.as_deref()).collect();
        assert_eq!(names, [Some("Amara"), None, Some("Amara")]);
        assert!(offline.iter().all(|e| !e.on_relay));

        // A change the relay holds but this device does not is still listed.
        let mut extra = relay[0].clone();
        extra.hash = "ff".repeat(32);
        extra.kind = DocKind::TeamNotes;
        assert_eq!(audit_trail(&local, &[relay, vec![extra]].concat(), &me).len(), 4);
    }
}
