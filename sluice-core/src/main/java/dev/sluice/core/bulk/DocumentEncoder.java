package dev.sluice.core.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.core.ConfigException;
import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import dev.sluice.core.config.ConfigKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds a document's bulk lines once, when it is added. */
final class DocumentEncoder {
  private static final JsonFactory JSON = new JsonFactory();
  private static final byte[] NEWLINE = {'\n'};
  private static final byte[] DOC_PREFIX = "{\"doc\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] UPDATE_SUFFIX = "}\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] UPSERT_SUFFIX =
      ",\"doc_as_upsert\":true}\n".getBytes(StandardCharsets.UTF_8);

  private final String defaultIndex;
  private final OpType defaultOp;

  DocumentEncoder(String defaultIndex, OpType defaultOp) {
    this.defaultIndex = defaultIndex;
    this.defaultOp = defaultOp;
  }

  PendingDocument encode(long seq, Document d) {
    String index = d.index() != null ? d.index() : defaultIndex;
    OpType op = d.op() != null ? d.op() : defaultOp;
    if (index == null) {
      throw new ConfigException(
          ConfigKeys.RESOURCE.name(),
          "No target index: set es.resource (or give the document an index); document at "
              + d.position());
    }
    if (d.id() == null && op != OpType.INDEX && op != OpType.CREATE) {
      throw new IllegalArgumentException(
          op + " needs a document id (set es.mapping.id); document at " + d.position());
    }
    if (d.source() == null && op != OpType.DELETE) {
      throw new IllegalArgumentException(op + " needs a source; document at " + d.position());
    }
    byte[] action = action(op, index, d);
    List<byte[]> chunks =
        switch (op) {
          case DELETE -> List.of(action);
          case INDEX, CREATE -> List.of(action, singleLine(d.source()), NEWLINE);
          case UPDATE -> List.of(action, DOC_PREFIX, singleLine(d.source()), UPDATE_SUFFIX);
          case UPSERT -> List.of(action, DOC_PREFIX, singleLine(d.source()), UPSERT_SUFFIX);
        };
    return new PendingDocument(seq, d, index, op, chunks);
  }

  /** A record that never became a request: no bulk lines, only what the dead letter needs. */
  PendingDocument unsendable(long seq, Document d) {
    String index = d.index() != null ? d.index() : defaultIndex;
    OpType op = d.op() != null ? d.op() : defaultOp;
    return new PendingDocument(seq, d, index, op, List.of());
  }

  private static byte[] action(OpType op, String index, Document d) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart(op.action());
      g.writeStringField("_index", index);
      if (d.id() != null) {
        g.writeStringField("_id", d.id());
      }
      if (d.routing() != null) {
        g.writeStringField("routing", d.routing());
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * NDJSON needs the source on one line. Raw CR/LF bytes can only be whitespace between JSON tokens
   * (inside strings they must be escaped, and UTF-8 never uses those bytes in a multi-byte
   * character), so they become spaces. The common compact source is not copied.
   */
  static byte[] singleLine(byte[] source) {
    int i = 0;
    while (i < source.length && source[i] != '\n' && source[i] != '\r') {
      i++;
    }
    if (i == source.length) {
      return source;
    }
    byte[] copy = source.clone();
    for (; i < copy.length; i++) {
      if (copy[i] == '\n' || copy[i] == '\r') {
        copy[i] = ' ';
      }
    }
    return copy;
  }
}
