package dev.sluice.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.core.ConfigException;
import dev.sluice.core.SluiceConfig;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS and credential settings that are wrong fail when the transport is built, clearly. */
class TlsTransportTest {
  private static final String STORE_PASS = "right-store-pass";

  @TempDir Path temp;

  @Test
  void aMissingCaFileIsNamedWithItsOption() {
    Path missing = temp.resolve("no-ca.pem");
    ConfigException e =
        configError(() -> create(Map.of("sluice.net.ssl.ca.pem", missing.toString())));
    assertThat(e.option()).isEqualTo("sluice.net.ssl.ca.pem");
    assertThat(e.getMessage()).contains(missing.toString());
  }

  @Test
  void aFileWithoutCertificatesIsRejected() throws Exception {
    Path notPem = Files.writeString(temp.resolve("ca.pem"), "hello");
    ConfigException e =
        configError(() -> create(Map.of("sluice.net.ssl.ca.pem", notPem.toString())));
    assertThat(e.option()).isEqualTo("sluice.net.ssl.ca.pem");
  }

  @Test
  void aWrongTrustStorePasswordIsReportedWithoutAnyPassword() throws Exception {
    Path store = emptyPkcs12(temp.resolve("trust.p12"));
    String wrong = "wrong-store-pass-Yx2";
    ConfigException e =
        configError(
            () ->
                create(
                    Map.of(
                        "es.net.ssl.truststore.location",
                        store.toString(),
                        "es.net.ssl.truststore.type",
                        "PKCS12",
                        "es.net.ssl.truststore.pass",
                        wrong)));
    assertThat(e.option()).isEqualTo("es.net.ssl.truststore.location");
    assertThat(e.getMessage())
        .contains(store.toString())
        .doesNotContain(wrong)
        .doesNotContain(STORE_PASS);
  }

  @Test
  void aTrustStoreAndKeyStoreGivenAsFileUrlsLoad() throws Exception {
    Path store = emptyPkcs12(temp.resolve("store.p12"));
    try (RestClientTransport t =
        create(
            Map.of(
                "es.net.ssl.truststore.location",
                store.toUri().toString(),
                "es.net.ssl.truststore.pass",
                STORE_PASS,
                "es.net.ssl.keystore.location",
                store.toString(),
                "es.net.ssl.keystore.type",
                "PKCS12",
                "es.net.ssl.keystore.pass",
                STORE_PASS))) {
      assertThat(t.describe()).isEqualTo("https://127.0.0.1:9200 as no credentials");
    }
  }

  @Test
  void theDescriptionNamesThePrincipalNeverTheSecret() {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("alice:pw-123456".getBytes(StandardCharsets.UTF_8));
    try (RestClientTransport t = create(Map.of("es.net.http.header.authorization", basic))) {
      assertThat(t.describe()).isEqualTo("https://127.0.0.1:9200 as user 'alice'");
    }
    try (RestClientTransport t = create(Map.of("es.net.http.header.authorization", "Bearer abc"))) {
      assertThat(t.describe()).endsWith("as bearer token");
    }
    try (RestClientTransport t = create(Map.of("sluice.auth.api.key", "key-id:key-secret-value"))) {
      assertThat(t.describe()).endsWith("as API key 'key-id'").doesNotContain("key-secret-value");
    }
  }

  private static RestClientTransport create(Map<String, String> given) {
    Map<String, String> options = new HashMap<>(given);
    options.put("es.nodes", "https://127.0.0.1:9200");
    return RestClientTransport.create(SluiceConfig.fromOptions(options).connection());
  }

  private static Path emptyPkcs12(Path file) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, STORE_PASS.toCharArray());
    }
    return file;
  }

  private static ConfigException configError(ThrowingCallable call) {
    return catchThrowableOfType(ConfigException.class, call);
  }
}
