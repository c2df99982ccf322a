package dev.sluice.spark;

import dev.sluice.core.SluiceConfig;
import dev.sluice.core.checkpoint.CheckpointStore;
import dev.sluice.core.checkpoint.JobManifest;
import dev.sluice.core.config.ConfigKey;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.id.IdStrategy;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * Everything a write needs, resolved and validated once on the driver: the engine config, the
 * schema and the columns that give ids and routing. This is what the writer factory carries to
 * executors; secrets inside {@link SluiceConfig} print as {@code <redacted>}.
 */
record SparkWriteConf(
    SluiceConfig engine,
    StructType schema,
    String queryId,
    RowJsonWriter json,
    List<FieldPath> idColumns,
    FieldPath routingColumn,
    JsonInput jsonInput,
    String reportPath,
    ActionMetadata actions,
    DataStreamTimestamp timestamp)
    implements Serializable {

  /** Changes when RowJsonWriter's output changes, so content-hash ids of old checkpoints differ. */
  static final String JSON_WRITER_VERSION = "1";

  private static final String UNNAMED_INPUT =
      "unnamed (set " + ConfigKeys.CHECKPOINT_INPUT.name() + " to name it)";

  /**
   * Options given to the writer win over the Spark session's configuration, where
   * elasticsearch-hadoop users keep shared settings; see {@link OptionSources}. Reads the target's
   * mapping when the rows hold timestamps or dates ({@link RowShapes}).
   */
  static SparkWriteConf resolve(LogicalWriteInfo info) {
    return resolve(
        OptionSources.resolve(sessionConf(), info.options().asCaseSensitiveMap()),
        info.schema(),
        info.queryId(),
        RowShapes::readTarget,
        DataStreamCheck::dataStream);
  }

  /** As if the target index did not exist yet: every timestamp and date field is new. */
  static SparkWriteConf resolve(Map<String, String> options, StructType schema, String queryId) {
    return resolve(options, schema, queryId, engine -> IndexMapping.missing());
  }

  /** As if the target were not a data stream. */
  static SparkWriteConf resolve(
      Map<String, String> options,
      StructType schema,
      String queryId,
      Function<SluiceConfig, IndexMapping> mappings) {
    return resolve(options, schema, queryId, mappings, engine -> null);
  }

  /**
   * @param mappings reads the target's mapping, at most once
   * @param dataStreams the data stream the target is, or null ({@link DataStreamCheck})
   */
  static SparkWriteConf resolve(
      Map<String, String> options,
      StructType schema,
      String queryId,
      Function<SluiceConfig, IndexMapping> mappings,
      Function<SluiceConfig, String> dataStreams) {
    SluiceConfig engine = SluiceConfig.fromOptions(options);
    String dataStream = dataStreams.apply(engine);
    if (dataStream != null) {
      options = DataStreamWrite.options(options, dataStream, engine.defaultOp());
      engine = SluiceConfig.fromOptions(options);
    }
    DataStreamTimestamp timestamp =
        DataStreamTimestamp.resolve(options, schema, dataStream, engine);
    SharedDeadLetterPath.require(engine.deadLetter().path());
    IdStrategy ids = engine.idStrategy();
    String idOption =
        ids.fields().size() == 1 && engine.idField() != null
            ? ConfigKeys.MAPPING_ID.name()
            : ConfigKeys.ID_FIELDS.name();
    String routing = engine.write().routingField();
    StructType written = timestamp.written(schema);
    RowShape shape = RowShapes.resolve(options, written, engine, mappings);
    JsonInput input =
        RowShapes.option(options, ConfigKeys.INPUT_JSON)
            ? JsonInput.of(schema, ids.fields(), routing)
            : null;
    List<FieldPath> idColumns = new ArrayList<>();
    FieldPath routingColumn = null;
    if (input == null) { // JSON input: the id and routing fields are read from each document
      String zone = shape.zoneId().getId();
      for (String field : ids.fields()) {
        idColumns.add(FieldPath.resolve(schema, field, idOption).asIdIn(zone));
      }
      routingColumn =
          routing == null
              ? null
              : FieldPath.resolve(schema, routing, ConfigKeys.MAPPING_ROUTING.name()).asIdIn(zone);
    }
    return new SparkWriteConf(
        engine,
        schema,
        queryId,
        new RowJsonWriter(written, shape),
        List.copyOf(idColumns),
        routingColumn,
        input,
        engine.reportPath(),
        ActionMetadata.resolve(engine, schema),
        timestamp);
  }

  /** The row as faithfully as it can be kept, for the dead-letter store. */
  byte[] lenientSource(InternalRow row) {
    return jsonInput == null ? json.toLenientJson(row) : jsonInput.raw(row);
  }

  IdStrategy idStrategy() {
    return engine.idStrategy();
  }

  /** The job's checkpoint, or null when {@code sluice.checkpoint.path} is unset. */
  CheckpointStore checkpointStore() {
    String path = engine.checkpoint().path();
    return path == null ? null : new CheckpointStore(HadoopStorage.forLocation(path), path);
  }

  /** What identifies this load in its checkpoint: a resume must produce the same documents. */
  JobManifest manifest(Instant now, String toolVersion) {
    Map<String, String> output = new TreeMap<>();
    output.put(
        ConfigKeys.WRITE_OPERATION.name(), engine.defaultOp().name().toLowerCase(Locale.ROOT));
    if (routingColumn != null) {
      output.put(ConfigKeys.MAPPING_ROUTING.name(), routingColumn.name());
    }
    actionOptions(output);
    output.put("schema", schema.json());
    output.putAll(json.shape().describe());
    if (jsonInput != null) {
      output.put(ConfigKeys.INPUT_JSON.name(), "true");
    }
    output.put("json_writer", JSON_WRITER_VERSION);
    String input = engine.checkpoint().input();
    return new JobManifest(
        input == null ? UNNAMED_INPUT : input,
        String.valueOf(engine.defaultIndex()),
        idStrategy().describe(),
        output,
        now,
        toolVersion);
  }

  /** What changes each action's lines: a resume with other values would write other documents. */
  private void actionOptions(Map<String, String> output) {
    Map<String, String> given = engine.toRedactedMap();
    for (ConfigKey<?> key :
        List.of(
            ConfigKeys.INGEST_PIPELINE,
            ConfigKeys.MAPPING_VERSION,
            ConfigKeys.MAPPING_JOIN,
            ConfigKeys.UPDATE_SCRIPT_INLINE,
            ConfigKeys.UPDATE_SCRIPT_STORED,
            ConfigKeys.UPDATE_SCRIPT_PARAMS,
            ConfigKeys.UPDATE_SCRIPT_PARAMS_JSON)) {
      if (given.containsKey(key.name())) {
        output.put(key.name(), given.get(key.name()));
      }
    }
  }

  /** The active session's configuration, or nothing when there is no session. */
  static Map<String, String> sessionConf() {
    Map<String, String> conf = new HashMap<>();
    Option<SparkSession> active = SparkSession.getActiveSession();
    if (active.isDefined()) {
      active
          .get()
          .conf()
          .getAll()
          .foreach(
              entry -> {
                conf.put(entry._1(), entry._2());
                return null;
              });
    }
    return conf;
  }
}
