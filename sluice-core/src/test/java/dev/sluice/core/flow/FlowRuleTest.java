package dev.sluice.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlowRuleTest {
  private static final long MAX = 16_000;
  private static final FlowRule RULE = new FlowRule(1_600, MAX, 4, Duration.ofSeconds(10));
  private static final Duration FAST = Duration.ofMillis(100);

  /**
   * bytes, concurrency, floor, alpha, baseline 100 ms for 8,000 bytes, epoch 5, past slow start.
   */
  private static FlowState state(long bytes, int concurrency, long floor, double alpha) {
    return new FlowState(bytes, concurrency, floor, alpha, 100_000_000, 8_000, 0, 5, false, 0);
  }

  private static FlowSignal items(double share) {
    return new FlowSignal(5, 8_000, FAST, share, false);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        // healthy: + max/16, floor follows bytes/4 up to the configured minimum
        Arguments.of("healthy grows", state(8_000, 2, 1_600, 0), items(0), 9_000, 2, 1_600, 5),
        Arguments.of("healthy at max", state(MAX, 4, 1_600, 0), items(0), MAX, 4, 1_600, 5),
        // 1% of items, alpha 0 -> 1/1600: cut by alpha/2, then + max/16 * 0.99 -> net growth
        Arguments.of("1% of items", state(8_000, 2, 1_600, 0), items(0.01), 8_988, 2, 1_600, 6),
        // a steady 10% (alpha 0.1): scale by 0.95, + 900: 8,000 -> 8,500
        Arguments.of("10% steady", state(8_000, 3, 1_600, 0.1), items(0.1), 8_500, 3, 1_600, 6),
        // a steady 40% (alpha 0.4 -> 0.4): scale by 0.8, + 600; concurrency 3 -> 2
        Arguments.of("40% steady", state(8_000, 3, 1_600, 0.4), items(0.4), 7_000, 2, 1_600, 6),
        // half the items or more: a refusal in all but name
        Arguments.of("60% of items", state(8_000, 4, 1_600, 0), items(0.6), 4_000, 2, 1_600, 6),
        Arguments.of(
            "whole request",
            state(8_000, 4, 1_600, 0),
            new FlowSignal(5, 8_000, FAST, 0, true),
            4_000,
            2,
            1_600,
            6),
        // refused at the floor: the floor halves too, down to a sixteenth of the configured one
        Arguments.of(
            "refused at floor",
            state(1_600, 1, 1_600, 0),
            new FlowSignal(5, 1_600, FAST, 0, true),
            800,
            1,
            800,
            6),
        Arguments.of(
            "refused at lowest floor",
            state(100, 1, 100, 0),
            new FlowSignal(5, 100, FAST, 0, true),
            100,
            1,
            100,
            6),
        // healthy again: the floor comes back up with the batches (bytes / 4)
        Arguments.of("floor recovers", state(4_000, 1, 200, 0), items(0), 5_000, 1, 1_250, 5),
        // latency: 7x the baseline and 600 ms above it is slow
        Arguments.of(
            "slow against baseline",
            state(8_000, 4, 1_600, 0),
            new FlowSignal(5, 8_000, Duration.ofMillis(700), 0, false),
            4_000,
            2,
            1_600,
            6),
        // twice the bytes may take twice the time: 4x of 200 ms expected is 800 ms
        Arguments.of(
            "slow but bigger request",
            state(8_000, 4, 1_600, 0),
            new FlowSignal(5, 16_000, Duration.ofMillis(700), 0, false),
            9_000,
            4,
            1_600,
            5),
        // 4x the baseline but under the slack: noise, not overload
        Arguments.of(
            "within slack",
            new FlowState(8_000, 4, 1_600, 0, 10_000_000, 8_000, 0, 5, false, 0),
            new FlowSignal(5, 8_000, Duration.ofMillis(300), 0, false),
            9_000,
            4,
            1_600,
            5),
        Arguments.of(
            "above the fixed target",
            new FlowState(8_000, 4, 1_600, 0, 0, 0, 0, 5, false, 0),
            new FlowSignal(5, 8_000, Duration.ofSeconds(11), 0, false),
            4_000,
            2,
            1_600,
            6),
        // sent before the last cut: cannot cut, may grow for what went through
        Arguments.of(
            "old refusal",
            state(8_000, 4, 1_600, 0),
            new FlowSignal(4, 8_000, FAST, 0, true),
            8_000,
            4,
            1_600,
            5),
        Arguments.of(
            "old partial",
            state(8_000, 4, 1_600, 0),
            new FlowSignal(4, 8_000, FAST, 0.1, false),
            8_900,
            4,
            1_600,
            5),
        // slow start doubles and adds a request per healthy response
        Arguments.of(
            "slow start",
            new FlowState(4_000, 1, 1_600, 0, 0, 0, 0, 0, true, 0),
            new FlowSignal(0, 4_000, FAST, 0, false),
            8_000,
            2,
            1_600,
            0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void decides(
      String name,
      FlowState before,
      FlowSignal signal,
      long bytes,
      int concurrency,
      long floor,
      long epoch) {
    FlowState after = RULE.next(before, signal);
    assertThat(after.bytes()).as("bytes").isEqualTo(bytes);
    assertThat(after.concurrency()).as("concurrency").isEqualTo(concurrency);
    assertThat(after.floor()).as("floor").isEqualTo(floor);
    assertThat(after.epoch()).as("epoch").isEqualTo(epoch);
  }

  /**
   * A healthy but busy cluster throttles a few items of every request. Each of those responses cut
   * the writer softly and reset its healthy streak, so it stayed at one request in flight and left
   * slow start at its first response: a 1% load ran at a quarter of the bytes, one at a time.
   */
  @Test
  void aSmallSteadyShareReachesTheMaximumAsFastAsACleanStart() {
    for (double share : new double[] {0, 0.01, 0.1}) {
      FlowState s = RULE.start();
      int responses = 0;
      while (s.bytes() < MAX || s.concurrency() < 4) {
        s = RULE.next(s, new FlowSignal(s.epoch(), s.bytes(), FAST, share, false));
        assertThat(++responses).as("responses to the maximum at share " + share).isLessThan(8);
      }
    }
  }

  @Test
  void aSmallShareInSlowStartKeepsDoublingForWhatWentThrough() {
    FlowState s = new FlowState(4_000, 1, 1_600, 0, 0, 0, 0, 0, true, 0);
    FlowState after = RULE.next(s, new FlowSignal(0, 4_000, FAST, 0.1, false));
    assertThat(after.slowStart()).isTrue();
    assertThat(after.bytes()).isEqualTo(7_600); // 4,000 x (2 - 0.1)
    assertThat(after.concurrency()).isEqualTo(2);
    assertThat(after.epoch()).isZero();
  }

  /** A third of the items rejected is a full queue: no more requests, and slow start ends. */
  @Test
  void aShareAboveBusyEndsSlowStartAndAddsNoRequests() {
    FlowState s = new FlowState(4_000, 1, 1_600, 0, 0, 0, 0, 0, true, 0);
    s = RULE.next(s, new FlowSignal(0, 4_000, FAST, 0.3, false));
    assertThat(s.slowStart()).isFalse();
    assertThat(s.concurrency()).isEqualTo(1);
    for (int i = 0; i < 20; i++) {
      s = RULE.next(s, new FlowSignal(s.epoch(), s.bytes(), FAST, 0.3, false));
    }
    assertThat(s.concurrency()).isEqualTo(1);
  }

  @Test
  void aSteadySmallShareStillAddsRequestsInFlight() {
    FlowState s = state(MAX, 2, 1_600, 0.01);
    for (int i = 0; i < FlowRule.HEALTHY_RESPONSES_PER_EXTRA_REQUEST; i++) {
      s = RULE.next(s, new FlowSignal(s.epoch(), s.bytes(), FAST, 0.01, false));
    }
    assertThat(s.concurrency()).isEqualTo(3);
  }

  @Test
  void aSteadyShareOfThrottledItemsFindsABalanceAboveTheFloor() {
    for (double share : new double[] {0.01, 0.1}) {
      FlowState s = state(MAX, 3, 1_600, 0);
      for (int i = 0; i < 500; i++) {
        s = RULE.next(s, new FlowSignal(s.epoch(), s.bytes(), FAST, share, false));
      }
      assertThat(s.alpha()).isCloseTo(share, offset(0.001));
      assertThat(s.bytes()).as("share " + share).isGreaterThan(MAX / 2);
    }
  }

  @Test
  void responsesMostlyThrottledCutHardDownToTheFloor() {
    FlowState s = state(MAX, 3, 1_600, 0);
    for (int i = 0; i < 500; i++) {
      s = RULE.next(s, new FlowSignal(s.epoch(), s.bytes(), FAST, 0.6, false));
    }
    assertThat(s.bytes()).isLessThan(MAX / 4);
  }

  @Test
  void oneSmallestRequestStillRefusedSpacesRequestsAndHealthyOnesCloseTheGap() {
    FlowState s = state(100, 1, 100, 0); // the lowest floor, one request in flight
    s = RULE.next(s, new FlowSignal(s.epoch(), 100, FAST, 0, true));
    assertThat(s.gapNanos()).isEqualTo(FlowRule.FIRST_GAP.toNanos());
    for (int i = 0; i < 10; i++) {
      s = RULE.next(s, new FlowSignal(s.epoch(), 100, FAST, 0, true));
    }
    assertThat(s.gapNanos()).isEqualTo(FlowRule.MAX_GAP.toNanos());
    s = RULE.next(s, new FlowSignal(s.epoch(), 100, FAST, 0, false));
    assertThat(s.gapNanos()).isEqualTo(FlowRule.MAX_GAP.toNanos() / 2);
    assertThat(s.concurrency()).isEqualTo(1); // no second request while requests are spaced
    for (int i = 0; i < 5; i++) {
      s = RULE.next(s, new FlowSignal(s.epoch(), 100, FAST, 0, false));
    }
    assertThat(s.gapNanos()).isZero();
  }

  @Test
  void slownessAtTheFloorMovesNeitherTheFloorNorTheGap() {
    FlowState s = state(1_600, 1, 1_600, 0);
    FlowState after = RULE.next(s, new FlowSignal(5, 1_600, Duration.ofSeconds(11), 0, false));
    assertThat(after.floor()).isEqualTo(1_600);
    assertThat(after.gapNanos()).isZero();
    assertThat(after.epoch()).isEqualTo(6);
  }

  @Test
  void rejectedItemsAtTheFloorMoveNeitherTheFloorNorTheGap() {
    FlowState s = state(1_600, 1, 1_600, 0);
    FlowState after = RULE.next(s, new FlowSignal(5, 1_600, FAST, 0.9, false));
    assertThat(after.floor()).isEqualTo(1_600);
    assertThat(after.gapNanos()).isZero();
    assertThat(after.bytes()).isEqualTo(1_600);
    assertThat(after.epoch()).isEqualTo(6);
  }

  @Test
  void aRefusalAboveTheFloorDoesNotSpaceRequests() {
    FlowState s = state(8_000, 1, 1_600, 0);
    assertThat(RULE.next(s, new FlowSignal(5, 8_000, FAST, 0, true)).gapNanos()).isZero();
  }

  @Test
  void aJobStartsAtAQuarterOfTheMaximumInSlowStart() {
    FlowState start = RULE.start();
    assertThat(start.bytes()).isEqualTo(MAX / 4);
    assertThat(start.concurrency()).isEqualTo(1);
    assertThat(start.slowStart()).isTrue();
  }
}
