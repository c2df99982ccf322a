package dev.sluice.core.flow;

import java.time.Clock;
import java.time.Duration;

/**
 * Adaptive flow for one writer: the {@link FlowRule} decides, over the state this writer shares
 * with the other writers of its job in this JVM ({@link FlowHints.Job}), and the writer takes turns
 * with them for the job's requests in flight.
 */
final class ProportionalFlowControl implements FlowControl {
  private final FlowRule rule;
  private final FlowHints.Job job;
  private final Clock clock;
  private volatile Runnable onTurn = () -> {};
  private boolean closed;

  ProportionalFlowControl(FlowRule rule, FlowHints.Job job, Clock clock) {
    this.rule = rule;
    this.job = job;
    this.clock = clock;
    job.join(rule, clock.instant());
  }

  @Override
  public long batchBytes() {
    return job.state().bytes();
  }

  @Override
  public int concurrency() {
    return job.state().concurrency();
  }

  @Override
  public Duration gap() {
    return Duration.ofNanos(job.state().gapNanos());
  }

  @Override
  public long epoch() {
    return job.state().epoch();
  }

  @Override
  public void onResponse(FlowSignal signal) {
    job.onResponse(rule, signal, clock.instant());
  }

  @Override
  public boolean acquire(int inFlight) {
    return job.acquire(this);
  }

  @Override
  public void release() {
    job.release(this);
  }

  @Override
  public void withdraw() {
    job.withdraw(this);
  }

  @Override
  public boolean blocked(int inFlight) {
    return inFlight >= concurrency() || job.waiting(this);
  }

  @Override
  public void onTurn(Runnable wake) {
    this.onTurn = wake;
  }

  void yourTurn() {
    onTurn.run();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      job.leave(this, clock.instant());
    }
  }

  FlowState state() {
    return job.state();
  }
}
