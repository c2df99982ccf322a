package dev.sluice.core.bulk;

import java.util.List;

/** One item of a bulk response. Error fields are null on success. */
record ItemResult(
    int status,
    String result,
    String errorType,
    String errorReason,
    String causedByType,
    String durability) {

  /** The results a success can have, as the parser hands them out (one instance each). */
  static final List<String> KNOWN_RESULTS =
      List.of("created", "updated", "deleted", "noop", "not_found");

  /** Shared answers for the usual successes: a load sees millions of them. */
  private static final List<ItemResult> COMMON =
      List.of(
          new ItemResult(201, "created", null, null, null, null),
          new ItemResult(200, "updated", null, null, null, null),
          new ItemResult(200, "noop", null, null, null, null),
          new ItemResult(200, "deleted", null, null, null, null),
          new ItemResult(404, "not_found", null, null, null, null));

  /** An item without an error; {@code result} as the parser gives it (null if absent). */
  static ItemResult withoutError(int status, String result) {
    for (ItemResult common : COMMON) {
      if (common.status == status && common.result.equals(result)) {
        return common;
      }
    }
    return new ItemResult(status, result, null, null, null, null);
  }

  boolean failed() {
    return errorType != null || (status >= 300 && !"not_found".equals(result));
  }

  /**
   * Has a status, and a result the engine knows if it succeeded: an item that cannot say what
   * happened to its document makes the whole response unreadable.
   */
  boolean wellFormed() {
    return status != 0 && (failed() || KNOWN_RESULTS.contains(result));
  }
}
