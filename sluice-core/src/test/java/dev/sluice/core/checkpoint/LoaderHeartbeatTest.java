package dev.sluice.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.SluiceException;
import dev.sluice.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoaderHeartbeatTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  void aLoaderSilentForTheQuietPeriodCountsAsStopped() {
    LoaderHeartbeat heartbeat = new LoaderHeartbeat("w-p00003-t1", clock, Duration.ofSeconds(60));
    clock.advance(Duration.ofSeconds(60));
    heartbeat.check(); // exactly the quiet period: still running
    clock.advance(Duration.ofSeconds(30));
    heartbeat.beat();
    clock.advance(Duration.ofSeconds(59));
    heartbeat.check();
    clock.advance(Duration.ofSeconds(2));
    assertThatThrownBy(heartbeat::check)
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("Writer w-p00003-t1")
        .hasMessageContaining("it stopped");
  }
}
