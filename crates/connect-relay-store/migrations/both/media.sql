-- Media bytes (voice notes, photos), apart from the documents that name
-- them; see src/blobs.rs.
CREATE TABLE blobs (
    doc_id TEXT NOT NULL,
    hash TEXT NOT NULL,           -- the SHA-256 of the bytes, hex
    team_id TEXT NOT NULL,
    length {int} NOT NULL,        -- as the uploader declared it
    received {int} NOT NULL,      -- bytes held, from the start
    complete {int} NOT NULL,      -- 1 once every byte arrived and matched the hash
    created_at {int} NOT NULL,
    PRIMARY KEY (doc_id, hash)
);
CREATE INDEX blobs_by_team ON blobs (team_id);
CREATE INDEX blobs_by_age ON blobs (created_at);

CREATE TABLE blob_chunks (
    doc_id TEXT NOT NULL,
    hash TEXT NOT NULL,
    start {int} NOT NULL,
    bytes {bytes} NOT NULL,
    PRIMARY KEY (doc_id, hash, start)
);

-- The media each document references, as of its last commit.
CREATE TABLE doc_media (
    doc_id TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (doc_id, hash)
);
