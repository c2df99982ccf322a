package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparkBenchOptionsTest {
  @Test
  void defaultsCompareEveryLoaderWithoutTheThrottlingRows() {
    SparkBenchOptions options = SparkBenchOptions.parse(new String[0]);
    assertThat(options)
        .isEqualTo(
            new SparkBenchOptions(
                1_000_000, 2, 4, 1_000_000, List.of(SparkLoader.values()), true, false));
  }

  @Test
  void throttlingAddsTheThrottlingRowsAndSkipThroughputLeavesOnlyThem() {
    SparkBenchOptions both = SparkBenchOptions.parse(new String[] {"--throttling"});
    assertThat(both.throughput()).isTrue();
    assertThat(both.throttling()).isTrue();
    assertThat(both.warmUpRows()).as("a whole load's worth by default").isEqualTo(1_000_000);
    SparkBenchOptions only =
        SparkBenchOptions.parse(
            new String[] {"--rows=100_000", "--throttling", "--skip-throughput"});
    assertThat(only.throughput()).isFalse();
    assertThat(only.throttling()).isTrue();
    assertThat(only.rows()).isEqualTo(100_000);
    assertThat(only.warmUpRows()).isEqualTo(100_000);
  }

  @Test
  void skipThroughputAloneIsRefusedAsNothingToRun() {
    assertThatThrownBy(() -> SparkBenchOptions.parse(new String[] {"--skip-throughput"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--skip-throughput")
        .hasMessageContaining("--throttling");
    assertThatThrownBy(() -> SparkBenchOptions.parse(new String[] {"--throttling=yes"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--throttling takes no value");
  }

  @Test
  void loadersAreReadByTheirLabels() {
    assertThat(
            SparkBenchOptions.parse(new String[] {"--loader", "sluice", "--loader=es-hadoop-id"})
                .loaders())
        .containsExactly(SparkLoader.SLUICE, SparkLoader.ES_HADOOP_ID);
    assertThatThrownBy(() -> SparkBenchOptions.parse(new String[] {"--loader", "fast"}))
        .hasMessageContaining("--loader fast");
  }
}
