//! The team directory: places that welcome people ("magnetic pull") and small
//! practical helpers, plus the team's own life map areas when it replaces the
//! defaults. One document per team.

use std::collections::BTreeMap;

use automerge::{ActorId, Automerge, ROOT};
use autosurgeon::{Hydrate, Reconcile};

use crate::document::{self, CollabText};
use crate::ids::{DocKind, ItemId, TeamId};
use crate::limits::{self, ITEM_MAX, LONG_TEXT_MAX, NAME_MAX};
use crate::measures::DEFAULT_LIFE_AREAS;
use crate::string_enum::string_enum;
use crate::{Author, EditContext, Result, Timestamp};

string_enum! {
    /// What a directory entry is.
    EntryKind, "directory entry kind" {
        /// A place that welcomes people: a library, a café, a lunch club.
        Place => "place",
        /// A small practical helper: a handyperson, an adaptations team.
        Helper => "helper",
    }
}

/// One place or helper.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate, serde::Serialize, serde::Deserialize)]
pub struct DirectoryEntry {
    /// Stable id.
    pub id: ItemId,
    /// Name.
    pub name: String,
    /// Place or helper.
    pub kind: EntryKind,
    /// What it offers, how to get there, who to ask for.
    pub description: CollabText,
    /// How to reach them (phone, address, opening times).
    pub contact: String,
    /// Words that help matching ("ramp", "adaptations", "market").
    pub tags: String,
    /// When it was added.
    pub created_at: Timestamp,
    /// Who added it.
    pub author: Author,
    /// No longer listed; still kept.
    pub archived: bool,
}

/// A team life map area.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, serde::Serialize, serde::Deserialize)]
pub struct Area {
    /// The label shown to residents.
    pub label: String,
    /// Position.
    pub order: i64,
    /// No longer asked about.
    pub archived: bool,
}

#[derive(Hydrate)]
struct DirectoryDoc {
    owner: TeamId,
    entries: BTreeMap<String, DirectoryEntry>,
    life_areas: BTreeMap<String, Area>,
    /// The short check-in's question keys, space-separated (one value, last
    /// writer wins: a team setting, not a list to merge).
    #[autosurgeon(missing = "Default::default")]
    short_checkin: String,
    /// Days without a contact before the Today screen lists a resident as
    /// not seen for a while (0: the default). One value, last writer wins.
    #[autosurgeon(missing = "Default::default")]
    not_seen_days: u64,
}

/// The team directory, read from its document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Directory {
    /// Whose directory.
    pub team: TeamId,
    /// Entries by name.
    pub entries: Vec<DirectoryEntry>,
    /// The life map areas in force: the team's, or the defaults.
    pub life_areas: Vec<(String, String)>,
    /// The questions the team picked for the short check-in (their keys;
    /// empty: the default four, [`crate::questions::DEFAULT_SHORT_CHECKIN`]).
    #[serde(default)]
    pub short_checkin: Vec<String>,
    /// Days without a contact before the Today screen lists a resident as not
    /// seen for a while ([`crate::today::DEFAULT_NOT_SEEN_DAYS`] unless the team said).
    #[serde(default = "default_not_seen_days")]
    pub not_seen_days: u32,
}

fn default_not_seen_days() -> u32 {
    crate::today::DEFAULT_NOT_SEEN_DAYS
}

impl Directory {
    /// Entries whose name, description or tags contain every word of `query`.
    #[must_use]
    pub fn search(&self, query: &str) -> Vec<&DirectoryEntry> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        self.entries
            .iter()
            .filter(|e| !e.archived)
            .filter(|e| {
                let hay = format!("{} {} {}", e.name, e.description.as_str(), e.tags).to_lowercase();
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .collect()
    }
}

impl Directory {
    /// Entries that might help with `ask`: those sharing a meaningful word
    /// with it in their name, description or tags, most shared words first,
    /// each with the words shared.
    #[must_use]
    pub fn suggest_for(&self, ask: &str) -> Vec<(&DirectoryEntry, Vec<String>)> {
        let mut out: Vec<(&DirectoryEntry, Vec<String>)> = self
            .entries
            .iter()
            .filter(|e| !e.archived)
            .map(|e| {
                (e, crate::matching::shared_words(ask, &format!("{} {} {}", e.name, e.description.as_str(), e.tags)))
            })
            .filter(|(_, shared)| !shared.is_empty())
            .collect();
        out.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.name.cmp(&b.0.name)));
        out
    }
}

const KIND: DocKind = DocKind::Directory;

/// Creates an empty directory for a team.
pub fn create(actor: &ActorId, team: TeamId, ctx: &EditContext) -> Result<Automerge> {
    document::create(actor, KIND, team.uuid(), ctx, &["entries", "life_areas"], |_| Ok(()))
}

/// Reads the directory.
pub fn read(doc: &Automerge) -> Result<Directory> {
    let raw: DirectoryDoc = document::read(doc, KIND)?;
    let mut entries: Vec<DirectoryEntry> = raw.entries.into_values().collect();
    entries.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.id.cmp(&b.id)));
    let mut areas: Vec<(String, Area)> = raw.life_areas.into_iter().filter(|(_, a)| !a.archived).collect();
    areas.sort_by(|(ka, a), (kb, b)| a.order.cmp(&b.order).then(ka.cmp(kb)));
    let life_areas = if areas.is_empty() {
        DEFAULT_LIFE_AREAS.iter().map(|a| (a.key.to_owned(), a.label.to_owned())).collect()
    } else {
        areas.into_iter().map(|(k, a)| (k, a.label)).collect()
    };
    let short_checkin = raw.short_checkin.split_whitespace().map(str::to_owned).collect();
    let not_seen_days = match u32::try_from(raw.not_seen_days) {
        Ok(0) | Err(_) => default_not_seen_days(),
        Ok(days) => days,
    };
    Ok(Directory { team: raw.owner, entries, life_areas, short_checkin, not_seen_days })
}

/// A new place or helper.
#[derive(Debug, Clone)]
pub struct NewEntry<'a> {
    /// Name.
    pub name: &'a str,
    /// Place or helper.
    pub kind: EntryKind,
    /// Description.
    pub description: &'a str,
    /// Contact details.
    pub contact: &'a str,
    /// Matching words.
    pub tags: &'a str,
}

/// Adds a place or helper; returns its id.
pub fn add_entry(doc: &mut Automerge, ctx: &EditContext, new: &NewEntry<'_>) -> Result<ItemId> {
    let name = limits::required("name", new.name, NAME_MAX)?;
    let description = limits::optional("description", new.description, LONG_TEXT_MAX)?;
    let contact = limits::optional("contact", new.contact, ITEM_MAX)?;
    let tags = limits::optional("tags", new.tags, ITEM_MAX)?;
    document::check_kind(doc, KIND)?;
    let id = ItemId::random();
    document::edit(doc, ctx, "add directory entry", |tx| {
        let map = document::collection(tx, "entries", KIND)?;
        let entry = DirectoryEntry {
            id,
            name,
            kind: new.kind,
            description: description.into(),
            contact,
            tags,
            created_at: ctx.now,
            author: ctx.author.clone(),
            archived: false,
        };
        document::insert_item(tx, &map, id, &entry)?;
        Ok(id)
    })
}

/// The most questions a short check-in may have.
pub const SHORT_CHECKIN_MAX: usize = 6;

/// Sets the team's short check-in: the questions named by `keys`
/// ([`crate::questions::Question::key`]), one to [`SHORT_CHECKIN_MAX`].
pub fn set_short_checkin(doc: &mut Automerge, ctx: &EditContext, keys: &[String]) -> Result<()> {
    let known = keys.iter().all(|k| crate::questions::Question::from_key(k).is_some());
    if keys.is_empty() || keys.len() > SHORT_CHECKIN_MAX || !known {
        return Err(crate::ModelError::Invalid {
            what: "short check-in",
            value: keys.join(" "),
            hint: format!("pick from 1 to {SHORT_CHECKIN_MAX} of the check-in's questions"),
        });
    }
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, "set short check-in", |tx| document::set_field(tx, &ROOT, "short_checkin", keys.join(" ")))
}

/// The longest "not seen for a while" a team may set, in days (a year).
pub const NOT_SEEN_DAYS_MAX: u32 = 365;

/// Sets how many days without a contact the Today screen calls "a while":
/// 1 to [`NOT_SEEN_DAYS_MAX`].
pub fn set_not_seen_days(doc: &mut Automerge, ctx: &EditContext, days: u32) -> Result<()> {
    if !(1..=NOT_SEEN_DAYS_MAX).contains(&days) {
        return Err(crate::ModelError::Invalid {
            what: "days before 'not seen for a while'",
            value: days.to_string(),
            hint: format!("a number of days from 1 to {NOT_SEEN_DAYS_MAX}"),
        });
    }
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, "set not seen days", |tx| document::set_field(tx, &ROOT, "not_seen_days", u64::from(days)))
}

/// Replaces the life map areas with the team's own list (labels in order).
/// Earlier areas are archived, so old check-ins still name them.
pub fn set_life_areas(doc: &mut Automerge, ctx: &EditContext, labels: &[&str]) -> Result<()> {
    let labels: Vec<String> =
        labels.iter().map(|l| limits::required("life area", l, NAME_MAX)).collect::<Result<_>>()?;
    document::check_kind(doc, KIND)?;
    document::edit(doc, ctx, "set life areas", |tx| {
        let map = document::collection(tx, "life_areas", KIND)?;
        let existing: Vec<String> = automerge::ReadDoc::keys(tx, &map).collect();
        for key in existing {
            let Some((automerge::Value::Object(_), obj)) = automerge::ReadDoc::get(tx, &map, key.as_str())? else {
                continue;
            };
            document::set_field(tx, &obj, "archived", true)?;
        }
        for (i, label) in labels.iter().enumerate() {
            let area = Area { label: label.clone(), order: i64::try_from(i).unwrap_or(i64::MAX), archived: false };
            document::insert_item(tx, &map, ItemId::random(), &area)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{ctx, supporter_actor};

    #[test]
    fn search_finds_entries_by_any_field() {
        let mut doc = create(&supporter_actor(), TeamId::random(), &ctx(0)).unwrap();
        let new = NewEntry {
            name: "Council adaptations team",
            kind: EntryKind::Helper,
            description: "Ramps, rails and grab bars",
            contact: "0208 000 0000",
            tags: "ramp disability home",
        };
        add_entry(&mut doc, &ctx(1), &new).unwrap();
        let dir = read(&doc).unwrap();
        assert_eq!(dir.search("ramp").len(), 1);
        assert_eq!(dir.search("GRAB bars").len(), 1);
        assert!(dir.search("library").is_empty());
        let suggested = dir.suggest_for("Could you help me with a ramp for the front step?");
        assert_eq!(suggested.len(), 1);
        assert_eq!(suggested[0].1, ["ramp"]);
        assert!(dir.suggest_for("someone to talk to in the evenings").is_empty());
    }

    #[test]
    fn the_team_picks_its_short_check_in_from_the_questions_there_are() {
        let mut doc = create(&supporter_actor(), TeamId::random(), &ctx(0)).unwrap();
        assert!(read(&doc).unwrap().short_checkin.is_empty(), "the default until the team picks");
        assert_eq!(read(&doc).unwrap().not_seen_days, crate::today::DEFAULT_NOT_SEEN_DAYS);
        set_not_seen_days(&mut doc, &ctx(1), 28).unwrap();
        assert_eq!(read(&doc).unwrap().not_seen_days, 28);
        assert!(set_not_seen_days(&mut doc, &ctx(1), 0).is_err() && set_not_seen_days(&mut doc, &ctx(1), 400).is_err());
        assert_eq!(read(&doc).unwrap().not_seen_days, 28, "a refused number changes nothing");
        let picked: Vec<String> = ["loneliness", "ucla-left-out", "life-map:home"].map(String::from).to_vec();
        set_short_checkin(&mut doc, &ctx(1), &picked).unwrap();
        assert_eq!(read(&doc).unwrap().short_checkin, picked);
        for bad in [vec![], vec!["how are you".to_owned()], vec!["loneliness".to_owned(); SHORT_CHECKIN_MAX + 1]] {
            assert!(set_short_checkin(&mut doc, &ctx(2), &bad).is_err(), "{bad:?}");
        }
        assert_eq!(read(&doc).unwrap().short_checkin, picked, "a refused pick changes nothing");
    }

    #[test]
    fn life_areas_default_until_the_team_replaces_them() {
        let mut doc = create(&supporter_actor(), TeamId::random(), &ctx(0)).unwrap();
        assert_eq!(read(&doc).unwrap().life_areas.len(), DEFAULT_LIFE_AREAS.len());
        set_life_areas(&mut doc, &ctx(1), &["Home", "Friends"]).unwrap();
        let labels: Vec<_> = read(&doc).unwrap().life_areas.into_iter().map(|(_, l)| l).collect();
        assert_eq!(labels, ["Home", "Friends"]);
    }
}
