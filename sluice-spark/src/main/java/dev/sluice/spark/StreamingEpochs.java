package dev.sluice.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.SluiceException;
import dev.sluice.core.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * Sluice's own record of the epochs of a streaming query it committed, beside Spark's checkpoint:
 * {@code <checkpointLocation>/sluice/commits/<epoch>}, one small JSON file each, written when the
 * epoch's dead letters are published. Spark writes its commit log after the sink's commit, so a
 * driver that dies in between makes Spark run the epoch again on restart; this record is what tells
 * the replay that every row of it was delivered and every bad row dead-lettered already.
 */
final class StreamingEpochs {
  static final int FORMAT_VERSION = 1;

  /** As many as Spark keeps of its own logs by default: only the last one is ever replayed. */
  static final int RETAINED = 100;

  private static final ObjectMapper JSON = new ObjectMapper();
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

  /** Records {@code epoch} committed with its counts, and forgets epochs long committed. */
  void record(String queryId, long epoch, LoadCounters totals) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("version", FORMAT_VERSION);
    doc.put("query_id", queryId);
    doc.put("epoch", epoch);
    doc.put("read", totals.read());
    doc.put("indexed", totals.indexed());
    doc.put("dead_lettered", totals.deadLettered());
    doc.put("skipped", totals.skippedByCheckpoint());
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
