package dev.sluice.core.retry;

import dev.sluice.core.OpType;

/**
 * Everything the classifier looks at. For an HTTP answer: status and the Elasticsearch error; for a
 * transport failure: the exception (status 0).
 *
 * @param errorType Elasticsearch {@code error.type}, or null
 * @param durability {@code error.durability} of a circuit_breaking_exception, or null
 * @param mayBeApplied for an item: an earlier send of this document by this load, or an earlier
 *     attempt of the load, may have been applied (so a conflict on create may be our own write)
 * @param documents for a whole request: how many documents it carried
 * @param externalVersion for an item: it carried an external version ({@code es.mapping.version}),
 *     so a version conflict means the index holds that version or a newer one
 */
public record FailureSignal(
    Scope scope,
    int status,
    String errorType,
    String reason,
    String causedByType,
    String durability,
    OpType op,
    Throwable exception,
    boolean mayBeApplied,
    int documents,
    boolean externalVersion) {

  /** An item's signal; {@code externalVersion}: it carried one (es.mapping.version). */
  public static FailureSignal item(
      int status,
      String errorType,
      String reason,
      String causedByType,
      String durability,
      OpType op,
      boolean mayBeApplied,
      boolean externalVersion) {
    return new FailureSignal(
        Scope.ITEM,
        status,
        errorType,
        reason,
        causedByType,
        durability,
        op,
        null,
        mayBeApplied,
        1,
        externalVersion);
  }

  public static FailureSignal response(int status, String errorType, String reason) {
    return response(status, errorType, reason, 1);
  }

  public static FailureSignal response(int status, String errorType, String reason, int documents) {
    return new FailureSignal(
        Scope.REQUEST, status, errorType, reason, null, null, null, null, false, documents, false);
  }

  /**
   * A 2xx answer whose body does not account for every document (cut, garbled, an item without a
   * status or with an unknown result).
   */
  public static FailureSignal malformedResponse(int status, int documents) {
    return new FailureSignal(
        Scope.REQUEST, status, null, null, null, null, null, null, false, documents, false);
  }

  public static FailureSignal transport(Throwable exception) {
    return new FailureSignal(
        Scope.REQUEST, 0, null, null, null, null, null, exception, false, 1, false);
  }
}
