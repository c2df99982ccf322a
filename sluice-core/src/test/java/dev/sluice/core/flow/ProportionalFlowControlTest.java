package dev.sluice.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProportionalFlowControlTest {
  private static final Duration FAST = Duration.ofMillis(50);
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final FlowRule rule = new FlowRule(1_000, 16_000, 4, Duration.ofSeconds(10));

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  private static void refuse(FlowControl flow) {
    flow.onResponse(new FlowSignal(flow.epoch(), flow.batchBytes(), FAST, 0, true));
  }

  @Test
  void startsModestlyAndReachesTheMaximumWhileHealthy() {
    FlowControl flow = new ProportionalFlowControl(rule, new FlowHints.Job(at(T0)), at(T0));
    assertThat(flow.batchBytes()).isEqualTo(4_000);
    assertThat(flow.concurrency()).isEqualTo(1);
    for (int i = 0; i < 3; i++) {
      flow.onResponse(new FlowSignal(flow.epoch(), flow.batchBytes(), FAST, 0, false));
    }
    assertThat(flow.batchBytes()).isEqualTo(16_000);
    assertThat(flow.concurrency()).isEqualTo(4);
  }

  @Test
  void writersOfOneJobShareOneStateAndEveryCut() {
    FlowHints.Job job = new FlowHints.Job(at(T0));
    FlowControl first = new ProportionalFlowControl(rule, job, at(T0));
    FlowControl second = new ProportionalFlowControl(rule, job, at(T0));
    // the job's batches, not split: its permits are what the writers share
    assertThat(first.batchBytes()).isEqualTo(4_000);
    assertThat(second.batchBytes()).isEqualTo(4_000);
    long before = first.epoch();
    refuse(second);
    assertThat(first.batchBytes()).isEqualTo(2_000);
    // the first writer's answer to a request sent before that cut does not cut again
    first.onResponse(new FlowSignal(before, 4_000, FAST, 0, true));
    assertThat(first.batchBytes()).isEqualTo(2_000);
    second.close();
    second.close();
    assertThat(job.live()).isEqualTo(1);
  }

  @Test
  void writersTakeTurnsForTheJobsRequestsInFlight() {
    FlowHints.Job job = new FlowHints.Job(at(T0));
    ProportionalFlowControl first = new ProportionalFlowControl(rule, job, at(T0));
    ProportionalFlowControl second = new ProportionalFlowControl(rule, job, at(T0));
    int[] secondWoken = {0};
    second.onTurn(() -> secondWoken[0]++);
    assertThat(first.acquire(0)).isTrue();
    assertThat(second.acquire(0)).as("one permit at the start, taken").isFalse();
    assertThat(second.blocked(0)).as("waits its turn").isTrue();
    assertThat(first.acquire(1)).as("the second is in line first").isFalse();
    first.withdraw();
    first.release();
    assertThat(secondWoken[0]).isEqualTo(1);
    assertThat(second.acquire(0)).isTrue();
    second.close(); // ends holding its permit: it goes back
    assertThat(job.inFlight()).isZero();
    assertThat(first.acquire(0)).isTrue();
  }

  @Test
  void aLoadWithOtherLimitsRightAfterAnotherStartsWithinItsOwn() {
    // One notebook, one index: a load at 16,000 bytes x 4, then at once (the state still fresh)
    // the same load with smaller limits, as a user sets them after a 413 or to spare the cluster.
    String job = "http://node:9200/limits-" + System.nanoTime();
    FlowControl large = FlowControl.adaptive(1_000, 16_000, 4, Duration.ofSeconds(10), job, at(T0));
    for (int i = 0; i < 4; i++) {
      large.onResponse(new FlowSignal(large.epoch(), large.batchBytes(), FAST, 0, false));
    }
    assertThat(large.batchBytes()).isEqualTo(16_000);
    assertThat(large.concurrency()).isEqualTo(4);
    large.close();

    FlowControl small = FlowControl.adaptive(500, 2_000, 1, Duration.ofSeconds(10), job, at(T0));
    assertThat(small.batchBytes()).isLessThanOrEqualTo(2_000);
    assertThat(small.concurrency()).isEqualTo(1);
    small.onResponse(new FlowSignal(small.epoch(), small.batchBytes(), FAST, 0, false));
    assertThat(small.batchBytes()).isLessThanOrEqualTo(2_000);
    assertThat(small.concurrency()).isEqualTo(1);
    small.close();
  }

  @Test
  void aJobUnusedForLongStartsAfresh() {
    FlowHints.Job job = new FlowHints.Job(at(T0));
    FlowControl first = new ProportionalFlowControl(rule, job, at(T0));
    refuse(first);
    refuse(first);
    first.close();
    FlowControl fresh = new ProportionalFlowControl(rule, job, at(T0.plus(FlowHints.FRESH)));
    assertThat(fresh.batchBytes()).isEqualTo(1_000);
    fresh.close();
    FlowControl stale =
        new ProportionalFlowControl(
            rule, job, at(T0.plus(FlowHints.FRESH).plus(FlowHints.FRESH).plusMillis(1)));
    assertThat(stale.batchBytes()).isEqualTo(4_000);
  }
}
