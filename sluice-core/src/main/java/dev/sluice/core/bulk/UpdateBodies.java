package dev.sluice.core.bulk;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import dev.sluice.core.config.UpdateScript;

/**
 * The body lines of {@code update} and {@code upsert} actions, as elasticsearch-hadoop writes them:
 * {@code {"doc":…}} (plus {@code doc_as_upsert}) without a script; with one, {@code
 * {"script":{"source"|"id":…,"lang":…,"params":…}}} and, for upsert, the document as {@code upsert}
 * (or an empty one with {@code scripted_upsert}).
 */
final class UpdateBodies {
  private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();
  private static final byte[] DOC_PREFIX = bytes("{\"doc\":");
  private static final byte[] UPDATE_SUFFIX = bytes("}\n");
  private static final byte[] UPSERT_SUFFIX = bytes(",\"doc_as_upsert\":true}\n");
  private static final byte[] PARAMS = bytes(",\"params\":");
  private static final byte[] SCRIPT_UPDATE_END = bytes("}}\n");
  private static final byte[] UPSERT_DOC = bytes("},\"upsert\":");
  private static final byte[] SCRIPTED_UPSERT_END =
      bytes("},\"scripted_upsert\":true,\"upsert\":{}}\n");

  private final byte[] scriptHead;
  private final byte[] constantParams;
  private final boolean scriptedUpsert;

  /**
   * @param script the script of every update, or null for partial documents
   */
  UpdateBodies(UpdateScript script) {
    if (script == null) {
      scriptHead = null;
      constantParams = null;
      scriptedUpsert = false;
      return;
    }
    scriptHead =
        bytes(
            "{\"script\":{\""
                + (script.stored() ? "id" : "source")
                + "\":\""
                + quote(script.code())
                + "\""
                + (script.lang() == null ? "" : ",\"lang\":\"" + quote(script.lang()) + "\""));
    constantParams = script.paramsJson() == null ? null : bytes(script.paramsJson());
    scriptedUpsert = script.scriptedUpsert();
  }

  /** The chunks of an update or upsert: its action line, then its body. */
  byte[][] chunks(byte[] action, OpType op, Document d, byte[] source) {
    if (scriptHead == null) {
      return new byte[][] {
        action, DOC_PREFIX, source, op == OpType.UPSERT ? UPSERT_SUFFIX : UPDATE_SUFFIX
      };
    }
    byte[] params = d.scriptParams() != null ? d.scriptParams() : constantParams;
    byte[][] head =
        params == null
            ? new byte[][] {action, scriptHead}
            : new byte[][] {action, scriptHead, PARAMS, params};
    if (op == OpType.UPDATE) {
      return append(head, SCRIPT_UPDATE_END);
    }
    return scriptedUpsert
        ? append(head, SCRIPTED_UPSERT_END)
        : append(head, UPSERT_DOC, source, UPDATE_SUFFIX);
  }

  private static byte[][] append(byte[][] head, byte[]... tail) {
    byte[][] all = new byte[head.length + tail.length][];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  private static String quote(String text) {
    return new String(QUOTE.quoteAsString(text));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
