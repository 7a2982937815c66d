package dev.parley.shared.contract;

import io.vertx.core.json.JsonObject;

/** A shape of the contract that travels as one JSON object; its JSON form is written in one place, its record. */
public interface JsonBody {

  JsonObject toJson();
}
