package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.BulkLoader;
import dev.sluice.core.Document;
import dev.sluice.core.LoadResult;
import dev.sluice.core.OpType;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.storage.LocalFileStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a dead-letter set's original documents again through the engine ({@link BulkLoader}, no
 * Spark): each record's source as it was, with its id (so nothing is duplicated), index and
 * operation. Records that never were documents (malformed input, no source) cannot be sent: they
 * are carried into the new set as they are. What fails again lands in the new set.
 */
final class Replayer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SluiceConfig config;
  private final String index;
  private final String idField;

  /**
   * @param index the index to send to instead of each record's, or null
   * @param idField a source field giving the id of records that have none, or null
   */
  Replayer(SluiceConfig config, String index, String idField) {
    this.config = config;
    this.index = index;
    this.idField = idField;
  }

  LoadResult replay(Path from, String writerId) throws InterruptedException {
    List<DeadLetterRecord> records = read(from);
    BulkLoader loader = BulkLoader.open(config, writerId);
    boolean closed = false;
    try {
      for (DeadLetterRecord r : records) {
        Document document = document(r);
        if (sendable(r)) {
          loader.add(document);
        } else {
          loader.deadLetter(document, DeadLetterStats.reason(r), r.reason());
        }
      }
      LoadResult result = loader.close();
      closed = true;
      return result;
    } finally {
      if (!closed) {
        loader.abort();
      }
    }
  }

  static boolean sendable(DeadLetterRecord r) {
    boolean delete = "delete".equalsIgnoreCase(r.op());
    return !MalformedRecords.ERROR_TYPE.equals(r.errorType()) && (delete || r.source() != null);
  }

  private Document document(DeadLetterRecord r) {
    String id = r.id() != null ? r.id() : idFromSource(r);
    OpType op = r.op() == null ? null : OpType.parse(r.op());
    return new Document(
        index != null ? index : r.index(), id, null, op, r.source(), "replay of " + r.position());
  }

  private String idFromSource(DeadLetterRecord r) {
    if (idField == null || r.source() == null || !sendable(r)) {
      return null;
    }
    try {
      JsonNode value = JSON.readTree(r.source()).path(idField);
      return value.isValueNode() && !value.isNull() ? value.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static List<DeadLetterRecord> read(Path from) {
    List<DeadLetterRecord> records = new ArrayList<>();
    try {
      new DeadLetterReader(new LocalFileStorage()).forEach(from.toString(), records::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dead letters in " + from, e);
    }
    return records;
  }
}
