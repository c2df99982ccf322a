package dev.sluice.spark.soak;

import java.util.HashMap;
import java.util.Map;

/** The writer options of one soak run, as a user would pass them (option names are the API). */
final class SoakOptions {
  private SoakOptions() {}

  static Map<String, String> of(SoakScenario scenario, String nodes, String index, SoakDirs dirs) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", nodes);
    options.put("es.resource", index);
    switch (scenario.idMode()) {
      case FIELD -> options.put("es.mapping.id", "key");
      case BINARY -> options.put("es.mapping.id", "bkey");
      case COMPOSITE -> options.put("sluice.id.fields", "key,row");
      case HASH -> {}
    }
    options.put("es.write.operation", scenario.create() ? "create" : "index");
    options.put("es.batch.size.entries", Integer.toString(scenario.batchEntries()));
    options.put("sluice.bulk.concurrency", Integer.toString(scenario.concurrency()));
    // Injected faults are transient: bounded by time only, so that no good row runs out of
    // attempts; short waits keep a seed short.
    options.put("es.batch.write.retry.count", "-1");
    options.put("es.batch.write.retry.wait", "10ms");
    options.put("sluice.retry.max.delay", "200ms");
    options.put("sluice.retry.budget", "3m");
    // Bad rows are at most 6% of the input; the tolerance is not what the soak tests.
    options.put("sluice.deadletter.max.ratio", "0.5");
    options.put("sluice.checkpoint.path", dirs.checkpoint().toString());
    options.put("sluice.checkpoint.input", "soak-" + scenario.seed());
    options.put("sluice.checkpoint.every.rows", Integer.toString(scenario.checkpointEveryRows()));
    options.put("sluice.checkpoint.every", "200ms");
    options.put("sluice.deadletter.path", dirs.deadLetters().toString());
    options.put("sluice.report.path", dirs.report().toString());
    return options;
  }
}
