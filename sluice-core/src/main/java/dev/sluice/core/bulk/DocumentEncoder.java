package dev.sluice.core.bulk;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.sluice.core.ConfigException;
import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import dev.sluice.core.config.ActionOptions;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.config.IndexNames;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** Builds a document's bulk lines once, when it is added. */
final class DocumentEncoder {
  private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();
  private static final byte[] ID_FIELD = ",\"_id\":\"".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ROUTING_FIELD = ",\"routing\":\"".getBytes(StandardCharsets.UTF_8);
  private static final byte[] VERSION_FIELD = ",\"version\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NEWLINE = {'\n'};

  private final String defaultIndex;
  private final OpType defaultOp;
  private final byte[] versionType;
  private final Map<OpType, byte[]> actionEnds = new EnumMap<>(OpType.class);
  private final UpdateBodies updateBodies;
  private final Map<String, byte[]> actionPrefixes = new HashMap<>();
  private final Map<String, byte[]> bareActions = new HashMap<>();
  // The last prefix used: nearly every document has the same index and op as the one before.
  private OpType lastOp;
  private String lastIndex;
  private byte[] lastPrefix;
  private byte[] lastBare; // null until a document of lastOp and lastIndex had no id

  DocumentEncoder(String defaultIndex, OpType defaultOp) {
    this(defaultIndex, defaultOp, ActionOptions.NONE);
  }

  /**
   * @param defaultIndex the index of documents that name none; a pattern is no index (each document
   *     of a pattern load names its own)
   */
  DocumentEncoder(String defaultIndex, OpType defaultOp, ActionOptions actions) {
    this.defaultIndex =
        defaultIndex == null || IndexNames.isPattern(defaultIndex) ? null : defaultIndex;
    this.defaultOp = defaultOp;
    this.versionType =
        ("," + quoted("version_type") + ":" + quoted(actions.versionType()))
            .getBytes(StandardCharsets.UTF_8);
    for (OpType op : OpType.values()) {
      StringBuilder end = new StringBuilder();
      if (actions.pipeline() != null && (op == OpType.INDEX || op == OpType.CREATE)) {
        end.append(',').append(quoted("pipeline")).append(':').append(quoted(actions.pipeline()));
      }
      if (actions.retryOnConflict() > 0 && (op == OpType.UPDATE || op == OpType.UPSERT)) {
        end.append(",\"retry_on_conflict\":").append(actions.retryOnConflict());
      }
      actionEnds.put(op, end.append("}}\n").toString().getBytes(StandardCharsets.UTF_8));
    }
    this.updateBodies = new UpdateBodies(actions.script());
  }

  private static String quoted(String text) {
    return '"' + new String(QUOTE.quoteAsString(text)) + '"';
  }

  PendingDocument encode(long seq, Document d) {
    String index = d.index() != null ? d.index() : defaultIndex;
    OpType op = d.op() != null ? d.op() : defaultOp;
    if (index == null) {
      throw new ConfigException(
          ConfigKeys.RESOURCE.name(),
          "No target index: set "
              + ConfigKeys.RESOURCE.name()
              + " (or give the document an index; a pattern gives each its own); document at "
              + d.position());
    }
    if (d.id() == null && op != OpType.INDEX && op != OpType.CREATE) {
      throw new IllegalArgumentException(
          op
              + " needs a document id (set "
              + ConfigKeys.MAPPING_ID.name()
              + "); document at "
              + d.position());
    }
    if (d.source() == null && op != OpType.DELETE) {
      throw new IllegalArgumentException(op + " needs a source; document at " + d.position());
    }
    byte[] action = action(op, index, d);
    byte[] source = d.source();
    byte[][] chunks =
        switch (op) {
          case DELETE -> new byte[][] {action};
          case INDEX, CREATE -> new byte[][] {action, source, NEWLINE};
          case UPDATE, UPSERT -> updateBodies.chunks(action, op, d, source);
        };
    // A delete has no source; a source its writer vouches for is not looked at again. Any other is
    // made one line as it is copied out (BulkBody), not here: that would read it twice.
    int unchecked = source == null || d.sourceOnOneLine() ? -1 : indexOf(chunks, source);
    return new PendingDocument(seq, d, index, op, unchecked, chunks);
  }

  private static int indexOf(byte[][] chunks, byte[] chunk) {
    for (int i = 0; i < chunks.length; i++) {
      if (chunks[i] == chunk) {
        return i;
      }
    }
    return -1;
  }

  /** A record that never became a request: no bulk lines, only what the dead letter needs. */
  PendingDocument unsendable(long seq, Document d) {
    String index = d.index() != null ? d.index() : defaultIndex;
    OpType op = d.op() != null ? d.op() : defaultOp;
    return new PendingDocument(seq, d, index, op);
  }

  /**
   * {@code {"<op>":{"_index":"<index>","_id":"<id>","routing":"<routing>","version":<n>,
   * "version_type":"<type>"<pipeline or retry_on_conflict>}}} and a newline, with JSON string
   * escaping; byte for byte what Jackson's generator writes, without creating a generator per
   * document (the benchmark found that a visible share of {@code add()}'s time).
   */
  private byte[] action(OpType op, String index, Document d) {
    byte[] prefix = prefix(op, index);
    byte[] end = actionEnds.get(op);
    if (d.routing() == null && d.version() == null) {
      if (d.id() == null) {
        return bareAction(op, index); // the same line for every such document: shared
      }
      if (needsNoEscape(d.id())) {
        return plainIdAction(prefix, d.id(), end);
      }
    }
    byte[] id = d.id() == null ? null : QUOTE.quoteAsUTF8(d.id());
    byte[] routing = d.routing() == null ? null : QUOTE.quoteAsUTF8(d.routing());
    byte[] version =
        d.version() == null ? null : d.version().toString().getBytes(StandardCharsets.UTF_8);
    int size =
        prefix.length
            + (id == null ? 0 : ID_FIELD.length + id.length + 1)
            + (routing == null ? 0 : ROUTING_FIELD.length + routing.length + 1)
            + (version == null ? 0 : VERSION_FIELD.length + version.length + versionType.length)
            + end.length;
    byte[] line = new byte[size];
    int at = put(line, 0, prefix);
    if (id != null) {
      at = put(line, at, ID_FIELD);
      at = put(line, at, id);
      line[at++] = '"';
    }
    if (routing != null) {
      at = put(line, at, ROUTING_FIELD);
      at = put(line, at, routing);
      line[at++] = '"';
    }
    if (version != null) {
      at = put(line, at, VERSION_FIELD);
      at = put(line, at, version);
      at = put(line, at, versionType);
    }
    put(line, at, end);
    return line;
  }

  /** The common case: an id of printable ASCII, written as it is, with no array in between. */
  private static byte[] plainIdAction(byte[] prefix, String id, byte[] end) {
    byte[] line = new byte[prefix.length + ID_FIELD.length + id.length() + 1 + end.length];
    int at = put(line, 0, prefix);
    at = put(line, at, ID_FIELD);
    for (int i = 0; i < id.length(); i++) {
      line[at++] = (byte) id.charAt(i);
    }
    line[at++] = '"';
    put(line, at, end);
    return line;
  }

  /** Printable ASCII without a quote or backslash: JSON needs no escape and UTF-8 is one byte. */
  private static boolean needsNoEscape(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /**
   * The action line of a document with no id, routing or version: nothing of its own, so one array
   * serves them all. Called right after {@link #prefix}, whose op and index it shares.
   */
  private byte[] bareAction(OpType op, String index) {
    if (lastBare == null) {
      byte[] end = actionEnds.get(op);
      lastBare =
          bareActions.computeIfAbsent(
              op.action() + '\u0000' + index,
              k -> {
                byte[] line = new byte[lastPrefix.length + end.length];
                put(line, put(line, 0, lastPrefix), end);
                return line;
              });
    }
    return lastBare;
  }

  private byte[] prefix(OpType op, String index) {
    if (op != lastOp || !index.equals(lastIndex)) {
      lastPrefix =
          actionPrefixes.computeIfAbsent(op.action() + '\u0000' + index, k -> newPrefix(op, index));
      lastOp = op;
      lastIndex = index;
      lastBare = null;
    }
    return lastPrefix;
  }

  private static byte[] newPrefix(OpType op, String index) {
    return ("{\""
            + new String(QUOTE.quoteAsString(op.action()))
            + "\":{\"_index\":\""
            + new String(QUOTE.quoteAsString(index))
            + "\"")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static int put(byte[] target, int at, byte[] bytes) {
    System.arraycopy(bytes, 0, target, at, bytes.length);
    return at + bytes.length;
  }
}
