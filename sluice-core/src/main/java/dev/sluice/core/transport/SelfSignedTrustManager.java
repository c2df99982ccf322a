package dev.sluice.core.transport;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * es.net.ssl.cert.allow.self.signed: trusts a server that shows one certificate signed by its own
 * key, as elasticsearch-hadoop does; anything else goes to the normal trust manager. Host names are
 * still checked unless that is turned off too.
 */
final class SelfSignedTrustManager implements X509TrustManager {
  private final X509TrustManager delegate;

  SelfSignedTrustManager(X509TrustManager delegate) {
    this.delegate = delegate;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    if (chain.length == 1 && selfSigned(chain[0])) {
      chain[0].checkValidity();
      return;
    }
    delegate.checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  private static boolean selfSigned(X509Certificate certificate) {
    if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
      return false;
    }
    try {
      certificate.verify(certificate.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
