package dev.sluice.spark.soak;

import dev.sluice.testkit.proxy.FaultPlan;
import java.util.List;

/**
 * Everything one soak seed does, generated from the seed alone by {@link ScenarioGenerator}: the
 * input, the load's options, the faults of each node, and the runs (all but the last interrupted).
 * The child JVM regenerates it from the seed, so the parent and the child always agree.
 *
 * @param rows logical records before duplicates are added
 * @param badShare share of the records that must end in the dead-letter store
 * @param duplicateShare share of the good records that appear again, identical, elsewhere in the
 *     input (duplicates are generated only with identical content: Spark does not promise the order
 *     of two rows of one id across runs, so only then is the final document well defined)
 * @param create {@code es.write.operation=create} (then no duplicates: the second copy of an id is
 *     a legitimate 409)
 * @param nodeB the second node's faults, or null for a one-node cluster
 */
record SoakScenario(
    long seed,
    int rows,
    double badShare,
    double duplicateShare,
    IdMode idMode,
    boolean create,
    int batchEntries,
    int concurrency,
    int checkpointEveryRows,
    FaultPlan nodeA,
    FaultPlan nodeB,
    List<RunPlan> runs) {

  /** How documents get their ids. {@code auto} ids are left out: they cannot be exact. */
  enum IdMode {
    /** {@code es.mapping.id=key}, a string column with edge characters. */
    FIELD,
    /** The default: a hash of the document's content. */
    HASH,
    /** {@code sluice.id.fields=key,row}. */
    COMPOSITE,
    /** {@code es.mapping.id=bkey}, a binary column, some of its values not UTF-8. */
    BINARY
  }

  /** What happens before a run, to the state the previous run left. */
  enum ResumeMode {
    /** The first run of the seed. */
    FIRST,
    /** Resume from the checkpoint with the same partitioning. */
    SAME_PARTITIONS,
    /** Resume from the checkpoint with another partition count, same input name. */
    OTHER_PARTITIONS,
    /** Delete the checkpoint and the dead-letter store and start a new job. */
    FRESH_JOB
  }

  /** How a run ends early. */
  enum Interruption {
    NONE,
    SIGKILL,
    /** The child cancels its Spark jobs ({@code SparkContext.cancelAllJobs}). */
    CANCEL
  }

  /**
   * @param afterRequests the interruption comes once this many bulk requests of this run reached
   *     the proxies
   */
  record RunPlan(int partitions, ResumeMode resume, Interruption interruption, int afterRequests) {
    @Override
    public String toString() {
      return resume
          + " x"
          + partitions
          + (interruption == Interruption.NONE
              ? " to the end"
              : ", " + interruption + " after " + afterRequests + " bulk requests");
    }
  }

  String describe() {
    StringBuilder text = new StringBuilder();
    text.append("seed ").append(seed).append(": ").append(rows).append(" records, ");
    text.append(
        String.format("bad %.1f%%, duplicates %.1f%%, ", badShare * 100, duplicateShare * 100));
    text.append("ids ").append(idMode).append(create ? ", op create" : ", op index");
    text.append(", batch ").append(batchEntries).append(" docs, concurrency ").append(concurrency);
    text.append(", checkpoint every ").append(checkpointEveryRows).append(" rows");
    text.append("\n  node A faults: ").append(nodeA);
    text.append("\n  node B faults: ").append(nodeB == null ? "(one-node cluster)" : nodeB);
    for (int i = 0; i < runs.size(); i++) {
      text.append("\n  run ").append(i + 1).append(": ").append(runs.get(i));
    }
    return text.toString();
  }
}
