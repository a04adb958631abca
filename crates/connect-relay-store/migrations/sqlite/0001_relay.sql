-- Connect Companion relay database, schema 1.

CREATE TABLE teams (
    team_id     TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE people (
    person_id    TEXT PRIMARY KEY,
    team_id      TEXT NOT NULL REFERENCES teams(team_id),
    name         TEXT NOT NULL,
    role         TEXT NOT NULL,
    resident_id  TEXT,
    created_at   INTEGER NOT NULL
);

-- One-time enrolment codes, stored hashed.
CREATE TABLE invites (
    code_hash    BLOB PRIMARY KEY,
    team_id      TEXT NOT NULL REFERENCES teams(team_id),
    role         TEXT NOT NULL,
    resident_id  TEXT,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    used_at      INTEGER
);

-- Enrolled devices; tokens stored hashed. The device id is the prefix of the
-- Automerge actor ids the device writes with.
CREATE TABLE devices (
    device_id    TEXT PRIMARY KEY,
    person_id    TEXT NOT NULL REFERENCES people(person_id),
    team_id      TEXT NOT NULL REFERENCES teams(team_id),
    name         TEXT NOT NULL,
    token_hash   BLOB NOT NULL UNIQUE,
    enrolled_at  INTEGER NOT NULL,
    revoked_at   INTEGER,
    last_seen    INTEGER
);

CREATE TABLE residents (
    resident_id  TEXT PRIMARY KEY,
    team_id      TEXT NOT NULL REFERENCES teams(team_id),
    created_by   TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);

CREATE TABLE assignments (
    resident_id  TEXT NOT NULL,
    person_id    TEXT NOT NULL,
    PRIMARY KEY (resident_id, person_id)
) WITHOUT ROWID;

CREATE TABLE documents (
    doc_id       TEXT PRIMARY KEY,
    team_id      TEXT NOT NULL,
    resident_id  TEXT,
    kind         TEXT NOT NULL,
    snapshot     BLOB NOT NULL,
    chunk_bytes  INTEGER NOT NULL DEFAULT 0,
    heads        BLOB NOT NULL
);
CREATE INDEX documents_resident ON documents(resident_id);

CREATE TABLE chunks (
    doc_id  TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    bytes   BLOB NOT NULL,
    PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;

-- Automerge sync state per (device, document): only shared heads persist.
CREATE TABLE sync_states (
    device_id  TEXT NOT NULL,
    doc_id     TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    state      BLOB NOT NULL,
    PRIMARY KEY (device_id, doc_id)
) WITHOUT ROWID;

-- The team's change feed: every accepted change or erasure gets a number.
CREATE TABLE feed (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id    TEXT NOT NULL,
    doc_id     TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('change', 'erase')),
    device_id  TEXT,
    at         INTEGER NOT NULL
);
CREATE INDEX feed_team ON feed(team_id, seq);
CREATE INDEX feed_doc ON feed(doc_id);

-- Every accepted Automerge change: who sent it and when (the audit trail).
CREATE TABLE change_log (
    hash       BLOB PRIMARY KEY,
    doc_id     TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    feed_seq   INTEGER NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX change_log_doc ON change_log(doc_id);

-- Erased documents: never accepted again.
CREATE TABLE erased (
    doc_id       TEXT PRIMARY KEY,
    team_id      TEXT NOT NULL,
    erased_at    INTEGER NOT NULL
) WITHOUT ROWID;
