package dev.sluice.cli;

import dev.sluice.testkit.EsLocal;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code sluice es-local start|stop|status}: the same as bin/es-local. */
@Command(
    name = "es-local",
    description = {
      "Starts, stops or shows a local single-node Elasticsearch (same as bin/es-local).",
      "  start [--port N] [--heap 512m] [--setting key=value]... [--state-dir DIR]",
      "  status | stop [--state-dir DIR]"
    })
final class EsLocalCommand implements Callable<Integer> {
  /** Everything after {@code es-local} goes to EsLocal as is, options included. */
  @Unmatched List<String> args = List.of();

  @Override
  public Integer call() {
    return EsLocal.run(args.toArray(String[]::new), System.out, System.err);
  }
}
