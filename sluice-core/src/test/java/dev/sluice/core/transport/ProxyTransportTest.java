package dev.sluice.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.sluice.core.SluiceConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * es.net.proxy.*: requests to http nodes go to the proxy as absolute URIs with the proxy's
 * credentials on each; requests to https nodes go through a CONNECT tunnel, the proxy's credentials
 * answering its challenge and never reaching the node.
 */
@Timeout(60)
class ProxyTransportTest {
  private static final String NODE_AUTH = basic("loader", "node-pw");
  private static final String PROXY_AUTH = basic("proxy-user", "proxy-pw");

  @TempDir Path temp;

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> options(String nodes, String... keyValues) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", nodes);
    options.put("es.resource", "test");
    options.put("es.net.http.auth.user", "loader");
    options.put("es.net.http.auth.pass", "node-pw");
    for (int i = 0; i < keyValues.length; i += 2) {
      options.put(keyValues[i], keyValues[i + 1]);
    }
    return options;
  }

  private static RestClientTransport transport(
      Map<String, String> options, Map<String, String> systemProperties) {
    return RestClientTransport.create(
        SluiceConfig.fromOptions(options).connection(), systemProperties::get);
  }

  private static HttpResult bulk(RestClientTransport transport) throws Exception {
    byte[] body =
        "{\"index\":{\"_id\":\"1\"}}\n{\"n\":1}\n{\"index\":{\"_id\":\"2\"}}\n{\"n\":2}\n"
            .getBytes(StandardCharsets.UTF_8);
    CompletableFuture<HttpResult> done = new CompletableFuture<>();
    transport.send(List.of(body), body.length, done::complete);
    return done.get(30, TimeUnit.SECONDS);
  }

  @Test
  void anHttpProxyGetsEveryRequestWithItsCredentials() throws Exception {
    try (FakeAuthServer node = new FakeAuthServer(NODE_AUTH);
        ForwardProxy proxy = new ForwardProxy(PROXY_AUTH)) {
      Map<String, String> options =
          options(
              node.url(),
              "es.net.proxy.http.host",
              "127.0.0.1",
              "es.net.proxy.http.port",
              Integer.toString(proxy.port()),
              "es.net.proxy.http.user",
              "proxy-user",
              "es.net.proxy.http.pass",
              "proxy-pw");
      try (RestClientTransport transport = transport(options, Map.of())) {
        assertThat(bulk(transport).status()).isEqualTo(200);
        assertThat(bulk(transport).status()).isEqualTo(200);
        assertThat(transport.describe())
            .contains("via proxy proxy-user@127.0.0.1:" + proxy.port())
            .doesNotContain("proxy-pw");
      }
      assertThat(proxy.seen())
          .hasSize(2)
          .allSatisfy(
              s -> {
                assertThat(s.requestLine()).startsWith("POST " + node.url() + "/_bulk?");
                assertThat(s.proxyAuthorization()).isEqualTo(PROXY_AUTH);
              });
      assertThat(node.received()).containsExactly(NODE_AUTH, NODE_AUTH);
    }
  }

  @Test
  void withoutAProxyOrWithTheJvmsPropertiesUnaskedTheNodeIsReachedDirectly() throws Exception {
    try (FakeAuthServer node = new FakeAuthServer(NODE_AUTH);
        ForwardProxy proxy = new ForwardProxy(null)) {
      Map<String, String> jvm =
          Map.of("http.proxyHost", "127.0.0.1", "http.proxyPort", Integer.toString(proxy.port()));
      try (RestClientTransport transport = transport(options(node.url()), jvm)) {
        assertThat(bulk(transport).status()).isEqualTo(200);
      }
      assertThat(proxy.seen()).isEmpty();

      Map<String, String> asked = options(node.url(), "es.net.proxy.http.use.system.props", "true");
      try (RestClientTransport transport = transport(asked, jvm)) {
        assertThat(bulk(transport).status()).isEqualTo(200);
      }
      assertThat(proxy.seen())
          .singleElement()
          .satisfies(s -> assertThat(s.requestLine()).startsWith("POST " + node.url()));
      assertThat(node.received()).hasSize(2);
    }
  }

  @Test
  void anHttpsNodeIsReachedThroughATunnelAndTheProxyCredentialsStayWithTheProxy() throws Exception {
    TestCertificates certs = TestCertificates.create(Files.createDirectories(temp.resolve("c")));
    List<String> nodeHeaders = new CopyOnWriteArrayList<>();
    HttpsServer node = tlsNode(certs, nodeHeaders);
    try (ForwardProxy proxy = new ForwardProxy(PROXY_AUTH)) {
      String url = "https://127.0.0.1:" + node.getAddress().getPort();
      Map<String, String> options =
          options(
              url,
              "sluice.net.ssl.ca.pem",
              certs.caPem.toString(),
              "es.net.proxy.https.host",
              "127.0.0.1",
              "es.net.proxy.https.port",
              Integer.toString(proxy.port()),
              "es.net.proxy.https.user",
              "proxy-user",
              "es.net.proxy.https.pass",
              "proxy-pw",
              // An http proxy is for http nodes only.
              "es.net.proxy.http.host",
              "127.0.0.2");
      try (RestClientTransport transport = transport(options, Map.of())) {
        assertThat(bulk(transport).status()).isEqualTo(200);
        assertThat(transport.request("GET", "/").status()).isEqualTo(200);
      }
      String connect = "CONNECT 127.0.0.1:" + node.getAddress().getPort() + " HTTP/1.1";
      assertThat(proxy.seen()).extracting(ForwardProxy.Seen::requestLine).contains(connect);
      assertThat(proxy.seen())
          .filteredOn(s -> s.proxyAuthorization() != null)
          .allSatisfy(s -> assertThat(s.proxyAuthorization()).isEqualTo(PROXY_AUTH))
          .isNotEmpty();
      assertThat(nodeHeaders)
          .hasSize(2)
          .allSatisfy(h -> assertThat(h).contains("authorization=" + NODE_AUTH))
          .noneSatisfy(h -> assertThat(h).containsIgnoringCase("proxy-authorization"));
    } finally {
      node.stop(0);
    }
  }

  /** An https node that answers every request with a bulk success, recording its headers. */
  private static HttpsServer tlsNode(TestCertificates certs, List<String> headers)
      throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(certs.nodeKeystore)) {
      store.load(in, TestCertificates.PASSWORD.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, TestCertificates.PASSWORD.toCharArray());
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(keys.getKeyManagers(), null, null);
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    server.createContext(
        "/",
        exchange -> {
          Map<String, String> seen = new java.util.TreeMap<>();
          exchange.getRequestHeaders().forEach((k, v) -> seen.put(k.toLowerCase(), v.get(0)));
          headers.add(seen.toString());
          exchange.getRequestBody().readAllBytes();
          byte[] answer =
              "{\"errors\":false,\"items\":[{\"index\":{\"status\":201,\"result\":\"created\"}},{\"index\":{\"status\":201,\"result\":\"created\"}}]}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          } catch (IOException e) {
            // the client went away
          }
        });
    server.start();
    return server;
  }
}
