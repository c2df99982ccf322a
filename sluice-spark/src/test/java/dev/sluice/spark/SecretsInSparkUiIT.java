package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Spark shows of a write (the SQL tab's plan and details, the event log) must not contain a
 * secret given as a plain writer option. The node runs without security, so it ignores the
 * credentials and the load succeeds.
 */
@ExtendWith(ElasticsearchExtension.class)
class SecretsInSparkUiIT {
  private static final String PASSWORD = "pw-Zq81-never-shown";
  private static final String API_KEY = "apikey-Xr55-never-shown";

  @TempDir Path out;

  /** Reports and checkpoint files: readable by the owner only, and free of secrets. */
  private static void assertNoSecretInAnyFileUnder(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files)
        .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("manifest.json"))
        .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("report.json"));
    for (Path file : files) {
      String text = Files.readString(file);
      assertThat(text).as(file.toString()).doesNotContain(PASSWORD).doesNotContain(API_KEY);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(file.toString())
          .isEqualTo("rw-------");
    }
  }

  @Test
  void thePlanSparkDisplaysHasNoSecret(EsHandle es) throws Exception {
    SparkSession spark = LocalSpark.session("sluice-secrets-it", "local[1]");
    List<String> shown = new CopyOnWriteArrayList<>();
    SparkListener capture =
        new SparkListener() {
          @Override
          public void onOtherEvent(SparkListenerEvent event) {
            if (event instanceof SparkListenerSQLExecutionStart start) {
              shown.add(start.description());
              shown.add(start.details());
              shown.add(start.physicalPlanDescription());
              shown.add(start.sparkPlanInfo().toString());
            }
          }
        };
    spark.sparkContext().addSparkListener(capture);
    try {
      String index = es.newIndexName();
      var data = spark.range(0, 50).selectExpr("CAST(id AS STRING) AS key");
      var writer =
          data.write()
              .format("sluice")
              .mode("append")
              .options(
                  Map.of(
                      "es.nodes",
                      es.url(),
                      "es.resource",
                      index,
                      "es.mapping.id",
                      "key",
                      "es.net.http.auth.user",
                      "loader",
                      "es.net.http.auth.pass",
                      PASSWORD,
                      "sluice.checkpoint.path",
                      out.resolve("checkpoint").toString(),
                      "sluice.checkpoint.input",
                      "secrets-it",
                      "sluice.report.path",
                      out.resolve("report.json").toString(),
                      "sluice.deadletter.path",
                      out.resolve("dead").toString()));
      writer.save();
      data.write()
          .format("sluice")
          .mode("append")
          .options(
              Map.of(
                  "es.nodes",
                  es.url(),
                  "es.resource",
                  index,
                  "es.mapping.id",
                  "key",
                  "sluice.auth.api.key",
                  API_KEY,
                  "sluice.report.path",
                  out.resolve("report-2.json").toString(),
                  "sluice.deadletter.path",
                  out.resolve("dead").toString()))
          .save();
      spark.sparkContext().listenerBus().waitUntilEmpty(30_000);

      es.client().refresh(index);
      assertThat(es.client().count(index)).isEqualTo(50);
      assertThat(shown).isNotEmpty();
      String displayed = String.join("\n", shown);
      assertThat(displayed).contains("AppendData"); // the write's own plan was captured
      assertThat(displayed).doesNotContain(PASSWORD).doesNotContain(API_KEY);
      assertNoSecretInAnyFileUnder(out);
    } finally {
      spark.sparkContext().removeSparkListener(capture);
      spark.stop();
    }
  }
}
