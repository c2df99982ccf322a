package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  @Test
  void noArgumentsGiveTheDefaults() {
    assertThat(BenchOptions.parse(new String[0])).isEqualTo(BenchOptions.defaults());
    assertThat(CheckpointBenchOptions.parse(new String[0]))
        .isEqualTo(CheckpointBenchOptions.defaults());
  }

  @Test
  void readsEveryFlagOfBench() {
    BenchOptions options =
        BenchOptions.parse(
            new String[] {
              "--docs=2_000",
              "--throttled-docs",
              "300",
              "--skip-throttled",
              "--runs",
              "3",
              "--warm-up-docs=10",
              "--option",
              "es.batch.size.bytes=2mb",
              "--option=sluice.bulk.concurrency = 4",
              "--flow",
              "--writers-docs",
              "400",
              "--flow-rounds=3",
              "--skip-proxy"
            });
    assertThat(options)
        .isEqualTo(
            new BenchOptions(
                2000,
                300,
                true,
                3,
                10,
                Map.of("es.batch.size.bytes", "2mb", "sluice.bulk.concurrency", "4"),
                true,
                400,
                3,
                true,
                false));
  }

  @Test
  void theWritersLoadsTakeTheThrottledSizeUnlessGivenTheirOwn() {
    assertThat(BenchOptions.parse(new String[] {"--throttled-docs", "300"}).writersDocs())
        .isEqualTo(300);
    assertThat(
            BenchOptions.parse(new String[] {"--writers-docs", "50", "--throttled-docs", "300"})
                .writersDocs())
        .isEqualTo(50);
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--flow-rounds", "0"}))
        .hasMessage("--flow-rounds must be at least 1, was 0");
  }

  @Test
  void readsEveryFlagOfBenchCheckpoint() {
    assertThat(
            CheckpointBenchOptions.parse(
                new String[] {"--docs", "5", "--runs=1", "--partitions", "2"}))
        .isEqualTo(new CheckpointBenchOptions(5, 1, 2));
  }

  @Test
  void theLastValueOfARepeatedFlagWinsAndEveryOneIsChecked() {
    assertThat(BenchOptions.parse(new String[] {"--docs", "5", "--docs", "7"}).docs()).isEqualTo(7);
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--docs", "0", "--docs", "7"}))
        .hasMessage("--docs must be at least 1, was 0");
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--bogus"}))
        .hasMessage("unknown argument '--bogus'");
    assertThatThrownBy(() -> CheckpointBenchOptions.parse(new String[] {"--skip-throttled"}))
        .hasMessage("unknown argument '--skip-throttled'");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--runs"}))
        .hasMessage("--runs needs a value");
    assertThatThrownBy(() -> CheckpointBenchOptions.parse(new String[] {"--partitions=two"}))
        .hasMessage("--partitions needs a whole number, was 'two'");
    assertThatThrownBy(() -> CheckpointBenchOptions.parse(new String[] {"--docs", "-3"}))
        .hasMessage("--docs must be at least 1, was -3");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--option", "=x"}))
        .hasMessage("--option needs key=value, was '=x'");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--skip-throttled=yes"}))
        .hasMessage("--skip-throttled takes no value, was '--skip-throttled=yes'");
  }

  @Test
  void skippingBothFlowPartsIsRefused() {
    assertThat(BenchOptions.parse(new String[] {"--flow", "--skip-writers"}).skipWriters())
        .isTrue();
    assertThatThrownBy(
            () -> BenchOptions.parse(new String[] {"--flow", "--skip-proxy", "--skip-writers"}))
        .hasMessage("--skip-proxy and --skip-writers leave nothing to run");
  }
}
