package dev.sluice.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sluice.core.BulkLoader;
import dev.sluice.core.ClusterFatalException;
import dev.sluice.core.Document;
import dev.sluice.core.LoadResult;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.SecretResolver;
import dev.sluice.core.report.RunReport;
import dev.sluice.core.report.RunReportWriter;
import dev.sluice.core.storage.LocalFileStorage;
import dev.sluice.testkit.EsTestClient;
import dev.sluice.testkit.LocalElasticsearch;
import dev.sluice.testkit.NodeSpec;
import dev.sluice.testkit.SecuritySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport against one real node started with security: HTTPS with a certificate from a test
 * CA (for 127.0.0.1 only), file-realm users, a role limited to {@code ok-*} and a service token.
 * Every failure here must stop the load at once (FATAL), so each test is bounded well below what
 * retries would take.
 */
@Timeout(300)
class SecurityIT {
  static final String LOADER_PASS = "loader-pass-7Qx";
  static final String LIMITED_PASS = "limited-pass-9Wz";
  static final String TOKEN_NAME = "sluice-it";

  @TempDir static Path shared;
  static TestCertificates certs;
  static LocalElasticsearch node;

  @TempDir Path temp;

  @BeforeAll
  static void startSecuredNode() throws Exception {
    certs = TestCertificates.create(Files.createDirectories(shared.resolve("certs")));
    SecuritySettings security =
        SecuritySettings.builder()
            .httpTls(certs.nodeKeystore, TestCertificates.PASSWORD)
            .rolesYml(
                "writer:\n  cluster: [monitor]\n  indices:\n"
                    + "    - names: ['*']\n      privileges: [all]\n"
                    + "ok_only:\n  indices:\n"
                    + "    - names: ['ok-*']\n      privileges: [all]\n")
            .user("loader", LOADER_PASS, "writer")
            .user("limited", LIMITED_PASS, "ok_only")
            .serviceToken(TOKEN_NAME)
            .build();
    node =
        LocalElasticsearch.start(
            NodeSpec.builder()
                .name("security-it")
                .security(security)
                .startTimeout(Duration.ofMinutes(4))
                .build());
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void basicAuthOverTlsTrustingACaFromAPemFile() throws Exception {
    LoadResult result = load(tls(basic("loader", LOADER_PASS)), "sec-basic", 50);
    assertThat(result.counters().indexed()).isEqualTo(50);
    assertThat(admin().count(refreshed("sec-basic"))).isEqualTo(50);
  }

  @Test
  void aTrustStoreWorksAsWellAsAPemFile() throws Exception {
    Map<String, String> options = basic("loader", LOADER_PASS);
    options.put("es.nodes", node.httpUrl());
    options.put("es.net.ssl.truststore.location", certs.caTruststore.toString());
    options.put("es.net.ssl.truststore.type", "PKCS12");
    options.put("es.net.ssl.truststore.pass", TestCertificates.PASSWORD);
    assertThat(load(options, "sec-truststore", 5).counters().indexed()).isEqualTo(5);
  }

  @Test
  void aServiceTokenAsBearerFromTheEnvironmentLoads() throws Exception {
    String token = node.serviceTokens().get(TOKEN_NAME);
    Map<String, String> options = tls(new HashMap<>());
    options.put("sluice.auth.bearer", "env:SLUICE_IT_TOKEN");
    SecretResolver env = SecretResolver.withEnvironment(Map.of("SLUICE_IT_TOKEN", token)::get);
    // elastic/fleet-server may write to logs-* indices.
    LoadResult result = load(options, env, "logs-sluice", 20);
    assertThat(result.counters().indexed()).isEqualTo(20);
    assertThat(admin().count(refreshed("logs-sluice"))).isEqualTo(20);
  }

  @Test
  void anUntrustedCaFailsAtOnceSayingWhatToConfigure() {
    Map<String, String> options = tls(basic("loader", LOADER_PASS));
    options.put("sluice.net.ssl.ca.pem", certs.otherCaPem.toString());
    Throwable failure = catchThrowable(() -> load(options, "sec-wrong-ca", 3));
    assertThat(failure).isInstanceOf(ClusterFatalException.class);
    assertThat(failure.getMessage())
        .contains("TLS handshake with " + node.httpUrl())
        .contains("sluice.net.ssl.ca.pem");
    // Classified FATAL (tls_handshake_failed): thrown at the first answer, not retried.
    assertThat(failure.getMessage())
        .contains("tls_handshake_failed")
        .contains("SSLHandshakeException");
  }

  @Test
  void theJvmTrustStoreDoesNotTrustATestCa() {
    Map<String, String> options = basic("loader", LOADER_PASS);
    options.put("es.nodes", node.httpUrl());
    Throwable failure = catchThrowable(() -> load(options, "sec-no-ca", 3));
    assertThat(failure).isInstanceOf(ClusterFatalException.class);
    assertThat(failure.getMessage()).contains("TLS handshake");
  }

  @Test
  void aWrongHostNameFailsAtOnceUnlessVerificationIsTurnedOff() throws Exception {
    String byName = "https://localhost:" + node.httpPort(); // the certificate names 127.0.0.1 only
    Map<String, String> options = tls(basic("loader", LOADER_PASS));
    options.put("es.nodes", byName);
    Throwable failure = catchThrowable(() -> load(options, "sec-hostname", 3));
    assertThat(failure).isInstanceOf(ClusterFatalException.class);
    assertThat(failure.getMessage())
        .contains("TLS host name check failed")
        .contains("sluice.net.ssl.verify.hostname=false");
    assertThat(failure.getMessage()).contains("SSLPeerUnverifiedException");

    options.put("sluice.net.ssl.verify.hostname", "false");
    assertThat(load(options, "sec-hostname", 3).counters().indexed()).isEqualTo(3);
  }

  @Test
  void aWrongPasswordStopsTheLoadNamingTheUserNotThePassword() {
    String wrong = "not-the-pass-4Kd";
    Throwable failure = catchThrowable(() -> load(tls(basic("loader", wrong)), "sec-badpw", 3));
    assertThat(failure).isInstanceOf(ClusterFatalException.class);
    assertThat(failure.getMessage())
        .contains("(401)")
        .contains("user 'loader'")
        .contains("[sec-badpw]")
        .doesNotContain(wrong);
  }

  @Test
  void anUnknownApiKeyStopsTheLoadNamingTheKeyIdOnly() {
    String secretPart = "Zm9vYmFyYmF6cXV4MTIz";
    Map<String, String> options = tls(new HashMap<>());
    options.put("sluice.auth.api.key", "unknown-key-id:" + secretPart);
    Throwable failure = catchThrowable(() -> load(options, "sec-apikey", 3));
    assertThat(failure).isInstanceOf(ClusterFatalException.class);
    assertThat(failure.getMessage())
        .contains("(401)")
        .contains("API key 'unknown-key-id'")
        .doesNotContain(secretPart);
  }

  @Test
  void aUserWhoMayNotWriteTheIndexStopsTheLoadWithoutDeadLetters() throws Exception {
    Map<String, String> limited = tls(basic("limited", LIMITED_PASS));
    assertThat(load(limited, "ok-allowed", 5).counters().indexed()).isEqualTo(5);

    Path deadLetters = temp.resolve("dead-forbidden");
    limited.put("sluice.deadletter.path", deadLetters.toString());
    Throwable failure = catchThrowable(() -> load(limited, "forbidden-index", 5));
    assertThat(failure).isInstanceOf(ClusterFatalException.class);
    assertThat(failure.getMessage())
        .contains("user 'limited'")
        .contains("[forbidden-index]")
        .contains("security_exception")
        .doesNotContain(LIMITED_PASS);
    assertThat(deadLetterLines(deadLetters)).isZero();
  }

  @Test
  void nothingARunWritesShowsASecret() throws Exception {
    String token = node.serviceTokens().get(TOKEN_NAME);
    String wrongPassword = "wrong-pass-Zt8q";
    String apiKeySecret = "c2VjcmV0LWtleS1wYXJ0";
    List<String> secrets =
        List.of(
            LOADER_PASS,
            TestCertificates.PASSWORD,
            token,
            wrongPassword,
            apiKeySecret,
            basicHeader("loader", LOADER_PASS));
    Path dead = temp.resolve("leak-dead");
    Path report = temp.resolve("report.json");
    StringBuilder written = new StringBuilder();
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    System.setErr(new PrintStream(new Tee(originalErr, logs), true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(new Tee(originalOut, logs), true, StandardCharsets.UTF_8));
    try {
      // A load that succeeds, dead-letters one document and writes its report.
      Map<String, String> options = basic("loader", LOADER_PASS);
      options.put("es.nodes", node.httpUrl());
      options.put("es.net.ssl.truststore.location", certs.caTruststore.toString());
      options.put("es.net.ssl.truststore.type", "PKCS12");
      options.put("es.net.ssl.truststore.pass", TestCertificates.PASSWORD);
      options.put("es.resource", "sec-leak");
      options.put("sluice.deadletter.path", dead.toString());
      options.put("sluice.deadletter.max.count", "10");
      SluiceConfig config = SluiceConfig.fromOptions(options);
      written.append(config).append('\n').append(config.connection()).append('\n');
      written.append(config.toRedactedMap()).append('\n');
      Instant started = Instant.now();
      BulkLoader loader = BulkLoader.open(config, "leak-ok");
      for (int i = 0; i < 10; i++) {
        String n = i == 5 ? "\"not-a-number\"" : String.valueOf(i);
        loader.add(
            Document.of(
                "leak-" + i, ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8), "row " + i));
      }
      LoadResult result = loader.close();
      assertThat(result.counters().indexed()).isEqualTo(9);
      assertThat(result.counters().deadLettered()).isEqualTo(1);
      RunReportWriter.write(
          new LocalFileStorage(),
          report.toString(),
          RunReport.builder("leak-ok", "sec-leak")
              .between(started, Instant.now())
              .counters(result.counters(), 1, 1)
              .options(config.toRedactedMap())
              .build());

      // A bearer load, then loads that fail: their exceptions are part of what a run writes.
      Map<String, String> bearer = tls(new HashMap<>());
      bearer.put("sluice.auth.bearer", token);
      load(bearer, "logs-sluice-leak", 3);
      for (Map<String, String> failing :
          List.of(
              tls(basic("loader", wrongPassword)),
              tls(Map.of("sluice.auth.api.key", "leak-key-id:" + apiKeySecret)),
              tls(basic("limited", LIMITED_PASS)))) {
        Throwable failure = catchThrowable(() -> load(failing, "leak-failing", 3));
        assertThat(failure).isInstanceOf(ClusterFatalException.class);
        written.append(stackTrace(failure)).append('\n');
      }
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    String logText = logs.toString(StandardCharsets.UTF_8);
    assertThat(logText).as("the capture saw the failed loads' logs").contains("stopped:");
    written.append(logText);
    written.append(Files.readString(report));
    assertThat(Files.readString(report)).contains("<redacted>");
    try (Stream<Path> files = Files.list(dead)) {
      for (Path file : files.toList()) {
        written.append(Files.readString(file));
      }
    }
    assertThat(written.toString()).contains("not-a-number"); // the dead letter is in there
    for (String secret : secrets) {
      assertThat(written.toString())
          .as("a secret of %d characters", secret.length())
          .doesNotContain(secret);
    }
  }

  /** Writes to the console as before and into the capture. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }
  }

  // --- helpers ---

  private Map<String, String> tls(Map<String, String> given) {
    Map<String, String> options = new HashMap<>(given);
    options.put("es.nodes", node.httpUrl());
    options.put("sluice.net.ssl.ca.pem", certs.caPem.toString());
    return options;
  }

  static Map<String, String> basic(String user, String password) {
    Map<String, String> options = new HashMap<>();
    options.put("es.net.http.auth.user", user);
    options.put("es.net.http.auth.pass", password);
    return options;
  }

  private LoadResult load(Map<String, String> options, String index, int docs)
      throws InterruptedException {
    return load(options, SecretResolver.system(), index, docs);
  }

  LoadResult load(Map<String, String> given, SecretResolver secrets, String index, int docs)
      throws InterruptedException {
    Map<String, String> options = new HashMap<>(given);
    options.put("es.resource", index);
    options.putIfAbsent("sluice.deadletter.path", temp.resolve("dead-" + index).toString());
    // Were a failure here retried, these would keep the load going for many minutes.
    options.put("es.batch.write.retry.count", "-1");
    options.put("sluice.retry.budget", "30m");
    BulkLoader loader = BulkLoader.open(SluiceConfig.fromOptions(options, secrets), index);
    try {
      for (int i = 0; i < docs; i++) {
        byte[] source = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
        loader.add(Document.of(index + "-" + i, source, "row " + i));
      }
      return loader.close();
    } catch (RuntimeException | InterruptedException e) {
      loader.abort();
      throw e;
    }
  }

  static EsTestClient admin() {
    return EsTestClient.forNode(node);
  }

  static String refreshed(String index) {
    assertThat(admin().refresh(index).isSuccess()).as("refresh " + index).isTrue();
    return index;
  }

  static String stackTrace(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  static long deadLetterLines(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      long lines = 0;
      for (Path file : files.toList()) {
        lines += Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
      }
      return lines;
    }
  }

  static String basicHeader(String user, String password) {
    return Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
