package dev.sluice.bench;

import dev.sluice.core.SluiceException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both benchmark commands do around their run: {@code --help}, a bad argument (exit 2, before
 * any node starts), and the exit status (0 when every load verified, 1 otherwise).
 */
final class Launcher {
  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

  /** Reads the command line; throws IllegalArgumentException or SluiceException on bad input. */
  interface Parser<O> {
    O parse(String[] args);
  }

  /** Runs the benchmark; true when every load verified. */
  interface Benchmark<O> {
    boolean run(O options) throws Exception;
  }

  private Launcher() {}

  /** Runs {@code benchmark} and exits the JVM with its status. */
  static <O> void main(
      String command, String usage, String[] args, Parser<O> parser, Benchmark<O> benchmark) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(usage);
      return;
    }
    O options;
    try {
      options = parser.parse(args);
    } catch (IllegalArgumentException | SluiceException e) {
      System.err.println(command + ": " + e.getMessage());
      System.err.print(usage);
      System.exit(2);
      return;
    }
    int status;
    try {
      status = benchmark.run(options) ? 0 : 1;
    } catch (Exception e) {
      LOG.error("benchmark stopped", e);
      System.out.println("BENCHMARK FAILED: " + e);
      status = 1;
    }
    System.exit(status);
  }
}
