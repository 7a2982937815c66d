package dev.parley.shared.files;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/**
 * A file as clients see it: in the answer to an upload, and in the {@code files} of a message. {@code type} is the
 * media type recognised from the content (never the name or the uploader's header); {@code width} and {@code height}
 * are an image's pixels (null for anything else); {@code thumbnail} says a small preview can be fetched.
 */
public record FileView(String id, String name, long size, String type, Integer width, Integer height,
                       boolean thumbnail) implements JsonBody {

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("name", name).put("size", size).put("type", type);
    Json.putIfPresent(json, "width", width);
    Json.putIfPresent(json, "height", height);
    return json.put("thumbnail", thumbnail);
  }

  public static FileView fromJson(JsonObject json) {
    return new FileView(Json.text(json, "id"), Json.text(json, "name"), Json.whole(json, "size"),
        Json.text(json, "type"), Json.optInteger(json, "width"), Json.optInteger(json, "height"),
        Json.flag(json, "thumbnail", false));
  }
}
