-- Connect Companion relay database on PostgreSQL, schema 1: the same data as
-- the SQLite schema 2, with a per-team feed counter (see feed below).

CREATE TABLE teams (
    team_id     TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    -- The team's last feed number. A writer takes the next one with
    -- UPDATE ... RETURNING, which holds this row's lock until it commits, so
    -- numbers are handed out in commit order and a reader polling the feed
    -- never passes a change that commits later with a smaller number.
    feed_seq    BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE people (
    person_id    TEXT PRIMARY KEY,
    team_id      TEXT NOT NULL REFERENCES teams(team_id),
    name         TEXT NOT NULL,
    role         TEXT NOT NULL,
    resident_id  TEXT,
    created_at   BIGINT NOT NULL
);
CREATE INDEX people_team ON people(team_id);
CREATE INDEX people_resident ON people(resident_id);

-- One-time enrolment codes, stored hashed.
CREATE TABLE invites (
    code_hash    BYTEA PRIMARY KEY,
    team_id      TEXT NOT NULL REFERENCES teams(team_id),
    role         TEXT NOT NULL,
    resident_id  TEXT,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    used_at      BIGINT
);
CREATE INDEX invites_resident ON invites(resident_id);

-- Enrolled devices; tokens stored hashed.
CREATE TABLE devices (
    device_id    TEXT PRIMARY KEY,
    person_id    TEXT NOT NULL REFERENCES people(person_id),
    team_id      TEXT NOT NULL REFERENCES teams(team_id),
    name         TEXT NOT NULL,
    token_hash   BYTEA NOT NULL UNIQUE,
    enrolled_at  BIGINT NOT NULL,
    revoked_at   BIGINT,
    last_seen    BIGINT,
    last_round   BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX devices_team ON devices(team_id);
CREATE INDEX devices_person ON devices(person_id);

CREATE TABLE residents (
    resident_id  TEXT PRIMARY KEY,
    team_id      TEXT NOT NULL REFERENCES teams(team_id),
    created_by   TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);

CREATE TABLE assignments (
    resident_id  TEXT NOT NULL,
    person_id    TEXT NOT NULL,
    PRIMARY KEY (resident_id, person_id)
);
CREATE INDEX assignments_person ON assignments(person_id);

CREATE TABLE documents (
    doc_id       TEXT PRIMARY KEY,
    team_id      TEXT NOT NULL,
    resident_id  TEXT,
    kind         TEXT NOT NULL,
    snapshot     BYTEA NOT NULL,
    chunk_bytes  BIGINT NOT NULL DEFAULT 0,
    heads        BYTEA NOT NULL
);
CREATE INDEX documents_resident ON documents(resident_id);

CREATE TABLE chunks (
    doc_id  TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    seq     BIGINT NOT NULL,
    bytes   BYTEA NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

-- Automerge sync state per (device, document); an assumed one carries the
-- round of the response that sent the document whole.
CREATE TABLE sync_states (
    device_id      TEXT NOT NULL,
    doc_id         TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    state          BYTEA NOT NULL,
    assumed_round  BIGINT,
    PRIMARY KEY (device_id, doc_id)
);
CREATE INDEX sync_states_doc ON sync_states(doc_id);

-- The team's change feed: one entry per document, its latest.
CREATE TABLE feed (
    doc_id     TEXT PRIMARY KEY,
    team_id    TEXT NOT NULL,
    seq        BIGINT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('change', 'erase')),
    device_id  TEXT,
    at         BIGINT NOT NULL
);
CREATE UNIQUE INDEX feed_team ON feed(team_id, seq);

-- Every accepted Automerge change: who sent it and when (the audit trail).
CREATE TABLE change_log (
    hash       BYTEA PRIMARY KEY,
    doc_id     TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    feed_seq   BIGINT NOT NULL,
    at         BIGINT NOT NULL
);
CREATE INDEX change_log_doc ON change_log(doc_id);

-- Erased documents: never accepted again.
CREATE TABLE erased (
    doc_id     TEXT PRIMARY KEY,
    team_id    TEXT NOT NULL,
    erased_at  BIGINT NOT NULL
);
