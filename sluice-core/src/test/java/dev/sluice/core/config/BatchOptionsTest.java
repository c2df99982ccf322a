package dev.sluice.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchOptionsTest {
  private static final long MB = 1L << 20;

  @ParameterizedTest(name = "batch {0} bytes x {1} in flight: {2}")
  @CsvSource({
    // batch bytes, concurrency, default cap
    "5242880,   3, 20971520", // the defaults: 5mb x (3 + 1)
    "5242880,   1, 10485760", // one in flight, one being filled
    "1048576,   8,  9437184",
    "10485760, 16, 67108864", // at most 64mb
    "104857600, 2, 104857600", // never less than one batch
  })
  void withoutTheOptionAWriterHoldsABatchPerRequestInFlightAndOneMore(
      long batchBytes, int concurrency, long cap) {
    assertThat(BatchOptions.defaultMemoryCap(batchBytes, concurrency)).isEqualTo(cap);
  }

  @Test
  void theDerivedCapFollowsTheBatchOptionsAndIsShownAsTheEffectiveValue() {
    ResolvedOptions o =
        ResolvedOptions.parse(Map.of("es.batch.size.bytes", "2mb", "sluice.bulk.concurrency", "4"));
    assertThat(BatchOptions.resolve(o).memoryMaxBytes()).isEqualTo(10 * MB);
    assertThat(o.redacted()).containsEntry("sluice.memory.max.bytes", String.valueOf(10 * MB));
  }

  @Test
  void aGivenCapIsKeptEvenAboveTheDefault() {
    ResolvedOptions o = ResolvedOptions.parse(Map.of("sluice.memory.max.bytes", "256mb"));
    assertThat(BatchOptions.resolve(o).memoryMaxBytes()).isEqualTo(256 * MB);
    assertThat(o.redacted()).containsEntry("sluice.memory.max.bytes", "256mb");
  }

  @Test
  void aGivenCapBelowOneBatchIsRefusedNamingBothOptions() {
    ResolvedOptions o =
        ResolvedOptions.parse(
            Map.of("es.batch.size.bytes", "10mb", "sluice.memory.max.bytes", "5mb"));
    assertThatThrownBy(() -> BatchOptions.resolve(o))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sluice.memory.max.bytes (5242880) must be at least")
        .hasMessageContaining("es.batch.size.bytes (10485760)");
  }

  @Test
  void batchesLargerThanTheOldFixedDefaultNeedNoMemoryOptionAnyMore() {
    ResolvedOptions o = ResolvedOptions.parse(Map.of("es.batch.size.bytes", "100mb"));
    assertThat(BatchOptions.resolve(o).memoryMaxBytes()).isEqualTo(100 * MB);
  }

  /**
   * The checkpoint's bookkeeping (rows above a partition's watermark, rows of a segment a resume
   * checks) is sized by the memory cap. The default cap now follows the requests in flight, which
   * says nothing about those rows: it keeps the size it had with the fixed 64mb default (a quarter
   * of it for the rows above the watermark: 16mb, not 5mb).
   */
  @ParameterizedTest(name = "{0}: checkpoint sized by {1} bytes")
  @CsvSource({
    "'',                                   67108864", // the default cap: as with the old default
    "es.batch.size.bytes=100mb,            104857600", // never below the documents' own cap
    "sluice.memory.max.bytes=16mb,         16777216", // a cap the user set sizes both
    "sluice.memory.max.bytes=256mb,        268435456",
  })
  void theCheckpointKeepsTheMemoryItHadBeforeTheCapFollowedTheRequests(String option, long bytes) {
    Map<String, String> options =
        option.isEmpty() ? Map.of() : Map.of(option.split("=")[0], option.split("=")[1]);
    assertThat(BatchOptions.resolve(ResolvedOptions.parse(options)).checkpointMemoryBytes())
        .isEqualTo(bytes);
  }
}
