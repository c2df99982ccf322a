package dev.sluice.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.testkit.MutableClock;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionProgressTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  private CheckpointStore store() {
    return new CheckpointStore(new LocalFileStorage(), dir.resolve("ckpt").toString());
  }

  private PartitionProgress fresh(CheckpointStore store, int segmentRows, long everyRows) {
    return new PartitionProgress(
        store,
        new PartitionRef(3, 8, "w"),
        SettledPrefix.none(segmentRows),
        new ProgressPolicy(everyRows, Duration.ofSeconds(10), Long.MAX_VALUE),
        clock);
  }

  /** Numbers rows as a loader does: from 0, in the order they are handed to it. */
  private static final class Loader {
    private long next;

    long add(PartitionProgress p, String id) {
      long seq = next++;
      p.added(seq, id);
      return seq;
    }
  }

  @Test
  void theFingerprintEncodingIsPinned() {
    MessageDigest d = IdFingerprint.start();
    IdFingerprint.add(d, "a");
    IdFingerprint.add(d, null);
    IdFingerprint.add(d, "é");
    // SHA-256 of 00000001 61 ffffffff 00000002 c3a9, first 8 bytes.
    assertThat(IdFingerprint.finish(d)).isEqualTo("ae6f71adeac494de");
    assertThat(IdFingerprint.finish(d)).isEqualTo("e3b0c44298fc1c14"); // reset: empty input
  }

  @Test
  void theWatermarkOnlyMovesOverRowsSettledWithNoGap() {
    PartitionProgress p = fresh(store(), 100, 1000);
    Loader loader = new Loader();
    for (int i = 0; i < 6; i++) {
      loader.add(p, "id" + i);
    }
    p.settled(1, false);
    p.settled(2, false);
    assertThat(p.watermark()).isZero(); // row 0 is still in flight
    p.settled(0, false);
    assertThat(p.watermark()).isEqualTo(3);
    p.settled(5, true);
    p.settled(4, false);
    assertThat(p.watermark()).isEqualTo(3);
    p.settled(3, false);
    assertThat(p.watermark()).isEqualTo(6);
    assertThat(p.snapshot().deadLettered()).isEqualTo(1);

    assertThatThrownBy(() -> p.settled(3, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("settled twice or never added");
    assertThatThrownBy(() -> p.settled(7, false)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rowsSettledWithoutTheLoaderTakeNoLoaderSequenceNumber() {
    // Rows 2, 3 and 7 were dead-lettered by an earlier run; the loader sees the other seven.
    PartitionProgress p = fresh(store(), 4, 1000);
    Loader loader = new Loader();
    List<Long> loaderSeqs = new ArrayList<>();
    for (int row = 0; row < 10; row++) {
      if (row == 2 || row == 3 || row == 7) {
        p.alreadySettled("id" + row, true);
      } else {
        loaderSeqs.add(loader.add(p, "id" + row));
      }
    }
    assertThat(loaderSeqs).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(p.watermark()).isZero();
    p.settled(1, false); // row 1
    p.settled(2, false); // row 4
    assertThat(p.watermark()).isZero();
    p.settled(0, false); // row 0: rows 0 to 4 are settled
    assertThat(p.watermark()).isEqualTo(5);
    p.settled(6, false); // row 9
    p.settled(5, false); // row 8
    p.settled(4, false); // row 6
    assertThat(p.watermark()).isEqualTo(5);
    p.settled(3, false); // row 5
    assertThat(p.watermark()).isEqualTo(10);
    assertThatThrownBy(() -> p.settled(8, false)).hasMessageContaining("never added");

    // Same rows and ids as a run where the loader saw every row: same record.
    PartitionProgress all = fresh(store(), 4, 1000);
    Loader allLoader = new Loader();
    for (int row = 0; row < 10; row++) {
      all.settled(allLoader.add(all, "id" + row), row == 2 || row == 3 || row == 7);
    }
    assertThat(p.snapshot().segments()).isEqualTo(all.snapshot().segments());
    assertThat(p.snapshot().deadLettered()).isEqualTo(3);
  }

  @Test
  void theFingerprintDependsOnTheIdsInOrderNotOnTheSettlementOrder() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      order.add(i);
    }
    PartitionProgress inOrder = fresh(store(), 10, 1000);
    PartitionProgress shuffled = fresh(store(), 10, 1000);
    for (int i = 0; i < 25; i++) {
      inOrder.added(i, "id" + i);
      shuffled.added(i, "id" + i);
      inOrder.settled(i, false);
    }
    Collections.shuffle(order, new Random(42));
    for (int i : order) {
      shuffled.settled(i, false);
    }
    PartitionCheckpoint a = inOrder.snapshot();
    PartitionCheckpoint b = shuffled.snapshot();
    assertThat(a.rows()).isEqualTo(25);
    assertThat(a.segments()).hasSize(3).isEqualTo(b.segments());

    MessageDigest first = IdFingerprint.start();
    for (int i = 0; i < 10; i++) {
      IdFingerprint.add(first, "id" + i);
    }
    assertThat(a.segments().get(0).idsFingerprint()).isEqualTo(IdFingerprint.finish(first));

    PartitionProgress swapped = fresh(store(), 10, 1000);
    for (int i = 0; i < 25; i++) {
      swapped.added(i, i == 3 ? "id4" : i == 4 ? "id3" : "id" + i);
      swapped.settled(i, false);
    }
    assertThat(swapped.snapshot().segments().get(0)).isNotEqualTo(a.segments().get(0));
    assertThat(swapped.snapshot().segments().subList(1, 3)).isEqualTo(a.segments().subList(1, 3));
  }

  @Test
  void writesEveryNRowsOrAfterTheIntervalAndNeverGoesBack() {
    CheckpointStore store = store();
    PartitionProgress p = fresh(store, 10, 5);
    for (int i = 0; i < 20; i++) {
      p.added(i, "id" + i);
    }
    for (int i = 0; i < 4; i++) {
      p.settled(i, false);
    }
    assertThat(p.persistIfDue()).isFalse(); // 4 rows, 0 s
    assertThat(store.readPartition(3)).isEmpty();
    p.settled(4, false);
    assertThat(p.persistIfDue()).isTrue(); // 5 rows
    assertThat(store.readPartition(3).orElseThrow().rows()).isEqualTo(5);

    p.settled(5, false);
    assertThat(p.persistIfDue()).isFalse();
    clock.advance(Duration.ofSeconds(10));
    assertThat(p.persistIfDue()).isTrue(); // 1 row, but 10 s
    assertThat(store.readPartition(3).orElseThrow().rows()).isEqualTo(6);
    clock.advance(Duration.ofSeconds(60));
    assertThat(p.persistIfDue()).isFalse(); // nothing moved

    p.settled(7, false); // row 6 still in flight: the watermark stays
    clock.advance(Duration.ofSeconds(60));
    assertThat(p.persistIfDue()).isFalse();
    assertThat(store.readPartition(3).orElseThrow().rows()).isEqualTo(6);

    assertThatThrownBy(p::complete)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rows from 6 on, 14 of them");
    for (int i = 6; i < 20; i++) {
      if (i != 7) {
        p.settled(i, i == 12);
      }
    }
    p.complete();
    PartitionCheckpoint done = store.readPartition(3).orElseThrow();
    assertThat(done.complete()).isTrue();
    assertThat(done.rows()).isEqualTo(20);
    assertThat(done.deadLettered()).isEqualTo(1);
    assertThat(done.segments().get(1).deadLettered()).isEqualTo(1);
    assertThat(p.persist()).isFalse(); // a complete file is never overwritten by older progress
  }

  @Test
  void anEmptyPartitionCanBeComplete() {
    CheckpointStore store = store();
    fresh(store, 10, 5).complete();
    PartitionCheckpoint done = store.readPartition(3).orElseThrow();
    assertThat(done.complete()).isTrue();
    assertThat(done.rows()).isZero();
    assertThat(done.segments()).isEmpty();
  }

  @Test
  void aRowTheLoaderSettlesBeforeTheWriterRecordsItIsKept() {
    PartitionProgress p = fresh(store(), 10, 1000);
    p.added(0, "id0");
    p.settled(1, true); // back from add() with 1, the writer has not said so yet
    p.settled(0, false);
    assertThat(p.watermark()).isEqualTo(1);
    p.added(1, "id1");
    assertThat(p.watermark()).isEqualTo(2);
    assertThat(p.snapshot().deadLettered()).isEqualTo(1);
    assertThatThrownBy(() -> p.settled(3, false)).hasMessageContaining("never added");
  }

  @Test
  void theLoadersSequenceNumbersMustFollowEachOther() {
    PartitionProgress p = fresh(store(), 10, 1000);
    p.added(0, "id0");
    assertThatThrownBy(() -> p.added(2, "id2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("numbered a row 2, not 1");
  }

  @Test
  void rowsSettledBehindAStuckRowAreHeldOnlyUpToTheCap() throws Exception {
    long cap = 20 * UnsettledRows.bytesOf("id00");
    PartitionProgress p =
        new PartitionProgress(
            store(),
            new PartitionRef(3, 8, "w"),
            SettledPrefix.none(10),
            new ProgressPolicy(1000, Duration.ofSeconds(10), cap),
            clock);
    PartitionProgress.Liveness alive = () -> {};
    p.added(0, "id00"); // stuck on retries
    for (int i = 1; i < 20; i++) {
      p.added(i, String.format("id%02d", i));
      p.settled(i, false);
      assertThat(p.awaitRoom(alive)).as("under the cap: returns at once").isZero();
    }
    assertThat(p.unsettledBytes()).isEqualTo(cap);

    p.added(20, "id20");
    p.settled(20, false);
    assertThat(p.unsettledBytes()).isGreaterThan(cap);
    // A loader that stopped never settles row 0: the waiting writer hears about it.
    assertThatThrownBy(
            () ->
                p.awaitRoom(
                    () -> {
                      throw new IllegalStateException("loader stopped");
                    }))
        .hasMessage("loader stopped");

    AtomicReference<Duration> waited = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try {
                waited.set(p.awaitRoom(alive));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    writer.start();
    while (writer.getState() != Thread.State.TIMED_WAITING) {
      Thread.sleep(10);
    }
    clock.advance(Duration.ofSeconds(3));
    p.settled(0, false); // the stuck row settles: everything joins the watermark
    writer.join(60_000);
    assertThat(writer.isAlive()).as("the writer was released").isFalse();
    assertThat(waited.get()).as("how long it waited").isEqualTo(Duration.ofSeconds(3));
    assertThat(p.watermark()).isEqualTo(21);
    assertThat(p.unsettledBytes()).isZero();
  }
}
