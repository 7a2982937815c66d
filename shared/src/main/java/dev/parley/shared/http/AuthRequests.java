package dev.parley.shared.http;

import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/**
 * The bodies clients send to sign up and sign in ({@code POST /api/v1/auth/register} and {@code /login}). The
 * gateway reads and checks them field by field against {@link dev.parley.shared.Bounds}; clients (the bench, tests)
 * write them through these records.
 */
public final class AuthRequests {

  /** The fields, as the gateway reads them. */
  public static final String EMAIL = "email";
  public static final String PASSWORD = "password";
  public static final String NAME = "name";
  public static final String DEVICE_TOKEN = "deviceToken";
  public static final String TOKEN = "token";

  private AuthRequests() {
  }

  /** {@code {"email"}}: mail a password-reset link to this address, if it has an account. */
  public record ForgotPassword(String email) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put(EMAIL, email);
    }
  }

  /** {@code {"token","password"}}: the token of an emailed reset link, and the new password. */
  public record ResetPassword(String token, String password) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put(TOKEN, token).put(PASSWORD, password);
    }
  }

  /** {@code {"token"}}: the token of an emailed email-verification link. */
  public record VerifyEmail(String token) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put(TOKEN, token);
    }
  }

  /** {@code {"email","password","name"}}. */
  public record Register(String email, String password, String name) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put(EMAIL, email).put(PASSWORD, password).put(NAME, name);
    }
  }

  /** {@code {"email","password","deviceToken"?}}: the device token this browser got from an earlier sign-in. */
  public record Login(String email, String password, String deviceToken) implements JsonBody {
    public Login(String email, String password) {
      this(email, password, null);
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put(EMAIL, email).put(PASSWORD, password);
      return deviceToken == null ? json : json.put(DEVICE_TOKEN, deviceToken);
    }
  }
}
