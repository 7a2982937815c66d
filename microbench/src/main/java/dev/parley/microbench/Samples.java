package dev.parley.microbench;

import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.rooms.MessageView;
import dev.parley.shared.ws.Frames.Send;

/**
 * What the benchmarks work on, shaped like Parley's real traffic: ids are UUIDs in their canonical text form (a
 * message id time-ordered, version 7, as the room verticle makes them; a client's id random, version 4, as the web
 * client makes them) and a message is a chat line of 64 characters. Fixed values, so that runs compare.
 */
public final class Samples {

  public static final String ROOM = "3b1f6c2e-8d4a-4f0b-9e7c-2a5d8f1c6b40";
  public static final String SENDER = "a7e2c9d1-4b6f-4a83-b5d0-9c1e7f3a2d68";
  public static final String SENDER_NAME = "Ada Lovelace";
  /** The room's seq of the sample message. */
  public static final long SEQ = 48_213;

  private static final String MESSAGE = "0199b4c2-7e15-7a3d-8f42-6c0b9d2e1a57";
  private static final String CID = "5c8e1f4a-2d7b-4e96-a0c3-8b6f2d9e4a17";
  private static final String TEXT = "Staging is green again; I will ship the fan-out fix after lunch.";
  private static final long TS = 1_764_057_600_000L;

  private Samples() {
  }

  /** A stored message event, built as the room verticle builds it once the message is committed. */
  public static RoomEvent storedMessage() {
    return RoomEvent.of(ROOM, SEQ, new MessageView(MESSAGE, null, null, SENDER, SENDER_NAME, TEXT, TS, null, false));
  }

  /** A {@code send} frame as the web client writes it: op, room, cid and text, no ref. */
  public static String sendFrame() {
    return new Send(ROOM, CID, TEXT, null).toJson().encode();
  }
}
