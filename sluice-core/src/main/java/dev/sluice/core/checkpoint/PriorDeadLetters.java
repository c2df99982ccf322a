package dev.sluice.core.checkpoint;

import dev.sluice.core.SluiceException;
import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.deadletter.DeadLetterStaging;
import dev.sluice.core.deadletter.NdjsonDeadLetterStore;
import dev.sluice.core.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The rows of one partition that this checkpointed job already dead-lettered (in an earlier run, or
 * in an earlier attempt at the same task), read from the dead-letter files themselves, by source
 * position and id. Dead letters of another job, even one at the same checkpoint path, do not count:
 * the files are found by the job's name ({@link dev.sluice.core.deadletter.DeadLetterNames}).
 *
 * <p>Why the files and not the progress file: with several requests in flight, a row can be
 * dead-lettered beyond a gap in the settled prefix, and a crash can come between a dead-letter
 * flush and the next progress write. In both cases the progress file does not cover the row, so a
 * resumed run would send it and dead-letter it a second time. A writer that skips the rows found
 * here instead (as settled) keeps every dead letter in the store exactly once.
 */
public final class PriorDeadLetters {
  private static final PriorDeadLetters NONE = new PriorDeadLetters(Set.of());
  private static final int CARRY_BATCH = 1000;

  private record Row(String position, String id) {
    static Row of(DeadLetterRecord r) {
      return new Row(r.position(), r.id());
    }
  }

  private final Set<Row> rows;

  private PriorDeadLetters(Set<Row> rows) {
    this.rows = rows;
  }

  public static PriorDeadLetters none() {
    return NONE;
  }

  /**
   * For the attempt {@code writerId} at {@code partition}: the rows the job dead-lettered, whether
   * their records are in the store already or still staged by an earlier attempt that was never
   * published (it failed, lost to a speculative twin, or its run stopped before committing). Each
   * staged record not in the store is copied, once, into this attempt's staging as {@code
   * <writerId>-carried.ndjson}: the attempt skips those rows, and whichever attempt's files are
   * published then holds a record for every row it skipped, so cleaning up the others loses none.
   *
   * <p>Call it after reading the partition's progress file: a dead letter is flushed before the
   * progress that covers it is written, so every row the progress covers is found here.
   */
  public static PriorDeadLetters adopt(DeadLetterStaging staging, int partition, String writerId) {
    Storage storage = staging.storage();
    Set<Row> found = new HashSet<>();
    DeadLetterReader reader = new DeadLetterReader(storage);
    try {
      for (String file : staging.publishedFiles(partition)) {
        reader.forEach(file, r -> found.add(Row.of(r)));
      }
      try (NdjsonDeadLetterStore carried =
          new NdjsonDeadLetterStore(
              storage, staging.stagingDirectory(), writerId + "-carried", CARRY_BATCH)) {
        for (String file : staging.stagedFiles(partition)) {
          reader.forEach(file, r -> carry(r, found, carried));
        }
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
    return found.isEmpty() ? NONE : new PriorDeadLetters(found);
  }

  private static void carry(DeadLetterRecord record, Set<Row> found, NdjsonDeadLetterStore to) {
    if (found.add(Row.of(record))) {
      try {
        to.write(record);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** True when the row at {@code position}, with this id, was dead-lettered by this job. */
  public boolean contains(String position, String id) {
    return rows.contains(new Row(position, id));
  }

  public int size() {
    return rows.size();
  }
}
