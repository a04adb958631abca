-- Connect Companion device store, schema 1.
-- Documents are the truth; every idx_* table and search_fts is derived from them
-- and can be rebuilt (see SqliteStore::rebuild_indexes).

CREATE TABLE device (
    singleton    INTEGER PRIMARY KEY CHECK (singleton = 1),
    device_id    TEXT NOT NULL,
    device_name  TEXT NOT NULL,
    person_name  TEXT NOT NULL,
    role         TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per document: a compacted snapshot plus the heads it has reached.
CREATE TABLE documents (
    doc_id        TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    owner         TEXT NOT NULL,
    snapshot      BLOB NOT NULL,
    chunk_bytes   INTEGER NOT NULL DEFAULT 0,
    heads         BLOB NOT NULL,
    synced_heads  BLOB,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX documents_owner ON documents(owner);

-- Incremental changes appended since the snapshot, folded in by compaction.
CREATE TABLE chunks (
    doc_id  TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    bytes   BLOB NOT NULL,
    PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;

-- Automerge sync state per (peer, document), so a returning device skips bloom filters.
CREATE TABLE sync_states (
    peer    TEXT NOT NULL,
    doc_id  TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    state   BLOB NOT NULL,
    PRIMARY KEY (peer, doc_id)
) WITHOUT ROWID;

-- Documents erased on request; they may never be stored again on this device.
CREATE TABLE erased (
    doc_id     TEXT PRIMARY KEY,
    erased_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE idx_page (
    doc_id          TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    resident_id     TEXT NOT NULL UNIQUE,
    preferred_name  TEXT NOT NULL,
    created_at      INTEGER NOT NULL
);

CREATE TABLE idx_items (
    item_id      TEXT PRIMARY KEY,
    doc_id       TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    resident_id  TEXT NOT NULL,
    section      TEXT NOT NULL,
    text         TEXT NOT NULL,
    category     TEXT NOT NULL,
    status       TEXT,
    by_resident  INTEGER NOT NULL,
    archived     INTEGER NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX idx_items_resident ON idx_items(resident_id, section);
CREATE INDEX idx_items_doc ON idx_items(doc_id);

CREATE TABLE idx_circle (
    doc_id         TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    resident_id    TEXT NOT NULL UNIQUE,
    intimacy       INTEGER NOT NULL,
    friendship     INTEGER NOT NULL,
    participation  INTEGER NOT NULL,
    exchange       INTEGER NOT NULL,
    possibility    INTEGER NOT NULL,
    in_circle      INTEGER NOT NULL,
    two_way        INTEGER NOT NULL
);

-- Last contact per journal document (shared and team-only both count).
CREATE TABLE idx_contact (
    doc_id        TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    resident_id   TEXT NOT NULL,
    last_contact  INTEGER
);
CREATE INDEX idx_contact_resident ON idx_contact(resident_id);

CREATE TABLE idx_checkin (
    doc_id             TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    resident_id        TEXT NOT NULL UNIQUE,
    checkins           INTEGER NOT NULL,
    taken_at           INTEGER,
    loneliness         TEXT,
    ucla3_total        INTEGER,
    life_satisfaction  INTEGER,
    worthwhile         INTEGER,
    happy              INTEGER,
    anxious            INTEGER,
    share_in_reports   INTEGER
);

CREATE TABLE idx_story (
    doc_id       TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    resident_id  TEXT NOT NULL UNIQUE,
    consent      TEXT NOT NULL,
    has_text     INTEGER NOT NULL
);

-- Which full-text rows belong to which document, so a save replaces only its
-- own rows (FTS5 cannot index an UNINDEXED column).
CREATE TABLE search_rows (
    fts_rowid  INTEGER PRIMARY KEY,
    doc_id     TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE
);
CREATE INDEX search_rows_doc ON search_rows(doc_id);

CREATE VIRTUAL TABLE search_fts USING fts5(
    text,
    doc_id UNINDEXED,
    resident_id UNINDEXED,
    field UNINDEXED,
    item_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
