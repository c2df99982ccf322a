package dev.sluice.testkit.proxy;

import java.nio.charset.StandardCharsets;

/** Builds {@code _bulk} bodies for tests. */
final class Ndjson {
  private final StringBuilder text = new StringBuilder();

  Ndjson index(String index, String id) {
    return action("index", index, id).line("{\"field\":\"value of " + id + "\",\"n\":1}");
  }

  Ndjson create(String index, String id) {
    return action("create", index, id).line("{\"field\":\"created " + id + "\"}");
  }

  Ndjson update(String index, String id) {
    return action("update", index, id).line("{\"doc\":{\"field\":\"updated " + id + "\"}}");
  }

  Ndjson delete(String index, String id) {
    return action("delete", index, id);
  }

  /** An index action with no {@code _index} and no {@code _id}: both come from elsewhere. */
  Ndjson indexAutoId() {
    return line("{\"index\":{}}").line("{\"field\":\"auto\"}");
  }

  static byte[] indexActions(String index, int count) {
    Ndjson body = new Ndjson();
    for (int i = 0; i < count; i++) {
      body.index(index, Integer.toString(i));
    }
    return body.bytes();
  }

  byte[] bytes() {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private Ndjson action(String action, String index, String id) {
    StringBuilder meta = new StringBuilder();
    if (index != null) {
      meta.append("\"_index\":\"").append(index).append('"');
    }
    if (id != null) {
      meta.append(meta.length() > 0 ? "," : "").append("\"_id\":\"").append(id).append('"');
    }
    return line("{\"" + action + "\":{" + meta + "}}");
  }

  private Ndjson line(String line) {
    text.append(line).append('\n');
    return this;
  }
}
