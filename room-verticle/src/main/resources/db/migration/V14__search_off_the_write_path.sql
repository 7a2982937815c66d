-- Search leaves the message write path (docs/search.md, "Indexing off the write path"). The GIN indexes of V9 and
-- V13 were expression indexes on messages: every stored message paid for them inside the batch that stores it, and
-- when a GIN pending list filled up (16 MB), its merge ran inside that batch and held a room-verticle's writes for
-- seconds. Now each message's search entry is a row of message_search, written in bulk by SearchIndexer behind the
-- writes; a search reads those rows and, for the few messages not indexed yet, makes their document on the spot.

-- A message's search entry: the full-text document of its text and of its files' names, and its code-like words
-- (NULL for prose, which has none), with the message's room and time copied from it (both never change), so that a
-- search for a common word walks the entries newest first and reads only as many as a page needs. Deleted messages
-- have none.
CREATE TABLE message_search (
  id         uuid PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
  room_id    uuid NOT NULL,
  created_at timestamptz NOT NULL,
  document   tsvector NOT NULL,
  fragments  text
);

-- Whether a search walks the newest entries (a common word: a page is found in the first few hundred) or reads its
-- matches from the GIN index (a rare word) is decided from how often each word occurs in a sample of the entries.
-- With the default sample, a word it never saw is guessed 1 in 2,500 entries and walked for; one a hundred times
-- bigger tells a rare word from a common one (a word nobody wrote: 0.1 ms instead of walking a million entries in
-- 270 ms). ANALYZE of a million entries then takes about 4 s.
ALTER TABLE message_search ALTER COLUMN document SET STATISTICS 1000;

-- How far each room's log is indexed: every message of the room with a seq up to indexed_seq has its entry (or is
-- deleted). A room's seq only grows, and a message is committed together with its room's last_seq, so "seq above
-- indexed_seq" is exactly the part a search must still read from messages itself.
CREATE TABLE search_progress (
  room_id     uuid PRIMARY KEY REFERENCES rooms (id) ON DELETE CASCADE,
  indexed_seq bigint NOT NULL
);

-- One definition of an entry's document, for SearchIndexer, edits and the rows below.
CREATE FUNCTION search_entry_document(p_body text, p_files jsonb) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT search_document(p_body) || coalesce(search_file_names(p_files), ''::tsvector)
$$;

INSERT INTO message_search (id, room_id, created_at, document, fragments)
SELECT id, room_id, created_at, search_entry_document(body, files), nullif(search_fragments(body), '')
FROM messages WHERE deleted_at IS NULL;

INSERT INTO search_progress (room_id, indexed_seq) SELECT id, last_seq FROM rooms;

-- Built after the rows above (one sort instead of an insert per row). The pending list stays on: entries arrive in
-- bulk from SearchIndexer, where a merge delays only the indexer, never a sender.
CREATE INDEX message_search_document ON message_search USING gin (document)
  WITH (fastupdate = on, gin_pending_list_limit = 16384);
-- Only messages with code-like words: a real column has statistics without an index over every row (an expression
-- had them only through one, the reason V9's indexes were not partial).
CREATE INDEX message_search_fragments ON message_search USING gin (fragments gin_trgm_ops)
  WHERE fragments IS NOT NULL;
-- Newest first: a common word matches a good part of the history, and walking it from its newest end finds a page of
-- matches long before a bitmap of all of them would be read and sorted.
CREATE INDEX message_search_newest ON message_search (created_at);

DROP INDEX messages_search;
DROP INDEX messages_search_fragments;
DROP INDEX messages_search_file_names;
