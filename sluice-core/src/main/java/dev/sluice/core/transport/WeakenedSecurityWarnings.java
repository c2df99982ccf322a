package dev.sluice.core.transport;

import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.config.ConnectionSettings;
import dev.sluice.core.config.TlsSettings;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Warnings, once per JVM each, for a connection the user asked to make less safe. */
final class WeakenedSecurityWarnings {
  private static final Logger LOG = LoggerFactory.getLogger(RestClientTransport.class);
  private static final AtomicBoolean HOSTNAME_WARNED = new AtomicBoolean();
  private static final AtomicBoolean SELF_SIGNED_WARNED = new AtomicBoolean();
  private static final AtomicBoolean PLAIN_HTTP_WARNED = new AtomicBoolean();

  private WeakenedSecurityWarnings() {}

  /** Once per JVM each: the user asked for less safety, and should see it in the log. */
  static void warn(ConnectionSettings settings, Authorization auth, String nodes) {
    TlsSettings tls = settings.tls();
    if (!tls.verifyHostname() && HOSTNAME_WARNED.compareAndSet(false, true)) {
      LOG.warn(
          "TLS host name verification is OFF ("
              + ConfigKeys.SSL_VERIFY_HOSTNAME.name()
              + "=false) for {}:"
              + " anyone holding a certificate your trust store accepts can impersonate the"
              + " cluster. Use it only for testing.",
          nodes);
    }
    if (tls.allowSelfSigned() && SELF_SIGNED_WARNED.compareAndSet(false, true)) {
      LOG.warn(
          "Any self-signed server certificate is trusted ("
              + ConfigKeys.SSL_ALLOW_SELF_SIGNED.name()
              + "=true)"
              + " for {}; prefer giving the CA with "
              + ConfigKeys.SSL_CA_PEM.name()
              + ".",
          nodes);
    }
    boolean plainHttp = settings.nodes().stream().anyMatch(n -> "http".equals(n.scheme()));
    if (auth.header() != null && plainHttp && PLAIN_HTTP_WARNED.compareAndSet(false, true)) {
      LOG.warn(
          "Credentials ({}) are sent over plain http to {}; use https ("
              + ConfigKeys.SSL.name()
              + "=true).",
          auth.principal(),
          nodes);
    }
  }
}
