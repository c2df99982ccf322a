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
  private final Duration quiet;
  private volatile Instant last;

  public LoaderHeartbeat(String writerId, Clock clock, Duration quiet) {
    this.writerId = writerId;
    this.clock = clock;
    this.quiet = quiet;
    this.last = clock.instant();
  }

  public void beat() {
    last = clock.instant();
  }

  @Override
  public void check() {
    Instant seen = last;
    if (clock.instant().isAfter(seen.plus(quiet))) {
      throw new SluiceException(
          "Writer "
              + writerId
              + " waited for its loader to settle a row, and the loader has reported nothing"
              + " since "
              + seen
              + ": it stopped. Its own error, if any, is logged above.");
    }
  }
}
