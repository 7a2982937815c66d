package dev.parley.gateway.presence;

import dev.parley.shared.contract.Publisher;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.presence.Presence;
import dev.parley.shared.presence.PresenceCommands.SharingRooms;
import io.vertx.core.Future;
import java.util.List;

/**
 * Who may learn whose presence, and presence set by hand: what the HTTP API and the WebSocket's {@code watch} share.
 * A person's presence is told only to people who share a room with them.
 */
public final class PresenceService {

  private final PresenceStore store;
  private final Requester services;
  private final Publisher publisher;

  public PresenceService(PresenceStore store, Requester services, Publisher publisher) {
    this.store = store;
    this.services = services;
    this.publisher = publisher;
  }

  public PresenceStore store() {
    return store;
  }

  /** Of these people, those whose presence {@code user} may learn: they share a room (or are {@code user}). */
  public Future<List<String>> visibleTo(String user, List<String> people) {
    return people.isEmpty() ? Future.succeededFuture(List.of())
        : services.ask(new SharingRooms(user, people)).map(shared -> shared.users());
  }

  /** The presence of those of {@code people} whom {@code user} may see; the others are left out. */
  public Future<List<Presence>> readFor(String user, List<String> people) {
    return visibleTo(user, people).compose(store::read);
  }

  /** What someone set by hand; everyone watching them is told, on every gateway. */
  public Future<Presence> set(String user, boolean away, String text) {
    return store.set(user, away, text).onSuccess(publisher::presence);
  }

  /** Tells every gateway about these changes. */
  public void publish(List<Presence> changes) {
    changes.forEach(publisher::presence);
  }
}
