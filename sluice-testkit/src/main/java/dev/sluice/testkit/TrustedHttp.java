package dev.sluice.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** JDK HTTP clients for a local node; over TLS they trust exactly the node's own certificates. */
final class TrustedHttp {
  private TrustedHttp() {}

  static HttpClient client(Optional<SSLContext> ssl) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5));
    ssl.ifPresent(builder::sslContext);
    return builder.build();
  }

  /** An SSL context trusting the certificates (chains included) stored in a PKCS#12 keystore. */
  static SSLContext trustingKeystore(Path pkcs12, String password) {
    try (InputStream in = Files.newInputStream(pkcs12)) {
      KeyStore source = KeyStore.getInstance("PKCS12");
      source.load(in, password.toCharArray());
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int count = 0;
      for (String alias : Collections.list(source.aliases())) {
        Certificate[] chain = source.getCertificateChain(alias);
        if (chain == null) {
          Certificate single = source.getCertificate(alias);
          chain = single == null ? new Certificate[0] : new Certificate[] {single};
        }
        for (Certificate certificate : chain) {
          trusted.setCertificateEntry("cert-" + count++, certificate);
        }
      }
      if (count == 0) {
        throw new ElasticsearchStartException("Keystore " + pkcs12 + " holds no certificate");
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new ElasticsearchStartException(
          "Cannot read the HTTP TLS keystore "
              + pkcs12
              + " (PKCS#12, with the given password): "
              + e,
          e);
    }
  }
}
