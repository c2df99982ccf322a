package dev.sluice.spark;

import dev.sluice.core.ConfigException;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.SluiceException;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.transport.RestClientTransport;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A save mode applied on the driver, then the rows written through the one DataSource V2 write path
 * ({@link SluiceBatchSource}, always appending): the same commit protocol, metrics, checkpoints and
 * dead letters whatever the mode or the entry point (DataFrame writer, SQL {@code INSERT}).
 */
final class SaveModeWrite {
  private static final Logger LOG = LoggerFactory.getLogger(SaveModeWrite.class);

  private SaveModeWrite() {}

  /**
   * @param options the write's options as Spark gave them (the session's are read as for any write)
   */
  static void run(Dataset<Row> data, Map<String, String> options, SaveMode mode) {
    if (mode != SaveMode.Append && !prepare(options, mode)) {
      return;
    }
    data.write()
        .format(SluiceBatchSource.class.getName())
        .mode(SaveMode.Append)
        .options(options)
        .save();
  }

  /** Applies {@code mode} to the index; false when nothing is to be written. */
  private static boolean prepare(Map<String, String> options, SaveMode mode) {
    SluiceConfig config =
        SluiceConfig.fromOptions(OptionSources.resolve(SparkWriteConf.sessionConf(), options));
    String index = fixedIndex(config, mode);
    if (mode == SaveMode.Overwrite) {
      DataStreamWrite.refuseOverwrite(DataStreamCheck.dataStream(config));
    }
    if (mode == SaveMode.Overwrite && config.checkpoint().path() != null) {
      throw new ConfigException(
          ConfigKeys.CHECKPOINT_PATH.name(),
          "mode(\"overwrite\") deletes the documents of index '"
              + index
              + "' before writing, and a checkpoint would then skip rows an earlier run wrote:"
              + " remove "
              + ConfigKeys.CHECKPOINT_PATH.name()
              + " (a failed overwrite is completed by running it again), or use"
              + " mode(\"append\")");
    }
    try (RestClientTransport transport = RestClientTransport.create(config.connection())) {
      SaveModeDecision.IndexState state = IndexDocuments.state(transport, index);
      switch (SaveModeDecision.decide(mode, state)) {
        case WRITE -> {
          return true;
        }
        case SKIP -> {
          LOG.warn(
              "Index '{}' already holds documents and the save mode is Ignore: nothing written",
              index);
          return false;
        }
        case FAIL ->
            throw new SluiceException(
                "Index '"
                    + index
                    + "' already holds documents and the save mode is ErrorIfExists (Spark's"
                    + " default): use mode(\"append\") to add to them, mode(\"overwrite\") to"
                    + " replace them, or mode(\"ignore\") to leave them and write nothing");
        case DELETE_DOCUMENTS_THEN_WRITE -> {
          long deleted = OverwriteDelete.run(transport, index);
          LOG.info(
              "Save mode Overwrite: deleted {} documents from index '{}' (mapping and settings"
                  + " kept); writing",
              deleted,
              index);
          return true;
        }
        default -> throw new IllegalStateException("unknown action");
      }
    }
  }

  /** The index a mode other than append looks at: one name, not a pattern of many. */
  private static String fixedIndex(SluiceConfig config, SaveMode mode) {
    String index = config.defaultIndex();
    if (index == null || index.indexOf('{') >= 0) {
      throw new ConfigException(
          ConfigKeys.RESOURCE.name(),
          "Save mode "
              + mode
              + " needs one target index in "
              + ConfigKeys.RESOURCE.name()
              + " (or save(\"index\")), not "
              + (index == null ? "none" : "the pattern '" + index + "'")
              + "; use mode(\"append\") to write to a pattern");
    }
    return index;
  }
}
