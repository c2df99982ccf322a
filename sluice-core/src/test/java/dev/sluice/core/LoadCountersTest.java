package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.report.Counter;
import dev.sluice.core.report.Counters;
import dev.sluice.core.report.IndexCounts;
import dev.sluice.core.report.PerIndexCounts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadCountersTest {
  private static LoadCounters counters(
      long read, long indexed, long dead, String reason, long p99) {
    return LoadCounters.builder()
        .set(Counter.READ, read)
        .set(Counter.INDEXED, indexed)
        .set(Counter.CREATED, indexed)
        .set(Counter.DEAD_LETTERED, dead)
        .deadLettered(reason, dead)
        .set(Counter.RETRIED_ITEMS, 1)
        .set(Counter.RETRIED_REQUESTS, 2)
        .set(Counter.THROTTLED, 3)
        .set(Counter.BYTES_SENT, 100)
        .set(Counter.BULK_REQUESTS, 4)
        .set(Counter.PEAK_BYTES_BUFFERED, 50)
        .set(Counter.LATENCY_P50_MILLIS, 1)
        .set(Counter.LATENCY_P90_MILLIS, 2)
        .set(Counter.LATENCY_P99_MILLIS, p99)
        .set(Counter.LATENCY_MAX_MILLIS, p99)
        .build();
  }

  private static LoadCounters inIndex(String index, long indexed, long dead) {
    return LoadCounters.builder()
        .byIndex(new PerIndexCounts(Map.of(index, new IndexCounts(indexed, dead))))
        .build();
  }

  @Test
  void countsPerIndexAreSummedShownInTheSummaryAndReadBackFromJson() throws Exception {
    LoadCounters total =
        inIndex("logs-a", 3, 1).plus(inIndex("logs-b", 2, 0)).plus(inIndex("logs-a", 4, 0));

    assertThat(total.byIndex().asMap())
        .containsExactly(
            Map.entry("logs-a", new IndexCounts(7, 1)), Map.entry("logs-b", new IndexCounts(2, 0)));
    assertThat(total.summaryLine())
        .endsWith(
            " indices=2 {logs-a: 7 indexed, 1 dead-lettered; logs-b: 2 indexed, 0 dead-lettered}");
    assertThat(inIndex("one", 1, 0).summaryLine()).doesNotContain("indices=");
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readValue(json.writeValueAsString(total), LoadCounters.class)).isEqualTo(total);
    assertThat(json.writeValueAsString(total))
        .contains("\"byIndex\":{\"logs-a\":{\"indexed\":7,\"deadLettered\":1}");
  }

  @Test
  void liveCountersCountEachIndexAndIgnoreDocumentsWithoutOne() {
    Counters live = new Counters();
    live.indexed("created", "logs-a");
    live.indexed("superseded", "logs-a");
    live.deadLettered("mapper_parsing_exception", "logs-b");
    live.deadLettered("row_conversion_exception", null);

    LoadCounters snapshot = live.snapshot(0);
    assertThat(snapshot.byIndex().asMap())
        .containsExactly(
            Map.entry("logs-a", new IndexCounts(2, 0)), Map.entry("logs-b", new IndexCounts(0, 1)));
    assertThat(snapshot.indexed()).isEqualTo(2);
    assertThat(snapshot.get(Counter.SUPERSEDED)).isEqualTo(1);
    assertThat(snapshot.deadLettered()).isEqualTo(2);
  }

  @Test
  void sumsCountsAndReasonsAndKeepsTheLargestPeakAndLatency() {
    LoadCounters total =
        LoadCounters.empty()
            .plus(counters(10, 9, 1, "mapper_parsing_exception", 30))
            .plus(counters(20, 18, 2, "mapper_parsing_exception", 70))
            .plus(counters(5, 4, 1, "version_conflict_engine_exception", 10));

    assertThat(total.read()).isEqualTo(35);
    assertThat(total.indexed()).isEqualTo(31);
    assertThat(total.deadLettered()).isEqualTo(4);
    assertThat(total.deadLetteredByReason())
        .containsOnly(
            Map.entry("mapper_parsing_exception", 3L),
            Map.entry("version_conflict_engine_exception", 1L));
    assertThat(total.retriedRequests()).isEqualTo(6);
    assertThat(total.bytesSent()).isEqualTo(300);
    assertThat(total.peakBytesBuffered()).isEqualTo(50);
    assertThat(total.latencyP99Millis()).isEqualTo(70);
    assertThat(total.reconciles()).isTrue();
  }

  @Test
  void skippedRowsAreReadAndSummedAndReconcile() {
    LoadCounters total =
        counters(10, 9, 1, "x", 1).withSkipped(5).plus(counters(3, 3, 0, "x", 1).withSkipped(2));

    assertThat(total.read()).isEqualTo(20);
    assertThat(total.skippedByCheckpoint()).isEqualTo(7);
    assertThat(total.reconciles()).isTrue();
    assertThat(total.reconciliation())
        .isEqualTo("read 20 = indexed 12 + dead_lettered 1 + skipped_by_checkpoint 7");
    assertThat(LoadCounters.empty().skippedByCheckpoint()).isZero();
  }

  @Test
  void aMissingDocumentBreaksReconciliation() {
    LoadCounters lost = counters(10, 8, 1, "x", 1);
    assertThat(lost.reconciles()).isFalse();
    assertThat(lost.reconciliation())
        .isEqualTo("read 10 != indexed 8 + dead_lettered 1 + skipped_by_checkpoint 0");
  }

  @Test
  void mergedRowsReconcileApartFromIndexedAndShowOnlyWhenThereAreAny() {
    LoadCounters c =
        LoadCounters.builder()
            .set(Counter.READ, 5)
            .set(Counter.INDEXED, 3)
            .set(Counter.CREATED, 3)
            .set(Counter.MERGED, 2)
            .build();
    assertThat(c.merged()).isEqualTo(2);
    assertThat(c.reconciles()).isTrue();
    assertThat(c.reconciliation())
        .isEqualTo("read 5 = indexed 3 + merged 2 + dead_lettered 0 + skipped_by_checkpoint 0");
    assertThat(c.summaryLine()).startsWith("read=5 indexed=3 merged_identical=2 dead_lettered=0 ");
    assertThat(c.plus(c).merged()).isEqualTo(4);
    LoadCounters countedAsIndexed =
        LoadCounters.builder().set(Counter.READ, 5).set(Counter.INDEXED, 3).build();
    assertThat(countedAsIndexed.reconciles()).isFalse();
    assertThat(countedAsIndexed.reconciliation()).doesNotContain("merged");
  }

  @Test
  void theSummaryLineNamesTheCountsALogNeeds() {
    LoadCounters c = counters(10, 9, 1, "x", 1).withSkipped(2);
    assertThat(c.summaryLine())
        .isEqualTo(
            "read=12 indexed=9 dead_lettered=1 skipped_by_checkpoint=2 retried=1 throttled=3"
                + " bulk_requests=4 bytes_sent=100");
  }

  @Test
  void jsonHasEveryCounterByNameAndReadsBackEqual() throws Exception {
    LoadCounters c = counters(10, 9, 1, "mapper_parsing_exception", 7).withSkipped(2);
    ObjectMapper json = new ObjectMapper();

    String text = json.writeValueAsString(c);
    for (Counter counter : Counter.values()) {
      assertThat(json.readTree(text).path(counter.key()).asLong()).isEqualTo(c.get(counter));
    }
    assertThat(json.readTree(text).at("/deadLetteredByReason/mapper_parsing_exception").asLong())
        .isEqualTo(1);
    assertThat(json.readValue(text, LoadCounters.class)).isEqualTo(c);
  }
}
