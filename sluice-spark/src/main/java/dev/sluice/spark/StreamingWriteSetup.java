package dev.sluice.spark;

import dev.sluice.core.ConfigException;
import dev.sluice.core.config.ConfigKeys;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves and checks a streaming query's write once, on the driver, when the query starts: the
 * batch load's options, plus the query's checkpoint location, beside which Sluice keeps its epochs.
 */
final class StreamingWriteSetup {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingWriteSetup.class);

  /** Spark's option of {@code writeStream} for the query's checkpoint. */
  static final String CHECKPOINT_LOCATION = "checkpointLocation";

  private StreamingWriteSetup() {}

  static SluiceStreamingWrite create(LogicalWriteInfo info, EpochProgress progress) {
    String location = info.options().get(CHECKPOINT_LOCATION);
    if (location == null) {
      throw new ConfigException(
          CHECKPOINT_LOCATION,
          "A Structured Streaming query into Elasticsearch needs"
              + " .option(\"checkpointLocation\", ...) on writeStream: Sluice records the epochs it"
              + " committed beside Spark's checkpoint, so that a restarted query neither loses nor"
              + " repeats an epoch (spark.sql.streaming.checkpointLocation alone does not tell it"
              + " where the query's own directory is).");
    }
    Map<String, String> options = new HashMap<>(info.options().asCaseSensitiveMap());
    options.keySet().removeIf(CHECKPOINT_LOCATION::equalsIgnoreCase);
    SparkWriteConf conf =
        SparkWriteConf.resolve(
            OptionSources.resolve(SparkWriteConf.sessionConf(), options),
            info.schema(),
            info.queryId(),
            RowShapes::readTarget,
            DataStreamCheck::dataStream);
    refuse(conf.engine().checkpoint().path() != null, ConfigKeys.CHECKPOINT_PATH.name());
    TargetIndexCheck.run(conf.engine());
    StreamingEpochs epochs = StreamingEpochs.beside(location);
    StreamingReport report = StreamingReport.of(conf, location);
    LOG.info(
        "Sluice streaming query {} into {}, epochs recorded in {}, report in {}, options {}",
        conf.queryId(),
        conf.engine().defaultIndex(),
        epochs.directory(),
        report.location(),
        conf.engine().toRedactedMap());
    return new SluiceStreamingWrite(conf, epochs, progress, report);
  }

  private static void refuse(boolean given, String option) {
    if (given) {
      throw new ConfigException(
          option,
          "Option "
              + option
              + " is for batch loads; a streaming query keeps its progress in its"
              + " checkpointLocation, which Spark and Sluice share. Remove it.");
    }
  }
}
