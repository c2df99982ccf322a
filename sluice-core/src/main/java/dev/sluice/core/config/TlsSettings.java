package dev.sluice.core.config;

import java.io.Serializable;

/**
 * How to trust the cluster and, optionally, prove who we are with a client certificate. With no CA
 * file, no trust store and no self-signed allowance, the JVM's trust store decides.
 *
 * @param caPemPath PEM file of CA certificates to trust, or null
 * @param truststorePath trust store file, or null
 * @param keystorePath key store holding the client certificate and key, or null
 * @param allowSelfSigned trust a server that shows a single self-signed certificate
 * @param verifyHostname check that the server certificate names the host connected to
 */
public record TlsSettings(
    String caPemPath,
    String truststorePath,
    Secret truststorePassword,
    String truststoreType,
    String keystorePath,
    Secret keystorePassword,
    String keystoreType,
    boolean allowSelfSigned,
    boolean verifyHostname)
    implements Serializable {

  /** True when the JVM's default TLS setup is not enough. */
  public boolean customized() {
    return caPemPath != null
        || truststorePath != null
        || keystorePath != null
        || allowSelfSigned
        || !verifyHostname;
  }
}
