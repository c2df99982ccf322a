package dev.sluice.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.storage.LocalFileStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeFilterTest {
  private static final int SEGMENT = 10;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  private CheckpointStore store() {
    return new CheckpointStore(new LocalFileStorage(), dir.resolve("ckpt").toString());
  }

  private static String id(int row) {
    return "id" + row;
  }

  /** A first run that settles rows 0..settled-1 and dies. */
  private PartitionCheckpoint crashedRun(CheckpointStore store, int rows, int settled) {
    PartitionProgress p =
        new PartitionProgress(
            store, 3, "run1", SettledPrefix.none(SEGMENT), 1, Duration.ofSeconds(1), clock);
    for (int i = 0; i < rows; i++) {
      p.added(id(i));
    }
    for (int i = 0; i < settled; i++) {
      p.settled(i, i == 2);
    }
    p.persistIfDue();
    return store.readPartition(3).orElseThrow();
  }

  /** Offers rows, returns what the filter let through, in order. */
  private static List<Integer> offer(ResumeFilter<Integer> f, int rows, IntFunction<String> ids) {
    List<Integer> sent = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      sent.addAll(f.offer(ids.apply(i), i));
    }
    sent.addAll(f.finish());
    return sent;
  }

  @Test
  void theSameRowsAreSkippedAndTheResumedRunEndsAsAnUninterruptedOne() {
    CheckpointStore store = store();
    PartitionCheckpoint recorded = crashedRun(store, 25, 17);
    assertThat(recorded.rows()).isEqualTo(17);
    assertThat(recorded.segments()).hasSize(2);

    ResumeFilter<Integer> filter = ResumeFilter.of(recorded);
    List<Integer> sent = offer(filter, 25, ResumeFilterTest::id);
    assertThat(sent).containsExactly(17, 18, 19, 20, 21, 22, 23, 24);
    assertThat(filter.skipped()).isEqualTo(17);
    assertThat(filter.mismatch()).isNull();

    PartitionProgress resumed =
        new PartitionProgress(store, 3, "run2", filter.prefix(), 1, Duration.ofSeconds(1), clock);
    assertThat(resumed.watermark()).isEqualTo(17);
    for (int row : sent) {
      resumed.added(id(row));
    }
    for (long seq = 7; seq >= 0; seq--) {
      resumed.settled(seq, false);
    }
    resumed.complete();

    CheckpointStore other =
        new CheckpointStore(new LocalFileStorage(), dir.resolve("b").toString());
    PartitionProgress uninterrupted =
        new PartitionProgress(
            other, 3, "once", SettledPrefix.none(SEGMENT), 1, Duration.ofSeconds(1), clock);
    for (int i = 0; i < 25; i++) {
      uninterrupted.added(id(i));
      uninterrupted.settled(i, i == 2);
    }
    uninterrupted.complete();
    PartitionCheckpoint a = store.readPartition(3).orElseThrow();
    PartitionCheckpoint b = other.readPartition(3).orElseThrow();
    assertThat(a.rows()).isEqualTo(25);
    assertThat(a.segments()).isEqualTo(b.segments());
    assertThat(a.deadLettered()).isEqualTo(1);
  }

  @Test
  void differentRowsInASkippedSegmentAreSentAgainFromThatSegment() {
    PartitionCheckpoint recorded = crashedRun(store(), 25, 17);
    ResumeFilter<Integer> filter = ResumeFilter.of(recorded);
    List<Integer> sent = offer(filter, 25, row -> row == 12 ? "changed" : id(row));
    // Segment 0 (rows 0-9) matched and is skipped; rows 10-16 did not and are sent again.
    assertThat(sent).containsExactly(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24);
    assertThat(filter.skipped()).isEqualTo(10);
    assertThat(filter.mismatch())
        .contains("rows 10 to 16 differ")
        .contains("sending it again from row 10");
    assertThat(filter.prefix().rows()).isEqualTo(10);
  }

  @Test
  void reorderedRowsInTheFirstSegmentSkipNothing() {
    PartitionCheckpoint recorded = crashedRun(store(), 25, 17);
    ResumeFilter<Integer> filter = ResumeFilter.of(recorded);
    List<Integer> sent = offer(filter, 25, row -> id(row == 0 ? 1 : row == 1 ? 0 : row));
    assertThat(sent).hasSize(25).startsWith(0, 1, 2);
    assertThat(filter.skipped()).isZero();
  }

  @Test
  void anInputShorterThanTheRecordedRowsSendsWhatItHeld() {
    PartitionCheckpoint recorded = crashedRun(store(), 25, 17);
    ResumeFilter<Integer> filter = ResumeFilter.of(recorded);
    assertThatThrownBy(filter::prefix).isInstanceOf(IllegalStateException.class);
    List<Integer> sent = offer(filter, 14, ResumeFilterTest::id);
    assertThat(sent).containsExactly(10, 11, 12, 13);
    assertThat(filter.mismatch()).contains("the partition has 14 rows, fewer than the 17");
    assertThat(filter.prefix().rows()).isEqualTo(10);
  }

  @Test
  void generatedIdsStillCheckTheRowCount() {
    CheckpointStore store = store();
    PartitionProgress p =
        new PartitionProgress(
            store, 3, "run1", SettledPrefix.none(SEGMENT), 1, Duration.ofSeconds(1), clock);
    for (int i = 0; i < 12; i++) {
      p.added(null);
      p.settled(i, false);
    }
    p.persistIfDue();
    ResumeFilter<Integer> filter = ResumeFilter.of(store.readPartition(3).orElseThrow());
    assertThat(offer(filter, 15, row -> null)).containsExactly(12, 13, 14);
    assertThat(filter.skipped()).isEqualTo(12);
  }

  @Test
  void aSegmentBoundaryWatermarkResumesCleanly() {
    CheckpointStore store = store();
    PartitionCheckpoint recorded = crashedRun(store, 30, 20);
    ResumeFilter<Integer> filter = ResumeFilter.of(recorded);
    assertThat(offer(filter, 30, ResumeFilterTest::id)).hasSize(10).first().isEqualTo(20);
    PartitionProgress resumed =
        new PartitionProgress(store, 3, "run2", filter.prefix(), 100, Duration.ofHours(1), clock);
    for (int i = 20; i < 30; i++) {
      resumed.added(id(i));
      resumed.settled(i - 20, false);
    }
    assertThat(resumed.snapshot().segments()).hasSize(3);
    assertThat(resumed.snapshot().segments().subList(0, 2)).isEqualTo(recorded.segments());
  }
}
