package dev.sluice.core.retry;

import dev.sluice.core.OpType;

/**
 * Everything the classifier looks at. For an HTTP answer: status and the Elasticsearch error; for a
 * transport failure: the exception (status 0).
 *
 * @param errorType Elasticsearch {@code error.type}, or null
 * @param durability {@code error.durability} of a circuit_breaking_exception, or null
 */
public record FailureSignal(
    Scope scope,
    int status,
    String errorType,
    String reason,
    String causedByType,
    String durability,
    OpType op,
    Throwable exception) {

  public static FailureSignal item(
      int status,
      String errorType,
      String reason,
      String causedByType,
      String durability,
      OpType op) {
    return new FailureSignal(
        Scope.ITEM, status, errorType, reason, causedByType, durability, op, null);
  }

  public static FailureSignal response(int status, String errorType, String reason) {
    return new FailureSignal(Scope.REQUEST, status, errorType, reason, null, null, null, null);
  }

  public static FailureSignal transport(Throwable exception) {
    return new FailureSignal(Scope.REQUEST, 0, null, null, null, null, null, exception);
  }
}
