//! Shared machinery for every document kind: the skeleton every document
//! starts with, edit transactions, keyed item maps and collaborative text.
//!
//! Every document's root holds `schema`, `kind` and `owner`, then the maps for
//! its collections. Collections are Automerge maps keyed by item id with an
//! explicit `order` field, never lists of structs: list elements have no stable
//! identity, so concurrent insert and remove corrupt them, while map keys merge
//! cleanly. Nothing is deleted: "remove" sets `archived`, so a concurrent edit
//! to a removed item still lands.

use std::collections::BTreeMap;

use automerge::transaction::{CommitOptions, Transactable, Transaction};
use automerge::{ActorId, Automerge, ObjId, ObjType, ROOT, ReadDoc, Value};
use autosurgeon::reconcile::MapReconciler;
use autosurgeon::{Hydrate, HydrateError, Reconcile, Reconciler, Text};

use crate::ids::{DocKind, ItemId};
use crate::{EditContext, ModelError, Result};

/// The document schema this build writes and the newest it can read.
pub const SCHEMA_VERSION: u64 = 1;

/// The message of the change that creates a document.
pub(crate) const CREATE_MESSAGE: &str = "create";

/// Creates a new document of `kind` for `owner`, authored by `actor`, with the
/// maps named in `collections` and whatever `fill` adds, in one change.
pub(crate) fn create(
    actor: &ActorId,
    kind: DocKind,
    owner: uuid::Uuid,
    ctx: &EditContext,
    collections: &[&str],
    fill: impl FnOnce(&mut Transaction<'_>) -> Result<()>,
) -> Result<Automerge> {
    let mut doc = Automerge::new().with_actor(actor.clone());
    edit(&mut doc, ctx, CREATE_MESSAGE, |tx| {
        tx.put(ROOT, "schema", SCHEMA_VERSION)?;
        tx.put(ROOT, "kind", kind.as_str())?;
        tx.put(ROOT, "owner", owner.hyphenated().to_string())?;
        tx.put(ROOT, "created_at", automerge::ScalarValue::Timestamp(ctx.now.millis()))?;
        for name in collections {
            tx.put_object(ROOT, *name, ObjType::Map)?;
        }
        fill(tx)
    })?;
    Ok(doc)
}

/// Fields a type writes into a map it shares with other fields, since
/// autosurgeon has no `flatten`: a page item's kind-specific fields beside
/// the ones every item has, an introduction's proposal beside its answer.
/// Its derived `Hydrate` reads them back from the same map.
pub trait MapFields: Hydrate {
    /// Puts each field into `map`.
    fn put_fields<M: MapReconciler>(&self, map: &mut M) -> std::result::Result<(), M::Error>;
}

/// Runs `f` as one Automerge change stamped with the edit's time. The message
/// names the operation only: messages travel to the relay and its logs, so they
/// never carry resident text.
pub(crate) fn edit<O>(
    doc: &mut Automerge,
    ctx: &EditContext,
    message: &str,
    f: impl FnOnce(&mut Transaction<'_>) -> Result<O>,
) -> Result<O> {
    let options =
        CommitOptions::default().with_message(message.to_owned()).with_time(ctx.now.millis().div_euclid(1000));
    doc.transact_with(|_| options, f).map(|ok| ok.result).map_err(|failure| failure.error)
}

/// Checks that `doc` is a document of `kind` that this build can read.
pub fn check_kind(doc: &Automerge, kind: DocKind) -> Result<()> {
    let found = match doc.get(ROOT, "kind")? {
        Some((Value::Scalar(s), _)) => s.as_str().map(str::to_owned),
        _ => None,
    };
    if found.as_deref() != Some(kind.as_str()) {
        return Err(ModelError::WrongShape {
            expected: kind.as_str(),
            detail: format!("its kind is {}", found.as_deref().unwrap_or("missing")),
        });
    }
    let schema = match doc.get(ROOT, "schema")? {
        Some((Value::Scalar(s), _)) => s.as_u64().or_else(|| s.as_i64().and_then(|i| u64::try_from(i).ok())),
        _ => None,
    };
    match schema {
        Some(v) if v > SCHEMA_VERSION => Err(ModelError::NewerSchema { found: v, supported: SCHEMA_VERSION }),
        Some(_) => Ok(()),
        None => Err(ModelError::WrongShape { expected: kind.as_str(), detail: "no schema version".into() }),
    }
}

/// Reads the document's kind, for code that receives documents it did not create.
pub fn kind_of(doc: &Automerge) -> Option<DocKind> {
    match doc.get(ROOT, "kind").ok()?? {
        (Value::Scalar(s), _) => s.as_str()?.parse().ok(),
        _ => None,
    }
}

/// Hydrates the whole document as `T` after checking its kind.
pub(crate) fn read<T: Hydrate>(doc: &Automerge, kind: DocKind) -> Result<T> {
    check_kind(doc, kind)?;
    Ok(autosurgeon::hydrate(doc)?)
}

/// The map at `ROOT[name]`.
pub(crate) fn collection<D: ReadDoc>(doc: &D, name: &'static str, kind: DocKind) -> Result<ObjId> {
    match doc.get(ROOT, name)? {
        Some((Value::Object(ObjType::Map), id)) => Ok(id),
        _ => {
            Err(ModelError::WrongShape { expected: kind.as_str(), detail: format!("the {name} collection is missing") })
        }
    }
}

/// The object of item `id` in `map`, or an `UnknownItem` error naming `what`.
pub(crate) fn item<D: ReadDoc>(doc: &D, map: &ObjId, id: ItemId, what: &'static str) -> Result<ObjId> {
    match doc.get(map, id.to_string())? {
        Some((Value::Object(ObjType::Map), obj)) => Ok(obj),
        _ => Err(ModelError::UnknownItem { kind: what, id: id.to_string() }),
    }
}

/// Writes a new item under its id.
pub(crate) fn insert_item<T: Reconcile>(tx: &mut Transaction<'_>, map: &ObjId, id: ItemId, value: &T) -> Result<()> {
    autosurgeon::reconcile_prop(tx, map, id.to_string().as_str(), value)?;
    Ok(())
}

/// Sets one field of an item, leaving the others untouched so concurrent edits
/// to other fields merge.
pub(crate) fn set_field<T: Reconcile>(tx: &mut Transaction<'_>, obj: &ObjId, field: &str, value: T) -> Result<()> {
    autosurgeon::reconcile_prop(tx, obj, field, value)?;
    Ok(())
}

/// Replaces the collaborative text at `obj[field]` with `value` as a minimal set
/// of splices, so a concurrent edit elsewhere in the text survives.
pub(crate) fn update_text(tx: &mut Transaction<'_>, obj: &ObjId, field: &str, value: &str) -> Result<()> {
    match tx.get(obj, field)? {
        Some((Value::Object(ObjType::Text), text)) => tx.update_text(&text, value)?,
        _ => {
            let text = tx.put_object(obj, field, ObjType::Text)?;
            tx.splice_text(&text, 0, 0, value)?;
        }
    }
    Ok(())
}

/// Every map at `ROOT[name]`: one, or several if devices added it at once.
pub(crate) fn root_maps<D: ReadDoc>(doc: &D, name: &str) -> Result<Vec<ObjId>> {
    Ok(doc
        .get_all(ROOT, name)?
        .into_iter()
        .filter_map(|(v, id)| matches!(v, Value::Object(ObjType::Map)).then_some(id))
        .collect())
}

/// The map edits write to at `ROOT[name]`, added if the document has none.
pub(crate) fn root_map_for_writing(tx: &mut Transaction<'_>, name: &str) -> Result<ObjId> {
    match tx.get(ROOT, name)? {
        Some((Value::Object(ObjType::Map), id)) => Ok(id),
        _ => Ok(tx.put_object(ROOT, name, ObjType::Map)?),
    }
}

/// Every entry of every map at `ROOT[name]`, hydrated as `T`; a key found
/// in two maps (it never is, as ids are random) is read once.
pub(crate) fn root_entries<T: Hydrate>(doc: &Automerge, name: &str) -> Result<BTreeMap<String, T>> {
    let mut out = BTreeMap::new();
    for map in root_maps(doc, name)? {
        for key in doc.keys(&map) {
            if let std::collections::btree_map::Entry::Vacant(slot) = out.entry(key) {
                let value: T = autosurgeon::hydrate_prop(doc, &map, slot.key().as_str())?;
                slot.insert(value);
            }
        }
    }
    Ok(out)
}

/// The next free order value in a collection: one past the largest.
pub(crate) fn next_order<D: ReadDoc>(doc: &D, map: &ObjId) -> Result<f64> {
    let mut max = 0.0_f64;
    for entry in doc.map_range(map, ..) {
        if let Some((Value::Scalar(s), _)) = doc.get(entry.id(), "order")? {
            if let automerge::ScalarValue::F64(v) = s.as_ref() {
                max = max.max(*v);
            } else if let Some(i) = s.as_i64() {
                #[allow(clippy::cast_precision_loss)]
                let as_float = i as f64;
                max = max.max(as_float);
            }
        }
    }
    Ok(max + 1.0)
}

/// Collaborative text: an Automerge text object whose concurrent edits merge
/// character by character. Reads also accept a plain string, which other
/// implementations may write.
#[derive(Clone, Default)]
pub struct CollabText(Text);

impl CollabText {
    /// The current text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl From<&str> for CollabText {
    fn from(s: &str) -> Self {
        Self(Text::with_value(s))
    }
}

impl From<String> for CollabText {
    fn from(s: String) -> Self {
        Self(Text::with_value(s))
    }
}

impl std::ops::Deref for CollabText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for CollabText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for CollabText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for CollabText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for CollabText {}

impl serde::Serialize for CollabText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for CollabText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        String::deserialize(d).map(Self::from)
    }
}

impl Reconcile for CollabText {
    type Key<'a> = autosurgeon::reconcile::NoKey;

    fn reconcile<R: Reconciler>(&self, reconciler: R) -> std::result::Result<(), R::Error> {
        self.0.reconcile(reconciler)
    }
}

impl Hydrate for CollabText {
    fn hydrate_text<D: autosurgeon::ReadDoc>(doc: &D, obj: &ObjId) -> std::result::Result<Self, HydrateError> {
        Text::hydrate_text(doc, obj).map(Self)
    }

    fn hydrate_string(s: &str) -> std::result::Result<Self, HydrateError> {
        Ok(Self::from(s))
    }
}

/// Sorts items by their order field, then by id so every replica agrees on ties.
pub(crate) fn sorted_by_order<T>(items: impl IntoIterator<Item = T>, key: impl Fn(&T) -> (f64, ItemId)) -> Vec<T> {
    let mut v: Vec<T> = items.into_iter().collect();
    v.sort_by(|a, b| {
        let (oa, ia) = key(a);
        let (ob, ib) = key(b);
        oa.total_cmp(&ob).then(ia.cmp(&ib))
    });
    v
}
