package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.events.EventType;
import dev.parley.shared.plugins.FirehoseCommands.LoggedEvent;
import dev.parley.shared.plugins.FirehoseReader;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The firehose as a plugin reads it: live, and after a pause, with every stored event once and in order. */
class FirehoseTest {

  private static final Logger LOG = LoggerFactory.getLogger(FirehoseTest.class);

  private TestNodes nodes;
  private Vertx vertx;
  private TestApi api;
  private TestApi.TwoMembers members;

  @BeforeEach
  void start() {
    nodes = new TestNodes();
    TestNodes.WithMembers started = nodes.startWithTwoMembers(config -> config);
    vertx = started.vertx();
    api = started.api();
    members = started.members();
  }

  @AfterEach
  void stop() {
    nodes.close();
  }

  /** A plugin that records what the firehose hands it, from a position it is given (null: from now on). */
  static final class Recorder extends VerticleBase {
    final List<LoggedEvent> events = new CopyOnWriteArrayList<>();
    private final String from;
    private FirehoseReader reader;

    Recorder(String from) {
      this.from = from;
    }

    @Override
    public Future<?> start() {
      return FirehoseReader.start(vertx, from, event -> {
        events.add(event);
        return Future.succeededFuture();
      }).onSuccess(started -> reader = started);
    }

    @Override
    public Future<?> stop() {
      return reader.stop();
    }

    String position() {
      return reader.position();
    }

    List<String> messageIds() {
      return events.stream().filter(event -> EventType.MESSAGE.equals(event.event().type()))
          .map(event -> event.event().data().getString("id")).toList();
    }
  }

  /**
   * Sends {@code count} messages, 100 at a time (a connection may have only so many waiting for their ack), and
   * returns their ids in the order they were acked.
   */
  private List<String> send(TestSocket socket, String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int sent = 0; sent < count; sent += 100) {
      int chunk = Math.min(100, count - sent);
      for (int i = sent; i < sent + chunk; i++) {
        socket.send(new JsonObject().put("op", "send").put("room", members.room()).put("cid", prefix + i)
            .put("text", prefix + " " + i));
      }
      for (int i = 0; i < chunk; i++) {
        ids.add(socket.nextOp("ack").getString("id"));
      }
    }
    return ids;
  }

  @Test
  void aConsumerStoppedFor1000MessagesCatchesUpWithNoneLostOrDoubled() {
    try (TestSocket alice = TestSocket.connect(vertx, api.port(), members.alice())) {
      Recorder live = new Recorder(null);
      String first = TestNodes.await(vertx.deployVerticle(live));
      List<String> before = send(alice, "before", 10);
      api.join(api.register("Carol"), members.room());
      nodes.eventually(() -> live.events.size() == 11, "the live reader has the 10 messages and Carol's arrival");
      assertEquals(before, live.messageIds(), "live, in order");
      assertEquals("member.joined", live.events.get(10).event().type());
      TestNodes.await(vertx.undeploy(first));
      String kept = live.position();

      List<String> whileDown = send(alice, "down", 1000);

      long started = System.nanoTime();
      Recorder back = new Recorder(kept);
      TestNodes.await(vertx.deployVerticle(back));
      nodes.eventually(() -> back.events.size() >= 1000, "the reader caught up on the 1000 messages");
      double seconds = (System.nanoTime() - started) / 1e9;
      LOG.info("Firehose catch-up: {} events in {} ms, {} events/s", back.events.size(),
          Math.round(seconds * 1000), Math.round(back.events.size() / seconds));

      List<String> after = send(alice, "after", 5);
      nodes.eventually(() -> back.events.size() == 1005, "and then reads on live");
      List<String> expected = new ArrayList<>(whileDown);
      expected.addAll(after);
      assertEquals(expected, back.messageIds(), "every message once, in the order they were stored, none before");
      Set<String> ids = new HashSet<>();
      back.events.forEach(event -> assertTrue(ids.add(event.id()), "doubled: " + event.id()));
      assertEquals(members.room() + ":" + back.events.get(0).event().seq(), back.events.get(0).id());
    }
  }
}
