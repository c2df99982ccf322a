package dev.sluice.core.retry;

import static dev.sluice.core.retry.FailureClass.ALREADY_DELIVERED;
import static dev.sluice.core.retry.FailureClass.DOCUMENT_REJECTED;
import static dev.sluice.core.retry.FailureClass.FATAL;
import static dev.sluice.core.retry.FailureClass.SEND_ALONE;
import static dev.sluice.core.retry.FailureClass.SUPERSEDED;
import static dev.sluice.core.retry.FailureClass.THROTTLED;
import static dev.sluice.core.retry.FailureClass.TRANSIENT;

import dev.sluice.core.OpType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The one place that decides what a failure means. A pure function of the signal; the table is in
 * the README ("Failure classification") and FailureClassifierTest has one test per row.
 */
public final class FailureClassifier {

  /** Error types of faults that pass once the cluster heals (shards move, nodes come back). */
  private static final Set<String> TRANSIENT_TYPES =
      Set.of(
          "unavailable_shards_exception",
          "no_shard_available_action_exception",
          "node_disconnected_exception",
          "node_not_connected_exception",
          "node_closed_exception",
          "connect_transport_exception",
          "receive_timeout_transport_exception",
          "process_cluster_event_timeout_exception",
          "elasticsearch_timeout_exception",
          "timeout_exception",
          "no_node_available_exception",
          "master_not_discovered_exception",
          "shard_not_in_primary_mode_exception");

  /** Wrappers whose caused_by says what really happened on the remote node. */
  private static final Set<String> WRAPPER_TYPES =
      Set.of("remote_transport_exception", "transport_serialization_exception");

  private FailureClassifier() {}

  public static Classification classify(FailureSignal signal) {
    return signal.exception() != null
        ? classifyException(signal.exception())
        : classifyHttp(signal);
  }

  private static Classification classifyHttp(FailureSignal s) {
    String type = effectiveType(s);
    String reason = type != null ? type : "http_" + s.status();
    boolean item = s.scope() == Scope.ITEM;
    int status = s.status();
    if (!item && status / 100 == 2) {
      // A success whose body does not account for every document: the cluster may have applied
      // any of them, so all are sent again, and nothing of it is counted.
      return new Classification(TRANSIENT, "malformed_bulk_response", true);
    }
    if ("circuit_breaking_exception".equals(type)) {
      // A PERMANENT breaker means this request can never fit, however long we wait.
      boolean permanent = "PERMANENT".equalsIgnoreCase(s.durability());
      return of(permanent ? (item ? DOCUMENT_REJECTED : FATAL) : THROTTLED, reason);
    }
    if ("es_rejected_execution_exception".equals(type)) {
      return of(THROTTLED, reason);
    }
    if ("cluster_block_exception".equals(type)) {
      return of(classifyBlock(status, s.reason()), reason);
    }
    if (status == 429) {
      return of(THROTTLED, reason);
    }
    if (status == 401 || status == 403 || "security_exception".equals(type)) {
      return of(FATAL, reason);
    }
    if ("index_not_found_exception".equals(type) || "index_closed_exception".equals(type)) {
      return of(FATAL, reason);
    }
    if (status == 502 || status == 504) {
      // A proxy or gateway answered, whatever type its body names (a 504 says timeout_exception):
      // the node behind it may have applied the bulk.
      return new Classification(TRANSIENT, reason, !item);
    }
    if (type != null && TRANSIENT_TYPES.contains(type)) {
      return of(TRANSIENT, reason);
    }
    if (status == 503) {
      return of(TRANSIENT, reason);
    }
    if (status == 409) {
      return of(classifyConflict(s, type), reason);
    }
    if (status == 413 && !item && s.documents() > 1) {
      // Too large together; alone, each may fit (one that does not is then rejected).
      return of(SEND_ALONE, reason);
    }
    if (status >= 500) {
      return new Classification(TRANSIENT, reason, !item);
    }
    if (status >= 400) {
      // Per item a 4xx is this document's fault (mapping, parsing, 413, missing doc for update);
      // for a whole request it is ours or the cluster's, and retrying will not help.
      return of(item || status == 413 ? DOCUMENT_REJECTED : FATAL, reason);
    }
    return of(FATAL, reason);
  }

  /**
   * An update conflicts with a concurrent change: re-running it reads the new version. On
   * index/create a conflict is final (the document exists, or a newer version won), except for a
   * create this load may have written itself: resent after an ambiguous failure, or replayed after
   * a crash or a retried task. A conflict on a document sent with an external version says the
   * index holds that version or a newer one: superseded, settled.
   */
  private static FailureClass classifyConflict(FailureSignal s, String type) {
    if (s.externalVersion() && "version_conflict_engine_exception".equals(type)) {
      return SUPERSEDED;
    }
    if (s.op() == OpType.UPDATE || s.op() == OpType.UPSERT) {
      return TRANSIENT;
    }
    boolean ours =
        s.op() == OpType.CREATE
            && s.mayBeApplied()
            && "version_conflict_engine_exception".equals(type);
    return ours ? ALREADY_DELIVERED : DOCUMENT_REJECTED;
  }

  /**
   * Disk flood stage puts a read-only-allow-delete block on the index, which Elasticsearch (7.4+)
   * lifts by itself once disk use falls: it is back-pressure, retried as THROTTLED within the time
   * budget. "No master" / "state not recovered" blocks pass when the cluster forms: TRANSIENT. Any
   * other block (index closed, read-only set by an operator) needs a human: FATAL.
   */
  private static FailureClass classifyBlock(int status, String reason) {
    String text = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    if (text.contains("read-only-allow-delete")
        || text.contains("read-only / allow delete")
        || text.contains("flood-stage")
        || text.contains("flood stage")) {
      return THROTTLED;
    }
    if (status == 503
        || text.contains("service_unavailable")
        || text.contains("no master")
        || text.contains("state not recovered")) {
      return TRANSIENT;
    }
    return FATAL;
  }

  private static Classification classifyException(Throwable e) {
    if (has(e, UnknownHostException.class)) {
      return of(FATAL, "unknown_host");
    }
    if (has(e, SSLHandshakeException.class) || has(e, SSLPeerUnverifiedException.class)) {
      return of(FATAL, "tls_handshake_failed");
    }
    if (has(e, ConnectException.class)) {
      return of(TRANSIENT, "connection_refused"); // nothing was sent
    }
    if (has(e, SocketTimeoutException.class) || has(e, TimeoutException.class)) {
      return new Classification(TRANSIENT, "timeout", true);
    }
    if (has(e, IOException.class)) {
      return new Classification(TRANSIENT, "connection_reset", true);
    }
    return of(FATAL, "client_error_" + e.getClass().getSimpleName());
  }

  private static String effectiveType(FailureSignal s) {
    String type = s.errorType();
    if (type != null && WRAPPER_TYPES.contains(type) && s.causedByType() != null) {
      return s.causedByType();
    }
    return type;
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Classification of(FailureClass failureClass, String reason) {
    return new Classification(failureClass, reason, false);
  }
}
