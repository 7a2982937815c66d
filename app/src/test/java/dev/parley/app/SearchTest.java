package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Message search against real PostgreSQL (its English stemming, pg_trgm and the search indexes of V9__search.sql),
 * through the HTTP API as people use it: what is found, what never is (rooms one cannot read now, deleted messages,
 * text edited away), the filters, paging, and clear errors for what is not a search.
 */
class SearchTest {

  private TestNodes nodes;
  private Vertx vertx;
  private TestApi api;
  private TestApi.User alice;
  private TestApi.User bob;
  private TestApi.User carol;
  private String general;

  @BeforeEach
  void startNode() {
    nodes = new TestNodes();
    ParleyNode node = nodes.start(false);
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
    api.register("Owner");
    alice = api.register("Alice");
    bob = api.register("Bob");
    carol = api.register("Carol");
    general = api.createChannel(alice, "general");
    api.join(bob, general);
  }

  @AfterEach
  void stopNode() {
    nodes.close();
  }

  @Test
  void findsMessagesWithFilesAndFilesByTheirNames() {
    String fileId = TestApi.expect(201, api.upload(alice, general, "crash-report_2026.log",
        "the server fell over".getBytes(StandardCharsets.UTF_8))).getJsonObject("file").getString("id");
    try (TestSocket socket = TestSocket.connect(vertx, api.port(), alice)) {
      String plain = id(socket.sendMessage(general, "nothing attached to this report"));
      socket.send(new JsonObject().put("op", "send").put("room", general).put("cid", "with-file")
          .put("text", "see the attachment").put("files", new JsonArray().add(fileId)));
      String withFile = socket.nextOp("ack").getString("id");

      assertEquals(List.of(withFile), ids(search(bob, "has:file")));
      assertEquals(List.of(withFile), ids(search(bob, "crash")), "found by a word of its file's name");
      assertEquals(Set.of(withFile, plain), Set.copyOf(ids(search(bob, "report"))), "the text or a file's name");
      assertEquals(List.of(withFile), ids(search(bob, "report has:file")));
      assertEquals(List.of(), ids(search(carol, "crash")), "Carol cannot read the room");
    }
  }

  @Test
  void findsStemmedWordsPartialWordsIdentifiersAndChineseByTwoCharacters() {
    try (TestSocket socket = TestSocket.connect(vertx, api.port(), alice)) {
      String deployments = id(socket.sendMessage(general, "The deployments were failing all night"));
      String exception = id(socket.sendMessage(general, "got a NullPointerException in OrderService.java:42"));
      String chinese = id(socket.sendMessage(general, "我们今天讨论数据库的迁移计划"));
      String kubernetes = id(socket.sendMessage(general, "kubernetes cluster upgraded"));

      // English stemming: "failed" and "failing" are both "fail", "deployment" and "deployments" both "deploy".
      assertEquals(List.of(deployments), ids(search(bob, "failed")));
      assertEquals(List.of(deployments), ids(search(bob, "deployment")));
      assertEquals(List.of(deployments), ids(search(bob, "deployed failed")), "every word must match");
      // A partial word: the start of one, and any piece of a code-like word.
      assertEquals(List.of(kubernetes), ids(search(bob, "kube")));
      assertEquals(List.of(exception), ids(search(bob, "NullPointer")));
      assertEquals(List.of(exception), ids(search(bob, "PointerExc")));
      assertEquals(List.of(exception), ids(search(bob, "exception")), "a word of a CamelCase name");
      assertEquals(List.of(exception), ids(search(bob, "OrderService.java")));
      // Chinese, written without spaces: any two neighbouring characters, one character, but not two apart.
      assertEquals(List.of(chinese), ids(search(bob, "数据")));
      assertEquals(List.of(chinese), ids(search(bob, "论数")));
      assertEquals(List.of(chinese), ids(search(bob, "数据库")));
      assertEquals(List.of(chinese), ids(search(bob, "库")));
      assertEquals(List.of(), ids(search(bob, "数据迁移")), "the characters must stand together");
      // Words the English index leaves out are left out of the search too, not matched everywhere.
      assertEquals(List.of(kubernetes), ids(search(bob, "the kubernetes")));
      assertEquals(List.of(), ids(search(bob, "the")));
    }
  }

  @Test
  void snippetsArePlainTextWithTheMatchesAsRanges() {
    try (TestSocket socket = TestSocket.connect(vertx, api.port(), alice)) {
      socket.sendMessage(general, "<b>bold</b> claim: NullPointerException again, deploying now");
      socket.sendMessage(general, "x".repeat(400) + " needle " + "y".repeat(400));

      JsonObject snippet = search(bob, "NullPointer deployed").getJsonArray("results").getJsonObject(0)
          .getJsonObject("snippet");
      String text = snippet.getString("text");
      assertEquals("<b>bold</b> claim: NullPointerException again, deploying now", text, "markup stays text");
      assertEquals(List.of("NullPointerException", "deploying"), marked(snippet));

      JsonObject cut = search(bob, "needle").getJsonArray("results").getJsonObject(0).getJsonObject("snippet");
      assertTrue(cut.getBoolean("cutStart") && cut.getBoolean("cutEnd"), cut.encode());
      assertTrue(cut.getString("text").length() <= 280, "a long message is cut around its match");
      assertEquals(List.of("needle"), marked(cut));
    }
  }

  @Test
  void aPrivateRoomIsNeverFoundByOutsidersNorByFormerMembers() {
    String secret = api.createRoom(alice, "secret", "private");
    TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/rooms/" + secret + "/members", alice,
        new JsonObject().put("user", bob.id())));
    String dm = api.openDm(alice, bob);
    try (TestSocket socket = TestSocket.connect(vertx, api.port(), alice)) {
      String before = id(socket.sendMessage(secret, "budget alpha for the launch"));
      String inDm = id(socket.sendMessage(dm, "budget between us"));
      assertEquals(Set.of(before, inDm), Set.copyOf(ids(search(bob, "budget"))), "a member finds them");
      assertEquals(List.of(), ids(search(carol, "budget")), "an outsider never does");
      assertError(404, "not_found", call(carol, "q=" + encode("budget in:" + secret)));
      assertError(404, "not_found", call(carol, "q=" + encode("budget in:#secret")));
      assertError(404, "not_found", call(carol, "q=" + encode("budget in:" + dm)));

      TestApi.expect(204, api.call(HttpMethod.DELETE, "/api/v1/rooms/" + secret + "/members/" + bob.id(), alice,
          null));
      String after = id(socket.sendMessage(secret, "budget beta after bob left"));
      assertEquals(Set.of(before, after), Set.copyOf(ids(search(alice, "budget in:#secret"))));
      // Nothing from a room one cannot read now: neither what was said after leaving nor before.
      assertEquals(List.of(inDm), ids(search(bob, "budget")));
      assertEquals(List.of(inDm), ids(search(bob, "budget", "relevance")));
      assertError(404, "not_found", call(bob, "q=" + encode("budget in:#secret")));
    }
  }

  @Test
  void aChannelOneHasNotJoinedIsNotSearched() {
    String random = api.createChannel(alice, "random");
    try (TestSocket socket = TestSocket.connect(vertx, api.port(), alice)) {
      socket.sendMessage(random, "watercooler chat");
      assertEquals(List.of(), ids(search(bob, "watercooler")));
      assertError(403, "forbidden", call(bob, "q=" + encode("watercooler in:#random")));
      api.join(bob, random);
      assertEquals(1, ids(search(bob, "watercooler in:#random")).size(), "joined, its history is searchable");
    }
  }

  @Test
  void deletedMessagesAreNeverFoundAndEditsCountAtOnce() {
    try (TestSocket socket = TestSocket.connect(vertx, api.port(), alice)) {
      String gone = id(socket.sendMessage(general, "temporary zebra"));
      assertEquals(List.of(gone), ids(search(bob, "zebra")));
      TestApi.expect(204, api.call(HttpMethod.DELETE, "/api/v1/rooms/" + general + "/messages/" + gone, alice,
          null));
      assertEquals(List.of(), ids(search(bob, "zebra")));
      assertEquals(List.of(), ids(search(bob, "in:#general")), "not even by its room");

      String edited = id(socket.sendMessage(general, "original giraffe"));
      TestApi.expect(200, api.call(HttpMethod.PATCH, "/api/v1/rooms/" + general + "/messages/" + edited, alice,
          new JsonObject().put("text", "renamed elephant")));
      assertEquals(List.of(), ids(search(bob, "giraffe")));
      JsonObject hit = search(bob, "elephant").getJsonArray("results").getJsonObject(0);
      assertEquals(edited, hit.getJsonObject("message").getString("id"));
      assertEquals("renamed elephant", hit.getJsonObject("snippet").getString("text"));
    }
  }

  @Test
  void filtersNarrowTheSearch() {
    String random = api.createChannel(alice, "random");
    api.join(bob, random);
    String bobHandle = handle(bob);
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice);
         TestSocket bobSocket = TestSocket.connect(vertx, api.port(), bob)) {
      String aliceInGeneral = id(aliceSocket.sendMessage(general, "standup notes"));
      String bobInGeneral = id(bobSocket.sendMessage(general, "standup moved"));
      String aliceInRandom = id(aliceSocket.sendMessage(random, "standup cake"));

      assertEquals(Set.of(aliceInGeneral, bobInGeneral), Set.copyOf(ids(search(bob, "standup in:#general"))));
      assertEquals(List.of(aliceInRandom), ids(search(bob, "standup in:" + random)));
      assertEquals(List.of(bobInGeneral), ids(search(alice, "standup from:@" + bobHandle)));
      assertEquals(List.of(bobInGeneral), ids(search(alice, "from:@" + bobHandle)), "filters alone are a search");
      assertEquals(List.of(aliceInGeneral), ids(search(alice, "standup in:#general from:@" + handle(alice))));

      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      assertEquals(3, ids(search(bob, "standup after:" + today.minusDays(1))).size(), "after: leaves its day out");
      assertEquals(List.of(), ids(search(bob, "standup after:" + today)));
      assertEquals(List.of(), ids(search(bob, "standup before:" + today)), "before: leaves its day out");
      assertEquals(3, ids(search(bob, "standup before:" + today.plusDays(1))).size());
      assertEquals(List.of(), ids(search(bob, "standup has:file")), "none of them carries a file");

      JsonObject hit = search(bob, "cake").getJsonArray("results").getJsonObject(0);
      assertEquals("random", hit.getString("roomName"));
      assertEquals("channel", hit.getString("roomKind"));
      assertEquals(random, hit.getJsonObject("message").getString("room"));
      assertEquals("Alice", hit.getJsonObject("message").getString("senderName"));
      assertTrue(hit.getJsonObject("message").getLong("seq") > 0);
    }
  }

  @Test
  void badSearchesGetAClearError() {
    assertError(400, "invalid", call(bob, ""));
    assertError(400, "invalid", call(bob, "q=" + encode("   ")));
    assertError(400, "invalid", call(bob, "q=" + encode("x".repeat(201))));
    assertError(400, "invalid", call(bob, "q=" + encode("a b c d e f g h i")));
    assertError(400, "invalid", call(bob, "q=" + encode("\"unclosed phrase")));
    assertError(400, "invalid", call(bob, "q=" + encode("before:2026-13-01")));
    assertError(400, "invalid", call(bob, "q=" + encode("after:yesterday")));
    assertError(400, "invalid", call(bob, "q=" + encode("in:not-a-room")));
    assertError(400, "invalid", call(bob, "q=" + encode("from:@x")));
    assertError(400, "invalid", call(bob, "q=" + encode("has:pictures")));
    assertError(400, "invalid", call(bob, "q=" + encode("in:#general in:#random")));
    assertError(400, "invalid", call(bob, "q=" + encode("after:2026-11-02 before:2026-11-03")));
    assertError(400, "invalid", call(bob, "q=x&sort=best"));
    assertError(400, "invalid", call(bob, "q=x&limit=51"));
    assertError(400, "invalid", call(bob, "q=x&cursor=garbage"));
    assertError(400, "invalid", call(bob, "q=" + encode("from:@nobody_here")));
    assertEquals("Nobody has the handle @nobody_here",
        TestApi.expect(400, call(bob, "q=" + encode("from:@nobody_here"))).getJsonObject("error")
            .getString("message"));
    assertError(404, "not_found", call(bob, "q=" + encode("x in:#no-such-channel")));
    assertError(401, "unauthorized", api.call(HttpMethod.GET, "/api/v1/search?q=x", null, null));
  }

  @Test
  void pagesFollowEachOtherWithoutGapsOrRepeatsInBothOrders() {
    List<String> sent = new ArrayList<>();
    try (TestSocket socket = TestSocket.connect(vertx, api.port(), alice)) {
      for (int i = 0; i < 7; i++) {
        sent.add(0, id(socket.sendMessage(general, "pagination test number " + i)));
      }
      String older = id(socket.sendMessage(general, "ranking ranking ranking words"));
      String newer = id(socket.sendMessage(general, "ranking plus many other words that dilute it a lot here"));

      assertEquals(sent, allPages("pagination", "recent"), "newest first, three at a time");
      List<String> byRelevance = allPages("pagination", "relevance");
      assertEquals(7, byRelevance.size());
      assertEquals(Set.copyOf(sent), Set.copyOf(byRelevance));

      assertEquals(List.of(newer, older), ids(search(bob, "ranking")));
      assertEquals(List.of(older, newer), ids(search(bob, "ranking", "relevance")), "more matches rank first");
      // A cursor of one order means nothing to the other.
      String next = TestApi.expect(200, call(bob, "q=pagination&limit=3")).getString("next");
      assertError(400, "invalid", call(bob, "q=pagination&limit=3&sort=relevance&cursor=" + next));
    }
  }

  @Test
  void searchesAreRateLimitedPerPerson() {
    nodes.close();
    nodes = new TestNodes();
    ParleyNode node = nodes.start(false, config -> {
      config.getJsonObject("limits").put("messageSearchesPerMinute", 3);
      return config;
    });
    TestApi limited = new TestApi(node.vertx(), node.gateway().port());
    TestApi.User dave = limited.register("Dave");
    TestApi.User erin = limited.register("Erin");
    for (int i = 0; i < 3; i++) {
      TestApi.expect(200, limited.call(HttpMethod.GET, "/api/v1/search?q=hello", dave, null));
    }
    assertError(429, "rate_limited", limited.call(HttpMethod.GET, "/api/v1/search?q=hello", dave, null));
    TestApi.expect(200, limited.call(HttpMethod.GET, "/api/v1/search?q=hello", erin, null));
  }

  private List<String> allPages(String q, String sort) {
    List<String> found = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String cursor = null;
    do {
      JsonObject page = TestApi.expect(200, call(bob, "q=" + q + "&limit=3&sort=" + sort
          + (cursor == null ? "" : "&cursor=" + cursor)));
      found.addAll(ids(page));
      assertEquals(page.getBoolean("more"), page.getString("next") != null);
      cursor = page.getString("next");
      assertTrue(cursor == null || cursors.add(cursor), "each page moves on");
    } while (cursor != null);
    return found;
  }

  private String handle(TestApi.User user) {
    return TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/users/" + user.id(), user, null))
        .getJsonObject("user").getString("handle");
  }

  private JsonObject search(TestApi.User user, String q) {
    return search(user, q, "recent");
  }

  private JsonObject search(TestApi.User user, String q, String sort) {
    return TestApi.expect(200, call(user, "q=" + encode(q) + "&sort=" + sort));
  }

  private HttpResponse<Buffer> call(TestApi.User user, String query) {
    return api.call(HttpMethod.GET, "/api/v1/search?" + query, user, null);
  }

  private static void assertError(int status, String code, HttpResponse<Buffer> response) {
    JsonObject body = TestApi.expect(status, response);
    assertEquals(code, body.getJsonObject("error").getString("code"), body.encode());
    assertFalse(body.getJsonObject("error").getString("message").isBlank());
  }

  private static List<String> ids(JsonObject page) {
    List<String> ids = new ArrayList<>();
    JsonArray results = page.getJsonArray("results");
    for (int i = 0; i < results.size(); i++) {
      ids.add(results.getJsonObject(i).getJsonObject("message").getString("id"));
    }
    if (results.isEmpty()) {
      assertNull(page.getString("next"));
    }
    return ids;
  }

  private static List<String> marked(JsonObject snippet) {
    List<String> marked = new ArrayList<>();
    JsonArray ranges = snippet.getJsonArray("highlights");
    for (int i = 0; i < ranges.size(); i++) {
      marked.add(snippet.getString("text").substring(ranges.getJsonArray(i).getInteger(0),
          ranges.getJsonArray(i).getInteger(1)));
    }
    return marked;
  }

  private static String id(JsonObject ack) {
    return ack.getString("id");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
