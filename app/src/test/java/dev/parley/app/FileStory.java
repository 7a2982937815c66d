package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.UUID;

/** The everyday story of a file, told the same against every storage. */
final class FileStory {

  private FileStory() {
  }

  /** Who the file tests need: Ana's channel, Bob in it, Carol a member of another room only. */
  record Cast(TestApi.User ana, TestApi.User bob, TestApi.User carol, String channel) {

    static Cast meet(TestApi api) {
      TestApi.User ana = api.register("Ana");
      TestApi.User bob = api.register("Bob");
      TestApi.User carol = api.register("Carol");
      String channel = api.createChannel(ana, "files-" + UUID.randomUUID().toString().substring(0, 8));
      api.join(bob, channel);
      api.createChannel(carol, "elsewhere-" + UUID.randomUUID().toString().substring(0, 8));
      return new Cast(ana, bob, carol, channel);
    }
  }

  /**
   * The sender uploads a picture and sends it; the reader sees it arrive with the message, in history too, and
   * downloads it whole, in part, from cache and as a thumbnail. Answers the file's id.
   */
  static String uploadSendAndDownload(Vertx vertx, TestApi api, TestApi.User sender, TestApi.User reader,
                                      String room) {
    byte[] picture = TestFiles.picture("png", 800, 600);
    JsonObject file = TestApi.expect(201, api.upload(sender, room, "holiday.png", picture)).getJsonObject("file");
    String id = file.getString("id");
    assertEquals(new JsonObject().put("id", id).put("name", "holiday.png").put("size", picture.length)
        .put("type", "image/png").put("width", 800).put("height", 600).put("thumbnail", true), file);

    try (TestSocket watching = TestSocket.connect(vertx, api.port(), reader);
         TestSocket sending = TestSocket.connect(vertx, api.port(), sender)) {
      watching.subscribeLive(room);
      JsonObject ack = sending.nextOpAfterSend(new JsonObject().put("op", "send").put("room", room)
          .put("cid", UUID.randomUUID().toString()).put("text", "Look!").put("files", new JsonArray().add(id)));
      assertEquals("ack", ack.getString("op"), ack.encode());
      JsonObject event = watching.nextEvent("message");
      assertEquals(new JsonArray().add(file), event.getJsonObject("data").getJsonArray("files"));
    }
    JsonObject inHistory = api.history(reader, room, "after=0").getJsonArray("messages").stream()
        .map(JsonObject.class::cast).filter(message -> message.containsKey("files")).reduce((a, b) -> b).orElseThrow();
    assertEquals(new JsonArray().add(file), inHistory.getJsonArray("files"));

    HttpResponse<Buffer> whole = api.download(reader, id);
    assertEquals(200, whole.statusCode());
    assertArrayEquals(picture, whole.body().getBytes(), "a PNG without metadata is served as it came");
    assertEquals("image/png", whole.getHeader("Content-Type"));
    assertEquals("inline; filename=\"holiday.png\"; filename*=UTF-8''holiday.png",
        whole.getHeader("Content-Disposition"));
    assertEquals("nosniff", whole.getHeader("X-Content-Type-Options"));
    assertTrue(whole.getHeader("Content-Security-Policy").startsWith("sandbox;"));
    assertEquals("private, no-cache", whole.getHeader("Cache-Control"));
    assertEquals("bytes", whole.getHeader("Accept-Ranges"));

    String etag = whole.getHeader("ETag");
    assertEquals(304, api.download(reader, id, "If-None-Match", etag).statusCode());
    HttpResponse<Buffer> part = api.download(reader, id, "Range", "bytes=10-19");
    assertEquals(206, part.statusCode());
    assertEquals("bytes 10-19/" + picture.length, part.getHeader("Content-Range"));
    assertArrayEquals(Arrays.copyOfRange(picture, 10, 20), part.body().getBytes());
    HttpResponse<Buffer> tail = api.download(reader, id, "Range", "bytes=-5");
    assertArrayEquals(Arrays.copyOfRange(picture, picture.length - 5, picture.length), tail.body().getBytes());
    assertEquals(416, api.download(reader, id, "Range", "bytes=" + (picture.length + 5) + "-").statusCode());

    HttpResponse<Buffer> thumbnail = api.download(reader, id + "/thumbnail");
    assertEquals(200, thumbnail.statusCode());
    assertEquals("image/jpeg", thumbnail.getHeader("Content-Type"));
    BufferedImage small = TestFiles.read(thumbnail.body().getBytes());
    assertEquals(320, small.getWidth());
    assertEquals(240, small.getHeight());
    return id;
  }
}
