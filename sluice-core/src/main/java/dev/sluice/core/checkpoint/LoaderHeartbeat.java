package dev.sluice.core.checkpoint;

import dev.sluice.core.SluiceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Tells a writer waiting for its loader ({@link PartitionProgress#awaitRoom}) that the loader
 * stopped. A running loader calls its listener about once a second ({@code
 * LoadListener.onProgress}), and not at all once it stopped; the listener calls {@link #beat} on
 * every call, and a loader silent for {@code quiet} counts as stopped.
 */
public final class LoaderHeartbeat implements PartitionProgress.Liveness {
  /** Far above the loader's progress interval, so that only a stopped loader is this quiet. */
  public static final Duration DEFAULT_QUIET = Duration.ofSeconds(60);

  private final String writerId;
  private final Clock clock;
  private final long quietMillis;
  // Epoch millis, not an Instant: beat() runs once per settled document, and an Instant each time
  // was garbage a load made for nothing.
  private volatile long lastMillis;

  public LoaderHeartbeat(String writerId, Clock clock, Duration quiet) {
    this.writerId = writerId;
    this.clock = clock;
    this.quietMillis = quiet.toMillis();
    this.lastMillis = clock.millis();
  }

  public void beat() {
    lastMillis = clock.millis();
  }

  @Override
  public void check() {
    long seen = lastMillis;
    if (clock.millis() > seen + quietMillis) {
      throw new SluiceException(
          "Writer "
              + writerId
              + " waited for its loader to settle a row, and the loader has reported nothing"
              + " since "
              + Instant.ofEpochMilli(seen)
              + ": it stopped. Its own error, if any, is logged above.");
    }
  }
}
