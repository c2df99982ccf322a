package dev.sluice.core.checkpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Tracks one partition's settled rows and records them in its progress file.
 *
 * <p>The writer tells it, in input order, about each row it hands to the loader, with the sequence
 * number the loader gave it ({@link #added}); the loader tells it when a row's fate is settled,
 * indexed or durably dead-lettered ({@link #settled}), in any order, since batches complete out of
 * order. The watermark is the number of rows settled with no gap from the partition's first row; a
 * row merely sent never moves it. {@link #persistIfDue} writes the progress file when the watermark
 * moved {@code everyRows} rows or {@code every} elapsed since the last write, so checkpointing
 * costs one small file write per interval.
 *
 * <p>Memory: the rows above the watermark are held (their ids, for the fingerprint) until it passes
 * them. While one row waits on retries that could be everything settled after it, so the writer
 * calls {@link #awaitRoom} after each row: it blocks while they hold more than {@link
 * ProgressPolicy#maxUnsettledBytes}.
 *
 * <p>Thread-safe: {@code added} runs on the writer's thread, {@code settled} on the loader's. The
 * file is written outside the lock, by whichever thread calls {@link #persistIfDue}; keep that off
 * the loader's thread where a write is slow (object stores).
 */
public final class PartitionProgress {
  /** How often a writer waiting for room checks that the loader still runs. */
  private static final long CHECK_MILLIS = 200;

  /** Whether whoever settles the rows still can; throws when it stopped. */
  @FunctionalInterface
  public interface Liveness {
    void check();
  }

  private final PartitionRef ref;
  private final long base;
  private final ProgressPolicy policy;
  private final Clock clock;
  private final ProgressWrites writes;

  // Guarded by this.
  private final UnsettledRows unsettled = new UnsettledRows();
  private final SegmentFingerprints fingerprints;
  private long settled;
  private long nextSeq;
  private long earlySeq = -1; // settled by the loader before the writer said it was added
  private boolean earlyDead;

  /**
   * @param prefix what is settled before this run: {@link SettledPrefix#none} or {@link
   *     ResumeFilter#prefix()}
   */
  public PartitionProgress(
      CheckpointStore store,
      PartitionRef ref,
      SettledPrefix prefix,
      ProgressPolicy policy,
      Clock clock) {
    this.ref = ref;
    this.base = prefix.rows;
    this.fingerprints = new SegmentFingerprints(prefix);
    this.policy = policy;
    this.clock = clock;
    this.writes = new ProgressWrites(store, policy, clock, base);
  }

  /**
   * A row handed to the loader, in input order, numbered {@code seq} by it ({@code BulkLoader.add}
   * or {@code deadLetter}); the loader numbers from 0 with no gap.
   *
   * @throws IllegalStateException when {@code seq} is not the next number
   */
  public synchronized void added(long seq, String id) {
    if (seq != nextSeq) {
      throw new IllegalStateException(
          "partition "
              + ref.partition()
              + ": the loader numbered a row "
              + seq
              + ", not "
              + nextSeq);
    }
    nextSeq++;
    unsettled.addSent(id, seq);
    if (earlySeq == seq) {
      earlySeq = -1;
      settled(seq, earlyDead);
    }
  }

  /**
   * A row, in input order, that is settled without being handed to the loader: an earlier run
   * already dead-lettered it ({@link PriorDeadLetters}).
   */
  public synchronized void alreadySettled(String id, boolean deadLettered) {
    unsettled.addSettled(id, nextSeq - 1, deadLettered);
    advance();
  }

  /**
   * The row with loader sequence number {@code seq} is settled: acknowledged by Elasticsearch, or
   * written to the dead-letter store and flushed. Each row is settled once. Never does I/O.
   *
   * @throws IllegalStateException for a row never added or settled twice
   */
  public synchronized void settled(long seq, boolean deadLettered) {
    if (seq == nextSeq && earlySeq < 0) {
      // The loader can settle a row before the writer, back from add(), says it added it.
      earlySeq = seq;
      earlyDead = deadLettered;
      return;
    }
    if (!unsettled.settle(seq, deadLettered)) {
      throw new IllegalStateException(
          "partition "
              + ref.partition()
              + ": row "
              + seq
              + " settled twice or never added ("
              + nextSeq
              + " added, "
              + settled
              + " settled in order)");
    }
    advance();
  }

  /**
   * Blocks while the rows above the watermark hold more than the policy allows, so that one row
   * waiting on retries cannot make the bookkeeping grow without bound. One row alone always fits.
   *
   * @param liveness checked while waiting: a loader that stopped never settles the first row
   * @return how long it waited ({@link Duration#ZERO} when there was room; the clock is read only
   *     when there was not)
   */
  public synchronized Duration awaitRoom(Liveness liveness) throws InterruptedException {
    if (!full()) {
      return Duration.ZERO;
    }
    Instant start = clock.instant();
    while (full()) {
      wait(CHECK_MILLIS);
      liveness.check();
    }
    return Duration.between(start, clock.instant());
  }

  private boolean full() {
    return unsettled.size() > 1 && unsettled.bytes() > policy.maxUnsettledBytes();
  }

  /** Rows settled with no gap, counted from the partition's first row (earlier runs included). */
  public synchronized long watermark() {
    return base + settled;
  }

  /** Estimated bytes held for the rows above the watermark. */
  synchronized long unsettledBytes() {
    return unsettled.bytes();
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
      if (!writes.due(base + settled)) {
        return false;
      }
      due = snapshot(false);
    }
    return writes.write(due);
  }

  /** Writes the progress file now if the watermark moved since the last write (at abort, say). */
  public boolean persist() {
    PartitionCheckpoint now;
    synchronized (this) {
      if (!writes.moved(base + settled)) {
        return false;
      }
      now = snapshot(false);
    }
    return writes.write(now);
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
      if (unsettled.size() > 0 || earlySeq >= 0) {
        throw new IllegalStateException(
            "partition "
                + ref.partition()
                + " cannot be complete: rows from "
                + (base + settled)
                + " on, "
                + unsettled.size()
                + " of them, are not all settled");
      }
      done = snapshot(true);
    }
    writes.write(done);
  }

  private void advance() {
    boolean moved = false;
    while (unsettled.firstSettled()) {
      fingerprints.add(unsettled.firstId(), unsettled.firstDeadLettered());
      unsettled.removeFirst();
      settled++;
      moved = true;
    }
    if (moved) {
      notifyAll(); // a writer may wait for room
    }
  }

  private PartitionCheckpoint snapshot(boolean complete) {
    return new PartitionCheckpoint(
        ref.partition(),
        ref.partitions(),
        base + settled,
        fingerprints.segmentRows(),
        fingerprints.snapshot(),
        complete,
        ref.writerId(),
        clock.instant());
  }
}
