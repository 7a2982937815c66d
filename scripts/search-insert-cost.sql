-- What the search indexes cost the message write path: the same messages inserted, single-threaded, 100 rows per
-- transaction (as group commit writes them), into two copies of the messages table, one with the indexes messages has
-- without V9__search.sql and one with V9's three more. Run on the database scripts/search-bench.sh made (it needs
-- V9's functions and some text to copy):
--   psql postgresql://postgres@127.0.0.1:5432/parley_search_bench -f scripts/search-insert-cost.sql
-- The two "Time:" lines are the inserts without and with the search indexes; rows/s = :rows / seconds.
\set ON_ERROR_STOP on
\if :{?rows}
\else
  \set rows 200000
\endif
SET synchronous_commit = off; -- CPU, not the WAL flush of this machine's disk, is what the indexes add

DROP TABLE IF EXISTS search_cost_text, search_cost_plain, search_cost_indexed;
CREATE TABLE search_cost_text AS
  SELECT row_number() OVER () AS n, body FROM (SELECT body FROM messages LIMIT :rows) m;
CREATE INDEX ON search_cost_text (n);
CREATE TABLE search_cost_plain (LIKE messages INCLUDING DEFAULTS);
ALTER TABLE search_cost_plain ADD PRIMARY KEY (id), ADD UNIQUE (room_id, seq), ADD UNIQUE (room_id, sender_id, client_msg_id);
CREATE INDEX ON search_cost_plain (thread_id, seq) WHERE thread_id IS NOT NULL;
CREATE TABLE search_cost_indexed (LIKE search_cost_plain INCLUDING ALL);
CREATE INDEX ON search_cost_indexed USING gin (search_document(body)) WITH (fastupdate = on, gin_pending_list_limit = 16384);
CREATE INDEX ON search_cost_indexed USING gin (search_fragments(body) gin_trgm_ops)
  WITH (fastupdate = on, gin_pending_list_limit = 16384);
CREATE INDEX ON search_cost_indexed (created_at) WHERE deleted_at IS NULL;

CREATE PROCEDURE pg_temp.insert_in_batches(p_table text, p_rows int) LANGUAGE plpgsql AS $$
DECLARE
  v_room uuid := gen_random_uuid();
  v_sender uuid := gen_random_uuid();
BEGIN
  FOR v_from IN 1 .. p_rows BY 100 LOOP
    EXECUTE format('INSERT INTO %I (id, room_id, seq, sender_id, client_msg_id, body)
                    SELECT gen_random_uuid(), $1, n, $2, n::text, body FROM search_cost_text
                    WHERE n BETWEEN $3 AND $4', p_table)
      USING v_room, v_sender, v_from, v_from + 99;
    COMMIT;
  END LOOP;
END
$$;

\timing on
CALL pg_temp.insert_in_batches('search_cost_plain', :rows);
CALL pg_temp.insert_in_batches('search_cost_indexed', :rows);
\timing off
DROP TABLE search_cost_text, search_cost_plain, search_cost_indexed;
