-- Test data for the search benchmark (scripts/search-bench.sh): a workspace of 1,000 people and 200 channels, and
-- :messages messages (1,000,000 unless set) of chat-like text over the last 35 days, written through the real schema
-- and its search indexes (the insert rate printed at the end is their cost at this scale). Run on an empty, migrated
-- database: psql -v messages=1000000 -f scripts/search-bench-data.sql
--
-- Text: 4 to 21 words drawn from a vocabulary with a skewed (Zipf-like) distribution, so a few words are in a large
-- part of all messages (the, deploy, ...); 1 message in 2,000 has the rare word "quokka"; 2 in 100 are a stack-trace
-- line with an identifier (NullPointerException in OrderService.java:123); 1 in 100 is Chinese.
\set ON_ERROR_STOP on
\if :{?messages}
\else
  \set messages 1000000
\endif

CREATE FUNCTION pg_temp.bench_vocabulary() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_split_to_array('the a to and of is in it you that for on this with we be have are not but can just so
  was do at if what me my will i get from about all up like an out one there they as know no your when time deploy
  build test fix bug release server database query index error issue meeting review today tomorrow please thanks
  merge branch commit push pull request ticket customer team sprint plan update config cluster node service api
  client latency memory cpu disk network log logs alert page on-call incident rollback feature flag design doc draft
  check looks good great yes maybe think should could would need want try running deployed deploying tests failing
  failed passes passing works working broken restart restarted lunch coffee weekend monday friday morning afternoon
  call sync standup retro demo customers users report reports dashboard metrics graph chart spike timeout timeouts
  retry retries queue worker workers job jobs cache caches redis postgres kafka kubernetes docker image container pod
  pods helm terraform aws region bucket backup migration migrations schema table column row rows vacuum replica
  primary failover lock locks deadlock transaction', '\s+')
$$;

CREATE FUNCTION pg_temp.bench_text() RETURNS text LANGUAGE sql VOLATILE AS $$
  WITH v AS (SELECT pg_temp.bench_vocabulary() AS w), pick AS (SELECT random() AS r)
  SELECT CASE
    WHEN pick.r < 0.01 THEN '我们今天讨论数据库的迁移计划，明天继续部署新版本'
    WHEN pick.r < 0.03 THEN 'got a ' || (ARRAY['NullPointerException', 'IllegalStateException', 'ConnectionResetError',
           'OutOfMemoryError', 'SocketTimeoutException'])[1 + floor(random() * 5)::int] || ' in '
         || (ARRAY['OrderService.java:', 'PaymentWorker.kt:', 'checkout_handler.py:'])[1 + floor(random() * 3)::int]
         || (10 + floor(random() * 900))::int
    ELSE (SELECT string_agg(v.w[1 + floor(power(random() + g * 0, 2.2) * array_length(v.w, 1))::int], ' ')
          FROM generate_series(1, 4 + floor(random() * 18)::int) AS g)
         || CASE WHEN random() < 0.0005 THEN ' quokka' ELSE '' END
  END
  FROM v, pick
$$;

INSERT INTO users (email, name, handle, workspace_role)
SELECT 'person' || g || '@bench.example', 'Person ' || g, 'person' || g, CASE WHEN g = 1 THEN 'owner' ELSE 'member' END
FROM generate_series(1, 1000) AS g;

INSERT INTO rooms (kind, name, created_by)
SELECT 'channel', 'bench-' || g, (SELECT id FROM users WHERE handle = 'person1') FROM generate_series(1, 200) AS g;

-- The searcher (person2) is in 50 of the 200 channels: a quarter of the history is theirs to search.
INSERT INTO memberships (room_id, user_id)
SELECT r.id, u.id FROM rooms r JOIN users u ON u.handle = 'person2'
WHERE r.name IN (SELECT 'bench-' || g FROM generate_series(1, 200, 4) AS g);

\timing on
INSERT INTO messages (room_id, seq, sender_id, client_msg_id, body, created_at)
SELECT r.ids[1 + g % 200], g / 200 + 1, u.ids[1 + (g::bigint * 7919) % 1000], g::text, pg_temp.bench_text(),
       now() - (:messages - g) * interval '3 seconds'
FROM generate_series(0, :messages - 1) AS g,
     (SELECT array_agg(id ORDER BY name) AS ids FROM rooms) r,
     (SELECT array_agg(id ORDER BY handle) AS ids FROM users) u;
\timing off

UPDATE rooms r SET last_seq = c.n, message_count = c.n
FROM (SELECT room_id, max(seq) AS n FROM messages GROUP BY room_id) c WHERE r.id = c.room_id;

-- Their search entries, as SearchIndexer writes them behind the writes (V14), and every room indexed to its end.
\timing on
INSERT INTO message_search (id, room_id, created_at, document, fragments)
SELECT id, room_id, created_at, search_entry_document(body, files), nullif(search_fragments(body), '') FROM messages;
\timing off
INSERT INTO search_progress (room_id, indexed_seq) SELECT id, last_seq FROM rooms
ON CONFLICT (room_id) DO UPDATE SET indexed_seq = excluded.indexed_seq;
VACUUM ANALYZE;

-- How many messages each benchmark search matches in all (the searcher reads a quarter of them), through the indexes.
SELECT (SELECT count(*) FROM messages) AS messages,
       (SELECT count(*) FROM message_search WHERE document @@ 'deploy:*'::tsquery) AS "deploy (common)",
       (SELECT count(*) FROM message_search WHERE document @@ 'quokka:*'::tsquery) AS "quokka (rare)",
       (SELECT count(*) FROM message_search WHERE document @@ 'migra:*'::tsquery) AS "migra (partial)",
       (SELECT count(*) FROM message_search WHERE fragments ILIKE '%PointerExc%') AS "PointerExc (inside a word)";
SELECT pg_size_pretty(pg_relation_size('messages')) AS "messages table",
       pg_size_pretty(pg_relation_size('message_search')) AS "search entries",
       pg_size_pretty(pg_relation_size('message_search_document')) AS "full-text index",
       pg_size_pretty(pg_relation_size('message_search_fragments')) AS "trigram index";
