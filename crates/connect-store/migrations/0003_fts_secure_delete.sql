-- Connect Companion device store, schema 3.

-- FTS5 keeps a deleted row's words in its index segments until they are
-- merged. With secure-delete (SQLite 3.42 or newer; SQLCipher 4.6 has 3.46)
-- a delete removes them at once, so an erased resident's words leave the
-- search index with the rest of their data.
INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 1);

-- Words left behind by erasures before this version: merging every segment
-- into one drops them.
INSERT INTO search_fts (search_fts) VALUES ('optimize');
