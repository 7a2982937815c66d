package dev.parley.shared.ops;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/**
 * One line of an export ({@code parley.jar admin export}): a row of one table, as PostgreSQL's {@code row_to_json}
 * writes it. An export is JSON Lines, so that both writing and reading it stream, whatever its size.
 */
public record ExportLine(String table, JsonObject row) implements JsonBody {

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("table", table).put("row", row);
  }

  public static ExportLine fromJson(JsonObject json) {
    return new ExportLine(Json.text(json, "table"), Json.object(json, "row"));
  }
}
