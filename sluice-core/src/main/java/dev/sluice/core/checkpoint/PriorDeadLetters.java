package dev.sluice.core.checkpoint;

import dev.sluice.core.Document;
import dev.sluice.core.SluiceException;
import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.deadletter.DeadLetterStaging;
import dev.sluice.core.deadletter.NdjsonDeadLetterStore;
import dev.sluice.core.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The rows this checkpointed job already dead-lettered (in an earlier run, or in an earlier attempt
 * at a task), read from the job's dead-letter files themselves, published or still staged, in every
 * partition. A row is recognised by its content (document id and source bytes), not by its
 * position: a rerun may split the input differently, and then a row sits at another position, in
 * another partition. Dead letters of another job, even one at the same checkpoint path, do not
 * count: the files are found by the job's name ({@link
 * dev.sluice.core.deadletter.DeadLetterNames}).
 *
 * <p>Why the files and not the progress file: with several requests in flight, a row can be
 * dead-lettered beyond a gap in the settled prefix, and a crash can come between a dead-letter
 * flush and the next progress write. In both cases the progress file does not cover the row, so a
 * resumed run would send it and dead-letter it a second time.
 *
 * <p>Each record is claimed by at most one row: identical rows dead-lettered twice are two records,
 * and claim two rows. A claimed record that is still staged (its attempt was never published: it
 * failed, lost to a speculative twin, or its run stopped) is copied into this attempt's staging as
 * {@code <writerId>-carried.ndjson}: whichever attempt is published then holds a record for every
 * row it skipped, and discarding the others loses none.
 */
public final class PriorDeadLetters implements AutoCloseable {
  private static final PriorDeadLetters NONE = new PriorDeadLetters(null, null, Map.of());
  private static final int CARRY_BATCH = 1000;

  /** The records of one row's content, published ones first. */
  private static final class Claimable {
    int published;
    final ArrayDeque<DeadLetterRecord> staged = new ArrayDeque<>();

    int size() {
      return published + staged.size();
    }
  }

  private final DeadLetterStaging staging;
  private final String writerId;
  private final Map<RowContent, Claimable> records;
  private final int size;
  private NdjsonDeadLetterStore carried;

  private PriorDeadLetters(
      DeadLetterStaging staging, String writerId, Map<RowContent, Claimable> records) {
    this.staging = staging;
    this.writerId = writerId;
    this.records = records;
    this.size = records.values().stream().mapToInt(Claimable::size).sum();
  }

  public static PriorDeadLetters none() {
    return NONE;
  }

  /**
   * Reads what this job dead-lettered, for the attempt {@code writerId}. Call it after reading the
   * partition's progress file: a dead letter is flushed before the progress that covers it is
   * written, so every row the progress covers is found here.
   */
  public static PriorDeadLetters adopt(DeadLetterStaging staging, String writerId) {
    Map<RowContent, Claimable> records = new HashMap<>();
    DeadLetterReader reader = new DeadLetterReader(staging.storage());
    try {
      for (String file : staging.publishedFilesOfJob()) {
        reader.forEach(file, r -> claimable(records, r).published++);
      }
      for (String file : staging.stagedFilesOfJob()) {
        reader.forEach(file, r -> claimable(records, r).staged.add(r));
      }
    } catch (IOException | UncheckedIOException e) {
      throw new SluiceException(
          "Cannot read the dead letters this job wrote earlier in "
              + staging.directory()
              + " (needed so that a resumed load or a retried task does not dead-letter a row"
              + " twice): "
              + e.getMessage(),
          e);
    }
    return records.isEmpty() ? NONE : new PriorDeadLetters(staging, writerId, records);
  }

  private static Claimable claimable(Map<RowContent, Claimable> records, DeadLetterRecord r) {
    return records.computeIfAbsent(RowContent.of(r.id(), r.source()), k -> new Claimable());
  }

  /**
   * True when this job dead-lettered a row with this document's id and source, and no row claimed
   * that record before: the row is settled, not to be sent. A staged record is carried over.
   */
  public boolean claim(Document document) {
    if (records.isEmpty()) {
      return false;
    }
    Claimable c = records.get(RowContent.of(document.id(), document.source()));
    if (c == null || c.size() == 0) {
      return false;
    }
    if (c.published > 0) {
      c.published--;
    } else {
      carry(c.staged.poll());
    }
    return true;
  }

  private void carry(DeadLetterRecord record) {
    try {
      if (carried == null) {
        Storage storage = staging.storage();
        carried =
            new NdjsonDeadLetterStore(
                storage, staging.stagingDirectory(), writerId + "-carried", CARRY_BATCH);
      }
      carried.write(record);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot copy an earlier dead letter into " + staging.stagingDirectory(), e);
    }
  }

  /** Records found, claimed or not. */
  public int size() {
    return size;
  }

  /** Writes out (durably) the records carried over; call before the attempt commits. */
  @Override
  public void close() {
    NdjsonDeadLetterStore closing = carried;
    carried = null;
    if (closing != null) {
      try {
        closing.close();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot copy earlier dead letters into " + staging.stagingDirectory(), e);
      }
    }
  }
}
