package dev.sluice.spark;

import dev.sluice.core.SluiceException;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.deadletter.DeadLetterNames;
import dev.sluice.core.deadletter.DeadLetterStaging;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's side of the dead letters: when the job commits, the staged files of the attempts
 * whose messages Spark kept (one per partition) go into the store and every other attempt's are
 * deleted, so a task Spark ran twice leaves each bad row once. Runs before the checkpoint is marked
 * finished: a driver that dies in between leaves a job that resumes, and whose commit completes
 * this. Spark's commit coordinator is not needed for this: whichever attempts committed, the driver
 * keeps one message per partition and publishes that attempt's files only.
 */
final class DeadLetterCommit {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterCommit.class);

  private DeadLetterCommit() {}

  /** Publishes and cleans up; returns the messages with where their dead letters are now. */
  static WriterCommitMessage[] publish(SparkWriteConf conf, WriterCommitMessage[] messages) {
    return publish(DeadLetterJob.staging(conf, conf.checkpointStore()), messages);
  }

  /** Publishes the dead letters staged in {@code staging} of the attempts Spark kept. */
  static WriterCommitMessage[] publish(DeadLetterStaging staging, WriterCommitMessage[] messages) {
    DeadLetterNames names = staging.names();
    Map<String, SluiceCommitMessage> byWriter = new HashMap<>();
    for (WriterCommitMessage m : messages) {
      if (m instanceof SluiceCommitMessage done) {
        byWriter.put(names.writerId(done.partitionId(), done.taskId()), done);
      }
    }
    Map<String, String> published;
    try {
      published = staging.publish(byWriter.keySet());
      requireEveryDeadLetterFound(staging, byWriter, published);
      staging.discard();
    } catch (IOException e) {
      throw new SluiceException(
          "Could not move the dead letters staged in "
              + staging.stagingDirectory()
              + " into "
              + staging.directory()
              + " ("
              + ConfigKeys.DEADLETTER_PATH.name()
              + "): "
              + e,
          e);
    }
    WriterCommitMessage[] result = messages.clone();
    for (int i = 0; i < result.length; i++) {
      if (result[i] instanceof SluiceCommitMessage done) {
        String location = published.get(names.writerId(done.partitionId(), done.taskId()));
        result[i] = done.withDeadLetterLocation(location);
      }
    }
    return result;
  }

  /**
   * A task that counted dead letters but left none in the staging directory wrote them where this
   * driver cannot see them: a path that is not shared. Better a failed job than lost dead letters.
   */
  private static void requireEveryDeadLetterFound(
      DeadLetterStaging staging,
      Map<String, SluiceCommitMessage> byWriter,
      Map<String, String> published) {
    for (Map.Entry<String, SluiceCommitMessage> task : byWriter.entrySet()) {
      long dead = task.getValue().counters().deadLettered();
      if (dead > 0 && !published.containsKey(task.getKey())) {
        throw new SluiceException(
            "Partition "
                + task.getValue().partitionId()
                + " dead-lettered "
                + dead
                + " rows, but its dead letters are not in "
                + staging.stagingDirectory()
                + " as seen from the driver: "
                + ConfigKeys.DEADLETTER_PATH.name()
                + " must be a location the driver"
                + " and every executor share (dbfs:/..., s3a://..., abfss://..., hdfs://..., or a"
                + " shared mount).");
      }
    }
  }

  /** After a failed job: says where its dead letters wait, since they are not in the store. */
  static void keepStaged(SparkWriteConf conf) {
    try {
      DeadLetterStaging staging = DeadLetterJob.staging(conf, conf.checkpointStore());
      if (staging.hasStaged()) {
        LOG.warn(
            "The dead letters of this failed load stay in {}, outside the store {}: {}",
            staging.stagingDirectory(),
            staging.directory(),
            conf.checkpointStore() == null
                ? "a new load sends every row again and dead-letters what is still bad."
                : "resuming from the same checkpoint takes them over.");
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not look for the staged dead letters of this failed load: {}", e.toString());
    }
  }
}
