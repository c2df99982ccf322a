package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.sluice.bench.SparkBenchReport.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparkBenchReportTest {
  @ParameterizedTest(name = "loader {0}, peer {1}, floor {2} -> {3}")
  @CsvSource({
    // loader, peer, floor, (loader - floor) / (peer - floor)
    "8.7, 7.7, 3.7, 1.25",
    "5.7, 7.7, 3.7, 0.5",
    "3.7, 7.7, 3.7, 0.0",
    "3.2, 7.7, 3.7, -0.125", // below the floor: noise, shown as it is
    "7.7, 7.7, 0.0, 1.0",
    "6.6, 8.5, 1.1, 0.7432432",
  })
  void aboveFloorIsTheConnectorsShareOfItsPeersCpuOverSpark(
      double loader, double peer, double floor, double expected) {
    assertThat(SparkBenchReport.aboveFloor(loader, peer, floor)).isCloseTo(expected, offset(1e-6));
  }

  @ParameterizedTest(name = "peer {0} over floor {1} has no ratio")
  @CsvSource({"3.7, 3.7", "3.0, 3.7"})
  void aPeerNotAboveTheFloorGivesNoRatio(double peer, double floor) {
    assertThat(SparkBenchReport.aboveFloor(5, peer, floor)).isNaN();
  }

  @Test
  void eachConnectorIsPairedWithTheElasticsearchHadoopLoaderOfTheSameIds() {
    List<Summary> all =
        List.of(
            summary(SparkLoader.RAW, 1.1),
            summary(SparkLoader.SPARK_ONLY, 3.7),
            summary(SparkLoader.ES_HADOOP, 7.7),
            summary(SparkLoader.SLUICE, 5.7),
            summary(SparkLoader.ES_HADOOP_ID, 8.7),
            summary(SparkLoader.SLUICE_ID, 6.2));
    assertThat(all.stream().map(s -> SparkBenchReport.cpuAboveFloor(s, all)))
        .containsExactly("", "", "", "0.50x", "", "0.50x");
  }

  @Test
  void withoutTheFloorOrThePeerTheColumnSaysSo() {
    List<Summary> noFloor =
        List.of(summary(SparkLoader.ES_HADOOP, 7.7), summary(SparkLoader.SLUICE, 5.7));
    assertThat(SparkBenchReport.cpuAboveFloor(noFloor.get(1), noFloor)).isEqualTo("-");
    List<Summary> noPeer =
        List.of(summary(SparkLoader.SPARK_ONLY, 3.7), summary(SparkLoader.SLUICE_ID, 5.7));
    assertThat(SparkBenchReport.cpuAboveFloor(noPeer.get(1), noPeer)).isEqualTo("-");
    List<Summary> peerAtFloor =
        List.of(
            summary(SparkLoader.SPARK_ONLY, 3.7),
            summary(SparkLoader.ES_HADOOP, 3.7),
            summary(SparkLoader.SLUICE, 5.7));
    assertThat(SparkBenchReport.cpuAboveFloor(peerAtFloor.get(2), peerAtFloor)).isEqualTo("-");
  }

  @Test
  void summariesAreMediansPerLoaderInTheRunOrder() {
    List<SparkLoadRun> runs =
        List.of(
            new SparkLoadRun(
                SparkLoader.SLUICE, 1, 1_000_000, 10_000_000_000L, 6_000_000_000L, 0, 0, 0, 0),
            new SparkLoadRun(
                SparkLoader.SPARK_ONLY, 1, 1_000_000, 5_000_000_000L, 3_000_000_000L, 0, 0, 0, 0),
            new SparkLoadRun(
                SparkLoader.SLUICE, 2, 1_000_000, 10_000_000_000L, 4_000_000_000L, 0, 0, 0, 0));
    List<Summary> summaries =
        SparkBenchReport.summaries(
            List.of(SparkLoader.SPARK_ONLY, SparkLoader.ES_HADOOP, SparkLoader.SLUICE), runs);
    assertThat(summaries)
        .extracting(Summary::loader)
        .containsExactly(SparkLoader.SPARK_ONLY, SparkLoader.SLUICE);
    assertThat(summaries.get(1).clientCpuPerMillion()).isEqualTo(5.0);
    assertThat(summaries.get(0).docsPerSecond()).isEqualTo(200_000.0);
  }

  @Test
  void theFloorSendsNothingSoItHasNoRatioToRaw() {
    List<Summary> all =
        List.of(
            summary(SparkLoader.RAW, 0.9),
            summary(SparkLoader.SPARK_ONLY, 1.1),
            summary(SparkLoader.SLUICE, 4.6));
    assertThat(SparkBenchReport.versusRaw(all.get(1), all, Summary::docsPerSecond)).isEmpty();
    assertThat(SparkBenchReport.versusRaw(all.get(1), all, Summary::esCpuPerMillion)).isEmpty();
    assertThat(SparkBenchReport.versusRaw(all.get(2), all, Summary::docsPerSecond))
        .isEqualTo("1.00x");
  }

  private static Summary summary(SparkLoader loader, double cpuPerMillion) {
    return new Summary(loader, 10_000, cpuPerMillion, 10);
  }
}
