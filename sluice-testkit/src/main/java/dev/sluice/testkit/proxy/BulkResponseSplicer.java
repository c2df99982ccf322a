package dev.sluice.testkit.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Puts a rejected (429) item back at each removed item's position in a real {@code _bulk} response,
 * so the client sees the response Elasticsearch would give had it rejected those items.
 */
final class BulkResponseSplicer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BulkResponseSplicer() {}

  /**
   * @param upstreamBody the real response to the request without the removed items
   * @param items every item of the original request, in order
   * @param removed positions in {@code items} that were not forwarded
   * @param pathIndex the index named by the request path, or null
   * @throws IllegalArgumentException if the response is not a bulk response with one item per
   *     forwarded item
   */
  static byte[] splice(
      byte[] upstreamBody, List<BulkItem> items, Set<Integer> removed, String pathIndex) {
    ObjectNode response = readResponse(upstreamBody);
    JsonNode realItems = response.get("items");
    int forwarded = items.size() - removed.size();
    if (realItems == null || !realItems.isArray() || realItems.size() != forwarded) {
      throw new IllegalArgumentException(
          "upstream bulk response has "
              + (realItems == null ? "no items" : realItems.size() + " items")
              + ", expected "
              + forwarded);
    }
    ArrayNode spliced = JSON.createArrayNode();
    int next = 0;
    for (int position = 0; position < items.size(); position++) {
      if (removed.contains(position)) {
        spliced.add(rejected(items.get(position), pathIndex));
      } else {
        spliced.add(realItems.get(next++));
      }
    }
    response.set("items", spliced);
    if (!removed.isEmpty()) {
      response.put("errors", true);
    }
    return write(response);
  }

  /** The whole response when every item was removed and nothing was forwarded. */
  static byte[] allRejected(List<BulkItem> items, String pathIndex) {
    ObjectNode response = JSON.createObjectNode();
    response.put("took", 0);
    response.put("errors", true);
    ArrayNode array = response.putArray("items");
    for (BulkItem item : items) {
      array.add(rejected(item, pathIndex));
    }
    return write(response);
  }

  private static ObjectNode rejected(BulkItem item, String pathIndex) {
    ObjectNode result = JSON.createObjectNode();
    String index = item.index() != null ? item.index() : pathIndex;
    if (index != null) {
      result.put("_index", index);
    }
    if (item.id() != null) {
      result.put("_id", item.id());
    }
    result.put("status", 429);
    result.set("error", ErrorBodies.rejectedItemError());
    ObjectNode wrapper = JSON.createObjectNode();
    wrapper.set(item.action(), result);
    return wrapper;
  }

  private static ObjectNode readResponse(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node instanceof ObjectNode) {
        return (ObjectNode) node;
      }
      throw new IllegalArgumentException("upstream bulk response is not a JSON object");
    } catch (IOException e) {
      throw new IllegalArgumentException("upstream bulk response is not JSON", e);
    }
  }

  private static byte[] write(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot happen: serialising a parsed tree", e);
    }
  }
}
