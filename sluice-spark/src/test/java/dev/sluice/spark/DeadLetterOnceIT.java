package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.testkit.ElasticsearchExtension;
import dev.sluice.testkit.EsHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bad row is in the dead-letter store once, whatever Spark does with task attempts, and only
 * the job that dead-lettered a row skips it when it resumes.
 */
@ExtendWith(ElasticsearchExtension.class)
class DeadLetterOnceIT {
  private static final int ROWS = 2_000;
  private static final long FAILING_ROW = 1_900; // in the second partition, after 9 of its bad rows

  private static SparkSession spark;

  @TempDir Path out;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.session("sluice-dead-letter-once-it", "local[2,2]");
    FailOnce.register(spark);
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  private static boolean isBad(long row) {
    return row % 100 == 7;
  }

  private static List<String> badKeys(long from, long to) {
    return LongStream.range(from, to)
        .filter(DeadLetterOnceIT::isBad)
        .mapToObj(DeadLetterOnceIT::key)
        .toList();
  }

  private static String key(long row) {
    return String.format("k-%06d", row);
  }

  private Map<String, String> options(EsHandle es, String index) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", es.url());
    options.put("es.resource", index);
    options.put("es.mapping.id", "key");
    options.put("es.batch.size.entries", "100");
    options.put("sluice.deadletter.path", out.resolve("dead").toString());
    return options;
  }

  private void load(Map<String, String> options) {
    spark
        .range(0, ROWS, 1, 2)
        .selectExpr("fail_once_at(id) AS id")
        .selectExpr(
            "format_string('k-%06d', id) AS key",
            "IF(id % 100 = 7, 'not-a-number', CAST(id AS STRING)) AS code")
        .write()
        .format("sluice")
        .mode("append")
        .options(options)
        .save();
  }

  private List<String> deadLetteredKeys() throws IOException {
    List<String> keys = new ArrayList<>();
    for (DeadLetterRecord r :
        new DeadLetterReader(new LocalFileStorage()).readAll(out.resolve("dead").toString())) {
      keys.add(r.id());
    }
    keys.sort(null);
    return keys;
  }

  @Test
  void aFreshJobAtTheSameCheckpointPathSendsTheRowsAnEarlierJobDeadLettered(EsHandle es)
      throws IOException {
    String strict = es.newIndexName();
    KeyCodeIndex.create(es, strict);
    Map<String, String> options = options(es, strict);
    options.put("sluice.checkpoint.path", out.resolve("checkpoint").toString());
    load(options);
    assertThat(deadLetteredKeys()).isEqualTo(badKeys(0, ROWS));

    // What a user does after fixing the mapping: a new index, the checkpoint deleted, run again.
    deleteRecursively(out.resolve("checkpoint"));
    String fixed = es.newIndexName();
    assertThat(
            es.client()
                .createIndex(
                    fixed, "{\"mappings\":{\"properties\":{\"code\":{\"type\":\"keyword\"}}}}")
                .isSuccess())
        .isTrue();
    options.put("es.resource", fixed);
    load(options);

    es.client().refresh(fixed);
    assertThat(es.client().count(fixed)).as("every row, the once-bad ones too").isEqualTo(ROWS);
    // The first job's dead letters stay in the store; the second job added none.
    assertThat(deadLetteredKeys()).isEqualTo(badKeys(0, ROWS));
  }

  @Test
  void aTaskRetriedAfterDeadLetteringLeavesEachBadRowOnce(EsHandle es) throws IOException {
    retriedAfterDeadLettering(es, false);
  }

  @Test
  void aCheckpointedTaskRetriedAfterDeadLetteringLeavesEachBadRowOnce(EsHandle es)
      throws IOException {
    retriedAfterDeadLettering(es, true);
  }

  private void retriedAfterDeadLettering(EsHandle es, boolean checkpoint) throws IOException {
    String index = es.newIndexName();
    KeyCodeIndex.create(es, index);
    Map<String, String> options = options(es, index);
    if (checkpoint) {
      options.put("sluice.checkpoint.path", out.resolve("checkpoint").toString());
      options.put("sluice.checkpoint.every.rows", "100");
    }
    long badBeforeFailure = badKeys(0, FAILING_ROW).size();
    // The failing attempt has dead-lettered (durably) every bad row it read.
    FailOnce.arm(FAILING_ROW, () -> awaitDeadLetterLines(badBeforeFailure));
    load(options);

    assertThat(FailOnce.fired()).as("the injected failure happened").isTrue();
    es.client().refresh(index);
    assertThat(es.client().count(index)).isEqualTo(ROWS - badKeys(0, ROWS).size());
    assertThat(deadLetteredKeys()).isEqualTo(badKeys(0, ROWS));
  }

  @Test
  void twoAttemptsOfOneTaskThatBothCommitLeaveEachBadRowOnce(EsHandle es) throws IOException {
    twoAttempts(es, false);
  }

  @Test
  void twoCheckpointedAttemptsOfOneTaskThatBothCommitLeaveEachBadRowOnce(EsHandle es)
      throws IOException {
    twoAttempts(es, true);
  }

  /**
   * What speculation does (local mode never speculates: it has one host): two attempts of one
   * partition write the same rows and both commit; the driver keeps the message of one.
   */
  private void twoAttempts(EsHandle es, boolean checkpoint) throws IOException {
    String index = es.newIndexName();
    KeyCodeIndex.create(es, index);
    Map<String, String> options = options(es, index);
    if (checkpoint) {
      options.put("sluice.checkpoint.path", out.resolve("checkpoint").toString());
    }
    StructType schema =
        new StructType().add("key", DataTypes.StringType).add("code", DataTypes.StringType);
    SluiceBatchWrite write =
        new SluiceBatchWrite(SparkWriteConf.resolve(options, schema, "0123456789abcdef"));
    DataWriterFactory factory = write.createBatchWriterFactory(() -> 1);
    DataWriter<InternalRow> first = factory.createWriter(0, 11);
    DataWriter<InternalRow> second = factory.createWriter(0, 12);
    for (long row = 0; row < 300; row++) {
      first.write(row(row));
      second.write(row(row));
    }
    WriterCommitMessage fromFirst = first.commit();
    second.commit();
    first.close();
    second.close();
    write.commit(new WriterCommitMessage[] {fromFirst});

    assertThat(deadLetteredKeys()).isEqualTo(badKeys(0, 300));
  }

  private static InternalRow row(long row) {
    return new GenericInternalRow(
        new Object[] {
          UTF8String.fromString(key(row)),
          UTF8String.fromString(isBad(row) ? "not-a-number" : Long.toString(row))
        });
  }

  /** Waits (at most a minute) until the dead-letter directory, staging included, has the lines. */
  private void awaitDeadLetterLines(long lines) {
    for (int i = 0; i < 600; i++) {
      if (deadLetterLines() >= lines) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException(lines + " dead letters were never written");
  }

  private long deadLetterLines() {
    Path dead = out.resolve("dead");
    if (!Files.isDirectory(dead)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dead)) {
      long lines = 0;
      for (Path f : files.filter(p -> p.toString().endsWith(".ndjson")).toList()) {
        lines += Files.readAllLines(f).stream().filter(l -> l.endsWith("}")).count();
      }
      return lines;
    } catch (IOException e) {
      return 0; // a file moved while listing: try again
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    }
  }
}
