package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecuredNodeIT {
  private static final String STORE_PASSWORD = "store-pass-1";

  @TempDir Path temp;

  @Test
  void servesHttpsAndAuthenticatesFileUsers() throws Exception {
    Path keystore = selfSignedKeystore(temp.resolve("http.p12"));
    SecuritySettings security =
        SecuritySettings.builder()
            .httpTls(keystore, STORE_PASSWORD)
            .rolesYml(
                "loader:\n  cluster: [monitor]\n  indices:\n"
                    + "    - names: ['*']\n      privileges: [all]\n")
            .user("loader", "loader-pass", "loader")
            .serviceToken("sluice-test")
            .build();
    try (LocalElasticsearch node =
        LocalElasticsearch.start(NodeSpec.builder().name("secured").security(security).build())) {
      assertThat(node.httpUrl()).startsWith("https://127.0.0.1:");
      EsTestClient client = EsTestClient.forNode(node);

      EsTestClient wrong = client.withAuthorization(Optional.of(basic("loader", "not-the-pass")));
      assertThat(wrong.get("/_cluster/health").status()).isEqualTo(401);
      EsTestClient none = client.withAuthorization(Optional.empty());
      assertThat(none.get("/_cluster/health").status()).isEqualTo(401);

      EsTestClient loader = client.withAuthorization(Optional.of(basic("loader", "loader-pass")));
      assertThat(loader.get("/_cluster/health").status()).isEqualTo(200);
      assertThat(loader.index("secured", "1", "{\"a\":1}").status()).isEqualTo(201);

      String token = node.serviceTokens().get("sluice-test");
      assertThat(token).isNotBlank();
      EsTestClient fleet = client.withAuthorization(Optional.of("Bearer " + token));
      EsTestClient.Response whoAmI = fleet.get("/_security/_authenticate");
      assertThat(whoAmI.status()).isEqualTo(200);
      assertThat(whoAmI.body()).contains("elastic/fleet-server");
    }
  }

  /** A self-signed certificate for 127.0.0.1, made with the JDK's own keytool. */
  private static Path selfSignedKeystore(Path keystore) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                List.of(
                    keytool.toString(),
                    "-genkeypair",
                    "-alias",
                    "http",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-validity",
                    "2",
                    "-dname",
                    "CN=localhost",
                    "-ext",
                    "san=ip:127.0.0.1,dns:localhost",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    keystore.toString(),
                    "-storepass",
                    STORE_PASSWORD,
                    "-keypass",
                    STORE_PASSWORD))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return keystore;
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
