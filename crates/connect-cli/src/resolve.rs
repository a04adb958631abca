//! Turning what a person types (an id, a prefix, a name) into ids.

use anyhow::{Context, bail};
use connect_model::{ItemId, ResidentId};
use connect_store::{DocumentStore, ItemRow};

/// A resident by full id, unique id prefix, or unique name (case-insensitive).
pub(crate) fn resident(store: &impl DocumentStore, given: &str) -> anyhow::Result<ResidentId> {
    if let Ok(id) = given.parse::<ResidentId>() {
        return Ok(id);
    }
    let rows = store.caseload()?;
    let wanted = given.trim().to_lowercase();
    let exact: Vec<_> = rows.iter().filter(|r| r.preferred_name.to_lowercase() == wanted).collect();
    let starts: Vec<_> =
        rows.iter().filter(|r| !wanted.is_empty() && r.preferred_name.to_lowercase().starts_with(&wanted)).collect();
    let id_prefix: Vec<_> =
        rows.iter().filter(|r| !wanted.is_empty() && r.resident.to_string().starts_with(&wanted)).collect();
    // The most specific reading wins: a whole name, then the start of a name, then an id prefix.
    let matches = [exact, starts, id_prefix].into_iter().find(|m| !m.is_empty()).unwrap_or_default();
    match matches.as_slice() {
        [one] => Ok(one.resident),
        [] => bail!("no resident matches {given:?}; `connect resident list` shows who is on this device"),
        many => bail!(
            "{given:?} matches {} residents ({}); use the id",
            many.len(),
            many.iter().map(|r| format!("{} {}", r.preferred_name, r.resident)).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// An item of `section` by full id or unique id prefix.
pub(crate) fn item(items: &[ItemRow], section: &str, given: &str) -> anyhow::Result<ItemId> {
    if let Ok(id) = given.parse::<ItemId>() {
        return Ok(id);
    }
    let wanted = given.trim().to_lowercase();
    let matches: Vec<_> = items
        .iter()
        .filter(|i| i.section == section && !wanted.is_empty() && i.item_id.to_string().starts_with(&wanted))
        .collect();
    match matches.as_slice() {
        [one] => Ok(one.item_id),
        [] => bail!("no {section} with id {given:?}; `connect show RESIDENT` lists them"),
        _ => bail!("{given:?} matches several {section}s; give more of the id"),
    }
}

/// Splits a comma list, keeping empty places as `None` (skipped answers).
pub(crate) fn comma_list(given: &str, expected: usize, what: &str) -> anyhow::Result<Vec<Option<String>>> {
    let parts: Vec<Option<String>> =
        given.split(',').map(|p| Some(p.trim().to_owned()).filter(|p| !p.is_empty())).collect();
    if parts.len() != expected {
        bail!("{what} needs {expected} comma-separated answers (leave one empty to skip it), got {}", parts.len());
    }
    Ok(parts)
}

/// Parses `AREA=rating,AREA=rating`.
pub(crate) fn pairs(given: &str) -> anyhow::Result<Vec<(String, String)>> {
    given
        .split(',')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').context("life map entries look like AREA=red")?;
            Ok((k.trim().to_owned(), v.trim().to_owned()))
        })
        .collect()
}
