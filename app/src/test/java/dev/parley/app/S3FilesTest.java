package dev.parley.app;

import static dev.parley.app.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The story of a file with S3-compatible storage: a real S3 server (S3Mock) in its own process. */
class S3FilesTest {

  /** Its own Vert.x polls S3Mock while it starts, before any node exists. */
  private static final Vertx POLLING = Vertx.vertx();
  private static S3Mock s3;
  private static TestNodes nodes;
  private static ParleyNode node;
  private static Vertx vertx;
  private static TestApi api;
  private static FileStory.Cast cast;

  @BeforeAll
  static void start() {
    nodes = new TestNodes();
    node = nodes.start(false, config -> {
      config.getJsonObject("files").put("s3Bucket", S3Mock.BUCKET).put("s3Endpoint", s3().endpoint())
          .put("s3PathStyle", true).put("s3AccessKey", "parley").put("s3SecretKey", "parley-secret");
      return config;
    });
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
    cast = FileStory.Cast.meet(api);
  }

  private static S3Mock s3() {
    if (s3 == null) {
      s3 = S3Mock.start(POLLING);
    }
    return s3;
  }

  @AfterAll
  static void stop() {
    nodes.close();
    if (s3 != null) {
      s3.close();
    }
    await(POLLING.close());
  }

  @Test
  void aPictureIsUploadedToTheBucketSentAndSeenByAnotherMember() {
    String id = FileStory.uploadSendAndDownload(vertx, api, cast.ana(), cast.bob(), cast.channel());
    assertEquals(200, s3.status(id), "the bytes are in the bucket, under the file's id");
    assertEquals(200, s3.status(id + ".thumbnail"));
    assertEquals(404, api.download(cast.carol(), id).statusCode());
    assertEquals(404, api.download(cast.carol(), id + "/thumbnail").statusCode());
  }

  @Test
  void nothingOfAnUploadStaysOnTheGatewaysDisk() {
    JsonObject file = TestApi.expect(201, api.upload(cast.ana(), cast.channel(), "notes.txt",
        "kept in the bucket".getBytes(StandardCharsets.UTF_8))).getJsonObject("file");
    assertEquals("kept in the bucket", api.download(cast.ana(), file.getString("id")).bodyAsString());
    // Temporary files go once the answer is out.
    nodes.eventually(S3FilesTest::nothingOnDisk, "no temporary files are left");
  }

  @Test
  void uploadsNeverSentAreSweptFromTheBucket() {
    String id = TestApi.expect(201, api.upload(cast.ana(), cast.channel(), "draft.txt",
        "never sent".getBytes(StandardCharsets.UTF_8))).getJsonObject("file").getString("id");
    assertEquals(200, s3.status(id));
    assertTrue(await(node.gateway().files().sweep(0)) >= 1);
    assertEquals(404, s3.status(id));
  }

  private static boolean nothingOnDisk() {
    try (var left = Files.walk(nodes.filesDir())) {
      return left.noneMatch(Files::isRegularFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
