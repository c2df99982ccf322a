package dev.sluice.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.LoadCounters;
import dev.sluice.core.LoadResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
  @Test
  void percentilesAreWithinTenPercent() {
    LatencyHistogram h = new LatencyHistogram();
    for (int i = 1; i <= 1000; i++) {
      h.record(i);
    }
    assertThat(h.percentile(50)).isBetween(500L, 550L);
    assertThat(h.percentile(99)).isBetween(990L, 1000L);
    assertThat(h.max()).isEqualTo(1000);
    assertThat(new LatencyHistogram().percentile(50)).isZero();
  }

  @Test
  void countersReconcileOnlyWhenEveryDocumentIsAccountedFor() {
    Counters c = new Counters();
    c.add(Counter.READ, 3);
    c.indexed("created");
    c.indexed("updated");
    assertThat(c.snapshot(0).reconciles()).isFalse();
    c.deadLettered("mapper_parsing_exception");
    LoadCounters s = c.snapshot(42);
    assertThat(s.reconciles()).isTrue();
    assertThat(s.created()).isEqualTo(1);
    assertThat(s.updated()).isEqualTo(1);
    assertThat(s.deadLetteredByReason()).containsExactly(Map.entry("mapper_parsing_exception", 1L));
    assertThat(s.peakBytesBuffered()).isEqualTo(42);
    assertThat(new LoadResult(s, null).reconciliation())
        .isEqualTo("read 3 = indexed 2 + dead_lettered 1 + skipped_by_checkpoint 0");
  }

  @Test
  void waitsAreSummedInNanosecondsAndReportedInMilliseconds() {
    Counters c = new Counters();
    c.waited(Counter.WAITED_FOR_MEMORY_MILLIS, 1_500_000); // 1.5 ms
    c.waited(Counter.WAITED_FOR_MEMORY_MILLIS, 2_600_000); // 2.6 ms: 4.1 ms, not 1 + 2
    c.waited(Counter.WAITED_FOR_CHECKPOINT_MILLIS, 999_999);
    LoadCounters s = c.snapshot(0);
    assertThat(s.waitedForMemoryMillis()).isEqualTo(4);
    assertThat(s.waitedForCheckpointMillis()).isZero();
    c.waited(Counter.WAITED_FOR_CHECKPOINT_MILLIS, 2_000_001); // with the 0.99 ms before: 3 ms
    assertThat(c.snapshot(0).waitedForCheckpointMillis()).isEqualTo(3);
    assertThat(s.toMap()).containsEntry("waitedForMemoryMillis", 4L);
    assertThatThrownBy(() -> c.waited(Counter.READ, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("READ is not a wait");
  }

  @Test
  void mergedRowsAreCountedApartFromIndexedAndStillReconcile() {
    Counters c = new Counters();
    c.add(Counter.READ, 3);
    c.indexed("created");
    c.increment(Counter.MERGED);
    c.increment(Counter.MERGED);
    LoadCounters s = c.snapshot(0);
    assertThat(s.indexed()).isEqualTo(1);
    assertThat(s.updated()).isZero();
    assertThat(s.merged()).isEqualTo(2);
    assertThat(s.reconciles()).isTrue();
  }

  @Test
  void aSnapshotCarriesEveryLiveCounter() {
    Counters c = new Counters();
    c.add(Counter.READ, 1);
    c.indexed(Counters.ALREADY_DELIVERED);
    c.indexed("noop");
    c.add(Counter.RETRIED_ITEMS, 2);
    c.add(Counter.RETRIED_REQUESTS, 3);
    c.add(Counter.THROTTLED, 4);
    c.add(Counter.BYTES_SENT, 5);
    c.add(Counter.POSSIBLE_DUPLICATES, 6);
    c.add(Counter.BULK_REQUESTS, 7);
    c.latency(10);
    LoadCounters s = c.snapshot(8);
    assertThat(s.indexed()).isEqualTo(2);
    assertThat(s.alreadyDelivered()).isEqualTo(1);
    assertThat(
            new long[] {
              s.retriedItems(),
              s.retriedRequests(),
              s.throttled(),
              s.bytesSent(),
              s.possibleDuplicates(),
              s.bulkRequests(),
              s.peakBytesBuffered(),
              s.latencyMaxMillis()
            })
        .containsExactly(2, 3, 4, 5, 6, 7, 8, 10);
  }
}
