package dev.parley.shared.notify;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The email digest: what stays unread for a person (DMs and mentions) since their last digest, gathered into one
 * email, and the one-click way to stop them (RFC 8058).
 */
public final class DigestCommands {

  /** The most messages one digest lists (it says how many more there are). */
  public static final int MAX_ITEMS = 50;

  private DigestCommands() {
  }

  /** One unread message in a digest. */
  public record DigestItem(String room, String roomName, String roomKind, long seq, String id, String senderName,
                           String text, long ts, String reason) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("roomName", roomName).put("roomKind", roomKind).put("seq", seq)
          .put("id", id).put("senderName", senderName).put("text", text).put("ts", ts).put("reason", reason);
    }

    public static DigestItem fromJson(JsonObject json) {
      return new DigestItem(Json.text(json, "room"), Json.optText(json, "roomName"), Json.text(json, "roomKind"),
          Json.whole(json, "seq"), Json.text(json, "id"), Json.optText(json, "senderName"), Json.text(json, "text"),
          Json.whole(json, "ts"), Json.text(json, "reason"));
    }
  }

  /**
   * What a person's digest holds now: their address and name, the token of their unsubscribe link, the unread
   * messages (at most {@link #MAX_ITEMS}, oldest first), how many there are in all, and {@code until}, the time the
   * list was read (the next digest starts after it). No items, or email switched off: nothing to send.
   */
  public record Digest(String to, String name, boolean wanted, String unsubscribeToken, List<DigestItem> items,
                       int total, long until) implements JsonBody {
    public Digest {
      items = List.copyOf(items);
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("to", to).put("name", name).put("wanted", wanted);
      return Json.putIfPresent(json, "unsubscribeToken", unsubscribeToken).put("items", Json.array(items))
          .put("total", total).put("until", until);
    }

    public static Digest fromJson(JsonObject json) {
      return new Digest(Json.optText(json, "to"), Json.optText(json, "name"), Json.flag(json, "wanted", false),
          Json.optText(json, "unsubscribeToken"), Json.objects(json, "items", DigestItem::fromJson),
          Json.integer(json, "total"), Json.whole(json, "until"));
    }
  }

  /** Reads a person's digest as it stands (making their unsubscribe token on first use). */
  public record ReadDigest(String user) implements Command<Digest> {
    public static final Route<ReadDigest, Digest> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "READ_DIGEST", ReadDigest::fromJson, Digest::fromJson);

    @Override
    public Route<ReadDigest, Digest> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user);
    }

    public static ReadDigest fromJson(JsonObject json) {
      return new ReadDigest(Json.text(json, "user"));
    }
  }

  /** The digest read {@code until} then was sent: the next one starts after it. */
  public record DigestSent(String user, long until) implements Command<Done> {
    public static final Route<DigestSent, Done> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "DIGEST_SENT", DigestSent::fromJson, Done::fromJson);

    @Override
    public Route<DigestSent, Done> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("until", until);
    }

    public static DigestSent fromJson(JsonObject json) {
      return new DigestSent(Json.text(json, "user"), Json.whole(json, "until"));
    }
  }

  /** One click on a digest's unsubscribe link: no more digests for the person whose token it is. */
  public record StopEmails(String token) implements Command<Done> {
    public static final Route<StopEmails, Done> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "STOP_EMAILS", StopEmails::fromJson, Done::fromJson);

    @Override
    public Route<StopEmails, Done> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("token", token);
    }

    public static StopEmails fromJson(JsonObject json) {
      return new StopEmails(Json.text(json, "token"));
    }
  }
}
