package dev.parley.gateway;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parley.shared.Bounds;
import dev.parley.shared.ErrorCode;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.impl.Utils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAPI document is the API's description for people and client generators, so it must say what the gateway
 * really serves: every route the gateway mounts is an operation of the document and every operation is mounted, and
 * the sizes the document states are the ones the gateway checks, declared once in {@link Bounds}.
 *
 * <p>The routes are read from a real gateway's router, deployed without Redis (its client connects on first use, and
 * nothing here sends a request), so a route added in any API class is seen without this test knowing the class.
 */
class OpenApiAgreementTest {

  /** The document as the gateway serves it at {@code /api/v1/openapi.yaml}: a resource on the class path. */
  private static final String DOCUMENT = "openapi/parley-v1.yaml";

  /**
   * Mounted routes that are not operations of the API, one entry per route, each with its reason. A route with no
   * path is written {@code * <mount point>*}: it runs for every request under that mount point, as a step of the
   * operations there, and is no operation itself. Every entry must still be mounted, so the list cannot outlive
   * the routes it excuses. {@code GET /invite/{token}} (the web client's join page) and
   * {@code GET /api/v1/openapi.yaml} are not API calls either, but the document describes them ({@code joinPage},
   * {@code openapi}) for whoever builds links or fetches the document, so they are held to it like the rest.
   */
  private static final List<NotAnOperation> NOT_OPERATIONS = List.of(
      new NotAnOperation("* /*", "security headers (nosniff, frame denial, CSP) added to every answer"),
      new NotAnOperation("* /*", "the web client's static files (webroot): pages, scripts and styles, not API"),
      new NotAnOperation("* /*", "the failure handler that turns a failure outside /api/v1 into an error body"),
      new NotAnOperation("* /api/v1/*", "the body handler that reads (and caps at 64 KiB) every API request body"),
      new NotAnOperation("* /api/v1/*", "authentication: every API route mounted after it needs an access token"),
      new NotAnOperation("* /api/v1/*", "the 404 for a path under /api/v1 that no route takes"),
      new NotAnOperation("* /api/v1/*", "the failure handler that turns an API failure into an error body"));

  /** The keys of a path item that are operations (OpenAPI 3.1, "Path Item Object"). */
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");

  private static final JsonObject CONFIG = new JsonObject()
      .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
      // Nothing listens there: the client connects on first use, and the router is all this test reads.
      .put("redis", new JsonObject().put("url", "redis://127.0.0.1:1"))
      .put("auth", new JsonObject().put("jwtSecret", "test-secret-of-enough-length-0123456789"));

  private static Vertx vertx;
  private static GatewayVerticle gateway;
  /** The document, valid OpenAPI, every {@code $ref} replaced by what it names. */
  private static JsonObject document;

  @BeforeAll
  static void deployAGatewayAndReadItsDocument() throws Exception {
    vertx = Vertx.vertx();
    gateway = new GatewayVerticle();
    vertx.deployVerticle(gateway, new DeploymentOptions().setConfig(CONFIG)).await(10, TimeUnit.SECONDS);
    document = validDocument().await(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void everyMountedRouteIsADocumentedOperationAndEveryOperationIsMounted() {
    List<String> unexplained = routes(gateway.router(), "");
    TreeSet<String> notMounted = new TreeSet<>();
    for (DocumentedOperation operation : operations()) {
      if (!unexplained.remove(operation.route())) {
        notMounted.add(operation.route() + " (" + operation.id() + ")");
      }
    }
    List<String> staleExclusions = new ArrayList<>();
    for (NotAnOperation excluded : NOT_OPERATIONS) {
      if (!unexplained.remove(excluded.route())) {
        staleExclusions.add(excluded.route() + ": " + excluded.why());
      }
    }

    assertAll(
        () -> assertEquals(List.of(), unexplained, "mounted by the gateway but not operations of " + DOCUMENT
            + " (describe them there, or add them to NOT_OPERATIONS with the reason)"),
        () -> assertEquals(List.of(), List.copyOf(notMounted),
            "operations of " + DOCUMENT + " that the gateway does not mount"),
        () -> assertEquals(List.of(), staleExclusions, "NOT_OPERATIONS entries that match no mounted route any more"));
  }

  /** Where the document states a size, and the bound of {@link Bounds} it must state. */
  static Stream<Limit> limits() {
    return Stream.of(
        new Limit("register", "email", "maxLength", Bounds.EMAIL),
        new Limit("register", "password", "minLength", Bounds.PASSWORD_MIN),
        new Limit("register", "password", "maxLength", Bounds.PASSWORD_MAX),
        new Limit("register", "name", "maxLength", Bounds.PERSON_NAME),
        new Limit("login", "email", "maxLength", Bounds.EMAIL),
        new Limit("login", "password", "minLength", Bounds.PASSWORD_MIN),
        new Limit("login", "password", "maxLength", Bounds.PASSWORD_MAX),
        new Limit("changePassword", "currentPassword", "maxLength", Bounds.PASSWORD_MAX),
        new Limit("changePassword", "newPassword", "minLength", Bounds.PASSWORD_MIN),
        new Limit("changePassword", "newPassword", "maxLength", Bounds.PASSWORD_MAX),
        new Limit("updateProfile", "name", "maxLength", Bounds.PERSON_NAME),
        new Limit("createRoom", "name", "maxLength", Bounds.ROOM_NAME),
        new Limit("createRoom", "topic", "maxLength", Bounds.TOPIC),
        new Limit("updateRoom", "name", "maxLength", Bounds.ROOM_NAME),
        new Limit("updateRoom", "topic", "maxLength", Bounds.TOPIC),
        new Limit("openDm", "users", "maxItems", Bounds.GROUP_MAX),
        new Limit("findUsers", "?q", "maxLength", Bounds.SEARCH_QUERY),
        new Limit("searchMessages", "?q", "maxLength", Bounds.MESSAGE_SEARCH_QUERY),
        new Limit("inviteByEmail", "emails", "maxItems", Bounds.INVITE_EMAILS),
        new Limit("inviteByEmail", "emails[]", "maxLength", Bounds.EMAIL));
  }

  @ParameterizedTest
  @MethodSource("limits")
  void theDocumentStatesTheBoundsTheGatewayChecks(Limit limit) {
    JsonObject operation = operation(limit.operation()).model();
    JsonObject schema = limit.field().startsWith("?")
        ? queryParameter(limit.operation(), limit.field().substring(1))
        : bodyField(limit.operation(), operation, limit.field());
    Object stated = schema.getValue(limit.keyword());
    assertEquals(limit.bound(), stated instanceof Number number ? number.intValue() : stated,
        limit + " in " + schema.encode());
  }

  @Test
  void aHandleIsHandleMinToHandleMaxOfLowerCaseLettersDigitsAndUnderscores() {
    JsonObject user = operation("getProfile").model().getJsonObject("responses").getJsonObject("200")
        .getJsonObject("content").getJsonObject("application/json").getJsonObject("schema")
        .getJsonObject("properties").getJsonObject("user");
    String pattern = user.getJsonObject("properties").getJsonObject("handle").getString("pattern");
    assertEquals("^[a-z0-9_]{" + Bounds.HANDLE_MIN + "," + Bounds.HANDLE_MAX + "}$", pattern);
  }

  @Test
  void theDocumentNamesEveryErrorCodeOfTheContractWithItsStatus() {
    JsonObject errorCode = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("ErrorCode");
    List<String> wireNames = Arrays.stream(ErrorCode.values()).map(ErrorCode::wireName).toList();
    assertEquals(wireNames, errorCode.getJsonArray("enum").getList(), "the ErrorCode schema's enum");

    String introduction = document.getJsonObject("info").getString("description");
    for (ErrorCode code : ErrorCode.values()) {
      String named = "`" + code.wireName() + "` " + code.httpStatus();
      assertTrue(introduction.contains(named), "the document's introduction lists " + named);
      String listed = code.wireName() + " " + code.httpStatus();
      assertTrue(errorCode.getString("description").contains(listed), "the ErrorCode schema lists " + listed);
    }
  }

  @Test
  void anOperationThatMayFindAServiceAwayMayAlsoMeetABug() {
    // Both come out of the one failure map (Failures) for any request that reaches a service.
    JsonObject internal = document.getJsonObject("components").getJsonObject("responses").getJsonObject("Internal");
    assertNotNull(internal, "a shared 500 response, components/responses/Internal");
    List<String> without = new ArrayList<>();
    for (DocumentedOperation operation : operations()) {
      JsonObject responses = operation.model().getJsonObject("responses");
      if (isErrorBody(responses.getJsonObject("503")) && !isErrorBody(responses.getJsonObject("500"))) {
        without.add(operation.id());
      }
    }
    assertEquals(List.of(), without, "operations that answer 503 'unavailable' but not 500 'internal'");
  }

  // ---- the routes ----

  /**
   * Every route of {@code router} and of the routers mounted on it, as {@code "METHOD /path/{param}"} with the path
   * written as the document writes it; {@code *} for any method, a trailing {@code *} for a path and everything
   * under it.
   */
  private static List<String> routes(Router router, String mountPoint) {
    List<String> found = new ArrayList<>();
    for (Route route : router.getRoutes()) {
      String path = route.getPath();
      if (path == null && route.isRegexPath()) {
        fail("a route by regular expression under '" + mountPoint + "/' cannot be compared with the document");
      }
      if (route.getSubRouter() != null) {
        found.addAll(routes(route.getSubRouter(), mountPoint + withoutTrailingSlash(path)));
        continue;
      }
      String fullPath = path == null ? mountPoint + "/*"
          : mountPoint + path.replaceAll(":([A-Za-z0-9_]+)", "{$1}") + (route.isExactPath() ? "" : "*");
      if (route.methods() == null || route.methods().isEmpty()) {
        found.add("* " + fullPath);
      } else {
        route.methods().forEach(method -> found.add(method.name() + " " + fullPath));
      }
    }
    return found;
  }

  private static String withoutTrailingSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  // ---- the document ----

  /**
   * The document read the way Vert.x's {@code OpenAPIContract.from} reads it: parsed, validated against the OpenAPI
   * schema of its version, every {@code $ref} resolved. {@code from} itself is not used because it goes on to build
   * a request validator, which Vert.x 5.0 refuses to build for media types it cannot validate: the pictures
   * ({@code image/png}, {@code image/svg+xml}, an image upload), the web client's page and this very YAML. Those are
   * what the gateway really serves, so the document keeps them.
   */
  private static Future<JsonObject> validDocument() {
    return Utils.readYamlOrJson(vertx, DOCUMENT).compose(raw -> {
      OpenAPIVersion version = OpenAPIVersion.fromContract(raw);
      return version.getRepository(vertx, "app://").compose(repository ->
          version.validateContract(vertx, repository, raw).compose(result -> {
            try {
              result.checkValidity();
            } catch (JsonSchemaValidationException invalid) {
              return Future.failedFuture(new AssertionError(DOCUMENT + " is not valid OpenAPI "
                  + raw.getString("openapi") + ": " + invalid.getMessage() + " at " + invalid.location(), invalid));
            }
            return version.resolve(vertx, repository, raw);
          }));
    });
  }

  /** An operation of the document: its method and path, its id, and its description with path parameters. */
  private record DocumentedOperation(String route, String id, JsonObject model) {
  }

  private static List<DocumentedOperation> operations() {
    List<DocumentedOperation> operations = new ArrayList<>();
    JsonObject paths = document.getJsonObject("paths");
    // Resolving leaves annotations of its own (keys such as __absolute_uri__) beside the document's.
    for (String path : paths.fieldNames().stream().filter(JsonSchema.EXCLUDE_ANNOTATIONS).toList()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (METHODS.contains(method)) {
          JsonObject model = item.getJsonObject(method);
          operations.add(new DocumentedOperation(method.toUpperCase(Locale.ROOT) + " " + path,
              model.getString("operationId"), withPathParameters(model, item)));
        }
      }
    }
    return operations;
  }

  /** The operation with the parameters declared on its path added, as OpenAPI defines them to apply. */
  private static JsonObject withPathParameters(JsonObject operation, JsonObject pathItem) {
    JsonArray parameters = pathItem.getJsonArray("parameters", new JsonArray()).copy();
    parameters.addAll(operation.getJsonArray("parameters", new JsonArray()));
    return operation.copy().put("parameters", parameters);
  }

  private static DocumentedOperation operation(String id) {
    return operations().stream().filter(operation -> id.equals(operation.id())).findFirst()
        .orElseGet(() -> fail("no operation " + id + " in " + DOCUMENT));
  }

  /** A property of the JSON request body ({@code name}), or the items of an array property ({@code emails[]}). */
  private static JsonObject bodyField(String id, JsonObject operation, String field) {
    JsonObject body = operation.getJsonObject("requestBody");
    assertNotNull(body, id + " takes a request body");
    JsonObject properties = body.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema")
        .getJsonObject("properties");
    assertNotNull(properties, id + "'s request body lists its properties");
    boolean items = field.endsWith("[]");
    JsonObject property = properties.getJsonObject(items ? field.substring(0, field.length() - 2) : field);
    assertNotNull(property, id + "'s request body has '" + field + "'");
    return items ? property.getJsonObject("items") : property;
  }

  private static JsonObject queryParameter(String id, String name) {
    JsonArray parameters = operation(id).model().getJsonArray("parameters");
    for (int i = 0; i < parameters.size(); i++) {
      JsonObject described = parameters.getJsonObject(i);
      if ("query".equals(described.getString("in")) && name.equals(described.getString("name"))) {
        return described.getJsonObject("schema");
      }
    }
    return fail(id + " has no query parameter '" + name + "'");
  }

  /**
   * Whether a response's body is the error body, {@code {"error":{..}}}; the readiness probe's 503 is not (it
   * reports the probe, it is no failure of the request).
   */
  private static boolean isErrorBody(JsonObject response) {
    if (response == null || !response.containsKey("content")) {
      return false;
    }
    JsonObject schema = response.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema");
    return schema.getJsonArray("required", new JsonArray()).contains("error");
  }

  /** A mounted route that is no operation of the API, and why. */
  private record NotAnOperation(String route, String why) {
  }

  /** {@code keyword} of {@code field} (a body property; {@code ?name}: a query parameter) is {@code bound}. */
  record Limit(String operation, String field, String keyword, int bound) {

    @Override
    public String toString() {
      return operation + " " + field + " " + keyword + " = " + bound;
    }
  }
}
