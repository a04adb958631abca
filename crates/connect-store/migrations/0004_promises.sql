-- Connect Companion device store, schema 4: promises and the next visit.

-- Promises, one row per promise, from pages (shared with the resident) and
-- team notes (team-only): the promise as JSON (connect_model::today::PromiseRow),
-- with its state and due day beside it for the Today screen's query.
CREATE TABLE idx_promises (
    doc_id       TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    resident_id  TEXT NOT NULL,
    promise_id   TEXT NOT NULL,
    state        TEXT NOT NULL,
    due          TEXT,
    row          TEXT NOT NULL,
    PRIMARY KEY (doc_id, promise_id)
);
CREATE INDEX idx_promises_open ON idx_promises(state, due);

-- The next visit in force on each page: a day, or "they'll call me" (JSON,
-- connect_model::promise::Plan).
CREATE TABLE idx_visit (
    doc_id       TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    resident_id  TEXT NOT NULL,
    plan         TEXT NOT NULL
);
CREATE INDEX idx_visit_resident ON idx_visit(resident_id);
