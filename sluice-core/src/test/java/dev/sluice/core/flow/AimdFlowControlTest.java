package dev.sluice.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AimdFlowControlTest {
  private static final Duration FAST = Duration.ofMillis(100);
  private final AimdFlowControl flow = new AimdFlowControl(1_000, 16_000, 4, Duration.ofSeconds(1));

  @Test
  void startsAtTheConfiguredMaximum() {
    assertThat(flow.batchBytes()).isEqualTo(16_000);
    assertThat(flow.concurrency()).isEqualTo(4);
  }

  @Test
  void halvesOnThrottlingOncePerBurst() {
    long epoch = flow.epoch();
    flow.onResponse(epoch, FAST, true);
    assertThat(flow.batchBytes()).isEqualTo(8_000);
    assertThat(flow.concurrency()).isEqualTo(2);
    flow.onResponse(epoch, FAST, true); // sent before the cut: ignored
    assertThat(flow.batchBytes()).isEqualTo(8_000);
    flow.onResponse(flow.epoch(), FAST, true);
    assertThat(flow.batchBytes()).isEqualTo(4_000);
    assertThat(flow.concurrency()).isEqualTo(1);
  }

  @Test
  void slowResponsesCountAsOverload() {
    flow.onResponse(flow.epoch(), Duration.ofSeconds(2), false);
    assertThat(flow.batchBytes()).isEqualTo(8_000);
  }

  @Test
  void neverGoesBelowTheMinimum() {
    for (int i = 0; i < 20; i++) {
      flow.onResponse(flow.epoch(), FAST, true);
    }
    assertThat(flow.batchBytes()).isEqualTo(1_000);
    assertThat(flow.concurrency()).isEqualTo(1);
  }

  @Test
  void growsBackAdditivelyWhileHealthyUpToTheMaximum() {
    for (int i = 0; i < 20; i++) {
      flow.onResponse(flow.epoch(), FAST, true);
    }
    flow.onResponse(flow.epoch(), FAST, false);
    assertThat(flow.batchBytes()).isEqualTo(2_000); // + max/16
    for (int i = 0; i < 3; i++) {
      flow.onResponse(flow.epoch(), FAST, false);
    }
    assertThat(flow.concurrency()).isEqualTo(2);
    for (int i = 0; i < 100; i++) {
      flow.onResponse(flow.epoch(), FAST, false);
    }
    assertThat(flow.batchBytes()).isEqualTo(16_000);
    assertThat(flow.concurrency()).isEqualTo(4);
  }

  @Test
  void pinnedFlowNeverMoves() {
    FlowControl fixed = FlowControl.fixed(5_000, 3);
    fixed.onResponse(0, Duration.ofHours(1), true);
    assertThat(fixed.batchBytes()).isEqualTo(5_000);
    assertThat(fixed.concurrency()).isEqualTo(3);
  }
}
