//! Who changed a document, and when: read from the document's own Automerge
//! history. Each change carries its author's actor id (which names the device),
//! its time and a message naming the operation (never resident text).

use automerge::Automerge;

use crate::{DeviceId, Timestamp};

/// One change in a document's history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::{self, Category};
    use crate::test_support::ctx;
    use crate::{ResidentId, actor_for};

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
}
