package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadCountersTest {
  private static LoadCounters counters(
      long read, long indexed, long dead, String reason, long p99) {
    return new LoadCounters(
        read,
        indexed,
        indexed,
        0,
        0,
        0,
        dead,
        Map.of(reason, dead),
        0,
        1,
        2,
        3,
        100,
        0,
        4,
        50,
        1,
        2,
        p99,
        p99);
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
    assertThat(LoadCounters.empty().skippedByCheckpoint()).isZero();
  }

  @Test
  void aMissingDocumentBreaksReconciliation() {
    assertThat(counters(10, 8, 1, "x", 1).reconciles()).isFalse();
  }
}
