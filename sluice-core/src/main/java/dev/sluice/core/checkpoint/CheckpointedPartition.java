package dev.sluice.core.checkpoint;

import dev.sluice.core.Document;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A partition of a checkpointed job that is not finished: skips the rows an earlier run settled,
 * once {@link ResumeFilter} checked them against the recorded fingerprints (a partition recorded
 * complete too), and the rows an earlier run dead-lettered ({@link PriorDeadLetters}); tracks what
 * the loader settles in a {@link PartitionProgress} that {@link ProgressPersister} writes in the
 * background. A progress file recorded under another split of the input (or by a Sluice that did
 * not record the split) proves nothing about this partition's rows: they are all sent.
 */
final class CheckpointedPartition implements PartitionCheckpointing {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointedPartition.class);

  private final CheckpointStore store;
  private final PartitionRef ref;
  private final PartitionCheckpointing.Options options;
  private final ResumeFilter<ConvertedRow> resume;
  private final PriorDeadLetters prior;
  private volatile PartitionProgress progress;
  private ProgressPersister.Handle persister;
  private volatile long priorSkipped;

  private CheckpointedPartition(
      CheckpointStore store,
      PartitionRef ref,
      Optional<PartitionCheckpoint> recorded,
      PriorDeadLetters prior,
      PartitionCheckpointing.Options options) {
    this.store = store;
    this.ref = ref;
    this.options = options;
    this.prior = prior;
    this.resume =
        recorded
            .map(
                r ->
                    ResumeFilter.of(
                        r,
                        options.maxHeldBytes(),
                        ConvertedRow::heldBytes,
                        // a row settled earlier may have been dead-lettered: its record is kept
                        row -> prior.claim(row.document())))
            .orElse(null);
  }

  /**
   * @param recorded the partition's progress file, if it has one
   */
  static CheckpointedPartition open(
      CheckpointStore store,
      PartitionRef ref,
      Optional<PartitionCheckpoint> recorded,
      PriorDeadLetters prior,
      PartitionCheckpointing.Options options) {
    Optional<PartitionCheckpoint> usable = recorded.filter(r -> sameSplit(r, ref));
    if (recorded.isPresent() && usable.isEmpty()) {
      LOG.info(
          "partition {}: its progress was recorded when the input had {} partitions; it has {}"
              + " now, so its {} recorded rows prove nothing: sending all its rows again",
          ref.partition(),
          recorded.get().partitions() == PartitionCheckpoint.UNKNOWN_SPLIT
              ? "an unrecorded number of"
              : recorded.get().partitions(),
          ref.partitions(),
          recorded.get().rows());
    }
    if (prior.size() > 0) {
      LOG.info(
          "partition {}: this job dead-lettered {} rows before; those of them in this partition will"
              + " not be sent again",
          ref.partition(),
          prior.size());
    }
    return new CheckpointedPartition(store, ref, usable, prior, options);
  }

  /** Whether a progress file names the same rows as this run's partition of the same number. */
  static boolean sameSplit(PartitionCheckpoint recorded, PartitionRef ref) {
    return ref.partitions() != PartitionCheckpoint.UNKNOWN_SPLIT
        && recorded.partitions() == ref.partitions();
  }

  @Override
  public void write(ConvertedRow row, Sink sink) throws InterruptedException {
    if (resume == null) {
      send(row, sink);
      return;
    }
    List<ConvertedRow> ready = resume.offer(row.document().id(), row);
    for (ConvertedRow r : ready) {
      send(r, sink);
    }
  }

  @Override
  public void endOfInput(Sink sink) throws InterruptedException {
    if (resume != null) {
      for (ConvertedRow r : resume.finish()) {
        send(r, sink);
      }
    }
  }

  private void send(ConvertedRow row, Sink sink) throws InterruptedException {
    PartitionProgress p = progress();
    persister.check();
    Document document = row.document();
    if (prior.claim(document)) {
      p.alreadySettled(document.id(), true);
      priorSkipped++;
    } else {
      p.added(sink.send(row), document.id());
    }
    Duration waited = p.awaitRoom(options.liveness());
    if (!waited.isZero()) {
      sink.waitedForRoom(waited);
    }
  }

  private PartitionProgress progress() {
    if (progress == null) {
      SettledPrefix prefix =
          resume != null ? resume.prefix() : SettledPrefix.none(options.segmentRows());
      PartitionProgress p =
          new PartitionProgress(store, ref, prefix, options.policy(), options.clock());
      persister = ProgressPersister.watch(p, options.ticker());
      progress = p;
    }
    return progress;
  }

  @Override
  public void settled(long seq, boolean deadLettered) {
    PartitionProgress p = progress;
    if (p == null) {
      throw new IllegalStateException(
          "partition " + ref.partition() + ": row " + seq + " settled before any was sent");
    }
    p.settled(seq, deadLettered);
  }

  @Override
  public long skipped() {
    return (resume == null ? 0 : resume.skipped()) + priorSkipped;
  }

  @Override
  public void committed() {
    prior.close();
    PartitionProgress p = progress();
    persister.close();
    persister.check();
    p.complete();
  }

  @Override
  public void aborted() {
    try {
      prior.close();
    } catch (RuntimeException e) {
      // the records it copied are still staged where it found them: a rerun finds them again
      LOG.warn("partition {}: {}", ref.partition(), e.toString());
    }
    PartitionProgress p = progress;
    if (p == null) {
      return; // nothing was sent: the progress file is as the earlier run left it
    }
    persister.close();
    // A killed task is interrupted, and an interrupted thread cannot write to a file channel.
    boolean interrupted = Thread.interrupted();
    try {
      p.persist();
    } catch (RuntimeException e) {
      LOG.warn(
          "partition {}: could not record progress on abort: {}", ref.partition(), e.toString());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
