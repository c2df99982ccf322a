package dev.sluice.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.SluiceException;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressPersisterTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  /** A ticker the test turns by hand: no background thread, no polling. */
  static final class HandTicker implements ProgressPersister.Ticker {
    private final List<Runnable> tasks = new ArrayList<>();

    @Override
    public Runnable every(Runnable task) {
      tasks.add(task);
      return () -> tasks.remove(task);
    }

    void tick() {
      new ArrayList<>(tasks).forEach(Runnable::run);
    }

    int watched() {
      return tasks.size();
    }
  }

  private final HandTicker ticker = new HandTicker();

  private PartitionProgress progress(CheckpointStore store, long everyRows) {
    return new PartitionProgress(
        store,
        new PartitionRef(3, 8, "w"),
        SettledPrefix.none(10),
        new ProgressPolicy(everyRows, Duration.ofHours(1), Long.MAX_VALUE),
        clock);
  }

  private static long recordedRows(CheckpointStore store) {
    Optional<PartitionCheckpoint> p = store.readPartition(3);
    return p.map(PartitionCheckpoint::rows).orElse(0L);
  }

  private static void settle(PartitionProgress progress, int from, int to) {
    for (int i = from; i < to; i++) {
      progress.added(i, "id" + i);
      progress.settled(i, false);
    }
  }

  @Test
  void writesProgressWhenDueWithoutTheWriterAsking() {
    CheckpointStore store = new CheckpointStore(new LocalFileStorage(), dir.toString());
    PartitionProgress progress = progress(store, 4);
    try (ProgressPersister.Handle handle = ProgressPersister.watch(progress, ticker)) {
      settle(progress, 0, 3);
      ticker.tick();
      assertThat(recordedRows(store)).as("3 rows are not due (every 4 rows, every hour)").isZero();
      settle(progress, 3, 6);
      ticker.tick();
      assertThat(recordedRows(store)).isEqualTo(6);

      // Three more rows are not due yet ...
      settle(progress, 6, 9);
      ticker.tick();
      assertThat(recordedRows(store)).isEqualTo(6);
      // ... until the time is up, as while a loader drains in close().
      clock.advance(Duration.ofHours(1));
      ticker.tick();
      assertThat(recordedRows(store)).isEqualTo(9);
      handle.check();
    }
    assertThat(ticker.watched()).as("closing the handle stops the ticks").isZero();
  }

  @Test
  void aFailedWriteIsReportedToTheWriter() throws Exception {
    Path blocker = Files.writeString(dir.resolve("not-a-directory"), "x");
    CheckpointStore store = new CheckpointStore(new LocalFileStorage(), blocker.toString());
    PartitionProgress progress = progress(store, 1);
    try (ProgressPersister.Handle handle = ProgressPersister.watch(progress, ticker)) {
      settle(progress, 0, 1);
      handle.check(); // nothing written yet
      ticker.tick();
      assertThatThrownBy(handle::check)
          .isInstanceOf(SluiceException.class)
          .hasMessageContaining("Cannot write checkpoint file");
    }
  }

  @Test
  void theBackgroundTickerWritesOnItsOwnThread() throws Exception {
    CheckpointStore store = new CheckpointStore(new LocalFileStorage(), dir.toString());
    PartitionProgress progress = progress(store, 1);
    settle(progress, 0, 2);
    try (ProgressPersister.Handle handle =
        ProgressPersister.watch(progress, ProgressPersister.background(Duration.ofMillis(5)))) {
      // Everything is settled before the thread starts ticking: its first tick writes all of it.
      for (int i = 0; i < 2_000 && recordedRows(store) != 2; i++) {
        Thread.sleep(5);
      }
      assertThat(recordedRows(store)).isEqualTo(2);
      handle.check();
    }
  }
}
