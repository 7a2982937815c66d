package dev.parley.shared.events;

import dev.parley.shared.contract.JsonBody;

/** The typed {@code data} of a room event or a per-user notice: it knows which {@link EventType} it is. */
public interface EventData extends JsonBody {

  String type();
}
