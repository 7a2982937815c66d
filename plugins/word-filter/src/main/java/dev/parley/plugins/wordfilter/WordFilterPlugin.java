package dev.parley.plugins.wordfilter;

import dev.parley.shared.plugins.ParleyPlugin;
import dev.parley.shared.plugins.PluginContext;
import dev.parley.shared.plugins.PluginManifest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A moderation hook in process: messages with a word of {@code plugins.config.word-filter.words} are masked, or
 * refused when {@code refuse} is true. Parley asks it once it is named in {@code hooks.message}.
 *
 * <pre>{@code
 * "hooks": {"message": ["word-filter"]},
 * "plugins": {"config": {"word-filter": {"words": ["darn", "heck"], "refuse": false}}}
 * }</pre>
 */
public final class WordFilterPlugin implements ParleyPlugin {

  public static final String NAME = "word-filter";

  @Override
  public PluginManifest manifest() {
    return new PluginManifest(NAME, "masks or refuses messages with listed words", List.of(), List.of(),
        List.of(NAME));
  }

  @Override
  public Future<Void> start(PluginContext context) {
    JsonObject config = context.config();
    List<String> words = config.getJsonArray("words", new JsonArray()).stream().map(String::valueOf).toList();
    WordFilter filter = new WordFilter(words, config.getBoolean("refuse", false));
    return context.serveHook(NAME, request -> Future.succeededFuture(filter.check(request.text()))).mapEmpty();
  }
}
