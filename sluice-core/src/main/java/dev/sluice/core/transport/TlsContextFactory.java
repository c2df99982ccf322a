package dev.sluice.core.transport;

import dev.sluice.core.ConfigException;
import dev.sluice.core.config.ConfigKey;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.config.Secret;
import dev.sluice.core.config.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the SSLContext from {@link TlsSettings}. Trust: the CA PEM file and the trust store
 * together when given, else the JVM's trust store; optionally also a lone self-signed certificate.
 * Errors name the option and the file, never a password.
 */
final class TlsContextFactory {
  private TlsContextFactory() {}

  /** Null when the JVM's default context is what the settings ask for. */
  static SSLContext create(TlsSettings tls) {
    if (tls.caPemPath() == null
        && tls.truststorePath() == null
        && tls.keystorePath() == null
        && !tls.allowSelfSigned()) {
      return null;
    }
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers(tls), trustManagers(tls), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ConfigException(ConfigKeys.SSL.name(), "Cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static TrustManager[] trustManagers(TlsSettings tls) throws GeneralSecurityException {
    KeyStore anchors = null;
    if (tls.truststorePath() != null) {
      anchors =
          load(
              ConfigKeys.TRUSTSTORE_LOCATION,
              tls.truststorePath(),
              tls.truststoreType(),
              tls.truststorePassword());
    }
    if (tls.caPemPath() != null) {
      if (anchors == null) {
        anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        load(anchors);
      }
      int n = 0;
      for (X509Certificate ca : readPem(tls.caPemPath())) {
        anchors.setCertificateEntry("sluice-ca-" + n++, ca);
      }
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(anchors); // null: the JVM's trust store
    X509TrustManager trust = x509(factory.getTrustManagers());
    return new TrustManager[] {tls.allowSelfSigned() ? new SelfSignedTrustManager(trust) : trust};
  }

  private static KeyManager[] keyManagers(TlsSettings tls) throws GeneralSecurityException {
    if (tls.keystorePath() == null) {
      return null;
    }
    KeyStore store =
        load(
            ConfigKeys.KEYSTORE_LOCATION,
            tls.keystorePath(),
            tls.keystoreType(),
            tls.keystorePassword());
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password(tls.keystorePassword()));
    return factory.getKeyManagers();
  }

  private static KeyStore load(ConfigKey<String> option, String location, String type, Secret pass)
      throws GeneralSecurityException {
    Path path = path(option, location);
    KeyStore store;
    try {
      store = KeyStore.getInstance(type);
    } catch (GeneralSecurityException e) {
      throw new ConfigException(
          option.name(), "Unknown key store type '" + type + "' for " + option.name(), e);
    }
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, password(pass));
      return store;
    } catch (IOException e) {
      // The JDK says "keystore password was incorrect" or names the file; never the password.
      throw new ConfigException(
          option.name(), "Cannot read " + path + " (" + option.name() + "): " + describe(e), e);
    }
  }

  private static void load(KeyStore empty) throws GeneralSecurityException {
    try {
      empty.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static Collection<X509Certificate> readPem(String location) {
    String option = ConfigKeys.SSL_CA_PEM.name();
    Path path = path(ConfigKeys.SSL_CA_PEM, location);
    try (InputStream in = Files.newInputStream(path)) {
      Collection<? extends Certificate> read =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (read.isEmpty()) {
        throw new ConfigException(
            option, "No certificate found in " + path + " (" + option + "); expected PEM");
      }
      return read.stream().map(X509Certificate.class::cast).toList();
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(
          option,
          "Cannot read CA certificates from " + path + " (" + option + "): " + describe(e),
          e);
    }
  }

  private static X509TrustManager x509(TrustManager[] managers) {
    for (TrustManager manager : managers) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("the JVM offers no X.509 trust manager");
  }

  private static char[] password(Secret secret) {
    return secret == null ? null : secret.reveal().toCharArray();
  }

  /** es-hadoop writes store locations as file: URLs; plain paths work too. */
  private static Path path(ConfigKey<String> option, String location) {
    try {
      return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          option.name(), "Option " + option.name() + ": '" + location + "' is not a file path", e);
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
