package dev.sluice.core.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Where and how often a load records its progress.
 *
 * @param path the checkpoint directory; null = no checkpointing
 * @param force resume a checkpoint of another job, or one with unreadable files
 * @param everyRows write a partition's progress after this many more rows settled
 * @param every or after this long, when any row settled
 * @param segmentRows rows per id fingerprint
 * @param input the user's name for the input, or null
 */
public record CheckpointSettings(
    String path, boolean force, long everyRows, Duration every, int segmentRows, String input)
    implements Serializable {

  public boolean enabled() {
    return path != null;
  }
}
