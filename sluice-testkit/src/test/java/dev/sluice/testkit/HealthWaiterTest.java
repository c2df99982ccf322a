package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HealthWaiterTest {
  /** A clock that moves only when the waiter sleeps. */
  private static final class FakeTime extends Clock {
    Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final FakeTime time = new FakeTime();
  private final HealthWaiter waiter = new HealthWaiter(time, d -> time.now = time.now.plus(d));

  @Test
  void healthyOnceTheProbeSucceeds() throws Exception {
    AtomicInteger probes = new AtomicInteger();
    HealthWaiter.Outcome outcome =
        waiter.await(
            () -> {
              if (probes.incrementAndGet() < 3) {
                throw new IOException("connection refused");
              }
              return true;
            },
            () -> true,
            Duration.ofSeconds(10));
    assertThat(outcome).isEqualTo(HealthWaiter.Outcome.HEALTHY);
    assertThat(probes).hasValue(3);
  }

  @Test
  void stopsAtOnceWhenTheProcessDied() throws Exception {
    AtomicInteger probes = new AtomicInteger();
    HealthWaiter.Outcome outcome =
        waiter.await(
            () -> probes.incrementAndGet() > 100, () -> probes.get() < 2, Duration.ofHours(1));
    assertThat(outcome).isEqualTo(HealthWaiter.Outcome.PROCESS_DIED);
    assertThat(probes).hasValue(2);
  }

  @Test
  void timesOutWhenNeverHealthy() throws Exception {
    Instant start = time.now;
    HealthWaiter.Outcome outcome = waiter.await(() -> false, () -> true, Duration.ofSeconds(10));
    assertThat(outcome).isEqualTo(HealthWaiter.Outcome.TIMED_OUT);
    assertThat(Duration.between(start, time.now))
        .isBetween(Duration.ofSeconds(10), Duration.ofSeconds(11));
  }
}
