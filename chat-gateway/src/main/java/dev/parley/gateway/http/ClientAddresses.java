package dev.parley.gateway.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Who a request comes from, for per-address limits. Behind a reverse proxy every request comes from the proxy, so
 * when the peer is one of the configured trusted proxies ({@code http.trustedProxies}: addresses or CIDR ranges),
 * the client is the right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy. From anyone else
 * the header is ignored: a client could write anything there.
 */
public final class ClientAddresses {

  private final List<Range> trusted = new ArrayList<>();

  public ClientAddresses(List<String> trustedProxies) {
    for (String entry : trustedProxies) {
      trusted.add(Range.parse(entry.strip()));
    }
  }

  /** The address limits should count this request against. */
  public String of(HttpServerRequest request) {
    SocketAddress peer = request.remoteAddress();
    String address = peer == null ? "unknown" : peer.hostAddress();
    if (trusted.isEmpty() || !isTrusted(address)) {
      return address;
    }
    List<String> forwarded = request.headers().getAll("X-Forwarded-For");
    List<String> hops = new ArrayList<>();
    for (String header : forwarded) {
      for (String hop : header.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.strip());
        }
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      if (!isTrusted(hops.get(i))) {
        return hops.get(i);
      }
    }
    return address;
  }

  private boolean isTrusted(String address) {
    byte[] bytes = literal(address);
    return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
  }

  /** The bytes of an IP address literal, or null for anything else (never a DNS look-up). */
  private static byte[] literal(String address) {
    String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
        : address;
    boolean looksLikeIp = bare.indexOf(':') >= 0 || bare.matches("[0-9.]+");
    if (!looksLikeIp) {
      return null;
    }
    try {
      return InetAddress.getByName(bare).getAddress();
    } catch (UnknownHostException notAnAddress) {
      return null;
    }
  }

  /** An address or CIDR range. */
  private record Range(byte[] network, int prefixBits) {
    static Range parse(String text) {
      int slash = text.indexOf('/');
      byte[] network = literal(slash < 0 ? text : text.substring(0, slash));
      if (network == null) {
        throw new IllegalArgumentException("http.trustedProxies: '" + text + "' is not an IP address or CIDR range");
      }
      int bits = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
      if (bits < 0 || bits > network.length * 8) {
        throw new IllegalArgumentException("http.trustedProxies: bad prefix length in '" + text + "'");
      }
      return new Range(network, bits);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefixBits; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
