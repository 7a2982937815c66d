package dev.parley.shared.notify;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.Route;
import io.vertx.core.json.JsonObject;

/**
 * Work for notification-verticle on {@link Addresses#NOTIFY_EMAIL}: one invitation email, answered once it is
 * queued. The link carries the only copy of the invite's token (the database keeps its hash), so it travels here
 * and nowhere else.
 */
public record InviteEmailWork(String invite, String to, String link, String roomName, String inviterName)
    implements Command<Done> {

  public static final Route<InviteEmailWork, Done> ROUTE =
      Route.of(Addresses.NOTIFY_EMAIL, "INVITE_EMAIL", InviteEmailWork::fromJson, Done::fromJson);

  /** The {@code kind} of email this is, kept in the body for mailers that take several kinds on one address. */
  public static final String KIND = "invite";

  @Override
  public Route<InviteEmailWork, Done> route() {
    return ROUTE;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("kind", KIND).put("invite", invite).put("to", to).put("link", link)
        .put("roomName", roomName).put("inviterName", inviterName);
  }

  public static InviteEmailWork fromJson(JsonObject json) {
    String kind = Json.optText(json, "kind");
    if (kind != null && !KIND.equals(kind)) {
      throw Json.invalid("Unknown email kind: " + kind);
    }
    return new InviteEmailWork(Json.text(json, "invite"), Json.text(json, "to"), Json.text(json, "link"),
        Json.optText(json, "roomName"), Json.optText(json, "inviterName"));
  }
}
