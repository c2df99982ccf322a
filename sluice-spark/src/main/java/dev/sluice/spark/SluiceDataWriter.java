package dev.sluice.spark;

import dev.sluice.core.Attempt;
import dev.sluice.core.BulkLoader;
import dev.sluice.core.Document;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.LoadListener;
import dev.sluice.core.LoadResult;
import dev.sluice.core.bulk.EngineContext;
import dev.sluice.core.checkpoint.CheckpointStore;
import dev.sluice.core.checkpoint.PartitionCheckpoint;
import dev.sluice.core.checkpoint.PartitionProgress;
import dev.sluice.core.checkpoint.PriorDeadLetters;
import dev.sluice.core.checkpoint.ProgressPersister;
import dev.sluice.core.checkpoint.ResumeFilter;
import dev.sluice.core.checkpoint.SettledPrefix;
import dev.sluice.core.config.CheckpointSettings;
import dev.sluice.spark.RowConverter.Converted;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.Iterator;
import java.util.Optional;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one Spark partition through one {@link BulkLoader}. Rows that cannot become documents are
 * dead-lettered with the field at fault; everything else is the engine's job. With a checkpoint, a
 * partition recorded complete is skipped, a partly done one skips the rows its progress file
 * records (after {@link ResumeFilter} checked their ids), and so does every row an earlier run
 * dead-lettered ({@link PriorDeadLetters}). Progress is recorded as the loader settles rows, by
 * {@link ProgressPersister}'s background thread.
 */
final class SluiceDataWriter implements DataWriter<InternalRow>, LoadListener {
  private static final Logger LOG = LoggerFactory.getLogger(SluiceDataWriter.class);

  private final SparkWriteConf conf;
  private final int partitionId;
  private final long taskId;
  private final String writerId;
  private final BulkLoader loader;
  private final CheckpointStore checkpoint;
  private final boolean alreadyComplete;
  private final long completeRows; // rows the checkpoint recorded for a complete partition, or -1
  private final ResumeFilter<Converted> resume;
  private final RowConverter converter;
  private final PriorDeadLetters priorDeadLetters;
  private volatile PartitionProgress progress;
  private ProgressPersister.Handle persister;
  private volatile LoadCounters latest;
  private long rowNumber;
  private long skipped;
  private boolean finished;

  /**
   * @param jobFinished the checkpoint says the whole job finished: every row is skipped
   * @param replay an earlier run or task attempt may have delivered any of this partition's rows
   */
  SluiceDataWriter(
      SparkWriteConf conf, int partitionId, long taskId, boolean jobFinished, boolean replay) {
    this.conf = conf;
    this.partitionId = partitionId;
    this.taskId = taskId;
    this.converter = new RowConverter(conf);
    CheckpointStore store = conf.checkpointStore();
    this.checkpoint = jobFinished ? null : store;
    Optional<PartitionCheckpoint> recorded = recorded(store, partitionId, jobFinished);
    boolean recordedComplete = recorded.isPresent() && recorded.get().complete();
    this.alreadyComplete = jobFinished || recordedComplete;
    this.completeRows = recordedComplete ? recorded.get().rows() : -1;
    this.resume =
        checkpoint != null && recorded.isPresent() && !alreadyComplete
            ? ResumeFilter.of(recorded.get())
            : null;
    if (alreadyComplete) {
      LOG.info("partition {}: complete in the checkpoint; skipping all its rows", partitionId);
    }
    DeadLetterAttempt deadLetters = DeadLetterAttempt.open(conf, checkpoint, partitionId, taskId);
    this.writerId = deadLetters.writerId();
    this.priorDeadLetters = deadLetters.prior();
    if (priorDeadLetters.size() > 0) {
      LOG.info(
          "partition {}: {} rows were dead-lettered by earlier runs; they will not be sent again",
          partitionId,
          priorDeadLetters.size());
    }
    EngineContext defaults = EngineContext.defaults();
    this.loader =
        BulkLoader.open(
            conf.engine(),
            writerId,
            this,
            defaults.withStorage(deadLetters.storage()),
            replay ? Attempt.REPLAY : Attempt.FIRST);
  }

  /**
   * The partition's progress file. Once the whole job finished it only tells how many rows to skip
   * unread, so a file that cannot be read then costs reading the rows, not the job.
   */
  private Optional<PartitionCheckpoint> recorded(
      CheckpointStore store, int partition, boolean jobFinished) {
    if (store == null) {
      return Optional.empty();
    }
    try {
      return store.readPartitionToResume(partition, conf.engine().checkpoint().force());
    } catch (RuntimeException e) {
      if (!jobFinished) {
        throw e;
      }
      LOG.warn("partition {}: {}; counting its rows to skip them instead", partition, e.toString());
      return Optional.empty();
    }
  }

  /**
   * Spark 4 hands the partition over here. A partition the checkpoint records complete is skipped
   * without reading a row of it: the rows it recorded count as read and skipped. Not marked
   * {@code @Override} so that this class also compiles against Spark 3.5, which has no {@code
   * writeAll} and calls {@link #write} for every row (the rows are then read, and skipped).
   */
  public void writeAll(Iterator<InternalRow> rows) throws IOException {
    if (alreadyComplete && completeRows >= 0) {
      rowNumber += completeRows;
      skipped += completeRows;
      LOG.info("partition {}: skipped {} rows without reading them", partitionId, completeRows);
      return;
    }
    while (rows.hasNext()) {
      write(rows.next());
    }
  }

  @Override
  public void write(InternalRow row) throws IOException {
    if (alreadyComplete) {
      rowNumber++;
      skipped++;
      return;
    }
    Converted prepared = converter.convert(row, "partition " + partitionId + " row " + rowNumber++);
    if (resume == null) {
      send(prepared);
    } else {
      for (Converted p : resume.offer(prepared.document().id(), prepared)) {
        send(p);
      }
    }
  }

  private void send(Converted prepared) throws IOException {
    if (checkpoint != null) {
      PartitionProgress p = startProgress();
      persister.check();
      Document document = prepared.document();
      if (priorDeadLetters.contains(document.position(), document.id())) {
        p.alreadySettled(document.id(), true);
        skipped++;
        return;
      }
      p.added(document.id());
    }
    if (prepared.deadLetter()) {
      loader.deadLetter(prepared.document(), prepared.errorType(), prepared.reason());
    } else {
      try {
        loader.add(prepared.document());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException(
            "interrupted while writing " + prepared.document().position());
      }
    }
  }

  private PartitionProgress startProgress() {
    if (progress == null) {
      CheckpointSettings settings = conf.engine().checkpoint();
      SettledPrefix prefix =
          resume != null ? resume.prefix() : SettledPrefix.none(settings.segmentRows());
      progress =
          new PartitionProgress(
              checkpoint,
              partitionId,
              writerId,
              prefix,
              settings.everyRows(),
              settings.every(),
              Clock.systemUTC());
      persister = ProgressPersister.watch(progress, ProgressPersister.DEFAULT_TICK);
    }
    return progress;
  }

  @Override
  public WriterCommitMessage commit() throws IOException {
    if (resume != null) {
      for (Converted p : resume.finish()) {
        send(p);
      }
      skipped += resume.skipped();
    }
    finished = true;
    LoadResult result = loader.close();
    if (checkpoint != null && !alreadyComplete) {
      PartitionProgress p = startProgress();
      persister.close();
      persister.check();
      p.complete();
    }
    latest = result.counters();
    return new SluiceCommitMessage(
        partitionId, taskId, result.counters().withSkipped(skipped), result.deadLetterLocation());
  }

  @Override
  public void abort() {
    finished = true;
    loader.abort();
    PartitionProgress p = progress;
    if (p != null) {
      persister.close();
      // A killed task is interrupted, and an interrupted thread cannot write a file channel.
      boolean interrupted = Thread.interrupted();
      try {
        p.persist();
      } catch (RuntimeException e) {
        LOG.warn("partition {}: could not record progress on abort: {}", partitionId, e.toString());
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  @Override
  public void close() {
    if (!finished) {
      abort();
    }
  }

  @Override
  public void onProgress(LoadCounters snapshot) {
    latest = snapshot;
  }

  @Override
  public void onSettled(long seq, boolean deadLettered) {
    PartitionProgress p = progress;
    if (p != null) {
      p.settled(seq, deadLettered);
    }
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    LoadCounters engine = latest;
    return SluiceMetrics.values(
        (engine == null ? LoadCounters.empty() : engine).withSkipped(skipped));
  }
}
