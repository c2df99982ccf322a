package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.Attempt;
import dev.sluice.core.BulkLoader;
import dev.sluice.core.Document;
import dev.sluice.core.LoadListener;
import dev.sluice.core.LoadResult;
import dev.sluice.core.OpType;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.bulk.EngineContext;
import dev.sluice.core.config.IndexNames;
import dev.sluice.core.deadletter.DeadLetterReader;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.storage.LocalFileStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Sends a dead-letter set's original documents again through the engine ({@link BulkLoader}, no
 * Spark): each record's action as it was — source, id (so nothing is duplicated), index (the one a
 * pattern chose), operation, routing, version and script params. A record of format 1 kept no
 * routing, version or params: its document is sent without them. Records that never were documents
 * (malformed input, no source) cannot be sent: they are carried into the new set as they are. What
 * fails again lands in the new set.
 */
final class Replayer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SluiceConfig config;
  private final String index;
  private final String idField;
  private final boolean fixedIndex;

  /**
   * @param config the replay's options; its version type and script must be those the records were
   *     sent with ({@link ReplayRules})
   * @param index the index to send to instead of each record's, or null
   * @param idField a source field giving the id of records that have none, or null
   */
  Replayer(SluiceConfig config, String index, String idField) {
    this.config = config;
    this.index = index;
    this.idField = idField;
    String configured = config.defaultIndex();
    this.fixedIndex = configured != null && !IndexNames.isPattern(configured);
  }

  /**
   * @param attempt {@link Attempt#REPLAY} when an earlier replay of the same records may have
   *     delivered some ({@link ReplayStart})
   */
  LoadResult replay(List<DeadLetterRecord> records, String writerId, Attempt attempt)
      throws InterruptedException {
    return BulkLoader.open(config, writerId, LoadListener.NONE, EngineContext.defaults(), attempt)
        .closeAfter(
            loader -> {
              for (DeadLetterRecord r : records) {
                Document document = document(r);
                if (sends(r)) {
                  loader.add(document);
                } else {
                  loader.deadLetter(document, DeadLetterStats.reason(r), r.reason());
                }
              }
            });
  }

  /**
   * Whether the record's document is sent: it was one, and it has an index to go to. A row that a
   * pattern-indexed load dead-lettered before the pattern chose its index has none unless {@code
   * --index} gives one: it is carried, not sent to the pattern's literal name.
   */
  boolean sends(DeadLetterRecord r) {
    return sendable(r) && (index != null || r.index() != null || fixedIndex);
  }

  static boolean sendable(DeadLetterRecord r) {
    boolean delete = "delete".equalsIgnoreCase(r.op());
    return !MalformedRecords.ERROR_TYPE.equals(r.errorType()) && (delete || r.source() != null);
  }

  /** The document whose action is the record's: everything the record kept, as it was. */
  Document document(DeadLetterRecord r) {
    String id = r.id() != null ? r.id() : idFromSource(r);
    OpType op = r.op() == null ? null : OpType.parse(r.op());
    return new Document(
        index != null ? index : r.index(),
        id,
        r.routing(),
        op,
        r.source(),
        "replay of " + r.position(),
        r.version(),
        r.scriptParams());
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

  static List<DeadLetterRecord> read(Path from) {
    try {
      return new DeadLetterReader(new LocalFileStorage()).readAll(from.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dead letters in " + from, e);
    }
  }
}
