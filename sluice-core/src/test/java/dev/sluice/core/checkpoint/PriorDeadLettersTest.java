package dev.sluice.core.checkpoint;

import static dev.sluice.core.deadletter.StagedRecords.rowsInStore;
import static dev.sluice.core.deadletter.StagedRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.Document;
import dev.sluice.core.deadletter.DeadLetterNames;
import dev.sluice.core.deadletter.DeadLetterStaging;
import dev.sluice.core.storage.LocalFileStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a checkpointed task attempt skips, and why cleaning up the other attempts loses nothing.
 * Records have id "k-N" and source {"row":1} (see StagedRecords).
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

  private static PriorDeadLetters adopt(DeadLetterStaging run, int partition, long taskId) {
    return PriorDeadLetters.adopt(run, run.names().writerId(partition, taskId));
  }

  /** The row "k-N" wherever this run's input put it. */
  private static Document row(long n, String position) {
    return Document.of("k-" + n, "{\"row\":1}".getBytes(StandardCharsets.UTF_8), position);
  }

  private static void claimAll(PriorDeadLetters prior, long... rows) {
    for (long n : rows) {
      assertThat(prior.claim(row(n, "somewhere"))).as("row %d", n).isTrue();
    }
    prior.close();
  }

  private static void commit(DeadLetterStaging run, int partition, long taskId) throws Exception {
    run.publish(List.of(run.names().writerId(partition, taskId)));
    run.discard();
  }

  @Test
  void findsTheRowsThisJobDeadLetteredByContentWhereverTheyAreNow() throws Exception {
    DeadLetterStaging first = run(JOB, "query-1");
    write(first, first.names().writerId(0, 1), 7, 107);
    commit(first, 0, 1);
    DeadLetterStaging second = run(JOB, "query-2");
    write(second, second.names().writerId(0, 4), 207); // an attempt that failed
    write(second, second.names().writerId(1, 5), 307); // another partition, then

    PriorDeadLetters prior = adopt(second, 3, 9); // the input is split another way now

    assertThat(prior.size()).isEqualTo(4);
    assertThat(prior.claim(row(7, "partition 3 row 0"))).isTrue();
    assertThat(prior.claim(row(307, "partition 3 row 1"))).isTrue();
    // Each record is claimed once: a second row like it was not dead-lettered.
    assertThat(prior.claim(row(7, "partition 3 row 2"))).isFalse();
    // The same id with other content is another row: send it.
    assertThat(
            prior.claim(
                Document.of("k-107", "{\"row\":2}".getBytes(StandardCharsets.UTF_8), "p3 r3")))
        .isFalse();
    prior.close();
  }

  @Test
  void identicalRowsDeadLetteredTwiceAreTwoRecords() throws Exception {
    DeadLetterStaging run = run(JOB, "query-1");
    write(run, run.names().writerId(0, 1), 7, 7);
    PriorDeadLetters retry = adopt(run, 0, 2);

    assertThat(retry.claim(row(7, "partition 0 row 0"))).isTrue();
    assertThat(retry.claim(row(7, "partition 0 row 1"))).isTrue();
    assertThat(retry.claim(row(7, "partition 0 row 2"))).isFalse();
    retry.close();
    commit(run, 0, 2);

    assertThat(rowsInStore(run)).containsExactly(7L, 7L);
  }

  @Test
  void aJobStartedAfreshAtTheSameCheckpointPathSkipsNothingAnEarlierJobDeadLettered()
      throws Exception {
    DeadLetterStaging earlier = run(JOB, "query-1");
    write(earlier, earlier.names().writerId(0, 1), 7); // published
    commit(earlier, 0, 1);
    write(earlier, earlier.names().writerId(0, 2), 107); // staged by a run that then stopped

    DeadLetterStaging fresh = run("2026-02-01T00:00:00Z|input|idx", "query-2");

    assertThat(adopt(fresh, 0, 1).size()).isZero();
  }

  @Test
  void aRetriedAttemptCarriesOverWhatItSkipsSoPublishingItAloneKeepsEachRowOnce() throws Exception {
    DeadLetterStaging run = run(JOB, "query-1");
    write(run, run.names().writerId(0, 1), 7, 107); // failed after these
    claimAll(adopt(run, 0, 2), 7, 107); // the retry skips 7 and 107...
    write(run, run.names().writerId(0, 2), 207, 307); // ...dead-letters the rest, then fails too
    PriorDeadLetters third = adopt(run, 0, 3); // finds both attempts' records and the copies
    assertThat(third.size()).isEqualTo(6);
    claimAll(third, 7, 107, 207, 307);
    write(run, run.names().writerId(0, 3), 407);

    commit(run, 0, 3);

    assertThat(rowsInStore(run)).containsExactly(7L, 107L, 207L, 307L, 407L);
  }

  @Test
  void rowsOfAnotherSplitAreCarriedByTheAttemptThatMeetsThem() throws Exception {
    DeadLetterStaging crashed = run(JOB, "query-1");
    write(crashed, crashed.names().writerId(5, 1), 7, 107); // partition 5 of 7, never published
    DeadLetterStaging rerun = run(JOB, "query-2"); // the input now has 2 partitions
    claimAll(adopt(rerun, 0, 1), 107);
    claimAll(adopt(rerun, 1, 2), 7);

    rerun.publish(List.of(rerun.names().writerId(0, 1), rerun.names().writerId(1, 2)));
    rerun.discard();

    assertThat(rowsInStore(rerun)).containsExactly(7L, 107L);
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
    claimAll(adopt(resumed, 0, 1), 7, 107, 207);
    commit(resumed, 0, 1);

    assertThat(rowsInStore(resumed)).containsExactly(7L, 107L, 207L);
    assertThat(Files.exists(Path.of(resumed.stagingDirectory()))).isFalse();
  }

  @Test
  void noDirectoryMeansNothing() {
    DeadLetterStaging run = run(JOB, "query-1");
    assertThat(adopt(run, 0, 1).size()).isZero();
    assertThat(Files.exists(dir.resolve("dead"))).isFalse();
  }
}
