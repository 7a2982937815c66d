package dev.parley.rooms.store;

import dev.parley.rooms.access.Permissions;
import dev.parley.rooms.access.Permissions.Need;
import dev.parley.rooms.access.Standing;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.rooms.MessageView;
import dev.parley.shared.rooms.RoomKind;
import dev.parley.shared.rooms.SearchCommands;
import dev.parley.shared.rooms.SearchCommands.Range;
import dev.parley.shared.rooms.SearchCommands.SearchHit;
import dev.parley.shared.rooms.SearchCommands.SearchMessages;
import dev.parley.shared.rooms.SearchCommands.SearchResults;
import dev.parley.shared.rooms.SearchCommands.Snippet;
import dev.parley.shared.rooms.SearchCommands.Sort;
import dev.parley.shared.rooms.SearchQuery;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Message search (docs/search.md): the rooms the caller can read now, decided room by room by {@link Permissions},
 * and one query over the search entries of V14 (and the few messages not indexed yet), newest first or best first, a page at a time by a
 * keyset cursor. Every condition is one the indexes answer; the text of each result is marked in Java, from the
 * words PostgreSQL says matched ({@code ts_headline}) and from where each term occurs as typed.
 */
public final class SearchStore {

  /** {@code has:file}: the message carries files (their descriptors are on its row, see FileStore). */
  static final String HAS_FILE = "m.files IS NOT NULL";

  /**
   * A best-first search ranks the newest this many matches: ranking reads each candidate's text again, so it must not
   * grow with the size of the history (a common word matches a good part of it).
   */
  static final int RELEVANCE_WINDOW = 300;
  /** The longest snippet, in UTF-16 code units; a longer message is cut around its first match. */
  static final int SNIPPET_LENGTH = 280;
  /** Text kept before the first match when a message is cut. */
  private static final int SNIPPET_LEAD = 60;

  /**
   * The scripts written without spaces (Hiragana, Katakana, CJK ideographs, Hangul), as in V9__search.sql's
   * search_document: their terms are found by two-character pieces and checked as they stand.
   */
  private static final Pattern UNSPACED = Pattern.compile(
      "[\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uac00-\\ud7af]");
  /**
   * A term that could be inside a code-like word of search_fragments (V9__search.sql): a letter or digit followed by
   * a capital, a digit or one of _ . : / \ - (PointerExc, user_id, v2.3).
   */
  private static final Pattern CODE_LIKE = Pattern.compile("[A-Za-z0-9][A-Z0-9_.:/\\\\-]");
  /** The shortest term looked for inside code-like words: a trigram index finds nothing shorter than a trigram. */
  private static final int MIN_FRAGMENT = 3;
  /** Marks ts_headline puts around matched words: private-use characters, removed from the text beforehand. */
  private static final char MARK_START = '\uE000';
  private static final char MARK_END = '\uE001';
  private static final String HEADLINE = "ts_headline('english'::regconfig, translate(m.body, E'\\uE000\\uE001', ''), "
      + "hq.q, 'HighlightAll=true, StartSel=' || E'\\uE000' || ', StopSel=' || E'\\uE001')";

  private final Pool pool;

  public SearchStore(Pool pool) {
    this.pool = pool;
  }

  public Future<SearchResults> search(SearchMessages command) {
    if (command.limit() < 1 || command.limit() > SearchCommands.MAX_PAGE) {
      return Future.failedFuture(invalid("'limit' must be between 1 and " + SearchCommands.MAX_PAGE));
    }
    Cursor after;
    try {
      after = Cursor.read(command.cursor(), command.sort());
    } catch (ParleyException badCursor) {
      return Future.failedFuture(badCursor);
    }
    SearchQuery query = command.query();
    Future<List<UUID>> rooms = readableRooms(command.user(), query.room());
    Future<UUID> author = author(query.from());
    Future<List<Term>> terms = terms(query.terms());
    return Future.all(rooms, author, terms)
        .compose(found -> rooms.result().isEmpty() ? Future.succeededFuture(new SearchResults(List.of(), null))
            : find(command, after, rooms.result(), author.result(), terms.result()));
  }

  /** A word or phrase as typed, and its text-search query (search_query in R__functions.sql). */
  private record Term(String text, String tsquery) {
  }

  /**
   * Each term's text-search query, made by the database (its English stemming and stop words are the index's), so the
   * search itself binds them as plain parameters. Terms with nothing to look up (stop words such as "the", bare
   * punctuation) are left out, as search engines do.
   */
  private Future<List<Term>> terms(List<String> texts) {
    if (texts.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return pool.preparedQuery("""
            SELECT t.term, search_query(t.term)::text AS q
            FROM unnest($1::text[]) WITH ORDINALITY AS t(term, ord) ORDER BY t.ord""")
        .execute(Tuple.of(texts.toArray(String[]::new)))
        .map(rows -> {
          List<Term> terms = new ArrayList<>();
          for (Row row : rows) {
            if (row.getString("q") != null) {
              terms.add(new Term(row.getString("term"), row.getString("q")));
            }
          }
          return terms;
        });
  }

  /**
   * The rooms to search: the one {@code in:} names, when the caller may read it (else the answer Permissions gives:
   * not found for a room they may not see, forbidden for a channel they have not joined); otherwise every room they
   * can read now. Someone who left or was removed from a room reads nothing of it, older messages included.
   */
  private Future<List<UUID>> readableRooms(String user, String named) {
    if (named == null) {
      return Standings.loadCandidates(pool, user).map(standings -> standings.stream()
          .filter(standing -> Permissions.allows(standing, Need.READ))
          .map(standing -> UUID.fromString(standing.room()))
          .toList());
    }
    Future<String> room = Ids.isId(named) ? Future.succeededFuture(named)
        : pool.preparedQuery("SELECT id FROM rooms WHERE name = $1 AND kind IN ('channel', 'private')")
            .execute(Tuple.of(named))
            .map(rows -> {
              if (rows.size() == 0) {
                throw Permissions.notFound();
              }
              return rows.iterator().next().getUUID("id").toString();
            });
    return room.compose(id -> Standings.load(pool, id, user))
        .map(standing -> List.of(UUID.fromString(Permissions.require(standing, Need.READ).room())));
  }

  /** The id of the person {@code from:} names (null: anyone); an unknown handle is the searcher's mistake. */
  private Future<UUID> author(String handle) {
    if (handle == null) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery("SELECT id FROM users WHERE lower(handle) = $1").execute(Tuple.of(handle))
        .map(rows -> {
          if (rows.size() == 0) {
            throw invalid("Nobody has the handle @" + handle);
          }
          return rows.iterator().next().getUUID("id");
        });
  }

  private Future<SearchResults> find(SearchMessages command, Cursor after, List<UUID> rooms, UUID author,
                                     List<Term> terms) {
    SearchQuery query = command.query();
    if (terms.isEmpty() && !query.terms().isEmpty() && query.room() == null && query.from() == null
        && query.before() == null && query.after() == null && !query.hasFile()) {
      // Nothing but stop words: no message is a better answer than every message.
      return Future.succeededFuture(new SearchResults(List.of(), null));
    }
    Tuple args = Tuple.tuple();
    args.addArrayOfUUID(rooms.toArray(UUID[]::new));
    args.addUUID(UUID.fromString(command.user()));
    // Any of the terms: to rank results and to mark the words that matched.
    args.addString(terms.isEmpty() ? null
        : String.join(" | ", terms.stream().map(term -> "(" + term.tsquery() + ")").toList()));
    // Where and when, asked of a message or of its search entry (%1$s the alias); the rest, of the message only.
    // End-to-end encrypted rooms hold only ciphertext: nothing in them can match, so they are left out (one
    // InitPlan, not a probe per message).
    List<String> placement = new ArrayList<>(List.of(
        "%1$s.room_id = ANY (ARRAY(SELECT er.id FROM rooms er WHERE er.id = ANY ($1) AND NOT er.encrypted))"));
    List<String> rest = new ArrayList<>(List.of("m.deleted_at IS NULL"));
    if (author != null) {
      rest.add("m.sender_id = " + next(args, author));
    }
    if (query.after() != null) {
      placement.add("%1$s.created_at >= " + next(args, startOf(query.after().plusDays(1))));
    }
    if (query.before() != null) {
      placement.add("%1$s.created_at < " + next(args, startOf(query.before())));
    }
    if (query.hasFile()) {
      rest.add(HAS_FILE);
    }
    String others = String.join("\n  AND ", rest);
    boolean ranked = command.sort() == Sort.RELEVANCE;
    String hits;
    if (ranked) {
      if (after != null) {
        placement.add("%1$s.created_at <= " + next(args, after.windowTop()));
      }
      String window = newest(String.join("\n  AND ", placement), others, terms, args,
          next(args, RELEVANCE_WINDOW));
      String keyset = after == null ? "" : " WHERE (r.rank, r.created_at, r.id) < (" + next(args, after.rank())
          + "::real, " + next(args, after.createdAt()) + ", " + next(args, after.id()) + ")";
      hits = """
          WITH hq AS (SELECT $3::text::tsquery AS q),
          win AS (%s),
          ranked AS (
            SELECT w.id, w.created_at, max(w.created_at) OVER () AS window_top,
                   coalesce(ts_rank(search_document(m.body), hq.q), 0)::real AS rank
            FROM win w JOIN messages m ON m.id = w.id CROSS JOIN hq),
          hit AS (SELECT r.* FROM ranked r%s ORDER BY r.rank DESC, r.created_at DESC, r.id DESC LIMIT %s)
          """.formatted(window, keyset, next(args, command.limit() + 1));
    } else {
      if (after != null) {
        placement.add("(%1$s.created_at, %1$s.id) < (" + next(args, after.createdAt()) + ", "
            + next(args, after.id()) + ")");
      }
      hits = """
          WITH hq AS (SELECT $3::text::tsquery AS q),
          hit AS (SELECT y.id, y.created_at, NULL::timestamptz AS window_top, NULL::real AS rank FROM (%s) y)
          """.formatted(newest(String.join("\n  AND ", placement), others, terms, args,
          next(args, command.limit() + 1)));
    }
    String sql = hits + "SELECT m.room_id, m.seq, " + MessageStore.messageColumns() + """
        , hit.created_at, hit.window_top, hit.rank, r.kind AS room_kind,
          CASE WHEN r.kind IN ('dm', 'group') THEN (
            SELECT string_agg(pu.name, ', ' ORDER BY lower(pu.name), pu.id)
            FROM memberships pm JOIN users pu ON pu.id = pm.user_id WHERE pm.room_id = r.id AND pm.user_id <> $2)
          ELSE r.name END AS room_name,
          CASE WHEN hq.q IS NULL THEN translate(m.body, E'\\uE000\\uE001', '') ELSE\s""" + HEADLINE + """
         END AS marked
        FROM hit
        JOIN messages m ON m.id = hit.id
        JOIN users u ON u.id = m.sender_id
        JOIN rooms r ON r.id = m.room_id
        LEFT JOIN message_mentions mm ON mm.room_id = m.room_id AND mm.seq = m.seq
        CROSS JOIN hq
        ORDER BY hit.rank DESC NULLS LAST, hit.created_at DESC, hit.id DESC""";
    // One process per search: in parallel, a walk of message_search_newest returns nothing until every worker has
    // found a match (Gather Merge), and the workers read far more of the history meanwhile than one process would (two
    // common words over 200,000 messages: 1.5 s in parallel, 0.15 s without). And a plan for these very words: a
    // prepared statement's generic plan guesses every word equally common, so it walks the newest entries for a word
    // nobody wrote (the whole history: 270 ms on a million messages) where the word's statistics say to read its
    // few matches from the index (4 ms). Planning costs about 2 ms.
    return pool.withTransaction(conn -> conn.query("SET LOCAL max_parallel_workers_per_gather = 0; "
            + "SET LOCAL plan_cache_mode = force_custom_plan").execute()
            .compose(serial -> conn.preparedQuery(sql).execute(args)))
        .map(rows -> page(rows, command, terms.stream().map(Term::text).toList()));
  }

  /** The page of results (one row more than asked says there is a next page, whose cursor is the last result's). */
  private static SearchResults page(RowSet<Row> rows, SearchMessages command, List<String> terms) {
    List<SearchHit> results = new ArrayList<>();
    Cursor last = null;
    for (Row row : rows) {
      if (results.size() == command.limit()) {
        return new SearchResults(results, last.write());
      }
      String room = row.getUUID("room_id").toString();
      MessageView message = MessageStore.messageView(row, room, row.getLong("seq"));
      results.add(new SearchHit(message, row.getString("room_name"), RoomKind.fromWire(row.getString("room_kind")),
          snippet(row.getString("marked"), terms)));
      last = new Cursor(command.sort(), row.getOffsetDateTime("created_at"), row.getUUID("id"),
          row.getFloat("rank"), row.getOffsetDateTime("window_top"));
    }
    return new SearchResults(results, null);
  }

  /**
   * The newest {@code limit} matches, as rows {@code (id, created_at)}, newest first. With words to look for: from the
   * search entries (V14: message_search, written behind the writes by {@link SearchIndexer}) of messages that still
   * stand, and apart from the few messages newer than their room's indexed part, whose entry is made on the spot from
   * the text. The two parts never overlap (an edit may index a message early: it then counts as indexed). Each part
   * has its own order and limit, so each is planned alone: a common word walks the entries newest first and stops at
   * a page, a rare one reads its few matches from the index. {@code placement}: conditions on room and time (%1$s the
   * alias of the entry or message); {@code others}: on the message {@code m}.
   */
  private static String newest(String placement, String others, List<Term> terms, Tuple args, String limit) {
    String order = " ORDER BY %1$s.created_at DESC, %1$s.id DESC LIMIT " + limit;
    if (terms.isEmpty()) {
      return "SELECT m.id, m.created_at FROM messages m WHERE " + placement.formatted("m") + " AND " + others
          + order.formatted("m");
    }
    TextConditions text = TextConditions.bind(terms, args);
    String onMessage = text.asTyped().isEmpty() ? others
        : others + "\n  AND " + String.join("\n  AND ", text.asTyped());
    return """
        SELECT x.id, x.created_at FROM (
          (SELECT s.id, s.created_at FROM message_search s
           WHERE %s
             AND %s
             AND EXISTS (SELECT 1 FROM messages m WHERE m.id = s.id AND %s)%s)
          UNION ALL
          (SELECT m.id, m.created_at
           FROM unnest($1::uuid[]) AS t(room_id)
           LEFT JOIN search_progress p ON p.room_id = t.room_id
           JOIN messages m ON m.room_id = t.room_id AND m.seq > coalesce(p.indexed_seq, 0)
           WHERE %s
             AND %s
             AND %s
             AND NOT EXISTS (SELECT 1 FROM message_search s WHERE s.id = m.id)%s)) x""".formatted(
        placement.formatted("s"), text.on(INDEXED), onMessage, order.formatted("s"),
        placement.formatted("m"), text.on(UNINDEXED), onMessage, order.formatted("m"))
        + order.formatted("x");
  }

  /** Where a message's search entry comes from: its row of message_search, or its text (not indexed yet). */
  private record Entry(String document, String fragments) {
  }

  private static final Entry INDEXED = new Entry("s.document", "s.fragments");
  private static final Entry UNINDEXED = new Entry("search_entry_document(m.body, m.files)",
      "search_fragments(m.body)");

  /**
   * What the words and phrases ask of a message's entry, in conditions the indexes answer, their values bound once for
   * both parts of the search. Every term's words must be in the full-text document (of the text and of the files'
   * names: stemmed, or as the start of a word, or a part of a CamelCase name): all of them in ONE condition
   * ({@code together}), so the index intersects them itself. A term that looks like code ({@link #CODE_LIKE}) may
   * instead be anywhere inside a code-like word ({@code codeLike}: its query and its pattern for the trigram index);
   * text written without spaces must also stand as typed ({@code asTyped}: its two-character pieces alone do not say
   * they are neighbours).
   */
  private record TextConditions(String together, List<String[]> codeLike, List<String> asTyped) {

    static TextConditions bind(List<Term> terms, Tuple args) {
      List<String> together = new ArrayList<>();
      List<String[]> codeLike = new ArrayList<>();
      List<String> asTyped = new ArrayList<>();
      for (Term term : terms) {
        String text = term.text();
        if (UNSPACED.matcher(text).find()) {
          together.add(term.tsquery());
          asTyped.add("strpos(lower(m.body), lower(" + next(args, text) + ")) > 0");
        } else if (CODE_LIKE.matcher(text).find() && text.indexOf(' ') < 0
            && text.codePointCount(0, text.length()) >= MIN_FRAGMENT) {
          codeLike.add(new String[] {next(args, term.tsquery()), next(args, "%" + likeEscaped(text) + "%")});
        } else {
          together.add(term.tsquery());
        }
      }
      String all = together.isEmpty() ? null
          : next(args, String.join(" & ", together.stream().map(term -> "(" + term + ")").toList()));
      return new TextConditions(all, codeLike, asTyped);
    }

    /** The conditions on one kind of entry, joined by AND ({@code asTyped} are on the message's text). */
    String on(Entry entry) {
      List<String> conditions = new ArrayList<>();
      if (together != null) {
        conditions.add(entry.document() + " @@ " + together + "::text::tsquery");
      }
      for (String[] code : codeLike) {
        conditions.add("(" + entry.document() + " @@ " + code[0] + "::text::tsquery OR " + entry.fragments()
            + " ILIKE " + code[1] + ")");
      }
      return String.join("\n  AND ", conditions);
    }
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** Adds a value to the arguments and answers its placeholder. */
  private static String next(Tuple args, Object value) {
    args.addValue(value);
    return "$" + args.size();
  }

  private static OffsetDateTime startOf(LocalDate day) {
    return day.atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  /**
   * A result's text as plain text with its matches as ranges: the words ts_headline marked, and every place a term
   * (of three characters or more, or written without spaces) occurs as typed, whatever the case; cut to
   * {@link #SNIPPET_LENGTH} around the first match.
   */
  static Snippet snippet(String marked, List<String> terms) {
    StringBuilder text = new StringBuilder(marked.length());
    List<Range> ranges = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      if (c == MARK_START) {
        start = text.length();
      } else if (c == MARK_END) {
        if (start >= 0 && text.length() > start) {
          ranges.add(new Range(start, text.length()));
        }
        start = -1;
      } else {
        text.append(c);
      }
    }
    String plain = text.toString();
    for (String term : terms) {
      if (term.codePointCount(0, term.length()) >= MIN_FRAGMENT || UNSPACED.matcher(term).find()) {
        for (int at = indexOfIgnoringCase(plain, term, 0); at >= 0;
             at = indexOfIgnoringCase(plain, term, at + term.length())) {
          ranges.add(new Range(at, at + term.length()));
        }
      }
    }
    List<Range> merged = merge(ranges);
    if (plain.length() <= SNIPPET_LENGTH) {
      return new Snippet(plain, merged, false, false);
    }
    int from = merged.isEmpty() ? 0 : Math.max(0, merged.get(0).start() - SNIPPET_LEAD);
    if (from > 0) {
      // Start at a word when one begins shortly before; never inside a surrogate pair.
      int space = plain.lastIndexOf(' ', merged.get(0).start() - 1);
      from = space >= from - SNIPPET_LEAD / 2 && space >= 0 ? space + 1 : from;
      if (Character.isLowSurrogate(plain.charAt(from))) {
        from--;
      }
    }
    int to = Math.min(plain.length(), from + SNIPPET_LENGTH);
    if (to < plain.length() && Character.isLowSurrogate(plain.charAt(to))) {
      to--;
    }
    List<Range> inside = new ArrayList<>();
    for (Range range : merged) {
      if (range.start() < to && range.end() > from) {
        inside.add(new Range(Math.max(range.start(), from) - from, Math.min(range.end(), to) - from));
      }
    }
    return new Snippet(plain.substring(from, to), inside, from > 0, to < plain.length());
  }

  private static int indexOfIgnoringCase(String text, String term, int from) {
    for (int i = from; i <= text.length() - term.length(); i++) {
      if (text.regionMatches(true, i, term, 0, term.length())) {
        return i;
      }
    }
    return -1;
  }

  private static List<Range> merge(List<Range> ranges) {
    List<Range> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingInt(Range::start));
    List<Range> merged = new ArrayList<>();
    for (Range range : sorted) {
      Range previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (previous != null && range.start() <= previous.end()) {
        merged.set(merged.size() - 1, new Range(previous.start(), Math.max(previous.end(), range.end())));
      } else {
        merged.add(range);
      }
    }
    return merged;
  }

  private static ParleyException invalid(String message) {
    return new ParleyException(ErrorCode.INVALID, message);
  }

  /**
   * Where a page ended: the last result's time and id (and, best first, its rank and the newest time of the ranked
   * window, so later pages rank the same window). Opaque to clients: base64url of dot-separated fields.
   */
  record Cursor(Sort sort, OffsetDateTime createdAt, UUID id, Float rank, OffsetDateTime windowTop) {

    String write() {
      String fields = sort.wire() + "." + micros(createdAt) + "." + id
          + (sort == Sort.RELEVANCE ? "." + Float.floatToIntBits(rank) + "." + micros(windowTop) : "");
      return Base64.getUrlEncoder().withoutPadding().encodeToString(fields.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a previous page gave (null: the first page); anything else is refused. */
    static Cursor read(String text, Sort sort) {
      if (text == null) {
        return null;
      }
      try {
        if (text.length() > 200) {
          throw new IllegalArgumentException("too long");
        }
        String[] fields = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\.");
        boolean ranked = sort == Sort.RELEVANCE;
        if (fields.length != (ranked ? 5 : 3) || !fields[0].equals(sort.wire()) || !Ids.isId(fields[2])) {
          throw new IllegalArgumentException("not a cursor of this sort");
        }
        return new Cursor(sort, time(Long.parseLong(fields[1])), UUID.fromString(fields[2]),
            ranked ? Float.intBitsToFloat(Integer.parseInt(fields[3])) : null,
            ranked ? time(Long.parseLong(fields[4])) : null);
      } catch (IllegalArgumentException notOurs) {
        throw invalid("'cursor' is not one this search made (a cursor works only with the same q and sort)");
      }
    }

    private static long micros(OffsetDateTime time) {
      Instant instant = time.toInstant();
      return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static OffsetDateTime time(long micros) {
      return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
  }
}
