package dev.sluice.bench;

import dev.sluice.core.LoadCounters;
import dev.sluice.core.LoadResult;
import dev.sluice.core.SluiceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;

/**
 * N writers in this JVM, as the tasks of one Spark executor: each loads its own slice of the
 * documents through its own loader, all at once.
 */
final class ManyWriters {
  /** One writer's load: its result and how long it took. */
  record Writer(LoadResult result, long nanos) {
    double docsPerSecond() {
      return result.counters().read() / (nanos / 1e9);
    }
  }

  private ManyWriters() {}

  static List<Writer> load(SluiceConfig config, byte[][] sources, int docs, int writers)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Writer>> running = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int from = (int) ((long) docs * w / writers);
        int to = (int) ((long) docs * (w + 1) / writers);
        String id = "bench-writer-" + w;
        running.add(
            pool.submit(
                () -> {
                  long start = System.nanoTime();
                  LoadResult result = SluiceLoad.load(config, id, sources, from, to);
                  return new Writer(result, System.nanoTime() - start);
                }));
      }
      List<Writer> done = new ArrayList<>();
      for (Future<Writer> f : running) {
        done.add(f.get());
      }
      return done;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a writer failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Jain's fairness index of the writers' docs/s: 1 when equal, 1/n when one has it all. */
  static double jain(List<Writer> writers) {
    return jain(writers.stream().mapToDouble(Writer::docsPerSecond).toArray());
  }

  static double jain(double[] rates) {
    double sum = 0;
    double squares = 0;
    for (double x : rates) {
      sum += x;
      squares += x * x;
    }
    return squares == 0 ? 0 : sum * sum / (rates.length * squares);
  }

  static long sum(List<Writer> writers, ToLongFunction<LoadCounters> counter) {
    return writers.stream().mapToLong(w -> counter.applyAsLong(w.result().counters())).sum();
  }
}
