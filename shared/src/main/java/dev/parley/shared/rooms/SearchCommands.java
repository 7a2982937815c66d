package dev.parley.shared.rooms;

import dev.parley.shared.Addresses;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Message search on {@link Addresses#ROOMS_CMD}: per caller, over the rooms they can read now (docs/search.md). */
public final class SearchCommands {

  /** Results on a page when the caller does not say how many. */
  public static final int DEFAULT_PAGE = 20;
  /** The most results on one page. */
  public static final int MAX_PAGE = 50;

  private SearchCommands() {
  }

  /** The order of results. */
  public enum Sort {
    /** Newest first. */
    RECENT,
    /** Best matches first (among the newest matches: see docs/search.md), then newest. */
    RELEVANCE;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The sort a client named; null or empty: {@link #RECENT}. */
    public static Sort fromWire(String wire) {
      if (wire == null || wire.isEmpty()) {
        return RECENT;
      }
      for (Sort sort : values()) {
        if (sort.wire().equals(wire)) {
          return sort;
        }
      }
      throw new ParleyException(ErrorCode.INVALID, "'sort' must be \"recent\" or \"relevance\"");
    }
  }

  /**
   * One page of the messages {@code user} can read now that match {@code query}, in {@code sort} order, after
   * {@code cursor} (a previous page's {@code next}; null: the first page).
   */
  public record SearchMessages(String user, SearchQuery query, Sort sort, String cursor, int limit)
      implements Command<SearchResults> {
    public static final Route<SearchMessages, SearchResults> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "SEARCH_MESSAGES", SearchMessages::fromJson, SearchResults::fromJson);

    @Override
    public Route<SearchMessages, SearchResults> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("user", user).put("query", query.toJson()).put("sort", sort.wire())
          .put("limit", limit);
      return Json.putIfPresent(json, "cursor", cursor);
    }

    public static SearchMessages fromJson(JsonObject json) {
      Integer limit = Json.optInteger(json, "limit");
      return new SearchMessages(Json.text(json, "user"), SearchQuery.fromJson(Json.object(json, "query")),
          Sort.fromWire(Json.optText(json, "sort")), Json.optText(json, "cursor"),
          limit == null ? DEFAULT_PAGE : limit);
    }
  }

  /** {@code {"results":[..],"next":C}}: a page of hits, and the cursor of the next page (absent: this is the last). */
  public record SearchResults(List<SearchHit> results, String next) implements JsonBody {
    public SearchResults {
      results = List.copyOf(results);
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("results", Json.array(results)).put("more", next != null);
      return Json.putIfPresent(json, "next", next);
    }

    public static SearchResults fromJson(JsonObject json) {
      return new SearchResults(Json.objects(json, "results", SearchHit::fromJson), Json.optText(json, "next"));
    }
  }

  /**
   * A message that matched, with its room (id and seq in {@code message}, to open it there), the room's name and kind,
   * and a snippet of its text with the matches marked.
   */
  public record SearchHit(MessageView message, String roomName, RoomKind roomKind, Snippet snippet)
      implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("message", message.toJson()).put("roomName", roomName)
          .put("roomKind", roomKind.wireName()).put("snippet", snippet.toJson());
    }

    public static SearchHit fromJson(JsonObject json) {
      return new SearchHit(MessageView.fromJson(Json.object(json, "message")), Json.text(json, "roomName"),
          RoomKind.fromWire(Json.text(json, "roomKind")), Snippet.fromJson(Json.object(json, "snippet")));
    }
  }

  /**
   * Plain text (never markup) cut from a message around its first match, and the matches in it as
   * {@code [start, end)} ranges of UTF-16 code units (JavaScript string indices), in order and not overlapping.
   * {@code cutStart}/{@code cutEnd} say text was left out before or after it. Clients mark the ranges by building
   * DOM nodes from the pieces, so nothing in a message can become markup.
   */
  public record Snippet(String text, List<Range> highlights, boolean cutStart, boolean cutEnd) implements JsonBody {
    public Snippet {
      highlights = List.copyOf(highlights);
    }

    @Override
    public JsonObject toJson() {
      JsonArray ranges = new JsonArray();
      highlights.forEach(range -> ranges.add(new JsonArray().add(range.start()).add(range.end())));
      return new JsonObject().put("text", text).put("highlights", ranges).put("cutStart", cutStart)
          .put("cutEnd", cutEnd);
    }

    public static Snippet fromJson(JsonObject json) {
      List<Range> ranges = new ArrayList<>();
      JsonArray array = json.getJsonArray("highlights", new JsonArray());
      for (int i = 0; i < array.size(); i++) {
        JsonArray pair = array.getJsonArray(i);
        ranges.add(new Range(pair.getInteger(0), pair.getInteger(1)));
      }
      return new Snippet(Json.text(json, "text"), ranges, Json.flag(json, "cutStart", false),
          Json.flag(json, "cutEnd", false));
    }
  }

  /** A span of a snippet's text: {@code [start, end)} in UTF-16 code units. */
  public record Range(int start, int end) {
  }
}
