//! Turning what a person types (an id, the start of an id, a name) into the
//! resident, item or person in a circle it means, from the index. A reading
//! that fits nothing, or fits several, is refused in words that say which.

use connect_model::page::Section;
use connect_model::{DocKind, DocumentId, ItemId, ResidentId, circle};
use connect_store::DocumentStore;

use super::{Device, store_error};
use crate::DeviceError;
use crate::network::Network;

/// The words of a reading that fits several things.
fn several(given: &str, what: &str) -> DeviceError {
    DeviceError::refused(format!("\"{given}\" fits several {what}: give more of the id."))
}

/// The one id among `ids` starting with `given` (case-insensitive).
fn by_prefix<T: Copy + ToString>(ids: impl IntoIterator<Item = T>, given: &str) -> Vec<T> {
    let wanted = given.trim().to_lowercase();
    if wanted.is_empty() {
        return Vec::new();
    }
    ids.into_iter().filter(|id| id.to_string().starts_with(&wanted)).collect()
}

fn section_of(section: &str) -> Section {
    match section {
        "offer" => Section::Offers,
        "ask" => Section::Asks,
        _ => Section::Goals,
    }
}

impl<S: DocumentStore, N: Network> Device<S, N> {
    /// A resident by full id, unique start of an id, or unique name
    /// (case-insensitive). The most specific reading wins: a whole name, then
    /// the start of a name, then the start of an id.
    pub fn find_resident(&self, given: &str) -> Result<ResidentId, DeviceError> {
        if let Ok(id) = given.trim().parse::<ResidentId>() {
            return Ok(id);
        }
        let rows = self.caseload()?;
        let wanted = given.trim().to_lowercase();
        let named = |keep: &dyn Fn(&str) -> bool| -> Vec<_> {
            rows.iter().filter(|r| !wanted.is_empty() && keep(&r.preferred_name.to_lowercase())).collect()
        };
        let exact = named(&|name| name == wanted);
        let starts = named(&|name| name.starts_with(&wanted));
        let id_prefix: Vec<_> =
            rows.iter().filter(|r| !wanted.is_empty() && r.resident.to_string().starts_with(&wanted)).collect();
        let matches = [exact, starts, id_prefix].into_iter().find(|m| !m.is_empty()).unwrap_or_default();
        match matches.as_slice() {
            [one] => Ok(one.resident),
            [] => Err(DeviceError::refused(format!("No resident on this device matches \"{}\".", given.trim()))),
            many => Err(DeviceError::refused(format!(
                "\"{}\" matches {} residents ({}): use the id.",
                given.trim(),
                many.len(),
                many.iter().map(|r| format!("{} {}", r.preferred_name, r.resident)).collect::<Vec<_>>().join(", ")
            ))),
        }
    }

    /// An offer, ask or goal of `resident` by full id or unique start of an
    /// id, in `section` if given; answers which section it is in.
    pub fn find_item(
        &self,
        resident: ResidentId,
        section: Option<Section>,
        given: &str,
    ) -> Result<(Section, ItemId), DeviceError> {
        let items = self.with_store(|s| s.items(resident))?;
        let candidates = items.iter().filter(|i| section.is_none_or(|want| section_of(i.section) == want));
        let exact = given.trim().parse::<ItemId>().ok();
        let found: Vec<_> = match exact {
            Some(id) => candidates.filter(|i| i.item_id == id).collect(),
            None => {
                let ids = by_prefix(candidates.clone().map(|i| i.item_id), given);
                candidates.filter(|i| ids.contains(&i.item_id)).collect()
            }
        };
        let what = section.map_or("offer, ask or goal", |s| match s {
            Section::Offers => "offer",
            Section::Asks => "ask",
            Section::Goals => "goal",
        });
        match found.as_slice() {
            [one] => Ok((section_of(one.section), one.item_id)),
            [] => Err(DeviceError::refused(format!("There is no {what} with the id \"{}\".", given.trim()))),
            _ => Err(several(given.trim(), &format!("{what}s"))),
        }
    }

    /// Someone (or somewhere) in `resident`'s circle by full id or unique
    /// start of an id.
    pub fn find_tie(&self, resident: ResidentId, given: &str) -> Result<ItemId, DeviceError> {
        let doc = self.with_store(|s| s.load(DocumentId::resident(resident, DocKind::Circle)))?;
        let ties: Vec<ItemId> =
            circle::read(&doc).map_err(|e| store_error(e.into()))?.ties.iter().map(|t| t.id).collect();
        let found = match given.trim().parse::<ItemId>() {
            Ok(id) => ties.into_iter().filter(|t| *t == id).collect(),
            Err(_) => by_prefix(ties, given),
        };
        match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(DeviceError::refused(format!("Nobody in the circle has an id starting \"{}\".", given.trim()))),
            _ => Err(several(given.trim(), "people in the circle")),
        }
    }

    /// One of `resident`'s promises (shared or team-only) by full id or
    /// unique start of an id; answers whether it is shared, and its id.
    pub fn find_promise(&self, resident: ResidentId, given: &str) -> Result<(bool, ItemId), DeviceError> {
        let promises = self.resident(resident)?.promises;
        let ids = match given.trim().parse::<ItemId>() {
            Ok(id) => promises.iter().map(|p| p.id).filter(|p| *p == id).collect(),
            Err(_) => by_prefix(promises.iter().map(|p| p.id), given),
        };
        match ids.as_slice() {
            [one] => Ok((promises.iter().any(|p| p.id == *one && p.shared), *one)),
            [] => Err(DeviceError::refused(format!("There is no promise with the id \"{}\".", given.trim()))),
            _ => Err(several(given.trim(), "promises")),
        }
    }
}
