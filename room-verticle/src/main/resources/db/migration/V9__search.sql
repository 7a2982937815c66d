-- Message search (docs/search.md): two GIN expression indexes on messages, nothing stored beside the text.
--
-- search_document is the English full-text document of a message (stemmed words, stop words left out), plus the
-- words inside CamelCase names (NullPointerException also holds null, pointer, exception), plus, for text written
-- without spaces (Chinese, Japanese, Korean), its overlapping two-character pieces: "数据库" holds 数据 and 据库, so a
-- search for any two neighbouring characters finds it whatever the database's locale.
-- search_fragments is the part of a message that looks like code: words with capitals, digits or _ . : / \ - inside
-- (NullPointerException, OrderService.java:42, user_id); a trigram index over it finds any piece of them
-- ("PointerExc"). Plain prose has none, so the trigram index costs a message of prose almost nothing.
--
-- Both functions are part of the indexes: an IMMUTABLE function that changes behind an index silently breaks it.
-- Never redefine them in place; a new definition gets a new name and new indexes in a new migration.

-- pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The characters of scripts written without spaces between words: Hiragana, Katakana, CJK ideographs (with
-- extension A and the compatibility block), Hangul syllables; dev.parley.rooms.store.SearchStore and search_query use
-- the same ranges. Each run of them adds its two-character pieces, and its last character alone (so that one
-- character is found too, as the start of a piece).
-- One function with nothing but built-ins in it: PostgreSQL 17 builds and maintains indexes with search_path set to
-- pg_catalog only, where a call to another function of ours would not be found.
CREATE FUNCTION search_document(p_body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE
    -- Most chat: ASCII without CamelCase. Its document is the English one, made once and not copied.
    WHEN octet_length(p_body) = char_length(p_body) AND p_body !~ '[[:lower:][:digit:]][[:upper:]]'
    THEN to_tsvector('english'::regconfig, p_body)
    ELSE to_tsvector('english'::regconfig, p_body)
         -- The words inside CamelCase names as words of their own: "exception" finds NullPointerException.
         || CASE WHEN p_body ~ '[[:lower:][:digit:]][[:upper:]]'
                 THEN to_tsvector('english'::regconfig,
                                  regexp_replace(p_body, '([[:lower:][:digit:]])([[:upper:]])', '\1 \2', 'g'))
                 ELSE ''::tsvector END
         || CASE WHEN p_body ~ '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]'
                 THEN array_to_tsvector(ARRAY(
                        SELECT DISTINCT substr(r.run[1], i, 2)
                        FROM regexp_matches(lower(p_body),
                                            '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+', 'g')
                             AS r(run)
                        CROSS JOIN LATERAL generate_series(1, char_length(r.run[1])) AS i))
                 ELSE ''::tsvector END
  END
$$;

CREATE FUNCTION search_fragments(p_body text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN p_body ~ '[[:alnum:]][A-Z0-9_.:/\\-]'
              THEN coalesce((SELECT string_agg(f[1], ' ')
                             FROM regexp_matches(p_body, '(\S*[[:alnum:]][A-Z0-9_.:/\\-]\S*)', 'g') AS f), '')
              ELSE '' END
$$;

-- fastupdate (the default, said here on purpose) queues new entries in a pending list that is merged in bulk, by
-- autovacuum or when the list is full, rather than updating the index's tree for every message: measured in
-- docs/search.md, it makes the indexes several times cheaper to insert into. A larger pending list than the 4 MB
-- default means fewer, larger merges.
-- Not partial: a deleted message's text is emptied, so it has no entries anyway, and the planner reads statistics
-- (how common each word is) only from indexes over the whole table. Without them it cannot tell a rare word (read
-- its few matches from the GIN index) from a common one (walk messages_newest until a page is full), and a wrong
-- guess walks the whole history.
CREATE INDEX messages_search ON messages USING gin (search_document(body))
  WITH (fastupdate = on, gin_pending_list_limit = 16384);
CREATE INDEX messages_search_fragments ON messages USING gin (search_fragments(body) gin_trgm_ops)
  WITH (fastupdate = on, gin_pending_list_limit = 16384);
-- Newest first: a common word matches a good part of the history, and walking it from its newest end finds a page of
-- matches long before a bitmap of all of them would be read and sorted. An insert appends at its right edge.
CREATE INDEX messages_newest ON messages (created_at) WHERE deleted_at IS NULL;
