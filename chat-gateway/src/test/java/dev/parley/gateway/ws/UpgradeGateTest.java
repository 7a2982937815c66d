package dev.parley.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A storm of connection attempts is let in at the gate's rate, and never more at once than it allows. */
class UpgradeGateTest {

  private final AtomicLong clock = new AtomicLong();

  @Test
  void aStormIsLetInAtTheRateTheRestIsShed() {
    UpgradeGate gate = new UpgradeGate(clock::get, 100, 1_000);

    long admitted = IntStream.range(0, 5_000).filter(attempt -> admit(gate)).count();
    assertEquals(100, admitted, "the burst, at once");

    clock.addAndGet(500_000_000L);
    admitted = IntStream.range(0, 5_000).filter(attempt -> admit(gate)).count();
    assertEquals(50, admitted, "half a second later, half a second's worth");
  }

  @Test
  void handshakesStillBeingAuthenticatedAreBounded() {
    UpgradeGate gate = new UpgradeGate(clock::get, 100, 3);

    assertTrue(gate.tryEnter());
    assertTrue(gate.tryEnter());
    assertTrue(gate.tryEnter());
    assertFalse(gate.tryEnter(), "three waiting for Redis or PostgreSQL already");
    gate.leave();
    assertTrue(gate.tryEnter(), "one was answered: room for one more");
  }

  private static boolean admit(UpgradeGate gate) {
    boolean in = gate.tryEnter();
    if (in) {
      gate.leave();
    }
    return in;
  }
}
