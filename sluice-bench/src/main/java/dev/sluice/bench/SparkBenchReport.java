package dev.sluice.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The tables {@code bin/bench-spark} prints: every timed load, then medians and ratios. */
final class SparkBenchReport {
  /** One loader's medians over its timed rounds. */
  record Summary(
      SparkLoader loader,
      double docsPerSecond,
      double clientCpuPerMillion,
      double esCpuPerMillion) {}

  private SparkBenchReport() {}

  static void print(PrintStream out, SparkBenchOptions options, List<SparkLoadRun> runs) {
    out.printf(
        Locale.ROOT,
        "Spark benchmark: %,d rows, %d partitions, %d rounds, %d cores, Spark %s%n%n",
        options.rows(),
        options.partitions(),
        options.rounds(),
        Runtime.getRuntime().availableProcessors(),
        org.apache.spark.package$.MODULE$.SPARK_VERSION());
    new Table<SparkLoadRun>()
        .left("loader", 13, r -> r.loader().label())
        .right("round", 5, SparkLoadRun::round)
        .number("docs/s", 9, 0, SparkLoadRun::docsPerSecond)
        .number("write s", 8, 1, SparkLoadRun::seconds)
        .number("Spark JVM CPU s", 15, 1, r -> r.clientCpuNanos() / 1e9)
        .number("ES CPU s", 9, 1, r -> r.esCpuNanos() / 1e9)
        .number("shim CPU s", 10, 1, r -> r.shimCpuNanos() / 1e9)
        .number("GC s", 5, 1, r -> r.gcNanos() / 1e9)
        .number("JIT s", 5, 1, r -> r.jitNanos() / 1e9)
        .print(out, runs);
    List<Summary> summaries = summaries(options.loaders(), runs);
    out.println();
    out.println("Medians per loader; ratios against elasticsearch-hadoop with the same ids");
    out.println("(es-hadoop for sluice, es-hadoop-id for sluice-id) and against raw; \"above");
    out.println("floor\" is (loader - spark-only) / (es-hadoop - spark-only) in JVM CPU, the");
    out.println("connector's own CPU once Spark's read and codegen (the noop sink) are taken off:");
    new Table<Summary>()
        .left("loader", 13, s -> s.loader().label())
        .number("docs/s", 9, 0, Summary::docsPerSecond)
        .number("JVM CPU s/M docs", 16, 1, Summary::clientCpuPerMillion)
        .number("ES CPU s/M docs", 15, 1, Summary::esCpuPerMillion)
        .right("docs/s vs es-hadoop", 19, s -> ratio(s, summaries, Summary::docsPerSecond))
        .right("JVM CPU vs es-hadoop", 20, s -> ratio(s, summaries, Summary::clientCpuPerMillion))
        .right("above floor", 11, s -> cpuAboveFloor(s, summaries))
        .right("docs/s vs raw", 13, s -> versusRaw(s, summaries, Summary::docsPerSecond))
        .right("ES CPU vs raw", 13, s -> versusRaw(s, summaries, Summary::esCpuPerMillion))
        .print(out, summaries);
  }

  static List<Summary> summaries(List<SparkLoader> loaders, List<SparkLoadRun> runs) {
    List<Summary> summaries = new ArrayList<>();
    for (SparkLoader loader : loaders) {
      List<SparkLoadRun> mine = runs.stream().filter(r -> r.loader() == loader).toList();
      if (!mine.isEmpty()) {
        summaries.add(
            new Summary(
                loader,
                median(mine, SparkLoadRun::docsPerSecond),
                median(mine, SparkLoadRun::clientCpuPerMillion),
                median(mine, SparkLoadRun::esCpuPerMillion)));
      }
    }
    return summaries;
  }

  private static String ratio(
      Summary summary, List<Summary> all, ToDoubleFunction<Summary> figure) {
    SparkLoader peer = peer(summary.loader());
    return peer == null ? "" : divide(summary, find(all, peer), figure);
  }

  /** The elasticsearch-hadoop loader with the same ids, or null for a loader that has none. */
  private static SparkLoader peer(SparkLoader loader) {
    return switch (loader) {
      case SLUICE -> SparkLoader.ES_HADOOP;
      case SLUICE_ID -> SparkLoader.ES_HADOOP_ID;
      default -> null;
    };
  }

  /**
   * The connector's JVM CPU above the Spark-only floor against its elasticsearch-hadoop peer's:
   * blank for a loader without a peer, "-" when the floor or the peer was not run or the peer is
   * not above the floor.
   */
  static String cpuAboveFloor(Summary summary, List<Summary> all) {
    SparkLoader peer = peer(summary.loader());
    if (peer == null) {
      return "";
    }
    Summary base = find(all, peer);
    Summary floor = find(all, SparkLoader.SPARK_ONLY);
    if (base == null || floor == null) {
      return "-";
    }
    double above =
        aboveFloor(
            summary.clientCpuPerMillion(), base.clientCpuPerMillion(), floor.clientCpuPerMillion());
    return Double.isNaN(above) ? "-" : Table.fixed(above, 2) + "x";
  }

  /** (loader − floor) / (peer − floor); NaN when the peer is not above the floor. */
  static double aboveFloor(double loader, double peer, double floor) {
    return peer > floor ? (loader - floor) / (peer - floor) : Double.NaN;
  }

  static String versusRaw(Summary summary, List<Summary> all, ToDoubleFunction<Summary> figure) {
    // The floor sends nothing: its docs/s and node CPU say nothing against a loader's.
    return summary.loader() == SparkLoader.RAW || summary.loader() == SparkLoader.SPARK_ONLY
        ? ""
        : divide(summary, find(all, SparkLoader.RAW), figure);
  }

  private static String divide(Summary summary, Summary base, ToDoubleFunction<Summary> figure) {
    if (base == null || figure.applyAsDouble(base) == 0) {
      return "-";
    }
    return Table.fixed(figure.applyAsDouble(summary) / figure.applyAsDouble(base), 2) + "x";
  }

  private static Summary find(List<Summary> all, SparkLoader loader) {
    return all.stream().filter(s -> s.loader() == loader).findFirst().orElse(null);
  }

  static double median(List<SparkLoadRun> runs, ToDoubleFunction<SparkLoadRun> figure) {
    double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }
}
