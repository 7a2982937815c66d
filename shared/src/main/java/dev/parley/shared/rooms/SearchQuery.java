package dev.parley.shared.rooms;

import dev.parley.shared.Bounds;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A message search as people type it, read once: words and quoted phrases to look for, and filters. The syntax
 * (docs/search.md):
 * <ul>
 *   <li>{@code deploy failed}: messages with both words (each also as the start of a longer word, and stemmed);</li>
 *   <li>{@code "deploy failed"}: the words next to each other, in this order;</li>
 *   <li>{@code in:#general} or {@code in:<room id>}: one room; {@code from:@ada}: one author;</li>
 *   <li>{@code before:2026-11-30} (earlier days only), {@code after:2026-11-01} (later days only), days in UTC;</li>
 *   <li>{@code has:file}: messages with files.</li>
 * </ul>
 * Anything else is refused with a message that says what is wrong, never guessed at.
 *
 * @param terms the words and phrases, each as typed (a phrase without its quotes); all must match
 * @param room  {@code in:}: a channel's normalised name ({@code #} left off), or a room id; null: every room
 * @param from  {@code from:}: an @handle, lower case, without the {@code @}; null: anyone
 */
public record SearchQuery(List<String> terms, String room, String from, LocalDate before, LocalDate after,
                          boolean hasFile) implements JsonBody {

  /** The longest query, in characters ({@link Bounds#MESSAGE_SEARCH_QUERY}). */
  public static final int MAX_LENGTH = Bounds.MESSAGE_SEARCH_QUERY;
  /** The most words and phrases in one query. */
  public static final int MAX_TERMS = 8;

  private static final Pattern HANDLE = Pattern.compile("[a-z0-9_]{2,30}");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  public SearchQuery {
    terms = List.copyOf(terms);
  }

  /** Whether it filters or looks for anything at all: an empty search is refused. */
  public boolean isEmpty() {
    return terms.isEmpty() && room == null && from == null && before == null && after == null && !hasFile;
  }

  /** Reads a query as typed; fails {@code invalid} with a message that names the mistake. */
  public static SearchQuery parse(String text) {
    if (text == null || text.isBlank()) {
      throw invalid("'q' is required: words to look for, or filters such as in:#room or from:@someone");
    }
    if (text.length() > MAX_LENGTH) {
      throw invalid("'q' is longer than " + MAX_LENGTH + " characters");
    }
    List<String> terms = new ArrayList<>();
    String room = null;
    String from = null;
    LocalDate before = null;
    LocalDate after = null;
    boolean hasFile = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '"') {
        int close = text.indexOf('"', i + 1);
        if (close < 0) {
          throw invalid("A quoted phrase is not closed: add the second \"");
        }
        String phrase = text.substring(i + 1, close).strip().replaceAll("\\s+", " ");
        if (!phrase.isEmpty()) {
          terms.add(phrase);
        }
        i = close + 1;
        continue;
      }
      int end = i;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      String word = text.substring(i, end);
      i = end;
      int colon = word.indexOf(':');
      String key = colon > 0 ? word.substring(0, colon).toLowerCase(Locale.ROOT) : "";
      String value = colon > 0 ? word.substring(colon + 1) : "";
      switch (key) {
        case "in" -> room = once(room, "in:", roomOf(value));
        case "from" -> from = once(from, "from:", handleOf(value));
        case "before" -> before = once(before, "before:", dayOf("before:", value));
        case "after" -> after = once(after, "after:", dayOf("after:", value));
        case "has" -> {
          if (!"file".equalsIgnoreCase(value)) {
            throw invalid("has: takes \"file\" (has:file)");
          }
          hasFile = true;
        }
        default -> terms.add(word);
      }
    }
    if (terms.size() > MAX_TERMS) {
      throw invalid("At most " + MAX_TERMS + " words or phrases in one search");
    }
    if (before != null && after != null && !after.isBefore(before.minusDays(1))) {
      throw invalid("after: must be at least two days before before: (both leave their own day out)");
    }
    SearchQuery query = new SearchQuery(terms, room, from, before, after, hasFile);
    if (query.isEmpty()) {
      throw invalid("'q' is required: words to look for, or filters such as in:#room or from:@someone");
    }
    return query;
  }

  private static String roomOf(String value) {
    if (value.startsWith("#")) {
      String name = ChannelNames.normalise(value);
      if (name.isEmpty()) {
        throw invalid("in: takes a channel (in:#general) or a room id");
      }
      return name;
    }
    if (!Ids.isId(value)) {
      throw invalid("in: takes a channel (in:#general) or a room id");
    }
    return value;
  }

  private static String handleOf(String value) {
    String handle = (value.startsWith("@") ? value.substring(1) : value).toLowerCase(Locale.ROOT);
    if (!HANDLE.matcher(handle).matches()) {
      throw invalid("from: takes an @handle (from:@ada)");
    }
    return handle;
  }

  private static LocalDate dayOf(String filter, String value) {
    if (DAY.matcher(value).matches()) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        // falls through to the message below
      }
    }
    throw invalid(filter + " takes a day as YYYY-MM-DD (" + filter + "2026-11-30)");
  }

  private static <T> T once(T previous, String filter, T value) {
    if (previous != null) {
      throw invalid("Give " + filter + " once");
    }
    return value;
  }

  private static ParleyException invalid(String message) {
    return new ParleyException(ErrorCode.INVALID, message);
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("terms", new JsonArray(terms));
    Json.putIfPresent(json, "in", room);
    Json.putIfPresent(json, "from", from);
    Json.putIfPresent(json, "before", before == null ? null : before.toString());
    Json.putIfPresent(json, "after", after == null ? null : after.toString());
    return hasFile ? json.put("hasFile", true) : json;
  }

  /** The structured form, for plugins that search without the typed syntax; checked as strictly as typed text. */
  public static SearchQuery fromJson(JsonObject json) {
    List<String> terms = Json.texts(json, "terms");
    if (terms.size() > MAX_TERMS || terms.stream().anyMatch(term -> term.isBlank() || term.length() > MAX_LENGTH)) {
      throw invalid("'terms' must be at most " + MAX_TERMS + " words or phrases of up to " + MAX_LENGTH
          + " characters");
    }
    String room = Json.optText(json, "in");
    String from = Json.optText(json, "from");
    String before = Json.optText(json, "before");
    String after = Json.optText(json, "after");
    SearchQuery query = new SearchQuery(terms,
        room == null || Ids.isId(room) ? room : roomOf(room.startsWith("#") ? room : "#" + room),
        from == null ? null : handleOf(from), before == null ? null : dayOf("before:", before),
        after == null ? null : dayOf("after:", after), Json.flag(json, "hasFile", false));
    if (query.isEmpty()) {
      throw invalid("A search needs words to look for or a filter");
    }
    return query;
  }
}
