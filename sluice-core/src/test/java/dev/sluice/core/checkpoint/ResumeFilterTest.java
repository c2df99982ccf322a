package dev.sluice.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.testkit.MutableClock;
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

  private static ResumeFilter<Integer> filter(PartitionCheckpoint recorded) {
    return ResumeFilter.of(recorded, Long.MAX_VALUE, row -> 1);
  }

  private PartitionProgress progress(
      CheckpointStore store, String writer, SettledPrefix prefix, long everyRows) {
    return new PartitionProgress(
        store,
        new PartitionRef(3, 8, writer),
        prefix,
        new ProgressPolicy(everyRows, Duration.ofSeconds(1), Long.MAX_VALUE),
        clock);
  }

  /** A first run that settles rows 0..settled-1 and dies. */
  private PartitionCheckpoint crashedRun(CheckpointStore store, int rows, int settled) {
    PartitionProgress p = progress(store, "run1", SettledPrefix.none(SEGMENT), 1);
    for (int i = 0; i < rows; i++) {
      p.added(i, id(i));
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
  void everyRowSkippedForGoodIsReportedOnceInOrderAndNoOther() {
    PartitionCheckpoint recorded = crashedRun(store(), 25, 17);
    List<Integer> skipped = new ArrayList<>();
    ResumeFilter<Integer> filter =
        ResumeFilter.of(recorded, Long.MAX_VALUE, row -> 1, skipped::add);

    List<Integer> sent = offer(filter, 25, ResumeFilterTest::id);

    assertThat(skipped)
        .hasSize(17)
        .isSortedAccordingTo(Integer::compare)
        .doesNotContainAnyElementsOf(sent);
    assertThat(skipped.get(16)).isEqualTo(16);
  }

  @Test
  void theSameRowsAreSkippedAndTheResumedRunEndsAsAnUninterruptedOne() {
    CheckpointStore store = store();
    PartitionCheckpoint recorded = crashedRun(store, 25, 17);
    assertThat(recorded.rows()).isEqualTo(17);
    assertThat(recorded.segments()).hasSize(2);

    ResumeFilter<Integer> filter = filter(recorded);
    List<Integer> sent = offer(filter, 25, ResumeFilterTest::id);
    assertThat(sent).containsExactly(17, 18, 19, 20, 21, 22, 23, 24);
    assertThat(filter.skipped()).isEqualTo(17);
    assertThat(filter.mismatch()).isNull();

    PartitionProgress resumed = progress(store, "run2", filter.prefix(), 1);
    assertThat(resumed.watermark()).isEqualTo(17);
    long seq = 0;
    for (int row : sent) {
      resumed.added(seq++, id(row));
    }
    for (long s = 7; s >= 0; s--) {
      resumed.settled(s, false);
    }
    resumed.complete();

    CheckpointStore other =
        new CheckpointStore(new LocalFileStorage(), dir.resolve("b").toString());
    PartitionProgress uninterrupted = progress(other, "once", SettledPrefix.none(SEGMENT), 1);
    for (int i = 0; i < 25; i++) {
      uninterrupted.added(i, id(i));
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
    ResumeFilter<Integer> filter = filter(recorded);
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
    ResumeFilter<Integer> filter = filter(recorded);
    List<Integer> sent = offer(filter, 25, row -> id(row == 0 ? 1 : row == 1 ? 0 : row));
    assertThat(sent).hasSize(25).startsWith(0, 1, 2);
    assertThat(filter.skipped()).isZero();
  }

  @Test
  void anInputShorterThanTheRecordedRowsSendsWhatItHeld() {
    PartitionCheckpoint recorded = crashedRun(store(), 25, 17);
    ResumeFilter<Integer> filter = filter(recorded);
    assertThatThrownBy(filter::prefix).isInstanceOf(IllegalStateException.class);
    List<Integer> sent = offer(filter, 14, ResumeFilterTest::id);
    assertThat(sent).containsExactly(10, 11, 12, 13);
    assertThat(filter.mismatch()).contains("the partition has 14 rows, fewer than the 17");
    assertThat(filter.prefix().rows()).isEqualTo(10);
  }

  @Test
  void generatedIdsStillCheckTheRowCount() {
    CheckpointStore store = store();
    PartitionProgress p = progress(store, "run1", SettledPrefix.none(SEGMENT), 1);
    for (int i = 0; i < 12; i++) {
      p.added(i, null);
      p.settled(i, false);
    }
    p.persistIfDue();
    ResumeFilter<Integer> filter = filter(store.readPartition(3).orElseThrow());
    assertThat(offer(filter, 15, row -> null)).containsExactly(12, 13, 14);
    assertThat(filter.skipped()).isEqualTo(12);
  }

  @Test
  void aSegmentBoundaryWatermarkResumesCleanly() {
    CheckpointStore store = store();
    PartitionCheckpoint recorded = crashedRun(store, 30, 20);
    ResumeFilter<Integer> filter = filter(recorded);
    assertThat(offer(filter, 30, ResumeFilterTest::id)).hasSize(10).first().isEqualTo(20);
    PartitionProgress resumed = progress(store, "run2", filter.prefix(), 100);
    for (int i = 20; i < 30; i++) {
      resumed.added(i - 20, id(i));
      resumed.settled(i - 20, false);
    }
    assertThat(resumed.snapshot().segments()).hasSize(3);
    assertThat(resumed.snapshot().segments().subList(0, 2)).isEqualTo(recorded.segments());
  }

  @Test
  void aSegmentTooBigToHoldIsSentInsteadOfChecked() {
    PartitionCheckpoint recorded = crashedRun(store(), 25, 17);
    // Rows weigh 100 bytes; 450 bytes hold 4 of them, not a segment of 10.
    ResumeFilter<Integer> filter = ResumeFilter.of(recorded, 450, row -> 100);
    List<Integer> sent = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      sent.addAll(filter.offer(id(i), i));
    }
    assertThat(sent).as("held while they fit").isEmpty();
    sent.addAll(filter.offer(id(4), 4));
    assertThat(sent).containsExactly(0, 1, 2, 3, 4);
    assertThat(filter.decided()).isTrue();
    assertThat(filter.skipped()).isZero();
    assertThat(filter.mismatch()).contains("rows 0 to 4 take more than 450 bytes");
    assertThat(filter.offer(id(5), 5)).containsExactly(5);
  }

  @Test
  void aCompletePartitionIsCheckedAndRowsPastItAreSent() {
    CheckpointStore store = store();
    PartitionProgress first = progress(store, "run1", SettledPrefix.none(SEGMENT), 1);
    for (int i = 0; i < 15; i++) {
      first.added(i, id(i));
      first.settled(i, false);
    }
    first.complete();
    PartitionCheckpoint recorded = store.readPartition(3).orElseThrow();
    assertThat(recorded.complete()).isTrue();

    ResumeFilter<Integer> same = filter(recorded);
    assertThat(offer(same, 15, ResumeFilterTest::id)).isEmpty();
    assertThat(same.skipped()).isEqualTo(15);

    ResumeFilter<Integer> grown = filter(recorded);
    assertThat(offer(grown, 18, ResumeFilterTest::id)).containsExactly(15, 16, 17);

    ResumeFilter<Integer> other = filter(recorded);
    assertThat(offer(other, 15, row -> "other" + row)).hasSize(15);
    assertThat(other.skipped()).isZero();
  }
}
