package dev.sluice.core.checkpoint;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tracks one partition's settled rows and records them in its progress file.
 *
 * <p>The writer tells it, in input order, about each row it hands to the loader ({@link #added}),
 * and the loader tells it when a row's fate is settled, indexed or durably dead-lettered ({@link
 * #settled}), in any order, since batches complete out of order. The watermark is the number of
 * rows settled with no gap from the partition's first row; a row merely sent never moves it. {@link
 * #persistIfDue} writes the progress file when the watermark moved {@code everyRows} rows or {@code
 * every} elapsed since the last write, so checkpointing costs one small file write per interval.
 *
 * <p>Thread-safe: {@code added} runs on the writer's thread, {@code settled} on the loader's. The
 * file is written outside the lock, by whichever thread calls {@link #persistIfDue}; keep that off
 * the loader's thread where a write is slow (object stores).
 */
public final class PartitionProgress {
  private static final Object NO_ID = new Object();

  private final CheckpointStore store;
  private final int partition;
  private final String writerId;
  private final long base;
  private final int segmentRows;
  private final long everyRows;
  private final Duration every;
  private final Clock clock;
  private final Object writeLock = new Object();

  // Guarded by this.
  private final ArrayDeque<Object> unsettledIds = new ArrayDeque<>();
  private final Map<Long, Boolean> settledAhead = new HashMap<>();
  private final List<PartitionCheckpoint.Segment> segments;
  private MessageDigest open;
  private int openRows;
  private long openDead;
  private long added;
  private long loaderAdded;
  // For each row settled without the loader (alreadySettled), the loader sequence number the
  // next loader row got: maps loader sequence numbers back to row numbers. Non-decreasing.
  private long[] bypassMarks = new long[0];
  private int bypassed;
  private long settled;
  private long lastWrittenRows;
  private Instant lastWrittenAt;
  private boolean completeWritten;

  /**
   * @param prefix what is settled before this run: {@link SettledPrefix#none} or {@link
   *     ResumeFilter#prefix()}
   * @param everyRows write when the watermark moved this many rows since the last write
   * @param every or when this much time passed since the last write and the watermark moved
   */
  public PartitionProgress(
      CheckpointStore store,
      int partition,
      String writerId,
      SettledPrefix prefix,
      long everyRows,
      Duration every,
      Clock clock) {
    if (everyRows < 1 || every.isNegative()) {
      throw new IllegalArgumentException("every " + everyRows + " rows / " + every);
    }
    this.store = store;
    this.partition = partition;
    this.writerId = writerId;
    this.base = prefix.rows;
    this.segmentRows = prefix.segmentRows;
    this.segments = new ArrayList<>(prefix.completed);
    this.open = IdFingerprint.copy(prefix.open);
    this.openRows = prefix.openRows;
    this.openDead = prefix.openDead;
    this.everyRows = everyRows;
    this.every = every;
    this.clock = clock;
    this.lastWrittenRows = base;
    this.lastWrittenAt = clock.instant();
  }

  /**
   * A row handed to the loader, in input order.
   *
   * @return its sequence number in this run, from 0: the order of the loader's {@code add} and
   *     {@code deadLetter} calls
   */
  public synchronized long added(String id) {
    unsettledIds.addLast(id == null ? NO_ID : id);
    added++;
    return loaderAdded++;
  }

  /**
   * A row, in input order, that is settled without being handed to the loader: an earlier run
   * already dead-lettered it ({@link PriorDeadLetters}). It takes no loader sequence number.
   */
  public synchronized void alreadySettled(String id, boolean deadLettered) {
    unsettledIds.addLast(id == null ? NO_ID : id);
    long row = added++;
    if (bypassed == bypassMarks.length) {
      bypassMarks = Arrays.copyOf(bypassMarks, Math.max(8, bypassed * 2));
    }
    bypassMarks[bypassed++] = loaderAdded;
    settleRow(row, deadLettered);
  }

  /**
   * The row with loader sequence number {@code seq} is settled: acknowledged by Elasticsearch, or
   * written to the dead-letter store and flushed. Each row is settled once. Never does I/O.
   *
   * @throws IllegalStateException for a row never added or settled twice
   */
  public synchronized void settled(long seq, boolean deadLettered) {
    if (seq < 0 || seq >= loaderAdded) {
      throw new IllegalStateException(
          "partition " + partition + ": row " + seq + " was never added (" + loaderAdded + ")");
    }
    settleRow(seq + bypassedBefore(seq), deadLettered);
  }

  /** Rows settled without the loader before the loader row {@code seq} was added. */
  private long bypassedBefore(long seq) {
    int low = 0;
    int high = bypassed;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (bypassMarks[mid] <= seq) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private void settleRow(long seq, boolean deadLettered) {
    if (seq < settled || seq >= added || settledAhead.containsKey(seq)) {
      throw new IllegalStateException(
          "partition "
              + partition
              + ": row "
              + seq
              + " settled twice or never added ("
              + added
              + " added, "
              + settled
              + " settled in order)");
    }
    if (seq != settled) {
      settledAhead.put(seq, deadLettered);
      return;
    }
    advance(deadLettered);
    for (Boolean dead = settledAhead.remove(settled);
        dead != null;
        dead = settledAhead.remove(settled)) {
      advance(dead);
    }
  }

  /** Rows settled with no gap, counted from the partition's first row (earlier runs included). */
  public synchronized long watermark() {
    return base + settled;
  }

  /** The progress as it would be written now. */
  public synchronized PartitionCheckpoint snapshot() {
    return snapshot(false);
  }

  /**
   * Writes the progress file if the watermark moved {@code everyRows} rows, or moved at all and
   * {@code every} passed, since the last write. Cheap when not due.
   *
   * @return true when it wrote
   */
  public boolean persistIfDue() {
    PartitionCheckpoint due;
    synchronized (this) {
      long moved = base + settled - lastWrittenRows;
      boolean timeUp = !clock.instant().isBefore(lastWrittenAt.plus(every));
      if (moved <= 0 || (moved < everyRows && !timeUp)) {
        return false;
      }
      due = snapshot(false);
    }
    return write(due);
  }

  /** Writes the progress file now if the watermark moved since the last write (at abort, say). */
  public boolean persist() {
    PartitionCheckpoint now;
    synchronized (this) {
      if (base + settled == lastWrittenRows) {
        return false;
      }
      now = snapshot(false);
    }
    return write(now);
  }

  /**
   * Records the partition complete, after the loader closed successfully: every added row must be
   * settled.
   *
   * @throws IllegalStateException when rows are still unsettled
   */
  public void complete() {
    PartitionCheckpoint done;
    synchronized (this) {
      if (settled != added) {
        throw new IllegalStateException(
            "partition "
                + partition
                + " cannot be complete: "
                + (added - settled - settledAhead.size())
                + " of its "
                + added
                + " rows sent by this run are not settled");
      }
      done = snapshot(true);
    }
    write(done);
  }

  private void advance(boolean deadLettered) {
    Object id = unsettledIds.pollFirst();
    IdFingerprint.add(open, id == NO_ID ? null : (String) id);
    settled++;
    openRows++;
    if (deadLettered) {
      openDead++;
    }
    if (openRows == segmentRows) {
      segments.add(new PartitionCheckpoint.Segment(IdFingerprint.finish(open), openDead));
      openRows = 0;
      openDead = 0;
    }
  }

  private PartitionCheckpoint snapshot(boolean complete) {
    List<PartitionCheckpoint.Segment> all = new ArrayList<>(segments);
    if (openRows > 0) {
      all.add(new PartitionCheckpoint.Segment(IdFingerprint.peek(open), openDead));
    }
    return new PartitionCheckpoint(
        partition, base + settled, segmentRows, all, complete, writerId, clock.instant());
  }

  private boolean write(PartitionCheckpoint progress) {
    synchronized (writeLock) {
      synchronized (this) {
        // Another thread may have written newer progress since this snapshot was taken.
        if (completeWritten || (progress.rows() <= lastWrittenRows && !progress.complete())) {
          return false;
        }
      }
      store.writePartition(progress);
      synchronized (this) {
        lastWrittenRows = Math.max(lastWrittenRows, progress.rows());
        lastWrittenAt = clock.instant();
        completeWritten |= progress.complete();
      }
      return true;
    }
  }
}
