package dev.sluice.core.transport;

import dev.sluice.core.config.ConfigKeys;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Rewrites TLS failures into ones that say what to do. The type is kept (the classifier makes
 * handshake and peer-verification failures FATAL, so they are not retried) and the original is the
 * cause.
 */
final class TlsFailures {
  private TlsFailures() {}

  static Exception explain(Exception failure, String nodes) {
    SSLPeerUnverifiedException peer = find(failure, SSLPeerUnverifiedException.class);
    if (peer != null) {
      return withCause(
          new SSLPeerUnverifiedException(
              "TLS host name check failed for "
                  + nodes
                  + ": "
                  + peer.getMessage()
                  + ". Connect with a host name that the certificate names, or set"
                  + " "
                  + ConfigKeys.SSL_VERIFY_HOSTNAME.name()
                  + "=false (insecure)."),
          failure);
    }
    SSLHandshakeException handshake = find(failure, SSLHandshakeException.class);
    if (handshake != null) {
      return withCause(
          new SSLHandshakeException(
              "TLS handshake with "
                  + nodes
                  + " failed: "
                  + rootMessage(handshake)
                  + ". If the cluster's certificate comes from your own CA, give the CA with"
                  + " "
                  + ConfigKeys.SSL_CA_PEM.name()
                  + " (PEM) or "
                  + ConfigKeys.TRUSTSTORE_LOCATION.name()
                  + "."),
          failure);
    }
    SSLException plain = find(failure, SSLException.class);
    if (plain != null
        && plain.getMessage() != null
        && plain.getMessage().contains("Unsupported or unrecognized SSL message")) {
      return withCause(
          new SSLHandshakeException(
              "TLS handshake with "
                  + nodes
                  + " failed: the node does not speak TLS on this port. Use http:// (or"
                  + " "
                  + ConfigKeys.SSL.name()
                  + "=false) for it."),
          failure);
    }
    return failure;
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : failure.getMessage();
  }

  private static <T extends Exception> T withCause(T explained, Exception cause) {
    explained.initCause(cause);
    return explained;
  }
}
