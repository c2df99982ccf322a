package dev.sluice.core.flow;

import java.time.Clock;
import java.time.Duration;

/**
 * Adaptive flow: holds the {@link FlowState}, lets the {@link FlowRule} decide, and shares its cuts
 * with the writers of the same job that start later in this JVM.
 */
final class ProportionalFlowControl implements FlowControl {
  private final FlowRule rule;
  private final FlowHints.Job job;
  private final Clock clock;
  private FlowState state;
  private boolean closed;

  ProportionalFlowControl(FlowRule rule, FlowHints.Job job, Clock clock) {
    this.rule = rule;
    this.job = job;
    this.clock = clock;
    this.state = rule.start(job.join(), job.recentCut(clock.instant()));
  }

  @Override
  public synchronized long batchBytes() {
    return state.bytes();
  }

  @Override
  public synchronized int concurrency() {
    return state.concurrency();
  }

  @Override
  public synchronized Duration gap() {
    return Duration.ofNanos(state.gapNanos());
  }

  @Override
  public synchronized long epoch() {
    return state.epoch();
  }

  @Override
  public synchronized void onResponse(FlowSignal signal) {
    FlowState next = rule.next(state, signal);
    if (next.epoch() > state.epoch()) {
      job.cut(next, clock.instant());
    }
    state = next;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      job.leave();
    }
  }

  synchronized FlowState state() {
    return state;
  }
}
