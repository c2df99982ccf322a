package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that Spark runs again after a failure re-sends the rows its first attempt delivered. With
 * {@code op_type=create} they conflict (409): they count as already delivered, not as dead letters.
 */
@ExtendWith(ElasticsearchExtension.class)
class TaskRetryIT {
  private static final int ROWS = 20_000;
  private static final long FAILING_ROW = 18_000; // in the second partition, 8,000 rows in

  private static SparkSession spark;

  @TempDir Path out;

  @BeforeAll
  static void startSpark() {
    // A failed task is tried once more.
    spark = LocalSpark.session("sluice-task-retry-it", "local[2,2]");
    FailOnce.register(spark);
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void aRetriedTaskCountsItsFirstAttemptsCreatesAsAlreadyDelivered(EsHandle es) throws IOException {
    String index = es.newIndexName();
    KeyCodeIndex.create(es, index);
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", es.url());
    options.put("es.resource", index);
    options.put("es.mapping.id", "key");
    options.put("es.write.operation", "create");
    options.put("es.batch.size.entries", "500");
    options.put("sluice.deadletter.path", out.resolve("dead").toString());
    options.put("sluice.report.path", out.resolve("report.json").toString());
    // The failure waits until the index holds every row read so far, so the failed attempt is
    // known to have delivered all 8,000 rows it read.
    FailOnce.arm(FAILING_ROW, () -> IndexCount.await(es, index, FAILING_ROW));

    spark
        .range(0, ROWS, 1, 2)
        .selectExpr("fail_once_at(id) AS id")
        .selectExpr("format_string('k-%06d', id) AS key", "id AS code")
        .write()
        .format("sluice")
        .mode("append")
        .options(options)
        .save();

    assertThat(FailOnce.fired()).as("the injected failure happened").isTrue();
    es.client().refresh(index);
    assertThat(es.client().count(index)).isEqualTo(ROWS);
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    JsonNode counters = report.path("counters");
    // The second attempt sent the first one's 8,000 rows again, and got a conflict for each.
    assertThat(counters.path("alreadyDelivered").asLong()).isEqualTo(FAILING_ROW - ROWS / 2);
    assertThat(counters.path("deadLettered").asLong()).isZero();
    assertThat(counters.path("read").asLong()).isEqualTo(ROWS);
    assertThat(report.path("reconciles").asBoolean()).isTrue();
  }
}
