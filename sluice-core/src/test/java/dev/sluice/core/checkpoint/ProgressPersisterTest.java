package dev.sluice.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.SluiceException;
import dev.sluice.core.storage.LocalFileStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressPersisterTest {
  private static final Duration TICK = Duration.ofMillis(5);

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  private PartitionProgress progress(CheckpointStore store, long everyRows) {
    return new PartitionProgress(
        store, 3, "w", SettledPrefix.none(10), everyRows, Duration.ofHours(1), clock);
  }

  /** Polls a condition a bounded number of times; never measures time. */
  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 2_000 && !condition.getAsBoolean(); i++) {
      Thread.sleep(5);
    }
    assertThat(condition.getAsBoolean()).as("condition reached within 2000 polls").isTrue();
  }

  private static long recordedRows(CheckpointStore store) {
    Optional<PartitionCheckpoint> p = store.readPartition(3);
    return p.map(PartitionCheckpoint::rows).orElse(0L);
  }

  @Test
  void writesProgressWhenDueWithoutTheWriterAsking() throws Exception {
    CheckpointStore store = new CheckpointStore(new LocalFileStorage(), dir.toString());
    PartitionProgress progress = progress(store, 4);
    try (ProgressPersister.Handle handle = ProgressPersister.watch(progress, TICK)) {
      for (int i = 0; i < 6; i++) {
        progress.settled(progress.added("id" + i), false);
      }
      awaitTrue(() -> recordedRows(store) == 6);

      // Three more rows are not due yet (every 4 rows, every hour) ...
      for (int i = 6; i < 9; i++) {
        progress.settled(progress.added("id" + i), false);
      }
      // ... until the time is up, as while a loader drains in close().
      clock.advance(Duration.ofHours(1));
      awaitTrue(() -> recordedRows(store) == 9);
      handle.check();
    }
  }

  @Test
  void aFailedWriteIsReportedToTheWriter() throws Exception {
    Path blocker = Files.writeString(dir.resolve("not-a-directory"), "x");
    CheckpointStore store = new CheckpointStore(new LocalFileStorage(), blocker.toString());
    PartitionProgress progress = progress(store, 1);
    try (ProgressPersister.Handle handle = ProgressPersister.watch(progress, TICK)) {
      progress.settled(progress.added("id"), false);
      awaitTrue(
          () -> {
            try {
              handle.check();
              return false;
            } catch (SluiceException e) {
              return true;
            }
          });
      assertThatThrownBy(handle::check)
          .isInstanceOf(SluiceException.class)
          .hasMessageContaining("Cannot write checkpoint file");
    }
  }
}
