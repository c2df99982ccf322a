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
    FlowControl flow = new ProportionalFlowControl(rule, new FlowHints.Job(), at(T0));
    assertThat(flow.batchBytes()).isEqualTo(4_000);
    assertThat(flow.concurrency()).isEqualTo(1);
    for (int i = 0; i < 3; i++) {
      flow.onResponse(new FlowSignal(flow.epoch(), flow.batchBytes(), FAST, 0, false));
    }
    assertThat(flow.batchBytes()).isEqualTo(16_000);
    assertThat(flow.concurrency()).isEqualTo(4);
  }

  @Test
  void aLaterWriterStartsWhereAnotherWasCutWhileThatIsFresh() {
    FlowHints.Job job = new FlowHints.Job();
    ProportionalFlowControl first = new ProportionalFlowControl(rule, job, at(T0));
    refuse(first);
    refuse(first);
    assertThat(first.batchBytes()).isEqualTo(1_000);

    Instant fresh = T0.plus(FlowHints.FRESH);
    FlowControl second = new ProportionalFlowControl(rule, job, at(fresh));
    assertThat(second.batchBytes()).isEqualTo(1_000);
    assertThat(job.live()).isEqualTo(2);

    second.close();
    second.close();
    assertThat(job.live()).isEqualTo(1);
    FlowControl stale = new ProportionalFlowControl(rule, job, at(fresh.plusMillis(1)));
    assertThat(stale.batchBytes()).isEqualTo(16_000 / 4 / 2); // a share among two live writers
  }
}
