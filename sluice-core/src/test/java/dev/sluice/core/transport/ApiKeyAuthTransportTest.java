package dev.sluice.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sluice.core.BulkLoader;
import dev.sluice.core.ClusterFatalException;
import dev.sluice.core.Document;
import dev.sluice.core.LoadResult;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.SecretResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way of giving credentials ends in the exact {@code Authorization} header, sent with the
 * first request; a 401 names the principal and the index but never the secret.
 */
@Timeout(60)
class ApiKeyAuthTransportTest {
  private static final String KEY_ID = "VuaCfGcBCdbkQm-e5aOx";
  private static final String KEY_SECRET = "ui2lp2axTNmsyakw9tvNnw";
  private static final String ENCODED =
      Base64.getEncoder()
          .encodeToString((KEY_ID + ":" + KEY_SECRET).getBytes(StandardCharsets.UTF_8));
  private static final String API_KEY_HEADER = "ApiKey " + ENCODED;

  @TempDir Path temp;

  @Test
  void apiKeyOptionInEncodedFormIsSentAsIs() throws Exception {
    assertLoadsWith(
        API_KEY_HEADER, Map.of("sluice.auth.api.key", ENCODED), SecretResolver.system());
  }

  @Test
  void apiKeyOptionAsIdColonKeyIsEncoded() throws Exception {
    assertLoadsWith(
        API_KEY_HEADER,
        Map.of("sluice.auth.api.key", KEY_ID + ":" + KEY_SECRET),
        SecretResolver.system());
  }

  @Test
  void apiKeyFromTheEnvironment() throws Exception {
    Map<String, String> env = Map.of("SLUICE_TEST_API_KEY", ENCODED);
    assertLoadsWith(
        API_KEY_HEADER,
        Map.of("sluice.auth.api.key", "env:SLUICE_TEST_API_KEY"),
        SecretResolver.withEnvironment(env::get));
  }

  @Test
  void apiKeyFromAFileWithATrailingNewline() throws Exception {
    Path file = Files.writeString(temp.resolve("es-api-key"), ENCODED + "\n");
    assertLoadsWith(
        API_KEY_HEADER, Map.of("sluice.auth.api.key", "file:" + file), SecretResolver.system());
  }

  @Test
  void apiKeyAsEsHadoopAuthorizationHeader() throws Exception {
    assertLoadsWith(
        API_KEY_HEADER,
        Map.of("es.net.http.header.Authorization", API_KEY_HEADER),
        SecretResolver.system());
  }

  @Test
  void bearerTokenOption() throws Exception {
    assertLoadsWith(
        "Bearer tok-123456", Map.of("sluice.auth.bearer", "tok-123456"), SecretResolver.system());
  }

  @Test
  void basicCredentialsAreSentWithTheFirstRequest() throws Exception {
    String basic =
        "Basic "
            + Base64.getEncoder().encodeToString("bob:pa55-w0rd".getBytes(StandardCharsets.UTF_8));
    assertLoadsWith(
        basic,
        Map.of("es.net.http.auth.user", "bob", "es.net.http.auth.pass", "pa55-w0rd"),
        SecretResolver.system());
  }

  @Test
  void anUnknownApiKeyStopsTheLoadNamingTheKeyIdButNotTheKey() throws Exception {
    try (FakeAuthServer server = new FakeAuthServer("ApiKey something-else")) {
      Throwable failure =
          catchThrowable(
              () -> load(server, Map.of("sluice.auth.api.key", ENCODED), SecretResolver.system()));
      assertThat(failure).isInstanceOf(ClusterFatalException.class);
      assertThat(failure.getMessage())
          .contains("(401)")
          .contains("API key '" + KEY_ID + "'")
          .contains("[auth-test]")
          .doesNotContain(KEY_SECRET)
          .doesNotContain(ENCODED);
      assertThat(server.received()).hasSize(1); // FATAL: not retried
    }
  }

  @Test
  void aWrongPasswordStopsTheLoadNamingTheUser() throws Exception {
    try (FakeAuthServer server = new FakeAuthServer("Basic nobody")) {
      Throwable failure =
          catchThrowable(
              () ->
                  load(
                      server,
                      Map.of("es.net.http.auth.user", "bob", "es.net.http.auth.pass", "hunter2-pw"),
                      SecretResolver.system()));
      assertThat(failure).isInstanceOf(ClusterFatalException.class);
      assertThat(failure.getMessage()).contains("user 'bob'").doesNotContain("hunter2-pw");
    }
  }

  private void assertLoadsWith(
      String expectedHeader, Map<String, String> auth, SecretResolver secrets) throws Exception {
    try (FakeAuthServer server = new FakeAuthServer(expectedHeader)) {
      LoadResult result = load(server, auth, secrets);
      assertThat(result.counters().indexed()).isEqualTo(3);
      assertThat(server.received()).isNotEmpty().allMatch(expectedHeader::equals);
    }
  }

  private LoadResult load(FakeAuthServer server, Map<String, String> auth, SecretResolver secrets)
      throws InterruptedException {
    Map<String, String> options = new HashMap<>(auth);
    options.put("es.nodes", server.url());
    options.put("es.resource", "auth-test");
    options.put("es.batch.write.retry.count", "0");
    options.put("sluice.deadletter.path", temp.resolve("dead").toString());
    BulkLoader loader = BulkLoader.open(SluiceConfig.fromOptions(options, secrets), "auth");
    try {
      for (int i = 0; i < 3; i++) {
        loader.add(
            Document.of(
                "d" + i, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), "row " + i));
      }
      return loader.close();
    } catch (RuntimeException | InterruptedException e) {
      loader.abort();
      throw e;
    }
  }
}
