package dev.sluice.spark;

import dev.sluice.core.deadletter.DeadLetterNames;

/**
 * One epoch (micro-batch) of a streaming query, as its writers and its commit see it.
 *
 * @param id Spark's epoch (batch) id
 * @param deadLetters how the epoch's dead letters are named: the epoch is their job, so its commit
 *     publishes them and a replay of it replaces what an interrupted commit left
 * @param committed Sluice's epoch store records the epoch committed: Spark replays it because its
 *     own commit log missed it, and its rows were all delivered already
 */
record StreamEpoch(long id, DeadLetterNames deadLetters, boolean committed) {

  /**
   * @param queryId the streaming query's id, the same across restarts from one checkpoint location
   * @param run this driver's run of the query, so that a replayed epoch's attempts never take the
   *     file names of the run that was interrupted
   */
  static DeadLetterNames deadLetterNames(String queryId, long epoch, String run) {
    return new DeadLetterNames(DeadLetterNames.forQuery(queryId).job() + "-e" + epoch, run);
  }
}
