package dev.sluice.spark.differential;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs a few scenarios at a time, ahead of the tests that judge them in order: most of a scenario's
 * time is the node creating indices and mappings, not CPU. Each scenario has its own indices and
 * views, so they do not meet.
 */
final class RunAhead<T> implements AutoCloseable {
  private static final int THREADS = 3;
  private static final long TIMEOUT_MINUTES = 5;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  private final Map<String, Future<T>> results = new LinkedHashMap<>();

  RunAhead(List<Scenario> scenarios, Function<Scenario, T> run) {
    for (Scenario scenario : scenarios) {
      results.put(scenario.name(), pool.submit(() -> run.apply(scenario)));
    }
  }

  /** The scenario's result, waiting for it; its failure is rethrown as it was. */
  T get(Scenario scenario) throws Exception {
    try {
      return results.get(scenario.name()).get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception failure) {
        throw failure;
      }
      throw e;
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          scenario.name() + " took over " + TIMEOUT_MINUTES + " min", e);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
