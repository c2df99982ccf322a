package dev.sluice.core.retry;

import static dev.sluice.core.retry.FailureClass.DOCUMENT_REJECTED;
import static dev.sluice.core.retry.FailureClass.FATAL;
import static dev.sluice.core.retry.FailureClass.THROTTLED;
import static dev.sluice.core.retry.FailureClass.TRANSIENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.OpType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.http.ConnectionClosedException;
import org.junit.jupiter.api.Test;

/** One test per row of the classification table (README, "Failure classification"). */
class FailureClassifierTest {

  private static FailureClass item(int status, String type) {
    return item(status, type, null, OpType.INDEX);
  }

  private static FailureClass item(int status, String type, String durability, OpType op) {
    return FailureClassifier.classify(
            FailureSignal.item(status, type, "r", null, durability, op, false, false))
        .failureClass();
  }

  private static Classification request(int status, String type, String reason) {
    return FailureClassifier.classify(FailureSignal.response(status, type, reason));
  }

  private static Classification transport(Throwable e) {
    return FailureClassifier.classify(FailureSignal.transport(e));
  }

  @Test
  void status429IsThrottled() {
    assertThat(request(429, null, null).failureClass()).isEqualTo(THROTTLED);
    assertThat(item(429, null)).isEqualTo(THROTTLED);
  }

  @Test
  void rejectedExecutionIsThrottled() {
    assertThat(item(429, "es_rejected_execution_exception")).isEqualTo(THROTTLED);
    assertThat(request(500, "es_rejected_execution_exception", null).failureClass())
        .isEqualTo(THROTTLED);
  }

  @Test
  void rejectedExecutionWrappedInARemoteTransportExceptionIsThrottled() {
    Classification c =
        FailureClassifier.classify(
            FailureSignal.item(
                500,
                "remote_transport_exception",
                "r",
                "es_rejected_execution_exception",
                null,
                OpType.INDEX,
                false,
                false));
    assertThat(c.failureClass()).isEqualTo(THROTTLED);
  }

  @Test
  void transientCircuitBreakerIsThrottledAndPermanentIsNot() {
    assertThat(item(429, "circuit_breaking_exception", "TRANSIENT", OpType.INDEX))
        .isEqualTo(THROTTLED);
    assertThat(item(429, "circuit_breaking_exception", "PERMANENT", OpType.INDEX))
        .isEqualTo(DOCUMENT_REJECTED);
    assertThat(
            FailureClassifier.classify(
                    new FailureSignal(
                        Scope.REQUEST,
                        429,
                        "circuit_breaking_exception",
                        "r",
                        null,
                        "PERMANENT",
                        null,
                        null,
                        false,
                        10,
                        false))
                .failureClass())
        .isEqualTo(FATAL);
  }

  @Test
  void gatewayErrorsAreTransientAndMayHaveBeenApplied() {
    assertThat(request(502, null, null)).isEqualTo(new Classification(TRANSIENT, "http_502", true));
    assertThat(request(504, null, null)).isEqualTo(new Classification(TRANSIENT, "http_504", true));
    assertThat(request(503, null, null))
        .isEqualTo(new Classification(TRANSIENT, "http_503", false));
  }

  /** Whatever the body says, a gateway answered: the node behind it may have applied the bulk. */
  @Test
  void aGatewayErrorWithATransientTypeMayStillHaveBeenApplied() {
    assertThat(request(504, "timeout_exception", "timed out").possiblyApplied()).isTrue();
    assertThat(request(502, "node_disconnected_exception", "gone").possiblyApplied()).isTrue();
    assertThat(request(503, "unavailable_shards_exception", "no").possiblyApplied()).isFalse();
  }

  @Test
  void shardAndNodeFaultsAreTransient() {
    for (String type :
        new String[] {
          "unavailable_shards_exception",
          "node_disconnected_exception",
          "node_not_connected_exception",
          "no_shard_available_action_exception"
        }) {
      assertThat(item(503, type)).as(type).isEqualTo(TRANSIENT);
    }
  }

  @Test
  void connectionRefusedIsTransientAndNotApplied() {
    assertThat(transport(new ConnectException("refused")))
        .isEqualTo(new Classification(TRANSIENT, "connection_refused", false));
  }

  @Test
  void connectionResetIsTransientAndMayHaveBeenApplied() {
    assertThat(transport(new SocketException("Connection reset")))
        .isEqualTo(new Classification(TRANSIENT, "connection_reset", true));
    assertThat(transport(new ConnectionClosedException("closed")).failureClass())
        .isEqualTo(TRANSIENT);
  }

  @Test
  void timeoutsAreTransient() {
    assertThat(transport(new SocketTimeoutException("30,000 milliseconds")))
        .isEqualTo(new Classification(TRANSIENT, "timeout", true));
    assertThat(transport(new IOException("wrapped", new SocketTimeoutException())).reason())
        .isEqualTo("timeout");
  }

  @Test
  void mappingAndParsingErrorsRejectTheDocument() {
    assertThat(item(400, "mapper_parsing_exception")).isEqualTo(DOCUMENT_REJECTED);
    assertThat(item(400, "document_parsing_exception")).isEqualTo(DOCUMENT_REJECTED);
    assertThat(item(400, "illegal_argument_exception")).isEqualTo(DOCUMENT_REJECTED);
    assertThat(item(400, "strict_dynamic_mapping_exception")).isEqualTo(DOCUMENT_REJECTED);
  }

  @Test
  void conflictOnCreateRejectsButOnUpdateRetries() {
    assertThat(item(409, "version_conflict_engine_exception", null, OpType.CREATE))
        .isEqualTo(DOCUMENT_REJECTED);
    assertThat(item(409, "version_conflict_engine_exception", null, OpType.UPDATE))
        .isEqualTo(TRANSIENT);
  }

  /**
   * es.mapping.version: a 409 on a document sent with an external version means the index holds
   * that version or a newer one. elasticsearch-hadoop fails the job; a resumable loader re-sends
   * rows an earlier run wrote, so Sluice settles it as indexed (superseded), for every op.
   */
  @Test
  void versionConflictOnAnExternallyVersionedDocumentIsSuperseded() {
    String conflict = "version_conflict_engine_exception";
    for (OpType op : OpType.values()) {
      assertThat(classify(FailureSignal.item(409, conflict, "r", null, null, op, false, true)))
          .as(op.name())
          .isEqualTo(new Classification(FailureClass.SUPERSEDED, conflict, false));
    }
    // Only a version conflict: another 409 or a mapping error keeps its class.
    assertThat(
            classify(FailureSignal.item(409, "other", "r", null, null, OpType.INDEX, false, true)))
        .extracting(Classification::failureClass)
        .isEqualTo(DOCUMENT_REJECTED);
    assertThat(
            classify(
                FailureSignal.item(
                    400, "mapper_parsing_exception", "r", null, null, OpType.INDEX, false, true)))
        .extracting(Classification::failureClass)
        .isEqualTo(DOCUMENT_REJECTED);
  }

  @Test
  void conflictOnACreateThisLoadMayHaveWrittenIsAlreadyDelivered() {
    String conflict = "version_conflict_engine_exception";
    assertThat(
            classify(
                FailureSignal.item(409, conflict, "r", null, null, OpType.CREATE, true, false)))
        .isEqualTo(new Classification(FailureClass.ALREADY_DELIVERED, conflict, false));
    // Only a create, and only a version conflict, is forgiven.
    assertThat(
            classify(FailureSignal.item(409, conflict, "r", null, null, OpType.INDEX, true, false)))
        .extracting(Classification::failureClass)
        .isEqualTo(DOCUMENT_REJECTED);
    assertThat(
            classify(FailureSignal.item(409, "other", "r", null, null, OpType.CREATE, true, false)))
        .extracting(Classification::failureClass)
        .isEqualTo(DOCUMENT_REJECTED);
  }

  @Test
  void tooLargeItemIsRejectedAndATooLargeRequestIsSentOneByOne() {
    assertThat(item(413, null)).isEqualTo(DOCUMENT_REJECTED);
    assertThat(request(413, null, null).failureClass()).isEqualTo(DOCUMENT_REJECTED);
    assertThat(classify(FailureSignal.response(413, null, null, 2)).failureClass())
        .isEqualTo(FailureClass.SEND_ALONE);
  }

  @Test
  void aSuccessThatDoesNotAccountForEveryDocumentIsMalformedAndMayHaveBeenApplied() {
    assertThat(classify(FailureSignal.malformedResponse(200, 10)))
        .isEqualTo(new Classification(TRANSIENT, "malformed_bulk_response", true));
  }

  private static Classification classify(FailureSignal signal) {
    return FailureClassifier.classify(signal);
  }

  @Test
  void authenticationAndAuthorizationAreFatal() {
    assertThat(request(401, "security_exception", "unable to authenticate").failureClass())
        .isEqualTo(FATAL);
    assertThat(request(403, "security_exception", "unauthorized").failureClass()).isEqualTo(FATAL);
    assertThat(item(403, "security_exception")).isEqualTo(FATAL);
  }

  @Test
  void missingOrClosedIndexIsFatal() {
    assertThat(item(404, "index_not_found_exception")).isEqualTo(FATAL);
    assertThat(request(404, "index_not_found_exception", "no such index").failureClass())
        .isEqualTo(FATAL);
    assertThat(item(400, "index_closed_exception")).isEqualTo(FATAL);
  }

  @Test
  void writeBlocksAreFatalExceptTheDiskFloodStageWhichIsThrottled() {
    assertThat(
            request(
                    403,
                    "cluster_block_exception",
                    "index [x] blocked by: [FORBIDDEN/8/index write (api)];")
                .failureClass())
        .isEqualTo(FATAL);
    assertThat(
            request(
                    429,
                    "cluster_block_exception",
                    "index [x] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage"
                        + " watermark, index has read-only-allow-delete block];")
                .failureClass())
        .isEqualTo(THROTTLED);
    assertThat(
            request(
                    403,
                    "cluster_block_exception",
                    "blocked by: [FORBIDDEN/12/index read-only / allow delete (api)];")
                .failureClass())
        .isEqualTo(THROTTLED);
    assertThat(
            request(
                    503,
                    "cluster_block_exception",
                    "blocked by: [SERVICE_UNAVAILABLE/2/no master];")
                .failureClass())
        .isEqualTo(TRANSIENT);
  }

  @Test
  void misconfiguredEndpointsAreFatal() {
    assertThat(transport(new UnknownHostException("nosuchhost")).failureClass()).isEqualTo(FATAL);
    assertThat(transport(new SSLHandshakeException("PKIX path")).failureClass()).isEqualTo(FATAL);
    assertThat(request(400, "parse_exception", "malformed").failureClass()).isEqualTo(FATAL);
  }

  @Test
  void otherServerErrorsAreTransientAndOtherItemErrorsRejectTheDocument() {
    assertThat(request(500, null, null).failureClass()).isEqualTo(TRANSIENT);
    assertThat(item(500, "some_new_exception")).isEqualTo(TRANSIENT);
    assertThat(item(404, "document_missing_exception")).isEqualTo(DOCUMENT_REJECTED);
  }
}
