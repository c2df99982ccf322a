package dev.sluice.core.deadletter;

import static dev.sluice.core.deadletter.StagedRecords.rowsInStore;
import static dev.sluice.core.deadletter.StagedRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.core.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterStagingTest {
  @TempDir Path dir;
  private final Storage storage = new LocalFileStorage();

  private DeadLetterStaging staging(DeadLetterNames names) {
    return new DeadLetterStaging(storage, dir.resolve("dead").toString(), names);
  }

  @Test
  void staysOutOfTheStoreUntilPublishedThenOnlyTheCommittedAttemptIsThere() throws Exception {
    DeadLetterStaging staging = staging(DeadLetterNames.forQuery("0123456789"));
    String failed = staging.names().writerId(0, 1);
    String retried = staging.names().writerId(0, 2);
    write(staging, failed, 7, 107);
    write(staging, retried, 7, 107, 207);
    assertThat(rowsInStore(staging)).as("readers never see staged records").isEmpty();

    Map<String, String> published = staging.publish(List.of(retried));
    staging.discard();

    assertThat(rowsInStore(staging)).containsExactly(7L, 107L, 207L);
    assertThat(published)
        .containsExactly(
            Map.entry(retried, dir.resolve("dead").resolve(retried + ".ndjson").toString()));
    assertThat(Files.exists(Path.of(staging.stagingDirectory()))).isFalse();
    assertThat(staging.hasStaged()).isFalse();
  }

  @Test
  void anAttemptWithSeveralFilesIsPublishedWholeAndPointsAtTheDirectory() throws Exception {
    DeadLetterStaging staging = staging(DeadLetterNames.forQuery("q"));
    String attempt = staging.names().writerId(3, 5);
    write(staging, attempt, 1, 2);
    write(staging, attempt, 3); // a second file, as after a restart: <id>-1.ndjson
    write(staging, staging.names().writerId(3, 55), 1, 2, 3); // t55 is another attempt

    Map<String, String> published = staging.publish(List.of(attempt, "q-p00009-t1"));

    assertThat(published).containsExactly(Map.entry(attempt, staging.directory()));
    assertThat(rowsInStore(staging)).containsExactly(1L, 2L, 3L);
    assertThat(staging.hasStaged()).as("t55 waits for discard").isTrue();
  }

  @Test
  void namesTieFilesToTheirJobPartitionAndAttempt() {
    DeadLetterNames job =
        DeadLetterNames.forCheckpointedJob("2026-01-01T00:00:00Z|in|idx", "abcdef0123");
    assertThat(job.writerId(3, 17)).matches("ck[0-9a-f]{8}-p00003-t17-rabcdef01");
    assertThat(
            DeadLetterNames.forCheckpointedJob("2026-01-01T00:00:01Z|in|idx", "abcdef0123").job())
        .as("a job started afresh at the same path")
        .isNotEqualTo(job.job());
    assertThat(DeadLetterNames.forQuery(null).writerId(0, 1)).isEqualTo("local-p00000-t1");

    Set<String> writers = Set.of("j-p00003-t1", "j-p00003-t17");
    assertThat(DeadLetterNames.writerOf("j-p00003-t1.ndjson", writers)).isEqualTo("j-p00003-t1");
    assertThat(DeadLetterNames.writerOf("j-p00003-t1-2.ndjson", writers)).isEqualTo("j-p00003-t1");
    assertThat(DeadLetterNames.writerOf("j-p00003-t1-carried-1.ndjson", writers))
        .isEqualTo("j-p00003-t1");
    assertThat(DeadLetterNames.writerOf("j-p00003-t17.ndjson", writers)).isEqualTo("j-p00003-t17");
    assertThat(DeadLetterNames.writerOf("j-p00003-t171.ndjson", writers)).isNull();
    assertThat(DeadLetterNames.writerOf("j-p00003-t1.ndjson.tmp", writers)).isNull();
    assertThat(job.isFileOfPartition(3, job.writerId(3, 1) + ".ndjson")).isTrue();
    assertThat(job.isFileOfPartition(3, job.writerId(30, 1) + ".ndjson")).isFalse();
  }
}
