package dev.sluice.spark;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.SluiceException;
import dev.sluice.core.report.Reconciliation;
import dev.sluice.core.report.RunReport;
import dev.sluice.core.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Sluice's own record of the epochs of a streaming query it committed, beside Spark's checkpoint:
 * {@code <checkpointLocation>/sluice/commits/<epoch>}, one small JSON file each, written when the
 * epoch's dead letters are published, with the query's running totals ({@link QueryTotals}). Spark
 * writes its commit log after the sink's commit, so a driver that dies in between makes Spark run
 * the epoch again on restart; this record is what tells the replay that every row of it was
 * delivered and every bad row dead-lettered already.
 */
final class StreamingEpochs {
  /** 2 adds {@code totals}, the query's totals after the epoch ({@link QueryTotals}). */
  static final int FORMAT_VERSION = 2;

  /** As many as Spark keeps of its own logs by default: only the last one is ever replayed. */
  static final int RETAINED = 100;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final String TOTALS = "totals";
  private final Storage storage;
  private final String directory;

  StreamingEpochs(Storage storage, String directory) {
    this.storage = storage;
    this.directory = directory;
  }

  /** The store of the query whose Spark checkpoint is {@code checkpointLocation}. */
  static StreamingEpochs beside(String checkpointLocation) {
    Storage storage = HadoopStorage.forLocation(checkpointLocation);
    return new StreamingEpochs(
        storage, storage.child(storage.child(checkpointLocation, "sluice"), "commits"));
  }

  String directory() {
    return directory;
  }

  boolean committed(long epoch) {
    try {
      return storage.exists(storage.child(directory, Long.toString(epoch)));
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** The highest epoch recorded committed; epochs commit in order, so every lower one is too. */
  OptionalLong lastCommitted() {
    try {
      return epochs().stream().mapToLong(Long::longValue).max();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /**
   * Records {@code epoch} committed with its counts and the query's totals after it, in one atomic
   * write, and forgets epochs long committed. The totals are the last committed epoch's plus this
   * one's. An epoch recorded already (Spark replays it after a crash that came between this record
   * and Spark's own commit log) adds nothing: its rows were counted when it was first committed,
   * and the replay's rows are those same rows skipped; the recorded totals are returned unchanged.
   *
   * @return the query's totals with this epoch
   */
  QueryTotals record(String queryId, long epoch, RunReport epochReport) {
    if (committed(epoch)) {
      return totals(epoch);
    }
    OptionalLong last = lastCommitted();
    QueryTotals before = last.isPresent() ? totals(last.getAsLong()) : QueryTotals.NONE;
    Reconciliation counted = epochReport.reconciliation();
    QueryTotals after =
        before.plus(
            epoch,
            epochReport.started(),
            counted.counters(),
            counted.tasksReported(),
            counted.tasks());
    ObjectNode doc = JSON.createObjectNode();
    doc.put("version", FORMAT_VERSION);
    doc.put("query_id", queryId);
    doc.put("epoch", epoch);
    LoadCounters counters = counted.counters();
    doc.put("read", counters.read());
    doc.put("indexed", counters.indexed());
    doc.put("dead_lettered", counters.deadLettered());
    doc.put("skipped", counters.skippedByCheckpoint());
    doc.set(TOTALS, JSON.valueToTree(after.toJson()));
    try {
      storage.replace(storage.child(directory, Long.toString(epoch)), JSON.writeValueAsBytes(doc));
      for (long old : epochs()) {
        if (old <= epoch - RETAINED) {
          storage.delete(storage.child(directory, Long.toString(old)));
        }
      }
    } catch (IOException e) {
      throw new SluiceException(
          "Could not record epoch "
              + epoch
              + " committed in "
              + directory
              + ": "
              + e
              + ". Its documents and dead letters are in place; the query stops, and a restart"
              + " runs the epoch again, which writes the same documents.",
          e);
    }
    return after;
  }

  /**
   * The query's totals as of a committed epoch; none from a record of format 1, which had no totals
   * (the report then counts from the next epoch on).
   */
  QueryTotals totals(long epoch) {
    String file = storage.child(directory, Long.toString(epoch));
    try (InputStream in = storage.open(file)) {
      Map<String, Object> doc = JSON.readValue(in, MAP);
      return doc.get(TOTALS) instanceof Map<?, ?> totals
          ? QueryTotals.fromJson(JSON.convertValue(totals, MAP))
          : QueryTotals.NONE;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read Sluice's epoch record " + file, e);
    }
  }

  private List<Long> epochs() throws IOException {
    return storage.list(directory).stream()
        .map(f -> f.substring(f.lastIndexOf('/') + 1))
        .filter(name -> !name.isEmpty() && name.chars().allMatch(Character::isDigit))
        .map(Long::valueOf)
        .toList();
  }

  private UncheckedIOException unreadable(IOException e) {
    return new UncheckedIOException("Could not read Sluice's epoch store " + directory, e);
  }
}
