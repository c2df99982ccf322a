package dev.sluice.spark.differential;

import dev.sluice.testkit.EsHandle;
import dev.sluice.testkit.RootShim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession and node access both suites share: a local session whose configuration holds the
 * connection settings (the {@code settings-in-spark-conf} scenario relies on them alone), in UTC,
 * and the root shim both connectors reach the node through.
 */
final class DifferentialSpark implements AutoCloseable {
  private final RootShim shim;
  private final SparkSession spark;
  private final IndexReader reader;
  private final Map<String, String> connection;
  private final Map<String, String> placeholders;

  DifferentialSpark(EsHandle es, Path deadLetters) {
    this.reader = new IndexReader(es.client());
    this.shim = startShim(es);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("es.nodes", "127.0.0.1");
    settings.put("es.port", Integer.toString(shim.port()));
    settings.put("es.nodes.wan.only", "true");
    this.connection = Map.copyOf(settings);
    this.placeholders =
        Map.of(
            "node.port", Integer.toString(es.port()), "shim.port", Integer.toString(shim.port()));
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("sluice-differential")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.shuffle.partitions", "2")
            .config("sluice.deadletter.path", deadLetters.toString());
    settings.forEach(builder::config);
    this.spark = builder.getOrCreate();
  }

  private static RootShim startShim(EsHandle es) {
    String version =
        IndexReader.tree(es.client().get("/_nodes/_local?filter_path=nodes.*.version").body())
            .path("nodes")
            .elements()
            .next()
            .path("version")
            .asText();
    String state =
        es.client()
            .get("/_cluster/state/metadata?filter_path=cluster_name,metadata.cluster_uuid")
            .body();
    String name = IndexReader.tree(state).path("cluster_name").asText();
    String uuid = IndexReader.tree(state).path("metadata").path("cluster_uuid").asText();
    try {
      return RootShim.start(es.url(), version, name, uuid);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the root shim", e);
    }
  }

  ScenarioRunner runner() {
    return new ScenarioRunner(spark, reader, connection, placeholders);
  }

  IndexReader reader() {
    return reader;
  }

  SparkSession spark() {
    return spark;
  }

  @Override
  public void close() {
    spark.stop();
    shim.close();
  }
}
