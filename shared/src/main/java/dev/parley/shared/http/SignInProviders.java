package dev.parley.shared.http;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** {@code GET /api/v1/auth/providers}: the sign-in buttons, {@code {"providers":[{"id","name","type"}]}}. */
public record SignInProviders(List<Provider> providers) implements JsonBody {

  public SignInProviders {
    providers = List.copyOf(providers);
  }

  /** One configured provider: its id (in the sign-in URL), its label, and {@code oidc}, {@code github} or {@code google}. */
  public record Provider(String id, String name, String type) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("name", name).put("type", type);
    }

    public static Provider fromJson(JsonObject json) {
      return new Provider(Json.text(json, "id"), Json.text(json, "name"), Json.text(json, "type"));
    }
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("providers", Json.array(providers));
  }

  public static SignInProviders fromJson(JsonObject json) {
    return new SignInProviders(Json.objects(json, "providers", Provider::fromJson));
  }
}
