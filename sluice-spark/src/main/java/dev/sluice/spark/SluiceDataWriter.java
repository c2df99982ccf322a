package dev.sluice.spark;

import dev.sluice.core.Attempt;
import dev.sluice.core.BulkLoader;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.LoadListener;
import dev.sluice.core.LoadResult;
import dev.sluice.core.SluiceException;
import dev.sluice.core.bulk.EngineContext;
import dev.sluice.core.checkpoint.ConvertedRow;
import dev.sluice.core.checkpoint.LoaderHeartbeat;
import dev.sluice.core.checkpoint.PartitionCheckpointing;
import dev.sluice.core.checkpoint.PartitionRef;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * Writes one Spark partition: converts each row ({@link RowConverter}) and hands it to the
 * partition's {@link PartitionCheckpointing}, which sends it through the {@link BulkLoader} unless
 * an earlier run proved it settled. Everything else is the engine's job.
 */
final class SluiceDataWriter implements DataWriter<InternalRow>, LoadListener {
  private final int partitionId;
  private final String positionPrefix;
  private final long taskId;
  private final RowConverter converter;
  private final LoaderHeartbeat heartbeat;
  private final PartitionCheckpointing checkpointing;
  private final BulkLoader loader;
  private final PartitionCheckpointing.Sink sink;
  private final int attempt;
  private final Instant started = Instant.now();
  private volatile LoadCounters latest;
  private final SluiceMetrics.TaskValues shown = new SluiceMetrics.TaskValues();
  private long rowNumber;
  private boolean finished;

  /**
   * @param start what the job's checkpoint and Spark say about this partition
   */
  SluiceDataWriter(SparkWriteConf conf, int partitionId, long taskId, WriterStart start) {
    this.partitionId = partitionId;
    this.positionPrefix = "partition " + partitionId + " row ";
    this.taskId = taskId;
    TaskContext task = TaskContext.get();
    this.attempt = task == null ? 0 : task.attemptNumber();
    this.converter = new RowConverter(conf);
    StreamEpoch epoch = start.epoch();
    DeadLetterAttempt deadLetters =
        epoch == null
            ? DeadLetterAttempt.open(conf, conf.checkpointStore(), partitionId, taskId)
            : DeadLetterAttempt.open(
                DeadLetterJob.staging(conf, epoch.deadLetters()), partitionId, taskId);
    String writerId = deadLetters.writerId();
    this.heartbeat =
        new LoaderHeartbeat(writerId, Clock.systemUTC(), LoaderHeartbeat.DEFAULT_QUIET);
    PartitionRef ref = new PartitionRef(partitionId, start.partitions(), writerId);
    // An epoch Sluice recorded committed was delivered whole: its rows are counted, not sent.
    this.checkpointing =
        epoch != null && epoch.committed()
            ? PartitionCheckpointing.finishedJob(ref, Optional.empty())
            : CheckpointingFactory.open(
                conf, ref, start.checkpointStatus(), deadLetters::adoptPrior, heartbeat);
    this.loader =
        BulkLoader.open(
            conf.engine(),
            writerId,
            this,
            EngineContext.defaults().withStorage(deadLetters.storage()),
            start.replay() ? Attempt.REPLAY : Attempt.FIRST);
    this.sink = PartitionCheckpointing.Sink.to(loader);
  }

  /**
   * Spark 4 hands the partition over here. Only a partition of a job the checkpoint records
   * finished is skipped without reading it. Not marked {@code @Override} so that this class also
   * compiles against Spark 3.5, which has no {@code writeAll} and calls {@link #write} per row.
   */
  public void writeAll(Iterator<InternalRow> rows) throws IOException {
    if (checkpointing.skipWithoutReading()) {
      return;
    }
    while (rows.hasNext()) {
      write(rows.next());
    }
  }

  @Override
  public void write(InternalRow row) throws IOException {
    ConvertedRow converted = converter.convert(row, positionPrefix, rowNumber++);
    try {
      checkpointing.write(converted, sink);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(
          "interrupted while writing " + converted.document().position());
    }
  }

  @Override
  public WriterCommitMessage commit() throws IOException {
    try {
      checkpointing.endOfInput(sink);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing partition " + partitionId);
    }
    finished = true;
    LoadResult result = loader.close();
    LoadCounters counters = result.counters().withSkipped(checkpointing.skipped());
    latest = result.counters();
    // Checked before the partition is recorded complete: a task that would lose rows fails, and
    // a rerun sends what it did not settle.
    requireReconciled(partitionId, counters);
    checkpointing.committed();
    return new SluiceCommitMessage(
        partitionId,
        taskId,
        counters,
        result.deadLetterLocation(),
        attempt,
        started,
        Instant.now(),
        result.series(),
        result.deadLetterSamples());
  }

  /**
   * @throws SluiceException naming the partition when {@code read != indexed + deadLettered +
   *     skipped}: a task never commits counters that lose rows
   */
  static void requireReconciled(int partition, LoadCounters counters) {
    if (!counters.reconciles()) {
      throw new SluiceException(
          "Partition "
              + partition
              + " does not reconcile: read "
              + counters.read()
              + " != indexed "
              + counters.indexed()
              + " + dead-lettered "
              + counters.deadLettered()
              + " + skipped by the checkpoint "
              + counters.skippedByCheckpoint()
              + "; its task fails instead of committing counters that lose rows.");
    }
  }

  @Override
  public void abort() {
    finished = true;
    loader.abort();
    checkpointing.aborted();
  }

  @Override
  public void close() {
    if (!finished) {
      abort();
    }
  }

  @Override
  public void onProgress(LoadCounters snapshot) {
    heartbeat.beat();
    latest = snapshot;
  }

  @Override
  public void onSettled(long seq, boolean deadLettered) {
    // No heartbeat here: this runs once per document, and a running loader reports its progress
    // every second anyway, which is all the heartbeat needs (each beat reads the clock).
    checkpointing.settled(seq, deadLettered);
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    return shown.of(latest, checkpointing.skipped());
  }
}
