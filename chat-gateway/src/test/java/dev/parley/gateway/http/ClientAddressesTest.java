package dev.parley.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who a request comes from, as a real server sees it, with and without trusted proxies in front. */
class ClientAddressesTest {

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() throws Exception {
    assertEquals("127.0.0.1", seenBy(List.of(), "127.0.0.1", "203.0.113.9"));
  }

  @Test
  void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() throws Exception {
    ClientAddresses proxies = new ClientAddresses(List.of("127.0.0.0/8", "10.0.0.0/8"));
    assertEquals("203.0.113.9", seenBy(proxies, "127.0.0.1", "203.0.113.9"));
    // The client may have sent its own X-Forwarded-For: only what the trusted proxies added counts.
    assertEquals("203.0.113.9", seenBy(proxies, "127.0.0.1", "198.51.100.1, 203.0.113.9, 10.1.2.3"));
    assertEquals("2001:db8::7", seenBy(proxies, "127.0.0.1", "2001:db8::7"));
    assertEquals("127.0.0.1", seenBy(proxies, "127.0.0.1", null), "no header: the proxy itself");
  }

  @Test
  void aStrangerCannotChooseItsAddress() throws Exception {
    assertEquals("127.0.0.2", seenBy(List.of("127.0.0.1/32"), "127.0.0.2", "203.0.113.9"));
  }

  @Test
  void aMisconfiguredProxyListIsRefusedAtStartUp() {
    assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("proxy.example.org")));
    assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("10.0.0.0/33")));
  }

  private String seenBy(List<String> trusted, String from, String forwardedFor) throws Exception {
    return seenBy(new ClientAddresses(trusted), from, forwardedFor);
  }

  private String seenBy(ClientAddresses addresses, String from, String forwardedFor) throws Exception {
    HttpServer server = vertx.createHttpServer()
        .requestHandler(request -> request.response().end(addresses.of(request)))
        .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setLocalAddress(from));
    try {
      RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
          .setPort(server.actualPort()).setURI("/");
      if (forwardedFor != null) {
        request.putHeader("X-Forwarded-For", forwardedFor);
      }
      return client.request(request).compose(sent -> sent.send()).compose(response -> response.body())
          .map(Object::toString).await(10, TimeUnit.SECONDS);
    } finally {
      Future.all(client.close(), server.close()).await(10, TimeUnit.SECONDS);
    }
  }
}
