package dev.sluice.core.bulk;

import dev.sluice.core.ClusterFatalException;
import dev.sluice.core.RetryBudgetExhaustedException;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.retry.Classification;

/** The job-level failures a response can prove, each saying what the user should do. */
final class FailureMessages {
  private final String target;

  /**
   * @param target where requests go: nodes and principal, never a secret
   */
  FailureMessages(String target) {
    this.target = target;
  }

  ClusterFatalException itemFatal(String index, Classification c, String errorReason) {
    return new ClusterFatalException(
        "Elasticsearch at "
            + target
            + " refused writing to index ["
            + index
            + "]: "
            + c.reason()
            + " ("
            + errorReason
            + "). This is not retried; fix the index or the permissions and rerun.");
  }

  RetryBudgetExhaustedException requestsKeptFailing(
      Classification c, String detail, String exhausted) {
    return new RetryBudgetExhaustedException(
        "Bulk requests to "
            + target
            + " kept failing ("
            + c.reason()
            + (detail == null ? "" : ": " + detail)
            + "); "
            + exhausted
            + ". Check that the cluster is up and reachable, or raise"
            + " "
            + ConfigKeys.RETRY_COUNT.name()
            + " / "
            + ConfigKeys.RETRY_BUDGET.name()
            + ".");
  }

  ClusterFatalException requestFatal(int status, Classification c, String detail, String index) {
    String what =
        switch (status) {
          case 401 ->
              "Elasticsearch at "
                  + target
                  + " rejected the credentials (401) while writing to index ["
                  + index
                  + "]. Check "
                  + ConfigKeys.AUTH_USER.name()
                  + "/pass, "
                  + ConfigKeys.API_KEY.name()
                  + " or "
                  + ConfigKeys.BEARER.name()
                  + ".";
          case 403 ->
              "Elasticsearch at "
                  + target
                  + " refused writing to index ["
                  + index
                  + "] (403). Grant that principal the write/index privileges on the index.";
          case 404 ->
              "The target index does not exist and cannot be created (404). Create it or enable "
                  + ConfigKeys.INDEX_AUTO_CREATE.name()
                  + " / action.auto_create_index.";
          default ->
              "Elasticsearch at "
                  + target
                  + " refused the bulk request ("
                  + (status == 0 ? "no response" : "HTTP " + status)
                  + ").";
        };
    return new ClusterFatalException(
        what + " Cause: " + c.reason() + (detail == null ? "" : " - " + detail));
  }
}
