package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.Addresses;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.rooms.RoomCommands.ListRooms;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.core.spi.cluster.NodeInfo;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The high finding of the security review, on a real Hazelcast cluster on loopback: Hazelcast and the event bus
 * listen on the configured interface only; with a cluster secret, a node that does not know it forms a cluster of
 * its own; and with TLS, a member without a certificate from the cluster's authority can neither hear nor send.
 */
class ClusterSecurityTest {

  @Test
  void hazelcastAndTheEventBusListenOnTheConfiguredInterfaceOnly() throws IOException {
    InetAddress outside = nonLoopbackAddress();
    try (TestNodes nodes = new TestNodes()) {
      ParleyNode node = nodes.start(true);
      int hazelcast = ((InetSocketAddress) node.clusterManager().getHazelcastInstance().getLocalEndpoint()
          .getSocketAddress()).getPort();
      NodeInfo eventBus = node.clusterManager().getNodeInfo();
      assertEquals("127.0.0.1", eventBus.host());

      assertTrue(reachable(InetAddress.getLoopbackAddress(), hazelcast), "members reach it on the loopback");
      assertTrue(reachable(InetAddress.getLoopbackAddress(), eventBus.port()));
      assertFalse(reachable(outside, hazelcast), "Hazelcast is not bound to " + outside);
      assertFalse(reachable(outside, eventBus.port()), "the event bus is not bound to " + outside);
    }
  }

  @Test
  void aNodeWithoutTheClusterSecretFormsAClusterOfItsOwn() {
    try (TestNodes nodes = new TestNodes()) {
      ParleyNode first = nodes.start(true, withSecret("the team's secret"));
      ParleyNode second = nodes.start(true, withSecret("the team's secret"));
      ParleyNode stranger = nodes.start(true, withSecret(null));
      assertEquals(2, members(first), "two members know the secret");
      assertEquals(2, members(second));
      assertEquals(1, members(stranger), "the same cluster name without the secret joins nobody");
    }
    ParleyConfig.Cluster open = ParleyConfig.fromJson(new JsonObject()).cluster();
    assertEquals("parley", ClusterSetup.clusterName(open), "without a secret the name is as configured");
  }

  @Test
  void aMemberWithoutTheClustersCertificateNeitherHearsNorSends() throws Exception {
    try (TestNodes nodes = new TestNodes()) {
      SelfSignedCertificate cluster = SelfSignedCertificate.create("parley-cluster");
      SelfSignedCertificate rogue = SelfSignedCertificate.create("parley-cluster");
      ParleyNode first = nodes.start(true, withTls(cluster, cluster));
      ParleyNode second = nodes.start(true, withTls(cluster, cluster));
      // A gateway only: whatever it asks must go to the cluster's room workers, over the event bus.
      ParleyNode stranger = nodes.start(true, EnumSet.of(Role.GATEWAY), withTls(rogue, rogue));
      assertEquals(3, members(first), "Hazelcast itself cannot tell them apart: the stranger joined");

      String address = Addresses.room(UUID.randomUUID().toString());
      List<Object> heardBySecond = new CopyOnWriteArrayList<>();
      List<Object> heardByStranger = new CopyOnWriteArrayList<>();
      MessageConsumer<Object> member = second.vertx().eventBus().consumer(address, message ->
          heardBySecond.add(message.body()));
      MessageConsumer<Object> eavesdropper = stranger.vertx().eventBus().consumer(address, message ->
          heardByStranger.add(message.body()));
      TestNodes.await(Future.all(member.completion(), eavesdropper.completion()));

      for (int i = 0; i < 3; i++) {
        first.vertx().eventBus().publish(address, new JsonObject().put("n", i));
      }
      nodes.eventually(() -> heardBySecond.size() == 3, "a member with the cluster's certificate hears everything");
      assertTrue(heardByStranger.isEmpty(), "the stranger heard nothing: " + heardByStranger);

      Throwable refused = awaitFailure(new Requester(stranger.vertx().eventBus(), 3_000)
          .ask(new ListRooms(UUID.randomUUID().toString(), 10, null)));
      assertInstanceOf(ReplyException.class, refused);
      assertNotEquals(ReplyFailure.RECIPIENT_FAILURE, ((ReplyException) refused).failureType(),
          "no room-verticle of the cluster answered the stranger: " + refused);
    }
  }

  private static UnaryOperator<JsonObject> withSecret(String secret) {
    return config -> {
      config.getJsonObject("cluster").put("secret", secret);
      return config;
    };
  }

  private static UnaryOperator<JsonObject> withTls(SelfSignedCertificate own, SelfSignedCertificate authority) {
    return config -> {
      config.getJsonObject("cluster").put("tlsCert", own.certificatePath()).put("tlsKey", own.privateKeyPath())
          .put("tlsCa", authority.certificatePath());
      return config;
    };
  }

  private static int members(ParleyNode node) {
    return node.clusterManager().getHazelcastInstance().getCluster().getMembers().size();
  }

  private static Throwable awaitFailure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(TestNodes.TIMEOUT.toSeconds(),
          java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException failed) {
      return failed.getCause();
    } catch (Exception other) {
      throw new AssertionError(other);
    }
    throw new AssertionError("the stranger's request was answered");
  }

  private static boolean reachable(InetAddress host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2_000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  /** An address of this machine that is not loopback: what someone on the network would connect to. */
  private static InetAddress nonLoopbackAddress() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address) {
          return address;
        }
      }
    }
    Assumptions.abort("This machine has no network address other than loopback to attack from");
    return null;
  }
}
