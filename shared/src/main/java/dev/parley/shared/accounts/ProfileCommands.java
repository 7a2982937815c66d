package dev.parley.shared.accounts;

import dev.parley.shared.Addresses;
import dev.parley.shared.accounts.AccountCommands.UserReply;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import io.vertx.core.json.JsonObject;

/**
 * Commands on {@link Addresses#ACCOUNTS_CMD} about profiles: name, @handle and pictures. A change is announced as
 * {@link dev.parley.shared.events.EventType#USER_UPDATED} to everyone who shares a room with the person.
 */
public final class ProfileCommands {

  private ProfileCommands() {
  }

  /** What anyone may see of a person. */
  public record GetProfile(String user) implements Command<ProfileReply> {
    public static final Route<GetProfile, ProfileReply> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "GET_PROFILE", GetProfile::fromJson, ProfileReply::fromJson);

    @Override
    public Route<GetProfile, ProfileReply> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user);
    }

    public static GetProfile fromJson(JsonObject json) {
      return new GetProfile(Json.text(json, "user"));
    }
  }

  /** {@code {"user":{"id","name","handle","avatarVersion"}}}. */
  public record ProfileReply(ProfileView user) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user.toJson());
    }

    public static ProfileReply fromJson(JsonObject json) {
      return new ProfileReply(ProfileView.fromJson(Json.object(json, "user")));
    }
  }

  /** A new display name and/or @handle (null keeps the current one); a handle someone has already is a conflict. */
  public record UpdateProfile(String user, String name, String handle) implements Command<UserReply> {
    public static final Route<UpdateProfile, UserReply> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "UPDATE_PROFILE", UpdateProfile::fromJson, UserReply::fromJson);

    @Override
    public Route<UpdateProfile, UserReply> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("name", name).put("handle", handle);
    }

    public static UpdateProfile fromJson(JsonObject json) {
      return new UpdateProfile(Json.text(json, "user"), Json.optText(json, "name"), Json.optText(json, "handle"));
    }
  }

  /** Stores the person's picture in both sizes (PNG bytes, base64) and bumps its version, in one transaction. */
  public record SetAvatar(String user, String png256, String png64) implements Command<UserReply> {
    public static final Route<SetAvatar, UserReply> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "SET_AVATAR", SetAvatar::fromJson, UserReply::fromJson);

    @Override
    public Route<SetAvatar, UserReply> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("png256", png256).put("png64", png64);
    }

    public static SetAvatar fromJson(JsonObject json) {
      return new SetAvatar(Json.text(json, "user"), Json.text(json, "png256"), Json.text(json, "png64"));
    }
  }

  /** Back to the generated picture, under a new version. */
  public record ClearAvatar(String user) implements Command<UserReply> {
    public static final Route<ClearAvatar, UserReply> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "CLEAR_AVATAR", ClearAvatar::fromJson, UserReply::fromJson);

    @Override
    public Route<ClearAvatar, UserReply> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user);
    }

    public static ClearAvatar fromJson(JsonObject json) {
      return new ClearAvatar(Json.text(json, "user"));
    }
  }

  /** One size (64 or 256 px) of a person's picture. */
  public record GetAvatar(String user, int size) implements Command<Avatar> {
    public static final Route<GetAvatar, Avatar> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "GET_AVATAR", GetAvatar::fromJson, Avatar::fromJson);

    @Override
    public Route<GetAvatar, Avatar> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("size", size);
    }

    public static GetAvatar fromJson(JsonObject json) {
      return new GetAvatar(Json.text(json, "user"), Json.integer(json, "size"));
    }
  }

  /**
   * {@code {"name","avatarVersion","contentType"?,"bytes"?}} (bytes base64); without a stored picture, no
   * contentType or bytes (the gateway draws one from the name).
   */
  public record Avatar(String name, int avatarVersion, String contentType, String bytes) implements JsonBody {
    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("name", name).put("avatarVersion", avatarVersion);
      Json.putIfPresent(json, "contentType", contentType);
      return Json.putIfPresent(json, "bytes", bytes);
    }

    public static Avatar fromJson(JsonObject json) {
      return new Avatar(Json.text(json, "name"), Json.integer(json, "avatarVersion"), Json.optText(json, "contentType"),
          Json.optText(json, "bytes"));
    }
  }
}
