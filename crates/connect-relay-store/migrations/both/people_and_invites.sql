-- After each backend's first steps (SQLite's schema 3, PostgreSQL's 2):
-- invites a coordinator can list and cancel, made for a named person by a
-- known device; people taken off a team; each team's stored bytes (for its
-- quota); and who could see a resident who was erased (ids only), so only
-- their devices are told of the erasure.

ALTER TABLE invites ADD COLUMN invite_id TEXT;
UPDATE invites SET invite_id = {random_uuid};
{invite_id_not_null}
CREATE UNIQUE INDEX invites_id ON invites(invite_id);
CREATE INDEX invites_team ON invites(team_id, created_at);
ALTER TABLE invites ADD COLUMN name TEXT;
ALTER TABLE invites ADD COLUMN created_by TEXT;
ALTER TABLE invites ADD COLUMN cancelled_at {int};
CREATE INDEX invites_created_by ON invites(created_by);

ALTER TABLE people ADD COLUMN removed_at {int};
{person_indexes}

ALTER TABLE teams ADD COLUMN stored_bytes {int} NOT NULL DEFAULT 0;
UPDATE teams SET stored_bytes = COALESCE(
    (SELECT SUM({byte_length}(snapshot) + chunk_bytes) FROM documents d WHERE d.team_id = teams.team_id), 0);

CREATE TABLE erased_residents (
    resident_id  TEXT PRIMARY KEY,
    team_id      TEXT NOT NULL
){without_rowid};

CREATE TABLE erased_access (
    resident_id  TEXT NOT NULL,
    person_id    TEXT NOT NULL,
    PRIMARY KEY (resident_id, person_id)
){without_rowid};
