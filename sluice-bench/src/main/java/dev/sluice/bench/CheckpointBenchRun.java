package dev.sluice.bench;

import dev.sluice.core.LoadCounters;

/**
 * One measured load of the checkpoint benchmark.
 *
 * @param checkpointed whether {@code sluice.checkpoint.path} was set
 * @param counters the job's totals, from the connector's report
 * @param checkpoint what the checkpoint directory saw; null without a checkpoint
 */
record CheckpointBenchRun(
    boolean checkpointed,
    int run,
    long docs,
    long nanos,
    ResourceMeter.Usage usage,
    LoadCounters counters,
    CheckpointWatch.Summary checkpoint)
    implements TimedLoad {

  @Override
  public String phase() {
    return "checkpoint";
  }

  @Override
  public String variant() {
    return checkpointed ? "with_checkpoint" : "without_checkpoint";
  }

  /** Request body bytes Sluice sent, retries included. */
  @Override
  public long bodyBytes() {
    return counters.bytesSent();
  }
}
