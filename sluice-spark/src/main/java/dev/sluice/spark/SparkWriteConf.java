package dev.sluice.spark;

import dev.sluice.core.SluiceConfig;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
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
    FieldPath idColumn,
    FieldPath routingColumn,
    String reportPath)
    implements Serializable {

  static final String ROUTING_OPTION = "es.mapping.routing";

  /** Where the driver writes the job's JSON report; a Spark-side option, not the engine's. */
  static final String REPORT_OPTION = "sluice.report.path";

  /**
   * Options given to the writer win over the Spark session's configuration, where
   * elasticsearch-hadoop users keep shared settings as {@code spark.es.*} (and ours as {@code
   * spark.sluice.*}).
   */
  static SparkWriteConf resolve(LogicalWriteInfo info) {
    Map<String, String> options = new HashMap<>(sessionOptions());
    info.options()
        .asCaseSensitiveMap()
        .forEach((k, v) -> options.put(k.toLowerCase(Locale.ROOT), v));
    options.computeIfAbsent("es.resource", k -> options.get("path"));
    options.remove("path");
    return resolve(options, info.schema(), info.queryId());
  }

  static SparkWriteConf resolve(Map<String, String> given, StructType schema, String queryId) {
    Map<String, String> options = new HashMap<>(given);
    String reportPath = options.remove(REPORT_OPTION);
    String routing = options.remove(ROUTING_OPTION);
    SluiceConfig engine = SluiceConfig.fromOptions(options);
    String id = engine.idField();
    return new SparkWriteConf(
        engine,
        schema,
        queryId,
        new RowJsonWriter(schema),
        id == null ? null : FieldPath.resolve(schema, id, "es.mapping.id"),
        routing == null ? null : FieldPath.resolve(schema, routing, ROUTING_OPTION),
        reportPath);
  }

  private static Map<String, String> sessionOptions() {
    Map<String, String> fromSession = new HashMap<>();
    Option<SparkSession> active = SparkSession.getActiveSession();
    if (active.isEmpty()) {
      return fromSession;
    }
    scala.collection.immutable.Map<String, String> all = active.get().conf().getAll();
    all.foreach(
        entry -> {
          String key = entry._1().toLowerCase(Locale.ROOT);
          if (key.startsWith("spark.es.") || key.startsWith("spark.sluice.")) {
            fromSession.put(key.substring("spark.".length()), entry._2());
          }
          return null;
        });
    return fromSession;
  }
}
