package dev.sluice.bench;

import dev.sluice.core.LoadResult;
import dev.sluice.core.SluiceConfig;
import java.util.function.IntFunction;

/**
 * Timed loads of {@code bin/bench} (see {@link Loads}), each checked afterwards: Sluice indexed
 * every document and dead-lettered none, and the index holds them all. A failed check is recorded
 * in {@link Failures}; the index is deleted either way.
 */
final class CheckedLoads {
  /** A Sluice load: what Sluice reported, and what was measured around it. */
  record Sluiced(LoadResult result, Loads.Measured measured) {}

  private final Loads loads;
  private final Failures failures;

  CheckedLoads(Loads loads, Failures failures) {
    this.loads = loads;
    this.failures = failures;
  }

  /** Sends pre-built bodies with a bare HTTP client, {@code concurrency} at a time. */
  Loads.Measured baseline(
      String target, RawBulkClient raw, BulkBodies bodies, int concurrency, String what)
      throws InterruptedException {
    Loads.Measured measured =
        loads.measure(target, () -> raw.sendAll(bodies.bodies(), concurrency));
    failures.checkIndex(loads.index(), target, bodies.docs(), what);
    return measured;
  }

  /** Loads documents 0..count-1 through Sluice. */
  Sluiced sluice(
      String target, SluiceConfig config, String writerId, byte[][] sources, int count, String what)
      throws InterruptedException {
    return sluice(target, config, writerId, sources, DocumentGenerator::id, count, what);
  }

  /** Loads documents 0..count-1 through Sluice with the ids {@code idOf} gives. */
  Sluiced sluice(
      String target,
      SluiceConfig config,
      String writerId,
      byte[][] sources,
      IntFunction<String> idOf,
      int count,
      String what)
      throws InterruptedException {
    LoadResult[] result = new LoadResult[1];
    Loads.Measured measured =
        loads.measure(
            target, () -> result[0] = SluiceLoad.load(config, writerId, sources, idOf, count));
    LoadResult r = result[0];
    failures.checkCounters(what, r.counters(), r.reconciles(), count, r.reconciliation());
    failures.checkIndex(loads.index(), target, count, what);
    return new Sluiced(r, measured);
  }
}
