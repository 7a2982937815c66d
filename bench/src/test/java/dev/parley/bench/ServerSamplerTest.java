package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The soak's sampler reads a real JVM (this one) and turns samples into slopes per minute. */
class ServerSamplerTest {

  @Test
  void readsTheFiguresOfARunningJvm() throws Exception {
    ServerSampler.Sample sample = new ServerSampler(ProcessHandle.current().pid()).sample(0);

    assertTrue(sample.heapAfterGcMiB() > 0, "heap in use: " + sample);
    assertTrue(sample.rssMiB() > 10, "resident memory: " + sample);
    assertTrue(sample.threads() > 1, "threads: " + sample);
    assertTrue(sample.openFiles() > 2, "open files: " + sample);
  }

  @Test
  void aSteadyGrowthIsItsSlopeAndAFlatLineIsZero() {
    List<ServerSampler.Sample> samples = List.of(
        new ServerSampler.Sample(0, 100, 500, 40, 200),
        new ServerSampler.Sample(1, 102, 500, 40, 200),
        new ServerSampler.Sample(2, 104, 500, 40, 200));

    assertEquals(2.0, ServerSampler.slope(samples, ServerSampler.Sample::heapAfterGcMiB), 1e-9);
    assertEquals(0.0, ServerSampler.slope(samples, ServerSampler.Sample::rssMiB), 1e-9);
    assertTrue(ServerSampler.summary(samples).contains("heap_slope_mib_per_min=2.000"), ServerSampler.summary(samples));
  }
}
