-- Connect Companion device store, schema 2.

-- "What is waiting to sync" per resident, answered from the index alone:
-- without it, the caseload reads every document row, snapshot and all.
CREATE INDEX documents_sync ON documents(owner, heads, synced_heads);

-- Numbers for team insights, one row per document that has any: dates,
-- rings, statuses and scores as JSON (connect_model::insights::ResidentFacts),
-- never words. Derived from the documents like every idx_* table.
CREATE TABLE idx_facts (
    doc_id       TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    resident_id  TEXT NOT NULL,
    facts        TEXT NOT NULL
);
CREATE INDEX idx_facts_resident ON idx_facts(resident_id);
