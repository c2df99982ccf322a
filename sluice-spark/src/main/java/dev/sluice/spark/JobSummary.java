package dev.sluice.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sluice.core.LoadCounters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/** The totals of one Spark load, summed from the tasks' commit messages. */
final class JobSummary {
  private final SparkWriteConf conf;
  private final LoadCounters totals;
  private final List<String> deadLetterLocations;
  private final int tasks;
  private final String checkpoint;

  private JobSummary(
      SparkWriteConf conf,
      LoadCounters totals,
      List<String> deadLetterLocations,
      int tasks,
      String checkpoint) {
    this.conf = conf;
    this.totals = totals;
    this.deadLetterLocations = deadLetterLocations;
    this.tasks = tasks;
    this.checkpoint = checkpoint;
  }

  static JobSummary of(SparkWriteConf conf, WriterCommitMessage[] messages) {
    return of(conf, messages, null);
  }

  /**
   * @param checkpoint what the checkpoint said at the start (e.g. "already finished"), or null
   */
  static JobSummary of(SparkWriteConf conf, WriterCommitMessage[] messages, String checkpoint) {
    LoadCounters totals = LoadCounters.empty();
    List<String> deadLetters = new ArrayList<>();
    int tasks = 0;
    for (WriterCommitMessage message : messages) {
      if (message instanceof SluiceCommitMessage done) {
        totals = totals.plus(done.counters());
        if (done.deadLetterLocation() != null) {
          deadLetters.add(done.deadLetterLocation());
        }
        tasks++;
      }
    }
    return new JobSummary(conf, totals, List.copyOf(deadLetters), tasks, checkpoint);
  }

  LoadCounters totals() {
    return totals;
  }

  boolean reconciles() {
    return totals.reconciles();
  }

  String oneLine() {
    return String.format(
        "Sluice load %s into %s: %d tasks, read=%d indexed=%d%s dead_lettered=%d"
            + " skipped_by_checkpoint=%d retried=%d throttled=%d; %s%s",
        conf.queryId(),
        conf.engine().defaultIndex(),
        tasks,
        totals.read(),
        totals.indexed(),
        totals.alreadyDelivered() == 0
            ? ""
            : " (already_delivered=" + totals.alreadyDelivered() + ")",
        totals.deadLettered(),
        totals.skippedByCheckpoint(),
        totals.retriedItems(),
        totals.throttled(),
        reconciles()
            ? "read = indexed + dead_lettered + skipped_by_checkpoint holds"
            : "WARNING: read != indexed + dead_lettered + skipped_by_checkpoint",
        checkpoint == null ? "" : "; " + checkpoint);
  }

  Map<String, Object> toReport() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("format", "sluice-spark-report/1");
    report.put("query_id", conf.queryId());
    report.put("index", conf.engine().defaultIndex());
    report.put("tasks", tasks);
    report.put("counters", totals);
    report.put("reconciles", reconciles());
    if (checkpoint != null) {
      report.put("checkpoint", checkpoint);
    }
    report.put("dead_letter_files", deadLetterLocations);
    report.put("options", new TreeMap<>(conf.engine().toRedactedMap()));
    return report;
  }

  /** Writes the report atomically (temp file, then rename) when a report path was given. */
  void writeReportIfAsked() {
    String path = conf.reportPath();
    if (path == null) {
      return;
    }
    Path target = Path.of(path);
    try {
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".sluice-report", ".tmp");
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(temp.toFile(), toReport());
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Sluice report to " + target, e);
    }
  }
}
