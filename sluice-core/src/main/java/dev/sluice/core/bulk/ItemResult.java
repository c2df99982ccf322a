package dev.sluice.core.bulk;

/** One item of a bulk response. Error fields are null on success. */
record ItemResult(
    int status,
    String result,
    String errorType,
    String errorReason,
    String causedByType,
    String durability) {

  boolean failed() {
    return errorType != null || (status >= 300 && !"not_found".equals(result));
  }
}
