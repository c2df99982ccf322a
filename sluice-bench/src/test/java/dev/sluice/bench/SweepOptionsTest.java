package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.SluiceException;
import dev.sluice.core.config.ConfigKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepOptionsTest {
  @Test
  void defaultsSweepFourBatchSizesByFourConcurrencies() {
    SweepOptions options = SweepOptions.parse(new String[0]);
    assertThat(options.docs()).isEqualTo(50_000);
    assertThat(options.fixedFlow()).isFalse();
    assertThat(options.rounds()).isEqualTo(1);
    assertThat(options.cells()).hasSize(16);
    assertThat(options.cells().get(0)).isEqualTo(new SweepCell("1mb", 1));
    assertThat(options.cells().get(15)).isEqualTo(new SweepCell("10mb", 4));
  }

  @Test
  void readsEveryFlag() {
    SweepOptions options =
        SweepOptions.parse(
            new String[] {
              "--docs=2_000",
              "--batch-bytes",
              "512kb",
              "--batch-bytes=3mb",
              "--concurrency",
              "2",
              "--fixed-flow",
              "--rounds=3"
            });
    assertThat(options)
        .isEqualTo(new SweepOptions(2000, List.of("512kb", "3mb"), List.of(2), true, 3));
    assertThat(options.cells()).containsExactly(new SweepCell("512kb", 2), new SweepCell("3mb", 2));
  }

  @Test
  void everyOtherRoundRunsTheCellsInReverseSoThatDriftWeighsOnAllAlike() {
    SweepOptions options =
        SweepOptions.parse(
            new String[] {"--batch-bytes", "1mb", "--batch-bytes", "5mb", "--concurrency", "3"});
    SweepCell small = new SweepCell("1mb", 3);
    SweepCell large = new SweepCell("5mb", 3);
    assertThat(options.cells(1)).containsExactly(small, large);
    assertThat(options.cells(2)).containsExactly(large, small);
    assertThat(options.cells(3)).containsExactly(small, large);
  }

  @Test
  void badValuesNameTheirFlagOrOption() {
    assertThatThrownBy(() -> SweepOptions.parse(new String[] {"--docs", "0"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--docs");
    assertThatThrownBy(() -> SweepOptions.parse(new String[] {"--batch-bytes", "lots"}))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("es.batch.size.bytes");
    assertThatThrownBy(() -> SweepOptions.parse(new String[] {"--concurrency", "0"}))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("sluice.bulk.concurrency");
    assertThatThrownBy(() -> SweepOptions.parse(new String[] {"--rounds", "0"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--rounds");
    assertThatThrownBy(() -> SweepOptions.parse(new String[] {"--rows", "5"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--rows");
  }

  @Test
  void aCellIsGivenAsTheOptionsItSets() {
    assertThat(new SweepCell("2mb", 4).options(true))
        .isEqualTo(
            Map.of(
                ConfigKeys.BATCH_SIZE_BYTES.name(), "2mb",
                ConfigKeys.BULK_CONCURRENCY.name(), "4",
                ConfigKeys.FLOW_ADAPTIVE.name(), "true"));
    assertThat(new SweepCell("2mb", 4).options(false))
        .containsEntry(ConfigKeys.FLOW_ADAPTIVE.name(), "false");
    assertThat(SweepCell.defaults())
        .isEqualTo(
            new SweepCell(
                ConfigKeys.BATCH_SIZE_BYTES.defaultText(),
                ConfigKeys.BULK_CONCURRENCY.parseDefault()));
  }
}
