-- Voice notes and photos, apart from the documents that reference them
-- (src/media.rs): one row per file, its bytes in chunks.
CREATE TABLE media_files (
    doc_id TEXT NOT NULL,
    hash TEXT NOT NULL,           -- the SHA-256 of the bytes, hex
    length INTEGER NOT NULL,
    stored INTEGER NOT NULL,      -- bytes held here, from the start
    sent INTEGER NOT NULL,        -- bytes the relay confirmed, from the start
    origin TEXT NOT NULL,         -- 'here' (made on this device) or 'downloaded'
    last_used INTEGER NOT NULL,
    PRIMARY KEY (doc_id, hash)
);

CREATE TABLE media_chunks (
    doc_id TEXT NOT NULL,
    hash TEXT NOT NULL,
    start INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (doc_id, hash, start)
);
