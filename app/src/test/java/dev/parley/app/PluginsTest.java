package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.plugins.PluginLoader;
import dev.parley.plugins.wordfilter.WordFilterPlugin;
import dev.parley.shared.Addresses;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.plugins.ParleyPlugin;
import dev.parley.shared.plugins.PluginContext;
import dev.parley.shared.plugins.PluginManifest;
import dev.parley.shared.plugins.SlashCommand;
import dev.parley.shared.rooms.RoomCommands.ListRooms;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-process plugins as an operator installs them: a jar dropped into the plugin folder, named in the config. */
class PluginsTest {

  @TempDir
  Path pluginDir;

  private TestNodes nodes;

  @AfterEach
  void stop() {
    if (nodes != null) {
      nodes.close();
    }
  }

  private void installWordFilter() {
    TestNodes.installPlugin(WordFilterPlugin.class, pluginDir, "word-filter");
  }

  @Test
  void theWordFilterJarInThePluginFolderMasksWhatEveryoneReceives() throws Exception {
    installWordFilter();
    nodes = new TestNodes();
    ParleyNode node = nodes.start(false, config -> config
        .put("hooks", new JsonObject().put("message", new JsonArray().add("word-filter")))
        .put("plugins", new JsonObject().put("dir", pluginDir.toString()).put("config", new JsonObject()
            .put("word-filter", new JsonObject().put("words", new JsonArray().add("darn"))))));
    Vertx vertx = node.vertx();
    TestApi api = new TestApi(vertx, node.gateway().port());
    TestApi.TwoMembers members = api.twoMembersInAChannel("general");
    try (TestSocket alice = TestSocket.connect(vertx, api.port(), members.alice());
         TestSocket bob = TestSocket.connect(vertx, api.port(), members.bob())) {
      bob.subscribeLive(members.room());
      alice.sendMessage(members.room(), "darn it, the build is red");
      assertEquals("d*** it, the build is red", bob.nextEvent("message").getJsonObject("data").getString("text"));
    }
  }

  @Test
  void eachJarHasItsOwnLoaderThatSeesTheContractButNotParleysInternals() throws Exception {
    installWordFilter();
    List<ParleyPlugin> found = PluginLoader.load(pluginDir);

    assertEquals(1, found.size());
    ParleyPlugin plugin = found.get(0);
    assertEquals(WordFilterPlugin.NAME, plugin.manifest().name());
    assertNotSame(WordFilterPlugin.class, plugin.getClass(), "loaded from the jar, not from Parley's class path");
    assertEquals(PluginManifest.class, plugin.manifest().getClass(), "the contract is Parley's own");
    assertThrows(ClassNotFoundException.class,
        () -> plugin.getClass().getClassLoader().loadClass("dev.parley.rooms.RoomVerticle"));
    assertEquals(List.of(), PluginLoader.load(pluginDir.resolve("absent")), "no folder, no plugins");
  }

  @Test
  void hooksAndThePluginFolderCanBeSetFromTheEnvironment() {
    ParleyConfig config = ParleyConfig.fromJson(ConfigLoader.fromEnvironment(Map.of(
        "PARLEY_HOOKS_MESSAGE", "word-filter, strict", "PARLEY_HOOKS_DEADLINE_MS", "150",
        "PARLEY_PLUGINS_DIR", "/opt/parley/plugins", "PARLEY_WEBHOOKS_MAX_ATTEMPTS", "3")));

    assertEquals(List.of(new ParleyConfig.Hooks.Hook("word-filter", 150, false),
        new ParleyConfig.Hooks.Hook("strict", 150, false)), config.hooks().message());
    assertEquals("/opt/parley/plugins", config.plugins().dir());
    assertEquals(3, config.webhooks().maxAttempts());
  }

  @Test
  void aPluginMayUseOnlyTheAddressesAndCommandsItsManifestNames() {
    Vertx vertx = Vertx.vertx();
    try {
      PluginManifest manifest = new PluginManifest("reader", "reads rooms", List.of("parley.room.*"), List.of(),
          List.of("checker"));
      PluginContext context = new PluginContext(vertx, manifest, new JsonObject());

      context.consumer(Addresses.room(UUID.randomUUID().toString()), message -> { }).unregister();
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> context.consumer(Addresses.EVENTS, message -> { }));
      assertTrue(refused.getMessage().contains("reader may not use parley.events"), refused.getMessage());
      Throwable command = TestNodes.await(context.ask(new ListRooms(UUID.randomUUID().toString(), 50, null))
          .map(list -> (Throwable) new AssertionError("allowed")).otherwise(failure -> failure));
      assertTrue(command.getMessage().contains("may not use parley.rooms.cmd LIST_ROOMS"), command.getMessage());
      assertTrue(TestNodes.await(context.serveHook("other", request -> null).map(false).otherwise(true)),
          "a hook it does not declare");
      assertTrue(manifest.allowsAddress(Addresses.messageHook("checker")), "its own hook");
      assertTrue(TestNodes.await(context.serveCommands(List.of(new SlashCommand.Spec("poll", "/poll", "a poll")),
          invocation -> null).map(false).otherwise(true)), "a slash command it does not declare");
      assertThrows(IllegalArgumentException.class, () -> new PluginManifest("Bad Name", "", null, null, null));
    } finally {
      TestNodes.await(vertx.close());
    }
  }
}
