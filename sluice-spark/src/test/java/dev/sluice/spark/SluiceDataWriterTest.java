package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.LoadCounters;
import dev.sluice.core.SluiceException;
import dev.sluice.core.report.Counter;
import org.junit.jupiter.api.Test;

class SluiceDataWriterTest {
  private static LoadCounters counters(long read, long indexed, long deadLettered) {
    return LoadCounters.builder()
        .set(Counter.READ, read)
        .set(Counter.INDEXED, indexed)
        .set(Counter.CREATED, indexed)
        .set(Counter.DEAD_LETTERED, deadLettered)
        .build();
  }

  @Test
  void aTaskWhoseCountersDoNotReconcileFailsNamingItsPartition() {
    SluiceDataWriter.requireReconciled(3, counters(10, 9, 1));
    SluiceDataWriter.requireReconciled(3, counters(6, 5, 1).plus(skipped(4)));
    assertThatThrownBy(() -> SluiceDataWriter.requireReconciled(3, counters(10, 8, 1)))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("Partition 3 does not reconcile: read 10 != indexed 8")
        .hasMessageContaining("dead-lettered 1");
  }

  /** {@code rows} skipped by the checkpoint, and read. */
  private static LoadCounters skipped(long rows) {
    return LoadCounters.empty().withSkipped(rows);
  }
}
