package dev.parley.app;

import static dev.parley.app.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Profiles on one node: pictures uploaded as raw bytes (recognised by content, resized to 256 and 64 px, served with
 * caching headers), refusals that store nothing, handles, and profile changes reaching the people who share a room.
 */
class ProfileTest {

  /** WebP pictures as browsers' feature tests carry them (no WebP writer here): 1x1 lossless and lossy. */
  private static final String WEBP_LOSSLESS = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";
  private static final String WEBP_LOSSY = "UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA";

  private TestNodes nodes;
  private Vertx vertx;
  private TestApi api;
  private WebClient client;
  private TestApi.User alice;
  private TestApi.User bob;
  private String room;

  @BeforeEach
  void start() {
    nodes = new TestNodes();
    ParleyNode node = nodes.start(false);
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
    client = WebClient.create(vertx);
    api.register("Owner");
    alice = api.register("Alice");
    bob = api.register("Bob");
    room = api.createChannel(alice, "general");
    api.join(bob, room);
  }

  @AfterEach
  void stop() {
    client.close();
    nodes.close();
  }

  @Test
  void aPngAndAJpegAreCroppedToBothSizesAndServedForEverUnderTheirVersion() throws IOException {
    HttpResponse<Buffer> generated = picture(alice, 256, null, null);
    assertEquals(200, generated.statusCode());
    assertTrue(generated.getHeader("Content-Type").startsWith("image/svg+xml"), generated.getHeader("Content-Type"));
    assertTrue(generated.bodyAsString().contains(">A</text>"), "Alice's initial: " + generated.bodyAsString());
    assertEquals(0, avatarVersion(alice));

    // Red, then green, then blue from left to right: the centred square keeps a sliver of red and of blue.
    JsonObject stored = TestApi.expect(200, upload(alice, encode(stripes(600, 400), "png"), "image/png"));
    int version = stored.getJsonObject("user").getInteger("avatarVersion");
    assertEquals(1, version);

    HttpResponse<Buffer> large = picture(alice, 256, version, null);
    assertEquals(200, large.statusCode());
    assertEquals("image/png", large.getHeader("Content-Type"));
    assertEquals("public, max-age=31536000, immutable", large.getHeader("Cache-Control"));
    assertEquals("nosniff", large.getHeader("X-Content-Type-Options"));
    assertTrue(large.getHeader("Content-Disposition").startsWith("inline"));
    String etag = large.getHeader("ETag");
    assertNotNull(etag);
    BufferedImage square = decode(large);
    assertEquals(256, square.getWidth());
    assertEquals(256, square.getHeight());
    assertColour(Color.RED, square.getRGB(8, 128));
    assertColour(Color.GREEN, square.getRGB(128, 128));
    assertColour(Color.BLUE, square.getRGB(247, 128));

    HttpResponse<Buffer> revalidated = picture(alice, 256, version, etag);
    assertEquals(304, revalidated.statusCode());
    assertEquals(0, revalidated.body() == null ? 0 : revalidated.body().length());
    assertEquals("no-cache", picture(alice, 256, null, null).getHeader("Cache-Control"),
        "without the current version the answer must be revalidated");

    HttpResponse<Buffer> small = picture(alice, 64, version, null);
    assertEquals("image/png", small.getHeader("Content-Type"));
    assertEquals(64, decode(small).getWidth());
    assertEquals(64, decode(small).getHeight());
    assertFalse(etag.equals(small.getHeader("ETag")), "each size has its own ETag");

    TestApi.expect(200, upload(alice, encode(stripes(600, 400), "jpeg"), "image/jpeg"));
    HttpResponse<Buffer> fromJpeg = picture(alice, 256, 2, null);
    assertEquals("public, max-age=31536000, immutable", fromJpeg.getHeader("Cache-Control"));
    assertEquals(256, decode(fromJpeg).getWidth());
    assertEquals(256, decode(fromJpeg).getHeight());
    assertEquals(64, decode(picture(alice, 64, 2, null)).getHeight());
    assertEquals(200, picture(alice, 256, 2, etag).statusCode(), "a new picture has a new ETag");

    // Back to the generated picture, under a new version.
    JsonObject cleared = TestApi.expect(200, api.call(HttpMethod.DELETE, "/api/v1/me/avatar", alice, null));
    assertEquals(3, cleared.getJsonObject("user").getInteger("avatarVersion"));
    assertTrue(picture(alice, 64, 3, null).getHeader("Content-Type").startsWith("image/svg+xml"));
  }

  @Test
  void gifAndWebPAreAcceptedTooWhateverTheDeclaredContentType() throws IOException {
    // The declared type means nothing: curl's default (a form) and multipart are not parsed either.
    TestApi.expect(200, upload(bob, encode(stripes(90, 120), "gif"), "application/x-www-form-urlencoded"));
    assertEquals(256, decode(picture(bob, 256, 1, null)).getWidth());
    TestApi.expect(200, upload(bob, Base64.getDecoder().decode(WEBP_LOSSLESS), "multipart/form-data; boundary=x"));
    TestApi.expect(200, upload(bob, Base64.getDecoder().decode(WEBP_LOSSY), "image/webp"));
    BufferedImage fromWebp = decode(picture(bob, 64, 3, null));
    assertEquals(64, fromWebp.getWidth());
    assertEquals(64, fromWebp.getHeight());
  }

  @Test
  void anythingButAWholePictureOfAnAcceptedFormatIsRefusedAndNothingIsStored() throws IOException {
    byte[] png = encode(stripes(600, 400), "png");
    byte[] jpeg = encode(stripes(600, 400), "jpeg");
    String unsupported = "Upload a PNG, JPEG, GIF or WebP picture";
    String unreadable = "The picture could not be read";

    refused(400, unsupported, upload(alice, "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
        "image/png"));
    refused(400, unsupported, upload(alice, ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
        + "<script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8), "image/svg+xml"));
    refused(400, unsupported, upload(alice, new byte[0], "image/png"));
    refused(400, unreadable, upload(alice, Arrays.copyOf(png, png.length / 2), "image/png"));
    refused(400, unreadable, upload(alice, Arrays.copyOf(jpeg, jpeg.length / 2), "image/jpeg"));
    refused(400, "at most 8000 px a side", upload(alice, withSize(png, 9000, 9000), "image/png"));
    refused(413, "larger than 5 MiB", upload(alice, new byte[6 * 1024 * 1024], "image/png"));
    refused(413, "larger than 5 MiB", chunkedUpload(alice, 6 * 1024 * 1024));
    refused(401, null, upload(null, png, "image/png"));
    TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/me", alice, null));
  }

  @Test
  void handlesAreUniqueWhateverTheLetterCaseAndProfilesShowNoEmail() {
    JsonObject changed = TestApi.expect(200, api.call(HttpMethod.PATCH, "/api/v1/me", alice,
        new JsonObject().put("handle", "@Alice_W")));
    assertEquals("alice_w", changed.getJsonObject("user").getString("handle"));

    JsonObject taken = TestApi.expect(409, api.call(HttpMethod.PATCH, "/api/v1/me", bob,
        new JsonObject().put("handle", "ALICE_W")));
    assertEquals("conflict", taken.getJsonObject("error").getString("code"));
    assertEquals("That handle is taken", taken.getJsonObject("error").getString("message"));
    TestApi.expect(400, api.call(HttpMethod.PATCH, "/api/v1/me", bob, new JsonObject().put("handle", "b")));
    TestApi.expect(400, api.call(HttpMethod.PATCH, "/api/v1/me", bob, new JsonObject().put("handle", "bob smith")));
    TestApi.expect(400, api.call(HttpMethod.PATCH, "/api/v1/me", bob, new JsonObject()));

    JsonObject profile = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/users/" + alice.id(), bob, null))
        .getJsonObject("user");
    assertEquals(new JsonObject().put("id", alice.id()).put("name", "Alice").put("handle", "alice_w")
        .put("avatarVersion", 0), profile);
    TestApi.expect(404, api.call(HttpMethod.GET, "/api/v1/users/" + UUID.randomUUID(), bob, null));
    TestApi.expect(401, api.call(HttpMethod.GET, "/api/v1/users/" + alice.id(), null, null));
  }

  @Test
  void aNewNameReachesRoomMembersAndTheOwnOtherDevicesAndRedrawsTheInitials() {
    try (TestSocket bobSocket = TestSocket.connect(vertx, api.port(), bob);
         TestSocket alicePhone = TestSocket.connect(vertx, api.port(), alice)) {
      bobSocket.subscribe(room, null);
      JsonObject changed = TestApi.expect(200, api.call(HttpMethod.PATCH, "/api/v1/me", alice,
          new JsonObject().put("name", "Alice Wonder")));
      int version = changed.getJsonObject("user").getInteger("avatarVersion");
      assertEquals(1, version, "the generated picture shows the initials, so a new name is a new picture");

      JsonObject event = nextOfType(bobSocket, "user.updated");
      assertEquals(room, event.getString("room"));
      assertFalse(event.containsKey("seq"), "profile events are not stored in the room");
      assertEquals(new JsonObject().put("user", alice.id()).put("name", "Alice Wonder")
          .put("handle", changed.getJsonObject("user").getString("handle")).put("avatarVersion", version),
          event.getJsonObject("data"));
      assertEquals(event.getJsonObject("data"), nextOfType(alicePhone, "user.updated").getJsonObject("data"));
    }
    assertTrue(picture(alice, 64, 1, null).bodyAsString().contains(">AW</text>"));
  }

  private static JsonObject nextOfType(TestSocket socket, String type) {
    JsonObject event;
    do {
      event = socket.nextOp("evt");
    } while (!type.equals(event.getString("type")));
    return event;
  }

  /** An HTTP answer's status and body. */
  private record Answer(int status, String body) {
  }

  private void refused(int status, String message, HttpResponse<Buffer> response) {
    refused(status, message, new Answer(response.statusCode(), response.bodyAsString()));
  }

  /** A refusal with its code and message, after which the person still has the generated picture, unchanged. */
  private void refused(int status, String message, Answer answer) {
    assertEquals(status, answer.status(), answer.body());
    JsonObject error = new JsonObject(answer.body()).getJsonObject("error");
    if (message != null) {
      assertTrue(error.getString("message").contains(message), error.getString("message"));
    }
    assertEquals(0, avatarVersion(alice), "nothing stored");
    assertTrue(picture(alice, 256, 0, null).getHeader("Content-Type").startsWith("image/svg+xml"));
  }

  private int avatarVersion(TestApi.User user) {
    return TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/me", user, null)).getJsonObject("user")
        .getInteger("avatarVersion");
  }

  private HttpResponse<Buffer> upload(TestApi.User user, byte[] bytes, String contentType) {
    var request = client.request(HttpMethod.PUT, api.port(), "127.0.0.1", "/api/v1/me/avatar")
        .putHeader("Content-Type", contentType);
    if (user != null) {
      request.bearerTokenAuthentication(user.accessToken());
    }
    return await(request.sendBuffer(Buffer.buffer(bytes)));
  }

  /** An upload without a declared length (chunked), so the limit applies as the body arrives. */
  private Answer chunkedUpload(TestApi.User user, int bytes) {
    HttpClient http = vertx.createHttpClient();
    try {
      Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
      return await(http.request(HttpMethod.PUT, api.port(), "127.0.0.1", "/api/v1/me/avatar")
          .compose(request -> {
            request.setChunked(true).putHeader("Authorization", "Bearer " + user.accessToken());
            for (int sent = 0; sent < bytes; sent += chunk.length()) {
              request.write(chunk);
            }
            request.end();
            // The body is read in the response's own callback: later, it may have gone by already.
            return request.response().compose(response -> response.body()
                .map(body -> new Answer(response.statusCode(), body.toString())));
          }));
    } finally {
      http.close();
    }
  }

  /** A picture as a browser loads it: no Authorization header. */
  private HttpResponse<Buffer> picture(TestApi.User user, int size, Integer version, String ifNoneMatch) {
    var request = client.request(HttpMethod.GET, api.port(), "127.0.0.1",
        "/api/v1/users/" + user.id() + "/avatar?size=" + size + (version == null ? "" : "&v=" + version));
    if (ifNoneMatch != null) {
      request.putHeader("If-None-Match", ifNoneMatch);
    }
    return await(request.send());
  }

  private static BufferedImage stripes(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.RED);
    graphics.fillRect(0, 0, width / 4, height);
    graphics.setColor(Color.GREEN);
    graphics.fillRect(width / 4, 0, width / 2, height);
    graphics.setColor(Color.BLUE);
    graphics.fillRect(width * 3 / 4, 0, width - width * 3 / 4, height);
    graphics.dispose();
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(image, format, out), "no writer for " + format);
    return out.toByteArray();
  }

  private static BufferedImage decode(HttpResponse<Buffer> response) {
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("image/png", response.getHeader("Content-Type"));
    try {
      return ImageIO.read(new ByteArrayInputStream(response.body().getBytes()));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The same PNG claiming other dimensions in its header (with a valid checksum): its pixels never fit them. */
  private static byte[] withSize(byte[] png, int width, int height) {
    byte[] patched = png.clone();
    // Signature (8), then the IHDR chunk: length (4), type (4), width (4), height (4), ..., CRC over type and data.
    ByteBuffer header = ByteBuffer.wrap(patched);
    header.putInt(16, width).putInt(20, height);
    CRC32 crc = new CRC32();
    crc.update(patched, 12, 4 + 13);
    header.putInt(12 + 4 + 13, (int) crc.getValue());
    return patched;
  }

  private static void assertColour(Color expected, int rgb) {
    Color actual = new Color(rgb);
    assertTrue(Math.abs(actual.getRed() - expected.getRed()) < 40
        && Math.abs(actual.getGreen() - expected.getGreen()) < 40
        && Math.abs(actual.getBlue() - expected.getBlue()) < 40, "expected " + expected + " but got " + actual);
  }
}
