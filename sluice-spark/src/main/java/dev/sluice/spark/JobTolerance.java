package dev.sluice.spark;

import dev.sluice.core.DeadLetterToleranceException;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.config.ConfigKey;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.deadletter.DeadLetterTolerance;
import java.util.Optional;

/**
 * The dead-letter tolerance judged over the whole job, on the driver, when it commits. Each writer
 * stops itself early once its own counts exceed the tolerance, but a job split into many small
 * partitions can reject every row while no writer reaches {@code sluice.deadletter.ratio.min.docs};
 * the sum of the tasks' counts decides, whatever the partitioning, and a job that dead-lettered
 * every document it resolved fails under any ratio limit, however small. A job over the tolerance
 * fails before its dead letters are published or its checkpoint is marked finished.
 */
final class JobTolerance {
  private JobTolerance() {}

  /** Throws when the job's totals exceed the tolerance of {@code conf}. */
  static void check(SparkWriteConf conf, LoadCounters totals) {
    Optional<String> failure =
        verdict(
            DeadLetterTolerance.of(conf.engine().deadLetter()),
            totals,
            conf.engine().checkpoint().path());
    if (failure.isPresent()) {
      throw new DeadLetterToleranceException(failure.get());
    }
  }

  /**
   * Why the job failed, or empty when its totals are within the tolerance.
   *
   * @param totals the sum of every task's counters
   * @param checkpointPath the job's checkpoint, or null
   */
  static Optional<String> verdict(
      DeadLetterTolerance tolerance, LoadCounters totals, String checkpointPath) {
    long dead = totals.deadLettered();
    long resolved = dead + totals.indexed() + totals.merged();
    Optional<ConfigKey<?>> limit = tolerance.exceededByJob(dead, resolved);
    return limit.map(
        l ->
            "The job dead-lettered "
                + dead
                + " of "
                + resolved
                + " documents, "
                + tolerance.beyond(l, totals.deadLetteredByReason())
                + ". "
                + whatToDo(checkpointPath));
  }

  private static String whatToDo(String checkpointPath) {
    String fix = "Fix the data or the index mapping (or raise the limit), then run the load again";
    if (checkpointPath == null) {
      return fix + ".";
    }
    return "The checkpoint "
        + checkpointPath
        + " is not marked finished. "
        + fix
        + " with another "
        + ConfigKeys.CHECKPOINT_PATH.name()
        + " or after deleting this one: resuming it would skip the rows this run dead-lettered.";
  }
}
