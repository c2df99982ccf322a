package dev.sluice.core.checkpoint;

import dev.sluice.core.config.ConfigKeys;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips, on a resumed run, the rows of a partition that the earlier run settled, after checking
 * that they are the same rows. The caller offers every row of the partition in order with its id
 * and sends what comes back. Rows are held, one fingerprint segment at a time, until their
 * segment's ids match the recorded fingerprint: then they are dropped (skipped); on a mismatch, or
 * when the input ends before the recorded rows, the held rows come back to be sent, and so does
 * every later row. Re-sending is safe with deterministic ids. A partition recorded {@link
 * PartitionCheckpoint#complete()} is checked the same way: rows past the recorded ones are sent
 * (the input grew), fewer rows send the unverified rest.
 *
 * <p>Memory: at most one segment of rows ({@link PartitionCheckpoint#segmentRows()}), and at most
 * {@code maxHeldBytes} of them: a segment that holds more is sent instead of checked. Nothing is
 * sent while rows are held, so the loader holds nothing then. The caller must offer rows it may
 * keep (copies, if its source reuses objects). Not thread-safe: one writer owns it.
 *
 * @param <T> what the caller sends (a row, a document)
 */
public final class ResumeFilter<T> {
  private static final Logger LOG = LoggerFactory.getLogger(ResumeFilter.class);

  private final PartitionCheckpoint recorded;
  private final long maxHeldBytes;
  private final ToLongFunction<T> sizer;
  private final Consumer<T> onSkipped;
  private final List<PartitionCheckpoint.Segment> verified = new ArrayList<>();
  private final List<T> held = new ArrayList<>();
  private MessageDigest digest = IdFingerprint.start();
  private long heldBytes;
  private long offered;
  private SettledPrefix prefix;
  private String mismatch;

  private ResumeFilter(
      PartitionCheckpoint recorded,
      long maxHeldBytes,
      ToLongFunction<T> sizer,
      Consumer<T> onSkipped) {
    this.recorded = recorded;
    this.maxHeldBytes = maxHeldBytes;
    this.sizer = sizer;
    this.onSkipped = onSkipped;
    if (recorded.rows() == 0) {
      prefix = SettledPrefix.none(recorded.segmentRows());
    }
  }

  /**
   * A filter for the recorded progress of a partition.
   *
   * @param maxHeldBytes what the rows held while a segment is checked may take, by {@code sizer}
   */
  public static <T> ResumeFilter<T> of(
      PartitionCheckpoint recorded, long maxHeldBytes, ToLongFunction<T> sizer) {
    return of(recorded, maxHeldBytes, sizer, row -> {});
  }

  /**
   * @param onSkipped told of every row skipped for good, in order
   */
  public static <T> ResumeFilter<T> of(
      PartitionCheckpoint recorded,
      long maxHeldBytes,
      ToLongFunction<T> sizer,
      Consumer<T> onSkipped) {
    return new ResumeFilter<>(recorded, maxHeldBytes, sizer, onSkipped);
  }

  /**
   * Offers the partition's next row.
   *
   * @param id the row's document id (null with generated ids: only the row count is checked)
   * @return the rows to send now, in order: empty while the row is being skipped or held
   */
  public List<T> offer(String id, T row) {
    if (prefix != null) {
      return Collections.singletonList(row);
    }
    IdFingerprint.add(digest, id);
    held.add(row);
    heldBytes += sizer.applyAsLong(row);
    offered++;
    int index = verified.size();
    long segmentStart = (long) index * recorded.segmentRows();
    long segmentEnd = Math.min(segmentStart + recorded.segmentRows(), recorded.rows());
    if (offered < segmentEnd) {
      if (heldBytes > maxHeldBytes) {
        return mismatched(
            "rows "
                + segmentStart
                + " to "
                + (offered - 1)
                + " take more than "
                + maxHeldBytes
                + " bytes ("
                + ConfigKeys.MEMORY_MAX_BYTES.name()
                + ") to hold while their ids are checked (a smaller"
                + " "
                + ConfigKeys.CHECKPOINT_SEGMENT_ROWS.name()
                + " would let them be checked)");
      }
      return List.of();
    }
    PartitionCheckpoint.Segment expected = recorded.segments().get(index);
    boolean full = segmentEnd - segmentStart == recorded.segmentRows();
    MessageDigest open = full ? null : IdFingerprint.copy(digest);
    String actual = IdFingerprint.finish(digest);
    if (!actual.equals(expected.idsFingerprint())) {
      return mismatched(
          "the ids of rows "
              + segmentStart
              + " to "
              + (segmentEnd - 1)
              + " differ from the ones recorded (fingerprint "
              + actual
              + ", recorded "
              + expected.idsFingerprint()
              + ")");
    }
    held.forEach(onSkipped);
    held.clear();
    heldBytes = 0;
    if (full) {
      verified.add(expected);
    }
    if (offered == recorded.rows()) {
      prefix =
          full
              ? prefixOfVerified()
              : new SettledPrefix(
                  offered,
                  recorded.segmentRows(),
                  verified,
                  open,
                  (int) (segmentEnd - segmentStart),
                  expected.deadLettered());
      LOG.info(
          "partition {}: skipping the {} rows an earlier run settled; their ids match the recorded"
              + " ones",
          recorded.partition(),
          offered);
    }
    return List.of();
  }

  /**
   * The input ended. Returns the rows still held, to be sent: when the input has fewer rows than
   * were recorded, the unverified ones cannot be trusted to have been settled.
   */
  public List<T> finish() {
    if (prefix != null) {
      return List.of();
    }
    return mismatched(
        "the partition has "
            + offered
            + " rows, fewer than the "
            + recorded.rows()
            + " recorded as settled");
  }

  /** True once every recorded row was verified, or a mismatch ended the skipping. */
  public boolean decided() {
    return prefix != null;
  }

  /** Rows skipped for good; final once {@link #decided()}. */
  public long skipped() {
    return prefix != null ? prefix.rows : (long) verified.size() * recorded.segmentRows();
  }

  /** Why skipping stopped early, or null. */
  public String mismatch() {
    return mismatch;
  }

  /**
   * What is settled before this run's first sent row, for {@link PartitionProgress}.
   *
   * @throws IllegalStateException before {@link #decided()}
   */
  public SettledPrefix prefix() {
    if (prefix == null) {
      throw new IllegalStateException(
          "partition " + recorded.partition() + ": the resume point is not known yet");
    }
    return prefix;
  }

  private List<T> mismatched(String why) {
    long from = (long) verified.size() * recorded.segmentRows();
    mismatch = why + "; sending it again from row " + from;
    LOG.warn("partition {}: {} (safe with deterministic ids)", recorded.partition(), mismatch);
    prefix = prefixOfVerified();
    digest = null;
    List<T> out = new ArrayList<>(held);
    held.clear();
    heldBytes = 0;
    return out;
  }

  private SettledPrefix prefixOfVerified() {
    return new SettledPrefix(
        (long) verified.size() * recorded.segmentRows(),
        recorded.segmentRows(),
        verified,
        IdFingerprint.start(),
        0,
        0);
  }
}
