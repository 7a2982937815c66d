package dev.parley.app;

import static dev.parley.app.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.HttpResponse;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Files in messages on the local folder storage, as people use them: upload, send, see, download; and as an attacker
 * would try them: files that claim to be what they are not, pictures that would explode when decoded, uploads that
 * never end, names that look like paths, files of rooms one cannot read. {@link S3FilesTest} runs the story against
 * S3-compatible storage.
 */
class FilesTest {

  /** Small, so that cutting off an upload costs the test little. */
  private static final int MAX_BYTES = 1024 * 1024;
  /** Per person and day: Dee's test uses it up; the others upload far less. */
  private static final int QUOTA_BYTES = 2 * MAX_BYTES;

  private static TestNodes nodes;
  private static ParleyNode node;
  private static Vertx vertx;
  private static TestApi api;
  private static FileStory.Cast cast;

  @BeforeAll
  static void start() {
    nodes = new TestNodes();
    node = nodes.start(false, config -> {
      config.getJsonObject("files").put("maxBytes", MAX_BYTES).put("quotaBytesPerDay", QUOTA_BYTES);
      return config;
    });
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
    cast = FileStory.Cast.meet(api);
  }

  @AfterAll
  static void stop() {
    nodes.close();
  }

  @Test
  void aPictureIsUploadedSentAndSeenByAnotherMember() {
    FileStory.uploadSendAndDownload(vertx, api, cast.ana(), cast.bob(), cast.channel());
  }

  @Test
  void nobodyButTheRoomsReadersCanTellAFileExists() {
    JsonObject unsent = upload(cast.ana(), "plan.png", TestFiles.picture("png", 40, 30));
    String id = unsent.getString("id");
    JsonObject unknown = TestApi.expect(404, api.download(cast.bob(), UUID.randomUUID().toString()));
    // Not sent yet: its uploader's alone, even in a room everyone can read.
    assertEquals(200, api.download(cast.ana(), id).statusCode());
    assertEquals(unknown, TestApi.expect(404, api.download(cast.bob(), id)));

    send(cast.ana(), cast.channel(), id);
    assertEquals(200, api.download(cast.bob(), id).statusCode());
    // Carol, a member of another room, and a stranger's token-less request learn nothing either.
    assertEquals(unknown, TestApi.expect(404, api.download(cast.carol(), id)));
    assertEquals(unknown, TestApi.expect(404, api.download(cast.carol(), id + "/thumbnail")));
    assertEquals(unknown, TestApi.expect(404, api.download(cast.carol(), "not-an-id")));
    assertEquals(401, api.download(null, id).statusCode());
  }

  @Test
  void filesAreServedAsWhatTheyAreAndNothingRunsInParleysOrigin() {
    byte[] png = TestFiles.picture("png", 60, 40);
    byte[] html = "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
    byte[] svg = ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script>"
        + "<circle r=\"5\"/></svg>").getBytes(StandardCharsets.UTF_8);
    // A polyglot: a valid PNG that carries an HTML page in a text chunk, named as a page.
    byte[] polyglot = TestFiles.pngWithText(60, 40, "Comment", "<html><script>alert(document.domain)</script>");

    assertServed(upload(cast.ana(), "x.pdf", png), "image/png", "inline");
    assertServed(upload(cast.ana(), "x.png", html), "text/html", "attachment");
    assertServed(upload(cast.ana(), "drawing.png", svg), "image/svg+xml", "attachment");
    HttpResponse<Buffer> served = assertServed(upload(cast.ana(), "x.html", polyglot), "image/png", "inline");
    assertFalse(TestFiles.contains(served.body().getBytes(), "<script>"), "the text chunk is stripped");
  }

  /** Sends the upload, then checks how a member receives it. */
  private static HttpResponse<Buffer> assertServed(JsonObject file, String type, String disposition) {
    assertEquals(type, file.getString("type"), file.encode());
    send(cast.ana(), cast.channel(), file.getString("id"));
    HttpResponse<Buffer> response = api.download(cast.bob(), file.getString("id"));
    assertEquals(200, response.statusCode());
    assertEquals(type, response.getHeader("Content-Type"));
    assertTrue(response.getHeader("Content-Disposition").startsWith(disposition + ";"),
        response.getHeader("Content-Disposition"));
    assertEquals("nosniff", response.getHeader("X-Content-Type-Options"));
    assertTrue(response.getHeader("Content-Security-Policy").startsWith("sandbox;"),
        response.getHeader("Content-Security-Policy"));
    return response;
  }

  @Test
  void aPhotoIsTurnedAsItsExifSaysAndServedWithoutItsMetadata() {
    JsonObject file = upload(cast.ana(), "photo.jpg", TestFiles.jpegWithExif(400, 200, 6, "GPS 48.8584N 2.2945E"));
    assertEquals(200, file.getInteger("width"), "turned a quarter: as it is shown");
    assertEquals(400, file.getInteger("height"));
    send(cast.ana(), cast.channel(), file.getString("id"));
    byte[] served = api.download(cast.bob(), file.getString("id")).body().getBytes();
    assertFalse(TestFiles.contains(served, "48.8584"), "the EXIF block is gone");
    assertTrue(TestFiles.contains(served, "Exif"), "a minimal one keeps the orientation");
    BufferedImage thumbnail = TestFiles.read(api.download(cast.bob(), file.getString("id") + "/thumbnail").body()
        .getBytes());
    assertEquals(160, thumbnail.getWidth());
    assertEquals(320, thumbnail.getHeight());
  }

  @Test
  void aWebpLosesItsExifChunkAndStillReads() {
    JsonObject file = upload(cast.ana(), "dot.webp", TestFiles.webpWithExif("GPS 48.8584N 2.2945E"));
    assertEquals(List.of("image/webp", 1, 1), List.of(file.getString("type"), file.getInteger("width"),
        file.getInteger("height")));
    send(cast.ana(), cast.channel(), file.getString("id"));
    byte[] served = api.download(cast.bob(), file.getString("id")).body().getBytes();
    assertFalse(TestFiles.contains(served, "48.8584"), "the EXIF chunk is gone");
    assertEquals(1, TestFiles.read(served).getWidth(), "and the rest is a WebP still");
  }

  @Test
  void gifsAndWebpPicturesGetThumbnailsToo() {
    JsonObject gif = upload(cast.ana(), "wave.gif", TestFiles.picture("gif", 100, 50));
    assertEquals(List.of("image/gif", 100, 50, true),
        List.of(gif.getString("type"), gif.getInteger("width"), gif.getInteger("height"), gif.getBoolean("thumbnail")));
    JsonObject webp = upload(cast.ana(), "dot.webp", TestFiles.WEBP);
    assertEquals(List.of("image/webp", 1, 1, true),
        List.of(webp.getString("type"), webp.getInteger("width"), webp.getInteger("height"),
            webp.getBoolean("thumbnail")));
  }

  @Test
  void aPictureOfThirtyThousandPixelsSquareIsRefusedBeforeDecoding() {
    byte[] bomb = TestFiles.pngBomb(30_000, 30_000);
    assertTrue(bomb.length < 8 * 1024, "a few KB: " + bomb.length);
    long stored = storedFiles();
    JsonObject refused = TestApi.expect(400, api.upload(cast.ana(), cast.channel(), "bomb.png", bomb)).getJsonObject("error");
    assertTrue(refused.getString("message").contains("30000×30000"), refused.encode());
    assertEquals(stored, storedFiles(), "nothing kept");
  }

  @Test
  void aPictureWhosePixelsCannotBeDrawnIsKeptWithoutAThumbnail() {
    JsonObject file = upload(cast.ana(), "broken.png", TestFiles.pngWithBrokenData(100, 50));
    assertEquals(List.of("image/png", 100, 50, false), List.of(file.getString("type"), file.getInteger("width"),
        file.getInteger("height"), file.getBoolean("thumbnail")));
    send(cast.ana(), cast.channel(), file.getString("id"));
    assertEquals(404, api.download(cast.bob(), file.getString("id") + "/thumbnail").statusCode());
  }

  @Test
  void aPersonsDailyQuotaHoldsAcrossUploads() {
    TestApi.User dee = api.register("Dee");
    String room = api.createChannel(dee, "dee-" + UUID.randomUUID().toString().substring(0, 8));
    byte[] part = new byte[MAX_BYTES - 64 * 1024];
    TestApi.expect(201, api.upload(dee, room, "one.bin", part));
    TestApi.expect(201, api.upload(dee, room, "two.bin", part));
    JsonObject over = TestApi.expect(413, api.upload(dee, room, "three.bin", part)).getJsonObject("error");
    assertTrue(over.getString("message").contains("daily upload quota"), over.encode());
    TestApi.expect(201, api.upload(dee, room, "rest.bin", new byte[2 * 64 * 1024]));
    JsonObject none = TestApi.expect(429, api.upload(dee, room, "more.bin", new byte[16 * 1024])).getJsonObject("error");
    assertEquals("rate_limited", none.getString("code"));
  }

  @Test
  void anUploadOverTheLimitIsCutOffWithoutReadingTheRest() {
    String boundary = "parley-boundary";
    RawUpload raw = RawUpload.start("multipart/form-data; boundary=" + boundary, "Transfer-Encoding: chunked");
    NetSocket socket = raw.socket();
    writeChunk(socket, ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\""
        + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    byte[] block = new byte[64 * 1024];
    Arrays.fill(block, (byte) 'x');
    // Three times the limit, and the body never ends: the answer must come without the rest.
    for (int sent = 0; sent < 3 * MAX_BYTES; sent += block.length) {
      writeChunk(socket, block);
    }
    String answer = raw.answer();
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.contains("\"too_large\""), answer);
  }

  @Test
  void anUploadThatDeclaresTooMuchIsRefusedBeforeItsBody() {
    String answer = RawUpload.start("multipart/form-data; boundary=b", "Content-Length: 10737418240").answer();
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
  }

  /** An upload written by hand on a socket: what the server answers, once it has closed the connection. */
  private record RawUpload(NetSocket socket, StringBuilder received, Promise<Void> closed) {

    static RawUpload start(String contentType, String lengthHeader) {
      NetSocket socket = await(vertx.createNetClient().connect(api.port(), "127.0.0.1"));
      RawUpload raw = new RawUpload(socket, new StringBuilder(), Promise.promise());
      socket.handler(bytes -> raw.received().append(bytes.toString(StandardCharsets.ISO_8859_1)));
      socket.closeHandler(ended -> raw.closed().tryComplete());
      socket.write("POST /api/v1/rooms/" + cast.channel() + "/files HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Authorization: Bearer " + cast.ana().accessToken() + "\r\nContent-Type: " + contentType + "\r\n"
          + lengthHeader + "\r\n\r\n");
      return raw;
    }

    String answer() {
      await(closed.future());
      return received.toString();
    }
  }

  private static void writeChunk(NetSocket socket, byte[] data) {
    socket.write(Buffer.buffer(Integer.toHexString(data.length) + "\r\n").appendBytes(data).appendString("\r\n"));
  }

  @Test
  void aNameLikeAPathChangesNothingOnDisk() throws IOException {
    Path passwd = nodes.filesDir().resolve("../../etc/passwd").normalize();
    byte[] before = Files.exists(passwd) ? Files.readAllBytes(passwd) : null;
    JsonObject file = upload(cast.ana(), "../../etc/passwd", "root::0:0:owned:/:/bin/sh\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("passwd", file.getString("name"));
    assertEquals("text/plain", file.getString("type"));
    if (before != null) {
      assertArrayEquals(before, Files.readAllBytes(passwd));
    } else {
      assertFalse(Files.exists(passwd));
    }
    List<String> names = storedNames();
    assertTrue(names.contains(file.getString("id")), names.toString());
    assertTrue(names.stream().allMatch(name -> name.matches("[0-9a-f-]{36}(\\.thumbnail)?")), names.toString());
  }

  @Test
  void theFilesOfADeletedMessageAreNoLongerServed() {
    JsonObject file = upload(cast.ana(), "secret.txt", "the plan".getBytes(StandardCharsets.UTF_8));
    String message = send(cast.ana(), cast.channel(), file.getString("id")).getString("id");
    assertEquals(200, api.download(cast.bob(), file.getString("id")).statusCode());
    TestApi.expect(204, api.call(HttpMethod.DELETE, "/api/v1/rooms/" + cast.channel() + "/messages/" + message, cast.ana(), null));
    assertEquals(404, api.download(cast.bob(), file.getString("id")).statusCode());
    assertEquals(404, api.download(cast.ana(), file.getString("id")).statusCode());
    JsonObject deleted = api.history(cast.bob(), cast.channel(), "after=0").getJsonArray("messages").stream()
        .map(JsonObject.class::cast).filter(seen -> seen.getString("id").equals(message)).findFirst().orElseThrow();
    assertFalse(deleted.containsKey("files"), deleted.encode());
  }

  @Test
  void aFileIsSentOnceByItsUploaderInTheRoomItWasUploadedTo() {
    String id = upload(cast.ana(), "once.txt", "once".getBytes(StandardCharsets.UTF_8)).getString("id");
    String elsewhere = api.createChannel(cast.ana(), "second-" + UUID.randomUUID().toString().substring(0, 8));
    try (TestSocket anaSocket = TestSocket.connect(vertx, api.port(), cast.ana());
         TestSocket bobSocket = TestSocket.connect(vertx, api.port(), cast.bob())) {
      assertEquals("invalid", sendFrame(bobSocket, cast.channel(), "c-1", id).getString("code"), "not Bob's upload");
      assertEquals("invalid", sendFrame(anaSocket, elsewhere, "c-2", id).getString("code"), "not that room's");
      JsonObject ack = sendFrame(anaSocket, cast.channel(), "c-3", id);
      assertEquals("ack", ack.getString("op"), ack.encode());
      assertEquals(ack.getString("id"), sendFrame(anaSocket, cast.channel(), "c-3", id).getString("id"), "a resend");
      assertEquals("invalid", sendFrame(anaSocket, cast.channel(), "c-4", id).getString("code"), "sent already");
      JsonObject tooMany = new JsonObject().put("op", "send").put("room", cast.channel()).put("cid", "c-5")
          .put("files", new JsonArray(Stream.generate(() -> UUID.randomUUID().toString()).limit(11).toList()));
      assertEquals("invalid", anaSocket.nextOpAfterSend(tooMany).getString("code"));
    }
  }

  @Test
  void uploadsNeverSentAreSweptFromStorage() {
    String id = upload(cast.ana(), "draft.txt", "never sent".getBytes(StandardCharsets.UTF_8)).getString("id");
    assertTrue(storedNames().contains(id));
    assertTrue(await(node.gateway().files().sweep(0)) >= 1);
    assertFalse(storedNames().contains(id));
    assertEquals(404, api.download(cast.ana(), id).statusCode());
  }

  private static JsonObject sendFrame(TestSocket socket, String room, String cid, String file) {
    return socket.nextOpAfterSend(new JsonObject().put("op", "send").put("room", room).put("cid", cid)
        .put("text", "").put("files", new JsonArray().add(file)));
  }

  private static JsonObject upload(TestApi.User user, String name, byte[] content) {
    return TestApi.expect(201, api.upload(user, cast.channel(), name, content)).getJsonObject("file");
  }

  private static JsonObject send(TestApi.User user, String room, String... files) {
    try (TestSocket socket = TestSocket.connect(vertx, api.port(), user)) {
      JsonObject ack = socket.nextOpAfterSend(new JsonObject().put("op", "send").put("room", room)
          .put("cid", UUID.randomUUID().toString()).put("text", "").put("files", new JsonArray(List.of(files))));
      assertEquals("ack", ack.getString("op"), ack.encode());
      return ack;
    }
  }

  private static long storedFiles() {
    return storedNames().size();
  }

  /** The objects in storage (uploads under way, in {@code tmp}, are not). */
  private static List<String> storedNames() {
    Path underWay = nodes.filesDir().resolve("tmp");
    List<String> names = new ArrayList<>();
    try {
      // Not into tmp: an upload of another test may end there while this walks it.
      Files.walkFileTree(nodes.filesDir(), new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
          return dir.equals(underWay) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (attributes.isRegularFile()) {
            names.add(file.getFileName().toString());
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }
}
