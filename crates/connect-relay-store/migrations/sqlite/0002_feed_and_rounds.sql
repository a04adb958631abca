-- Schema 2: the feed keeps one entry per document (its latest), so a page of
-- it is a plain range of feed_team. A sync state that only assumes a device
-- holds a document (it was sent whole) carries the round of the response that
-- sent it, and each device has its newest round: until the device confirms
-- that round, the assumption is not trusted and the document is sent again.

DELETE FROM feed WHERE seq NOT IN (SELECT MAX(seq) FROM feed GROUP BY doc_id);
CREATE UNIQUE INDEX feed_one_per_doc ON feed(doc_id);
DROP INDEX feed_doc;
ALTER TABLE devices ADD COLUMN last_round INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_states ADD COLUMN assumed_round INTEGER;
