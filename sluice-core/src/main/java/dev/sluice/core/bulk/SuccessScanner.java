package dev.sluice.core.bulk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the usual answer to a bulk request, one where every item succeeded, without a JSON parser:
 * {@code {"errors":false,"items":[{"index":{"result":"created","status":201}},...]}}, compact, as
 * Elasticsearch writes it through the transport's {@code filter_path}. Anything else, an error,
 * another field, a space, an escape, a result it does not know, and it gives up (null) so that the
 * full parser reads the response: it only ever answers what that parser would.
 *
 * <p>A load gets one item per document; a streaming JSON parser spent about as much time on them as
 * the rest of the response handling.
 */
final class SuccessScanner {
  private static final byte[] HEAD = ascii("{\"errors\":false,\"items\":[");
  private static final byte[] RESULT = ascii("\"result\":\"");
  private static final byte[] STATUS = ascii("\"status\":");
  private static final byte[][] OPS = {
    ascii("{\"index\":{"), ascii("{\"create\":{"), ascii("{\"update\":{"), ascii("{\"delete\":{")
  };
  private static final byte[][] KNOWN =
      ItemResult.KNOWN_RESULTS.stream().map(SuccessScanner::ascii).toArray(byte[][]::new);

  private final byte[] body;
  private int at;

  private SuccessScanner(byte[] body) {
    this.body = body;
  }

  /** The items, or null when the response is not one this scanner reads. */
  static List<ItemResult> scan(byte[] body, int expectedItems) {
    return new SuccessScanner(body).items(expectedItems);
  }

  private List<ItemResult> items(int expectedItems) {
    if (!skip(HEAD)) {
      return null;
    }
    List<ItemResult> items = new ArrayList<>(expectedItems);
    if (skip(']')) {
      return skip('}') && at == body.length ? items : null;
    }
    do {
      ItemResult item = item();
      if (item == null) {
        return null;
      }
      items.add(item);
    } while (skip(','));
    return skip(']') && skip('}') && at == body.length ? items : null;
  }

  private ItemResult item() {
    if (!skipOp()) {
      return null;
    }
    int status = 0;
    String result = null;
    do {
      if (result == null && skip(RESULT)) {
        result = knownResult();
        if (result == null) {
          return null;
        }
      } else if (status == 0 && skip(STATUS)) {
        status = status();
        if (status == 0) {
          return null;
        }
      } else {
        return null;
      }
    } while (skip(','));
    if (result == null || status == 0 || !skip('}') || !skip('}')) {
      return null;
    }
    return ItemResult.withoutError(status, result);
  }

  private boolean skipOp() {
    for (byte[] op : OPS) {
      if (skip(op)) {
        return true;
      }
    }
    return false;
  }

  /** The quoted result after its opening quote, as the shared string, or null. */
  private String knownResult() {
    for (int k = 0; k < KNOWN.length; k++) {
      byte[] known = KNOWN[k];
      if (matches(known) && at + known.length < body.length && body[at + known.length] == '"') {
        at += known.length + 1;
        return ItemResult.KNOWN_RESULTS.get(k);
      }
    }
    return null;
  }

  /** One to three digits, no leading zero; 0 if there are none such. */
  private int status() {
    int start = at;
    int value = 0;
    while (at < body.length && body[at] >= '0' && body[at] <= '9' && at - start < 3) {
      value = value * 10 + (body[at++] - '0');
    }
    boolean moreDigits = at < body.length && body[at] >= '0' && body[at] <= '9';
    return at == start || body[start] == '0' || moreDigits ? 0 : value;
  }

  private boolean skip(byte[] expected) {
    if (!matches(expected)) {
      return false;
    }
    at += expected.length;
    return true;
  }

  private boolean matches(byte[] expected) {
    if (at + expected.length > body.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (body[at + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private boolean skip(char expected) {
    if (at < body.length && body[at] == expected) {
      at++;
      return true;
    }
    return false;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
