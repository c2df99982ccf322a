package dev.sluice.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.BulkLoader;
import dev.sluice.core.Document;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-partition checkpointing object, without Spark and without a loader. */
class CheckpointedPartitionTest {
  private static final int PARTITION = 3;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final ProgressPersisterTest.HandTicker ticker = new ProgressPersisterTest.HandTicker();

  private CheckpointStore store() {
    return new CheckpointStore(new LocalFileStorage(), dir.resolve("ckpt").toString());
  }

  private static ConvertedRow row(String id, int n) {
    byte[] source = ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
    return ConvertedRow.of(Document.of(id, source, "partition 3 row " + n));
  }

  /** One run of the partition: a loader that numbers what it is sent and settles on demand. */
  private final class Run {
    final PartitionCheckpointing checkpointing;
    final List<String> sent = new ArrayList<>();
    final PartitionCheckpointing.Sink sink =
        row -> {
          sent.add(row.document().id());
          return sent.size() - 1;
        };

    Run(int partitions) {
      this(partitions, Long.MAX_VALUE, () -> {});
    }

    Run(int partitions, long maxUnsettledBytes, PartitionProgress.Liveness liveness) {
      CheckpointStore store = store();
      checkpointing =
          PartitionCheckpointing.resuming(
              store,
              new PartitionRef(PARTITION, partitions, "w"),
              store.readPartition(PARTITION),
              PriorDeadLetters.none(),
              new PartitionCheckpointing.Options(
                  new ProgressPolicy(1_000, Duration.ofHours(1), maxUnsettledBytes),
                  10,
                  1 << 20,
                  clock,
                  ticker,
                  liveness));
    }

    Run write(int rows, IntFunction<String> ids) throws InterruptedException {
      for (int i = 0; i < rows; i++) {
        checkpointing.write(row(ids.apply(i), i), sink);
      }
      checkpointing.endOfInput(sink);
      return this;
    }

    void settle(int from, int to) {
      for (int seq = from; seq < to; seq++) {
        checkpointing.settled(seq, false);
      }
    }

    /** Settles everything sent and commits. */
    Run commit() {
      settle(0, sent.size());
      checkpointing.committed();
      return this;
    }
  }

  private static String id(int n) {
    return "id" + n;
  }

  private PartitionCheckpoint recorded() {
    return store().readPartition(PARTITION).orElseThrow();
  }

  @Test
  void aCompletePartitionIsSkippedOnlyOnceItsRowsAreChecked() throws Exception {
    new Run(4).write(25, CheckpointedPartitionTest::id).commit();
    assertThat(recorded().complete()).isTrue();
    assertThat(recorded().partitions()).isEqualTo(4);

    Run same = new Run(4).write(25, CheckpointedPartitionTest::id).commit();
    assertThat(same.sent).isEmpty();
    assertThat(same.checkpointing.skipped()).isEqualTo(25);

    // The same partition number now holds other rows (another input): every one is sent.
    Run other = new Run(4).write(25, n -> "other" + n).commit();
    assertThat(other.sent).hasSize(25);
    assertThat(other.checkpointing.skipped()).isZero();

    Run grown = new Run(4).write(30, n -> "other" + n).commit();
    assertThat(grown.sent).containsExactly("other25", "other26", "other27", "other28", "other29");
    assertThat(grown.checkpointing.skipped()).isEqualTo(25);
    assertThat(recorded().rows()).isEqualTo(30);
  }

  @Test
  void progressRecordedUnderAnotherSplitProvesNothing() throws Exception {
    new Run(8).write(25, CheckpointedPartitionTest::id).commit();

    Run resplit = new Run(5).write(25, CheckpointedPartitionTest::id).commit();
    assertThat(resplit.sent).hasSize(25);
    assertThat(resplit.checkpointing.skipped()).isZero();
    assertThat(recorded().partitions()).isEqualTo(5);

    Run again = new Run(5).write(25, CheckpointedPartitionTest::id).commit();
    assertThat(again.sent).isEmpty();
    assertThat(again.checkpointing.skipped()).isEqualTo(25);
  }

  @Test
  void progressOfASluiceThatDidNotRecordTheSplitProvesNothing() throws Exception {
    new Run(PartitionCheckpoint.UNKNOWN_SPLIT).write(25, CheckpointedPartitionTest::id).commit();
    assertThat(recorded().partitions()).isEqualTo(PartitionCheckpoint.UNKNOWN_SPLIT);

    Run upgraded = new Run(4).write(25, CheckpointedPartitionTest::id).commit();
    assertThat(upgraded.sent).hasSize(25);
    assertThat(upgraded.checkpointing.skipped()).isZero();
  }

  @Test
  void anAbortRecordsTheSettledPrefixEvenOnAnInterruptedThread() throws Exception {
    Run cancelled = new Run(4);
    for (int i = 0; i < 20; i++) {
      cancelled.checkpointing.write(row(id(i), i), cancelled.sink);
    }
    cancelled.settle(0, 12);
    cancelled.settle(15, 16); // past a gap: not part of the settled prefix
    Thread.currentThread().interrupt(); // as Spark's task kill leaves it
    try {
      cancelled.checkpointing.aborted();
      assertThat(Thread.currentThread().isInterrupted()).as("interrupt kept").isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(recorded().rows()).isEqualTo(12);
    assertThat(recorded().complete()).isFalse();

    Run rerun = new Run(4).write(20, CheckpointedPartitionTest::id).commit();
    assertThat(rerun.checkpointing.skipped()).isEqualTo(12);
    assertThat(rerun.sent)
        .containsExactly("id12", "id13", "id14", "id15", "id16", "id17", "id18", "id19");
  }

  @Test
  void anAbortBeforeAnyRowWasSentLeavesTheEarlierProgress() throws Exception {
    new Run(4).write(25, CheckpointedPartitionTest::id).commit();
    Run stopped = new Run(4);
    stopped.checkpointing.write(row(id(0), 0), stopped.sink); // held while its segment is checked
    stopped.checkpointing.aborted();
    assertThat(recorded().complete()).isTrue();
  }

  @Test
  void rowsSettledBehindAStuckRowBlockTheWriterAtTheCap() throws Exception {
    long cap = 10 * UnsettledRows.bytesOf("id0");
    List<String> checks = new ArrayList<>();
    Run run =
        new Run(
            4,
            cap,
            () -> {
              checks.add("checked");
              throw new IllegalStateException("loader stopped");
            });
    // The loader settles every row but the first as soon as it is sent.
    PartitionCheckpointing.Sink settlesAllButTheFirst =
        row -> {
          long seq = run.sink.send(row);
          if (seq > 0) {
            run.checkpointing.settled(seq, false);
          }
          return seq;
        };
    for (int i = 0; i < 10; i++) {
      run.checkpointing.write(row(id(i), i), settlesAllButTheFirst);
    }
    assertThat(checks).as("under the cap nothing waits").isEmpty();
    assertThatThrownBy(() -> run.checkpointing.write(row(id(10), 10), settlesAllButTheFirst))
        .hasMessage("loader stopped");
    assertThat(checks).hasSize(1);
  }

  @Test
  void theWriterIsToldHowLongItWaitedForRoom() throws Exception {
    long cap = 10 * UnsettledRows.bytesOf("id0");
    AtomicReference<PartitionCheckpointing> checkpointing = new AtomicReference<>();
    Run run =
        new Run(
            4,
            cap,
            () -> { // checked while the writer waits: the stuck row settles 4 s later
              clock.advance(Duration.ofSeconds(4));
              checkpointing.get().settled(0, false);
            });
    checkpointing.set(run.checkpointing);
    List<Duration> waits = new ArrayList<>();
    PartitionCheckpointing.Sink sink =
        new PartitionCheckpointing.Sink() {
          @Override
          public long send(ConvertedRow row) throws InterruptedException {
            long seq = run.sink.send(row);
            if (seq > 0) {
              run.checkpointing.settled(seq, false);
            }
            return seq;
          }

          @Override
          public void waitedForRoom(Duration waited) {
            waits.add(waited);
          }
        };
    for (int i = 0; i < 10; i++) {
      run.checkpointing.write(row(id(i), i), sink);
    }
    assertThat(waits).as("under the cap nothing waits").isEmpty();
    run.checkpointing.write(row(id(10), 10), sink);
    assertThat(waits).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void aLoadersSinkCountsTheWaitsInTheLoadersReport() {
    BulkLoader loader =
        BulkLoader.open(
            SluiceConfig.fromOptions(
                Map.of(
                    "es.nodes", "127.0.0.1:9", // never asked: nothing is added
                    "es.resource", "idx",
                    "sluice.deadletter.path", dir.resolve("dead").toString())),
            "w");
    try {
      PartitionCheckpointing.Sink.to(loader).waitedForRoom(Duration.ofMillis(1500));
      assertThat(loader.counters().waitedForCheckpointMillis()).isEqualTo(1500);
      assertThat(loader.counters().waitedForMemoryMillis()).isZero();
    } finally {
      loader.abort();
    }
  }
}
