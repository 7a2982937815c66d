package dev.parley.shared.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Which push subscription endpoints Parley will POST to: only those of known push services ({@code notify.pushServices}),
 * so a subscription cannot turn the server into a proxy for requests to anywhere (SSRF). An allowed service is an
 * origin, {@code https://fcm.googleapis.com}, or a wildcard over its subdomains, {@code https://*.notify.windows.com}.
 * An endpoint must use {@code https}; plain {@code http} passes only an entry that names it exactly, scheme, host and
 * port (a test's local receiver). Checked when a device subscribes and again before each delivery.
 */
public final class PushEndpoints {

  /** The push services of the browsers people use: Chrome/Edge/Opera (FCM), Firefox, Windows, Safari. */
  public static final List<String> KNOWN_SERVICES = List.of("https://fcm.googleapis.com",
      "https://*.push.services.mozilla.com", "https://*.notify.windows.com", "https://web.push.apple.com");

  /** The longest endpoint taken (the services' URLs are a few hundred characters). */
  public static final int MAX_LENGTH = 1024;

  private PushEndpoints() {
  }

  /** Whether the endpoint belongs to one of these services. */
  public static boolean allowed(List<String> services, String endpoint) {
    if (endpoint == null || endpoint.length() > MAX_LENGTH) {
      return false;
    }
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (URISyntaxException malformed) {
      return false;
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getScheme() == null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = portOf(scheme, uri.getPort());
    for (String service : services) {
      if (matches(service, scheme, host, port)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String service, String scheme, String host, int port) {
    URI allowed;
    try {
      allowed = new URI(service.replace("://*.", "://wildcard."));
    } catch (URISyntaxException malformed) {
      return false;
    }
    if (allowed.getScheme() == null || allowed.getHost() == null) {
      return false;
    }
    String allowedScheme = allowed.getScheme().toLowerCase(Locale.ROOT);
    if (!allowedScheme.equals(scheme) || !("https".equals(scheme) || "http".equals(scheme))) {
      return false;
    }
    if (portOf(allowedScheme, allowed.getPort()) != port) {
      return false;
    }
    String allowedHost = allowed.getHost().toLowerCase(Locale.ROOT);
    if (service.contains("://*.")) {
      // A wildcard only ever stands for subdomains of an https service.
      String suffix = allowedHost.substring("wildcard".length());
      return "https".equals(scheme) && host.endsWith(suffix) && host.length() > suffix.length();
    }
    return allowedHost.equals(host);
  }

  private static int portOf(String scheme, int port) {
    return port >= 0 ? port : "https".equals(scheme) ? 443 : 80;
  }
}
