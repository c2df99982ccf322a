package dev.sluice.cli;

import dev.sluice.core.checkpoint.CheckpointStore;
import dev.sluice.core.checkpoint.PartitionCheckpoint;
import dev.sluice.core.storage.LocalFileStorage;
import java.util.function.Supplier;

/**
 * Rows settled as the load's checkpoint records them. Spark hands a writer's metrics to the driver
 * only while the writer is given rows; once a writer holds the rest of its partition, only its
 * progress files (written every {@code sluice.checkpoint.every}) still move.
 */
final class CheckpointProgress implements Supplier<CheckpointProgress.Settled> {
  /** Rows settled (indexed or dead-lettered), and how many of them were dead-lettered. */
  record Settled(long rows, long deadLettered) {
    static final Settled NONE = new Settled(0, 0);
  }

  private final CheckpointStore store;
  private Settled last = Settled.NONE;

  CheckpointProgress(String location) {
    boolean local = !location.matches("[A-Za-z][A-Za-z0-9+.-]+:.*");
    this.store = local ? new CheckpointStore(new LocalFileStorage(), location) : null;
  }

  @Override
  public synchronized Settled get() {
    if (store == null) {
      return last;
    }
    try {
      long rows = 0;
      long dead = 0;
      for (PartitionCheckpoint p : store.readPartitions()) {
        rows += p.rows();
        dead += p.deadLettered();
      }
      last = new Settled(rows, dead);
    } catch (RuntimeException e) {
      // a file being replaced, or none yet: the last figures stand until the next look
    }
    return last;
  }
}
