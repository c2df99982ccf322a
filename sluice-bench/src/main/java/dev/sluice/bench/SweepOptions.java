package dev.sluice.bench;

import dev.sluice.core.config.ConfigKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code bin/bench-sweep} is asked to do.
 *
 * @param docs documents per load
 * @param batchBytes the values of {@code es.batch.size.bytes} to sweep, as given
 * @param concurrencies the values of {@code sluice.bulk.concurrency} to sweep
 * @param fixedFlow pin each cell ({@code sluice.flow.adaptive=false}) instead of taking it as the
 *     adaptive flow's upper bounds
 * @param rounds loads of each cell under each condition, the cells' order reversed every other
 *     round
 */
record SweepOptions(
    int docs, List<String> batchBytes, List<Integer> concurrencies, boolean fixedFlow, int rounds) {
  static final String USAGE =
      """
      usage: bin/bench-sweep [--docs N] [--batch-bytes SIZE]... [--concurrency N]... [--fixed-flow]
                             [--rounds N]

      Sweeps es.batch.size.bytes x sluice.bulk.concurrency through Sluice's engine (BulkLoader, one
      writer, generated documents of ~500 bytes with ids) to choose the defaults by measurement.
      Each cell loads the same documents three times, each into a fresh index on a settled node:
        clean          through a fault proxy that passes everything (1 GB node)
        10% items 429  through the same proxy answering 429 for 10% of the items of each bulk
        tiny queue     straight into a node with write pool 1, queue 2 and 2mb indexing pressure
      Prints one table (per condition: docs/s, ratio to the best cell, bulk requests, items
      answered 429), the cell it would choose and why, and whether that is clearly better than
      today's defaults. Exit 1 when a load did not index every document exactly once.

        --docs N            documents per load (default 50,000; 20,000 takes about 5 minutes)
        --batch-bytes SIZE  a value of es.batch.size.bytes (repeatable; default 1mb 2mb 5mb 10mb)
        --concurrency N     a value of sluice.bulk.concurrency (repeatable; default 1 2 3 4)
        --fixed-flow        pin each cell (sluice.flow.adaptive=false); default: adaptive flow,
                            the cell as its upper bounds, as the defaults are used
        --rounds N          loads of each cell per condition (default 1); the cells run in the
                            order of the flags, reversed every other round, so that a machine
                            growing busier or quieter weighs on all alike; the table shows each
                            cell's median load
      Environment: BENCH_HEAP (this JVM's -Xmx, default 2g), BENCH_JAVA_OPTS (extra JVM flags).
      """;

  static final List<String> DEFAULT_BATCH_BYTES = List.of("1mb", "2mb", "5mb", "10mb");
  static final List<Integer> DEFAULT_CONCURRENCIES = List.of(1, 2, 3, 4);

  SweepOptions {
    batchBytes = List.copyOf(batchBytes);
    concurrencies = List.copyOf(concurrencies);
  }

  static SweepOptions parse(String[] args) {
    CommandLine line =
        CommandLine.parse(
            args,
            Set.of("--docs", "--batch-bytes", "--concurrency", "--rounds"),
            Set.of("--fixed-flow"));
    List<String> bytes = line.all("--batch-bytes");
    // Each value goes through the option's own parser now, not after the nodes started.
    bytes.forEach(ConfigKeys.BATCH_SIZE_BYTES::parse);
    List<Integer> concurrencies = new ArrayList<>();
    for (String value : line.all("--concurrency")) {
      concurrencies.add(ConfigKeys.BULK_CONCURRENCY.parse(value));
    }
    return new SweepOptions(
        line.positive("--docs", 50_000),
        bytes.isEmpty() ? DEFAULT_BATCH_BYTES : bytes,
        concurrencies.isEmpty() ? DEFAULT_CONCURRENCIES : concurrencies,
        line.has("--fixed-flow"),
        line.positive("--rounds", 1));
  }

  /** Every cell, batch bytes outer, concurrency inner. */
  List<SweepCell> cells() {
    List<SweepCell> cells = new ArrayList<>();
    for (String bytes : batchBytes) {
      for (int concurrency : concurrencies) {
        cells.add(new SweepCell(bytes, concurrency));
      }
    }
    return cells;
  }

  /** The cells in the order round {@code round} (from 1) loads them: reversed in even rounds. */
  List<SweepCell> cells(int round) {
    List<SweepCell> cells = cells();
    if (round % 2 == 0) {
      java.util.Collections.reverse(cells);
    }
    return cells;
  }
}
