//! The index tables: rows derived from documents, written with every save
//! ([`write_index`]) and read by the list screens and search, which never
//! load a document.

use connect_model::{DocumentId, ItemId, ResidentId, Timestamp};
use rusqlite::{Connection, Transaction, params};

use super::INDEX_TABLES;
use connect_model::promise::When;
use connect_model::today::PromiseRow;

use crate::index::{self, CaseloadRow, IndexRows, ItemRow, SearchHit, SyncStatus};
use crate::{Result, StoreError};

pub(super) fn write_index(tx: &Transaction<'_>, id: DocumentId, rows: &IndexRows) -> Result<()> {
    let key = id.to_string();
    delete_index(tx, &key)?;
    match rows {
        IndexRows::Page { resident, preferred_name, created_at, items, promises, next_visit, .. } => {
            write_page(tx, &key, *resident, preferred_name, *created_at, items)?;
            write_promises(tx, &key, promises)?;
            if let Some(plan) = next_visit {
                tx.prepare_cached("INSERT INTO idx_visit (doc_id, resident_id, plan) VALUES (?1, ?2, ?3)")?
                    .execute(params![key, resident.to_string(), to_json(plan)?])?;
            }
        }
        IndexRows::Circle { resident, summary, .. } => {
            let [i, f, p, e, pos] = summary.per_ring.map(|n| i64::try_from(n).unwrap_or(i64::MAX));
            tx.execute(
                "INSERT INTO idx_circle VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    key,
                    resident.to_string(),
                    i,
                    f,
                    p,
                    e,
                    pos,
                    i64::try_from(summary.in_circle).unwrap_or(i64::MAX),
                    i64::try_from(summary.two_way).unwrap_or(i64::MAX)
                ],
            )?;
        }
        IndexRows::Journal { resident, last_contact, promises, .. } => {
            write_promises(tx, &key, promises)?;
            tx.execute(
                "INSERT INTO idx_contact VALUES (?1, ?2, ?3)",
                params![key, resident.to_string(), last_contact.map(Timestamp::millis)],
            )?;
        }
        IndexRows::Checkins { resident, count, latest, .. } => {
            let l = latest.as_ref();
            tx.execute(
                "INSERT INTO idx_checkin VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    key,
                    resident.to_string(),
                    i64::try_from(*count).unwrap_or(i64::MAX),
                    l.map(|l| l.taken_at.millis()),
                    l.and_then(|l| l.loneliness).map(|x| x.as_str()),
                    l.and_then(|l| l.ucla3_total),
                    l.and_then(|l| l.ons4[0]),
                    l.and_then(|l| l.ons4[1]),
                    l.and_then(|l| l.ons4[2]),
                    l.and_then(|l| l.ons4[3]),
                    l.map(|l| l.share_in_reports),
                ],
            )?;
        }
        IndexRows::Story { resident, consent, has_text } => {
            tx.execute(
                "INSERT INTO idx_story VALUES (?1, ?2, ?3, ?4)",
                params![key, resident.to_string(), consent.as_str(), has_text],
            )?;
        }
        IndexRows::None => {}
    }
    if let Some(facts) = rows.facts() {
        let json = serde_json::to_string(facts)
            .map_err(|e| StoreError::DamagedIndex(format!("cannot record the insight facts: {e}")))?;
        tx.prepare_cached("INSERT INTO idx_facts (doc_id, resident_id, facts) VALUES (?1, ?2, ?3)")?
            .execute(params![key, facts.resident.map(|r| r.to_string()).unwrap_or_default(), json])?;
    }
    Ok(())
}

/// A page's own rows: its name, its offers, asks and goals, and their words in the search index.
fn write_page(
    tx: &Transaction<'_>,
    key: &str,
    resident: ResidentId,
    preferred_name: &str,
    created_at: Timestamp,
    items: &[ItemRow],
) -> Result<()> {
    let r = resident.to_string();
    tx.execute(
        "INSERT INTO idx_page (doc_id, resident_id, preferred_name, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![key, r, preferred_name, created_at.millis()],
    )?;
    let mut fts = tx.prepare_cached(
        "INSERT INTO search_fts (text, doc_id, resident_id, field, item_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut map = tx.prepare_cached("INSERT INTO search_rows (fts_rowid, doc_id) VALUES (last_insert_rowid(), ?1)")?;
    fts.execute(params![preferred_name, key, r, "name", Option::<String>::None])?;
    map.execute([&key])?;
    let mut ins = tx.prepare_cached(
            "INSERT INTO idx_items (item_id, doc_id, resident_id, section, text, category, status, by_resident, archived, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
    for item in items {
        let item_id = item.item_id.to_string();
        ins.execute(params![
            item_id,
            key,
            r,
            item.section,
            item.text,
            item.category,
            item.status.map(|s| s.as_str()),
            item.by_resident,
            item.archived,
            item.created_at.millis()
        ])?;
        if !item.archived {
            fts.execute(params![item.text, key, r, item.section, item_id])?;
            map.execute([&key])?;
        }
    }
    Ok(())
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::DamagedIndex(format!("cannot record an index row: {e}")))
}

fn from_json<T: serde::de::DeserializeOwned>(i: usize, text: &str) -> rusqlite::Result<T> {
    serde_json::from_str(text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

fn write_promises(tx: &Transaction<'_>, key: &str, promises: &[PromiseRow]) -> Result<()> {
    let mut ins = tx.prepare_cached(
        "INSERT INTO idx_promises (doc_id, resident_id, promise_id, state, due, row) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for p in promises {
        let due = p.terms.when.and_then(When::due).map(|d| d.to_string());
        ins.execute(params![key, p.resident.to_string(), p.id.to_string(), p.state.as_str(), due, to_json(p)?])?;
    }
    Ok(())
}

/// Every open promise on this device that has a day, across the caseload.
pub(super) fn open_promises(conn: &Connection) -> Result<Vec<PromiseRow>> {
    let mut stmt = conn.prepare_cached("SELECT row FROM idx_promises WHERE state = 'open' AND due IS NOT NULL")?;
    let rows = stmt.query_map([], |r| from_json::<PromiseRow>(0, &r.get::<_, String>(0)?))?;
    let mut out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    out.sort_by(|a, b| a.resident.cmp(&b.resident).then(a.made_at.cmp(&b.made_at)).then(a.id.cmp(&b.id)));
    Ok(out)
}

pub(super) fn delete_index(tx: &Transaction<'_>, key: &str) -> Result<()> {
    for table in INDEX_TABLES {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE doc_id = ?1"))?.execute([key])?;
    }
    tx.prepare_cached("DELETE FROM search_fts WHERE rowid IN (SELECT fts_rowid FROM search_rows WHERE doc_id = ?1)")?
        .execute([key])?;
    tx.prepare_cached("DELETE FROM search_rows WHERE doc_id = ?1")?.execute([key])?;
    Ok(())
}

pub(super) fn parse_resident(s: &str) -> rusqlite::Result<ResidentId> {
    s.parse().map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

pub(super) fn parse_item(s: &str) -> rusqlite::Result<ItemId> {
    s.parse().map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

pub(super) fn caseload(conn: &Connection) -> Result<Vec<CaseloadRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.resident_id, p.preferred_name, p.created_at,
                (SELECT COUNT(*) FROM idx_items i WHERE i.resident_id = p.resident_id AND i.section = 'offer' AND NOT i.archived),
                (SELECT COUNT(*) FROM idx_items i WHERE i.resident_id = p.resident_id AND i.status IN ('open', 'in-progress') AND NOT i.archived),
                (SELECT COUNT(*) FROM idx_items i WHERE i.resident_id = p.resident_id AND i.status = 'met' AND NOT i.archived),
                COALESCE(c.in_circle, 0), COALESCE(c.two_way, 0),
                (SELECT MAX(last_contact) FROM idx_contact k WHERE k.resident_id = p.resident_id),
                ch.taken_at,
                (SELECT COUNT(*) FROM documents d WHERE d.owner = p.resident_id AND (d.synced_heads IS NULL OR d.synced_heads != d.heads)),
                (SELECT COUNT(*) FROM documents d WHERE d.owner = p.resident_id AND d.synced_heads IS NULL),
                (SELECT plan FROM idx_visit v WHERE v.resident_id = p.resident_id)
         FROM idx_page p
         LEFT JOIN idx_circle c ON c.resident_id = p.resident_id
         LEFT JOIN idx_checkin ch ON ch.resident_id = p.resident_id
         ORDER BY lower(p.preferred_name), p.resident_id",
    )?;
    let rows = stmt.query_map([], |r| {
        let count = |i: usize| -> rusqlite::Result<usize> { Ok(usize::try_from(r.get::<_, i64>(i)?).unwrap_or(0)) };
        let pending = count(10)?;
        let never = count(11)?;
        Ok(CaseloadRow {
            resident: parse_resident(&r.get::<_, String>(0)?)?,
            preferred_name: r.get(1)?,
            created_at: Timestamp::from_millis(r.get(2)?),
            offers: count(3)?,
            asks_open: count(4)?,
            asks_met: count(5)?,
            circle_size: count(6)?,
            two_way: count(7)?,
            last_contact: r.get::<_, Option<i64>>(8)?.map(Timestamp::from_millis),
            latest_checkin: r.get::<_, Option<i64>>(9)?.map(Timestamp::from_millis),
            next_visit: r.get::<_, Option<String>>(12)?.as_deref().map(|p| from_json(12, p)).transpose()?,
            pending_documents: pending,
            sync: if never > 0 {
                SyncStatus::OnlyOnThisDevice
            } else if pending > 0 {
                SyncStatus::ChangesWaiting
            } else {
                SyncStatus::OnRelay
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn items(conn: &Connection, resident: ResidentId) -> Result<Vec<ItemRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT item_id, section, text, category, status, by_resident, archived, created_at
         FROM idx_items WHERE resident_id = ?1",
    )?;
    let rows = stmt.query_map([resident.to_string()], |r| {
        let section: String = r.get(1)?;
        let status: Option<String> = r.get(4)?;
        Ok(ItemRow {
            resident,
            item_id: parse_item(&r.get::<_, String>(0)?)?,
            section: match section.as_str() {
                "offer" => "offer",
                "ask" => "ask",
                _ => "goal",
            },
            text: r.get(2)?,
            category: r.get(3)?,
            status: status.and_then(|s| s.parse().ok()),
            by_resident: r.get(5)?,
            archived: r.get(6)?,
            created_at: Timestamp::from_millis(r.get(7)?),
        })
    })?;
    let mut out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    out.sort_by(|a, b| a.section.cmp(b.section).then(a.created_at.cmp(&b.created_at)).then(a.item_id.cmp(&b.item_id)));
    Ok(out)
}

pub(super) fn search(conn: &Connection, query: &str) -> Result<Vec<SearchHit>> {
    let words = index::query_words(query);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    // Each word becomes a quoted prefix term, so user input is never FTS syntax.
    let fts_query = words.iter().map(|w| format!("\"{}\"*", w.replace('"', ""))).collect::<Vec<_>>().join(" ");
    let mut stmt = conn.prepare_cached(
        "SELECT s.resident_id, p.preferred_name, s.field, s.item_id, s.text
         FROM search_fts s JOIN idx_page p ON p.resident_id = s.resident_id
         WHERE search_fts MATCH ?1",
    )?;
    let rows = stmt.query_map([fts_query], |r| {
        let item: Option<String> = r.get(3)?;
        Ok(SearchHit {
            resident: parse_resident(&r.get::<_, String>(0)?)?,
            preferred_name: r.get(1)?,
            field: r.get(2)?,
            item_id: item.as_deref().map(parse_item).transpose()?,
            text: r.get(4)?,
        })
    })?;
    let mut hits = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    hits.sort();
    Ok(hits)
}
