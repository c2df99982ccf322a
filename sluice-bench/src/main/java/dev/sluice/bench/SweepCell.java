package dev.sluice.bench;

import dev.sluice.core.config.ConfigKeys;
import java.util.Map;

/**
 * One setting {@code bin/bench-sweep} measures: the batch bytes ({@code es.batch.size.bytes}, as
 * given) and the requests in flight ({@code sluice.bulk.concurrency}) per writer.
 */
record SweepCell(String batchBytes, int concurrency) {

  /** Today's defaults, read from {@link ConfigKeys}. */
  static SweepCell defaults() {
    return new SweepCell(
        ConfigKeys.BATCH_SIZE_BYTES.defaultText(), ConfigKeys.BULK_CONCURRENCY.parseDefault());
  }

  String label() {
    return batchBytes + " x " + concurrency;
  }

  /** The Sluice options of a load with this cell; {@code adaptive} false pins them. */
  Map<String, String> options(boolean adaptive) {
    return Map.of(
        ConfigKeys.BATCH_SIZE_BYTES.name(),
        batchBytes,
        ConfigKeys.BULK_CONCURRENCY.name(),
        Integer.toString(concurrency),
        ConfigKeys.FLOW_ADAPTIVE.name(),
        Boolean.toString(adaptive));
  }
}
