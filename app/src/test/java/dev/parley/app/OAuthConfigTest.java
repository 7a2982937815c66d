package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.ParleyConfig;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sign-in providers come from the config file, and their secrets from the environment. */
class OAuthConfigTest {

  @Test
  void providersComeFromTheFileAndFromFlatEnvironmentVariables() {
    JsonObject file = new JsonObject().put("oauth", new JsonObject().put("providers", new JsonObject()
        .put("keycloak", new JsonObject().put("clientId", "parley").put("issuer", "https://sso.example.com/realms/x")
            .put("name", "Company SSO"))));
    JsonObject environment = ConfigLoader.fromEnvironment(Map.of(
        "PARLEY_OAUTH_KEYCLOAK_CLIENT_SECRET", "from-the-environment",
        "PARLEY_OAUTH_GITHUB_CLIENT_ID", "12345",
        "PARLEY_OAUTH_GITHUB_CLIENT_SECRET", "0123456789",
        "PARLEY_OAUTH_ENTRA_ISSUER", "https://login.microsoftonline.com/tenant/v2.0",
        "PARLEY_OAUTH_ENTRA_CLIENT_ID", "app-id",
        "PARLEY_OAUTH_ENTRA_TRUST_EMAIL", "true"));
    Map<String, ParleyConfig.OAuth.Provider> providers =
        ParleyConfig.fromJson(file.copy().mergeIn(environment, true)).oauth().providers();

    assertEquals(Set.of("keycloak", "github", "entra"), providers.keySet());
    assertEquals(new ParleyConfig.OAuth.Provider("oidc", "parley", "from-the-environment",
        "https://sso.example.com/realms/x", "Company SSO", false), providers.get("keycloak"));
    assertEquals(new ParleyConfig.OAuth.Provider("github", "12345", "0123456789", null, "GitHub", false),
        providers.get("github"), "a numeric-looking id stays text");
    ParleyConfig.OAuth.Provider entra = providers.get("entra");
    assertEquals("oidc", entra.type());
    assertTrue(entra.trustEmail());
  }

  @Test
  void noOAuthSectionMeansNoProviders() {
    assertTrue(ParleyConfig.fromJson(new JsonObject()).oauth().providers().isEmpty());
  }
}
