package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract's shapes are declared once, in {@code shared}: outside it, no main code names an event-bus address or
 * reads or writes a JSON field by a literal key. Everything that crosses the event bus or a WebSocket goes through the
 * records of {@code shared} (commands, replies, events, frames), HTTP answers too.
 *
 * <p>Not counted: SQL column names read from a {@code row} in room-verticle's stores, route paths, command-line
 * options (the bench's {@code --rate}), and the files
 * below, which read or write formats that are not Parley's contract, each named with the reason.
 */
class ContractLiteralsTest {

  private static final List<Path> MODULES = List.of(Path.of("..", "chat-gateway"), Path.of("..", "room-verticle"),
      Path.of("..", "notification-verticle"), Path.of("..", "bench"), Path.of("..", "app"));

  /** Files allowed literal JSON keys, and why: none of them is Parley's own contract. */
  private static final Map<String, String> OTHER_FORMATS = Map.of(
      "OAuthApi.java", "OIDC ID-token claims, GitHub's REST API, and the sign-in flow's own state kept in Redis",
      "Tokens.java", "the JWT claims of an access token (sub, name, sid)",
      "Identity.java", "a WebSocket ticket's own state kept in Redis until it is redeemed",
      "ConfigLoader.java", "vertx-config's store options and the PARLEY_* environment mapping",
      "Main.java", "filling in the configuration's embedded defaults before ParleyConfig reads it",
      "Vapid.java", "the VAPID token's JWT header and claims (RFC 8292: typ, alg, aud, exp, sub)",
      "Wire.java", "the Socket.IO peer's own handshake (its auth payload), which the bench speaks to compare with it");

  private static final Pattern ADDRESS_LITERAL = Pattern.compile("\"parley\\.");
  private static final Pattern JSON_KEY_LITERAL = Pattern.compile(
      "(\\w+(?:\\(\\))?)\\s*\\.(put|putNull|getString|getInteger|getLong|getBoolean|getDouble|getNumber|getJsonObject"
          + "|getJsonArray|getValue|getBuffer|containsKey|remove)\\(\\s*\"([^\"]*)\"");

  @Test
  void noAddressOrFieldLiteralOutsideShared() throws IOException {
    List<String> offences = new ArrayList<>();
    for (Path module : MODULES) {
      try (Stream<Path> files = Files.walk(module.resolve(Path.of("src", "main", "java")))) {
        files.filter(file -> file.toString().endsWith(".java")).forEach(file -> scan(file, offences));
      }
    }
    assertTrue(offences.isEmpty(), "Declare these in shared (a record, or a constant of Protocol or Addresses):\n"
        + String.join("\n", offences));
  }

  private static void scan(Path file, List<String> offences) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean otherFormat = OTHER_FORMATS.containsKey(file.getFileName().toString());
    boolean store = file.toString().contains("rooms" + java.io.File.separator + "store");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("*") || line.strip().startsWith("//")) {
        continue;
      }
      if (ADDRESS_LITERAL.matcher(line).find()) {
        offences.add(file + ":" + (i + 1) + " event-bus address literal: " + line.strip());
      }
      Matcher key = JSON_KEY_LITERAL.matcher(line);
      while (key.find() && !otherFormat) {
        String receiver = key.group(1);
        boolean sqlColumn = store && (receiver.equals("row") || receiver.equals("next()"));
        boolean routeOrOption = key.group(3).startsWith("/") || key.group(3).startsWith("-");
        if (!sqlColumn && !routeOrOption) {
          offences.add(file + ":" + (i + 1) + " JSON field literal \"" + key.group(3) + "\": " + line.strip());
        }
      }
    }
  }
}
