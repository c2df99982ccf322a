package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.deadletter.DeadLetterNames;
import dev.sluice.core.report.Counter;
import dev.sluice.core.report.IndexCounts;
import dev.sluice.core.report.PerIndexCounts;
import dev.sluice.core.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingEpochsTest {
  @TempDir Path checkpoint;

  @Test
  void aRecordedEpochIsCommittedAndTheHighestIsTheLast() {
    StreamingEpochs epochs = StreamingEpochs.beside(checkpoint.toString());
    assertThat(epochs.lastCommitted()).isEmpty();
    assertThat(epochs.committed(0)).isFalse();

    epochs.record("q", 0, epoch(LoadCounters.empty()));
    epochs.record("q", 1, epoch(LoadCounters.empty()));

    assertThat(epochs.committed(0)).isTrue();
    assertThat(epochs.committed(1)).isTrue();
    assertThat(epochs.committed(2)).isFalse();
    assertThat(epochs.lastCommitted()).hasValue(1);
    // Read again from the files, as a restarted driver does.
    assertThat(StreamingEpochs.beside(checkpoint.toString()).lastCommitted()).hasValue(1);
  }

  @Test
  void theRecordSaysWhichQueryAndEpochAndIsBesideSparksCheckpoint() throws IOException {
    StreamingEpochs.beside(checkpoint.toString()).record("query-1", 7, epoch(LoadCounters.empty()));

    Path file = checkpoint.resolve("sluice").resolve("commits").resolve("7");
    JsonNode doc = new ObjectMapper().readTree(Files.readAllBytes(file));
    assertThat(doc.get("version").asInt()).isEqualTo(StreamingEpochs.FORMAT_VERSION);
    assertThat(doc.get("query_id").asText()).isEqualTo("query-1");
    assertThat(doc.get("epoch").asLong()).isEqualTo(7);
  }

  @Test
  void epochsLongCommittedAreForgottenButTheLastOnesKept() {
    StreamingEpochs epochs = StreamingEpochs.beside(checkpoint.toString());
    epochs.record("q", 5, epoch(LoadCounters.empty()));
    epochs.record("q", 5 + StreamingEpochs.RETAINED - 1, epoch(LoadCounters.empty()));
    assertThat(epochs.committed(5)).isTrue();

    epochs.record("q", 5 + StreamingEpochs.RETAINED, epoch(LoadCounters.empty()));

    assertThat(epochs.committed(5)).isFalse();
    assertThat(epochs.committed(5 + StreamingEpochs.RETAINED - 1)).isTrue();
    assertThat(epochs.lastCommitted()).hasValue(5 + StreamingEpochs.RETAINED);
  }

  @Test
  void theTotalsAddEachEpochOnceAcrossARestartAndAReplay() {
    StreamingEpochs epochs = StreamingEpochs.beside(checkpoint.toString());
    QueryTotals afterFirst = epochs.record("q", 0, epoch(counts(10, 9, 1, 0)));
    QueryTotals afterSecond = epochs.record("q", 1, epoch(counts(5, 5, 0, 0)));

    assertThat(afterFirst.counters().read()).isEqualTo(10);
    assertThat(afterSecond.counters().read()).isEqualTo(15);
    // Spark runs epoch 1 again: its rows are skipped, and the totals stay as they were.
    QueryTotals replayed = epochs.record("q", 1, epoch(counts(5, 0, 0, 5)));
    assertThat(replayed).isEqualTo(afterSecond);
    assertThat(epochs.totals(1)).isEqualTo(afterSecond);

    // A restarted driver reads the totals from the store and goes on from them.
    QueryTotals afterThird =
        StreamingEpochs.beside(checkpoint.toString()).record("q", 2, epoch(counts(4, 2, 2, 0)));

    LoadCounters total = afterThird.counters();
    assertThat(total.read()).isEqualTo(19);
    assertThat(total.indexed()).isEqualTo(16);
    assertThat(total.deadLettered()).isEqualTo(3);
    assertThat(total.skippedByCheckpoint()).isZero();
    assertThat(total.reconciles()).isTrue();
    assertThat(total.deadLetteredByReason())
        .containsExactly(Map.entry("mapper_parsing_exception", 3L));
    assertThat(total.byIndex().asMap()).containsExactly(Map.entry("idx", new IndexCounts(16, 3)));
    assertThat(afterThird.epochs()).isEqualTo(3);
    assertThat(afterThird.firstEpoch()).isZero();
    assertThat(afterThird.lastEpoch()).isEqualTo(2);
    assertThat(afterThird.started()).isEqualTo(START);
    assertThat(afterThird.tasksReported()).isEqualTo(6);
    assertThat(afterThird.tasks()).isEqualTo(6);
  }

  @Test
  void aRecordOfTheFirstFormatHasNoTotalsAndTheNextEpochCountsFromZero() throws IOException {
    Path commits = Files.createDirectories(checkpoint.resolve("sluice").resolve("commits"));
    Files.writeString(
        commits.resolve("4"), "{\"version\":1,\"query_id\":\"q\",\"epoch\":4,\"read\":7}");
    StreamingEpochs epochs = StreamingEpochs.beside(checkpoint.toString());

    assertThat(epochs.totals(4)).isEqualTo(QueryTotals.NONE);
    QueryTotals next = epochs.record("q", 5, epoch(counts(3, 3, 0, 0)));
    assertThat(next.counters().read()).isEqualTo(3);
    assertThat(next.firstEpoch()).isEqualTo(5);
  }

  private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

  /** An epoch of two tasks that both reported. */
  private static RunReport epoch(LoadCounters counters) {
    return RunReport.builder("q", "idx")
        .between(START, START.plusSeconds(1))
        .counters(counters, 2, 2)
        .build();
  }

  private static LoadCounters counts(long read, long indexed, long dead, long skipped) {
    LoadCounters.Builder b =
        LoadCounters.builder()
            .set(Counter.READ, read)
            .set(Counter.INDEXED, indexed)
            .set(Counter.DEAD_LETTERED, dead)
            .set(Counter.SKIPPED_BY_CHECKPOINT, skipped);
    if (dead > 0) {
      b.deadLettered("mapper_parsing_exception", dead);
    }
    if (indexed + dead > 0) {
      b.byIndex(new PerIndexCounts(Map.of("idx", new IndexCounts(indexed, dead))));
    }
    return b.build();
  }

  @Test
  void eachEpochIsADeadLetterJobOfItsOwnAndEachRunNamesItsAttemptsApart() {
    DeadLetterNames e1 = StreamEpoch.deadLetterNames("0123456789abcdef", 1, "run-a");
    DeadLetterNames e10 = StreamEpoch.deadLetterNames("0123456789abcdef", 10, "run-a");
    DeadLetterNames e1Again = StreamEpoch.deadLetterNames("0123456789abcdef", 1, "run-b");

    assertThat(e1.job()).isEqualTo("01234567-e1").isEqualTo(e1Again.job());
    assertThat(e10.job()).isEqualTo("01234567-e10");
    assertThat(e1.writerId(3, 4)).isNotEqualTo(e1Again.writerId(3, 4));
    // Epoch 10's files are not epoch 1's although their names start alike.
    assertThat(e10.writerId(0, 0)).doesNotStartWith(e1.job() + "-p");
  }
}
