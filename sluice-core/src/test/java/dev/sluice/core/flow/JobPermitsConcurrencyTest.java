package dev.sluice.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Writer threads taking turns for one job's permits, as writer loops do: ask, and when refused wait
 * to be woken (or re-ask after a short timed wait). Every writer reaches its count of grants (no
 * starvation), the job never has more in flight than its concurrency, and a writer that ends while
 * holding a permit does not stop the others (no deadlock). The timeouts only bound a broken run.
 */
class JobPermitsConcurrencyTest {
  private static final int WRITERS = 8;
  private static final int GRANTS = 300;
  private static final Duration FAST = Duration.ofMillis(5);

  @Test
  void writersTakingTurnsAllGetTheirGrantsWithinTheJobsConcurrency() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    FlowRule rule = new FlowRule(1_000, 16_000, 2, Duration.ofSeconds(10));
    FlowHints.Job job = new FlowHints.Job(clock);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
    try {
      List<Future<Integer>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        ProportionalFlowControl flow = new ProportionalFlowControl(rule, job, clock);
        int id = w;
        writers.add(pool.submit(() -> write(flow, id, inFlight, mostInFlight)));
      }
      // One more writer ends while holding a permit, as a failed writer does: it must give it back.
      ProportionalFlowControl failing = new ProportionalFlowControl(rule, job, clock);
      pool.submit(() -> failWhileHolding(failing)).get(30, TimeUnit.SECONDS);
      for (Future<Integer> writer : writers) {
        assertThat(writer.get(60, TimeUnit.SECONDS)).isEqualTo(GRANTS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(mostInFlight.get()).isBetween(1, rule.maxConcurrency());
    assertThat(job.inFlight()).isZero();
    assertThat(job.live()).isZero();
  }

  private static int write(
      ProportionalFlowControl flow, int id, AtomicInteger inFlight, AtomicInteger most)
      throws InterruptedException {
    LinkedBlockingQueue<Boolean> turn = new LinkedBlockingQueue<>();
    flow.onTurn(() -> turn.add(true));
    int granted = 0;
    for (int attempt = 0; granted < GRANTS; attempt++) {
      if ((attempt + id) % 7 == 0) {
        flow.withdraw(); // nothing worth sending this time round
        Thread.yield();
        continue;
      }
      if (!flow.acquire(0)) {
        turn.poll(20, TimeUnit.MILLISECONDS); // the writer loop's timed wait, shortened
        continue;
      }
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      Thread.yield(); // the request is in flight
      inFlight.decrementAndGet();
      flow.onResponse(new FlowSignal(flow.epoch(), flow.batchBytes(), FAST, 0, false));
      flow.release();
      granted++;
    }
    flow.close();
    return granted;
  }

  private static Void failWhileHolding(ProportionalFlowControl flow) throws InterruptedException {
    LinkedBlockingQueue<Boolean> turn = new LinkedBlockingQueue<>();
    flow.onTurn(() -> turn.add(true));
    while (!flow.acquire(0)) {
      turn.poll(20, TimeUnit.MILLISECONDS);
    }
    flow.close(); // never released: close must return it
    return null;
  }
}
