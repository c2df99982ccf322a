package dev.sluice.testkit.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Elasticsearch-shaped JSON error bodies for injected faults. */
final class ErrorBodies {
  static final String MARK = " (injected by FaultProxy)";
  static final String REJECTED_TYPE = "es_rejected_execution_exception";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorBodies() {}

  /**
   * {@code {"error":{"type":...,"reason":...},"status":status}}; the type is what Elasticsearch (or
   * a gateway in front of it) answers with that status.
   */
  static byte[] forStatus(int status) {
    ObjectNode body = JSON.createObjectNode();
    body.set("error", error(typeFor(status), reasonFor(status)));
    body.put("status", status);
    return bytes(body);
  }

  /** The {@code error} object of a bulk item rejected with 429. */
  static ObjectNode rejectedItemError() {
    return error(REJECTED_TYPE, "rejected execution of bulk item on the write thread pool" + MARK);
  }

  /** Answered for the proxy's own trouble (upstream unreachable, ...): not an injected fault. */
  static byte[] proxyFailure(String message) {
    ObjectNode body = JSON.createObjectNode();
    body.set("error", error("fault_proxy_failure", message));
    body.put("status", 502);
    return bytes(body);
  }

  private static String typeFor(int status) {
    switch (status) {
      case 429:
        return REJECTED_TYPE;
      case 503:
        return "unavailable_shards_exception";
      case 504:
        return "timeout_exception";
      case 502:
        return "bad_gateway";
      default:
        return "injected_http_error";
    }
  }

  private static String reasonFor(int status) {
    if (status == 429) {
      return "rejected execution of coordinating operation" + MARK;
    }
    return "HTTP " + status + MARK;
  }

  private static ObjectNode error(String type, String reason) {
    ObjectNode error = JSON.createObjectNode();
    error.put("type", type);
    error.put("reason", reason);
    return error;
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot happen: serialising a tree of strings", e);
    }
  }
}
