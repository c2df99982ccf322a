package dev.sluice.core.checkpoint;

import static dev.sluice.core.deadletter.StagedRecords.rowsInStore;
import static dev.sluice.core.deadletter.StagedRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.deadletter.DeadLetterNames;
import dev.sluice.core.deadletter.DeadLetterStaging;
import dev.sluice.core.storage.LocalFileStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a checkpointed task attempt skips, and why cleaning up the other attempts loses nothing.
 * Records are at "partition 0 row N" with id "k-N".
 */
class PriorDeadLettersTest {
  private static final String JOB = "2026-01-01T00:00:00Z|input|idx";

  @TempDir Path dir;
  private final LocalFileStorage storage = new LocalFileStorage();

  /** One run (Spark query) of the checkpointed job {@code job}. */
  private DeadLetterStaging run(String job, String queryId) {
    return new DeadLetterStaging(
        storage, dir.resolve("dead").toString(), DeadLetterNames.forCheckpointedJob(job, queryId));
  }

  private static PriorDeadLetters adopt(DeadLetterStaging run, long taskId) {
    return PriorDeadLetters.adopt(run, 0, run.names().writerId(0, taskId));
  }

  private static void commit(DeadLetterStaging run, long taskId) throws Exception {
    run.publish(List.of(run.names().writerId(0, taskId)));
    run.discard();
  }

  @Test
  void findsTheRowsThisJobDeadLetteredInThisPartitionByPositionAndId() throws Exception {
    DeadLetterStaging first = run(JOB, "query-1");
    write(first, first.names().writerId(0, 1), 7, 107);
    commit(first, 1);
    DeadLetterStaging second = run(JOB, "query-2");
    write(second, second.names().writerId(0, 4), 207); // an attempt that failed
    write(second, second.names().writerId(1, 5), 307); // another partition

    PriorDeadLetters prior = adopt(second, 9);

    assertThat(prior.size()).isEqualTo(3);
    assertThat(prior.contains("partition 0 row 7", "k-7")).isTrue();
    assertThat(prior.contains("partition 0 row 207", "k-207")).isTrue();
    // The row at a position is another document now: send it.
    assertThat(prior.contains("partition 0 row 7", "k-7b")).isFalse();
    assertThat(prior.contains("partition 0 row 307", "k-307")).isFalse();
  }

  @Test
  void aJobStartedAfreshAtTheSameCheckpointPathSkipsNothingAnEarlierJobDeadLettered()
      throws Exception {
    DeadLetterStaging earlier = run(JOB, "query-1");
    write(earlier, earlier.names().writerId(0, 1), 7); // published
    commit(earlier, 1);
    write(earlier, earlier.names().writerId(0, 2), 107); // staged by a run that then stopped

    DeadLetterStaging fresh = run("2026-02-01T00:00:00Z|input|idx", "query-2");

    assertThat(adopt(fresh, 1).size()).isZero();
  }

  @Test
  void aRetriedAttemptCarriesOverWhatItSkipsSoPublishingItAloneKeepsEachRowOnce() throws Exception {
    DeadLetterStaging run = run(JOB, "query-1");
    write(run, run.names().writerId(0, 1), 7, 107); // failed after these
    PriorDeadLetters second = adopt(run, 2); // the retry skips 7 and 107...
    write(run, run.names().writerId(0, 2), 207, 307); // ...dead-letters the rest, then fails too
    PriorDeadLetters third = adopt(run, 3); // takes over from both (and the second's copy)
    write(run, run.names().writerId(0, 3), 407);

    commit(run, 3);

    assertThat(second.size()).isEqualTo(2);
    assertThat(third.size()).isEqualTo(4);
    assertThat(rowsInStore(run)).containsExactly(7L, 107L, 207L, 307L, 407L);
  }

  @Test
  void aResumeAfterTheDriverDiedWhilePublishingFinishesThePublication() throws Exception {
    DeadLetterStaging crashed = run(JOB, "query-1");
    String attempt = crashed.names().writerId(0, 1);
    write(crashed, attempt, 7, 107);
    write(crashed, attempt, 207); // a second file
    write(crashed, crashed.names().writerId(0, 2), 7, 107, 207); // a speculative twin
    // The driver moved the first file into the store, then died.
    String firstFile = crashed.storage().child(crashed.stagingDirectory(), attempt + ".ndjson");
    storage.move(firstFile, storage.child(crashed.directory(), attempt + ".ndjson"));
    assertThat(rowsInStore(crashed)).containsExactly(7L, 107L);

    DeadLetterStaging resumed = run(JOB, "query-2");
    PriorDeadLetters prior = adopt(resumed, 1);
    commit(resumed, 1);

    assertThat(prior.size()).isEqualTo(3);
    assertThat(rowsInStore(resumed)).containsExactly(7L, 107L, 207L);
    assertThat(Files.exists(Path.of(resumed.stagingDirectory()))).isFalse();
  }

  @Test
  void noDirectoryMeansNothing() {
    DeadLetterStaging run = run(JOB, "query-1");
    assertThat(adopt(run, 1).size()).isZero();
    assertThat(Files.exists(dir.resolve("dead"))).isFalse();
  }
}
