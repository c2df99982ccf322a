package dev.sluice.core.transport;

import dev.sluice.core.config.ConnectionSettings;
import dev.sluice.core.config.HttpHeader;
import dev.sluice.core.config.NodeAddress;
import dev.sluice.core.config.ProxySettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.apache.http.impl.nio.reactor.IOReactorConfig;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Builds the client for one node: credentials and extra headers as default headers, the path
 * prefix, timeouts, TLS, and the forward proxy when one is configured for the node's scheme.
 */
final class NodeClients {
  private final ConnectionSettings settings;
  private final Authorization auth;
  private final SSLContext ssl;
  private final int ioThreads;
  private final UnaryOperator<String> systemProperties;

  NodeClients(
      ConnectionSettings settings,
      Authorization auth,
      SSLContext ssl,
      int ioThreads,
      UnaryOperator<String> systemProperties) {
    this.settings = settings;
    this.auth = auth;
    this.ssl = ssl;
    this.ioThreads = ioThreads;
    this.systemProperties = systemProperties;
  }

  /** The proxy requests to this node go through, or null for a direct connection. */
  ProxySettings.Endpoint proxy(NodeAddress node) {
    ProxySettings proxies = settings.proxy();
    return proxies == null ? null : proxies.forScheme(node.scheme(), systemProperties);
  }

  /** A client for one node only: with no other node to fail over to, it re-sends nothing. */
  RestClient client(NodeAddress node) {
    ProxySettings.Endpoint proxy = proxy(node);
    boolean tunnel = "https".equals(node.scheme());
    RestClientBuilder builder =
        RestClient.builder(new HttpHost(node.host(), node.port(), node.scheme()));
    builder.setDefaultHeaders(defaultHeaders(proxy != null && !tunnel ? proxy : null));
    if (!settings.pathPrefix().isEmpty()) {
      builder.setPathPrefix(settings.pathPrefix());
    }
    builder.setCompressionEnabled(settings.compression());
    builder.setRequestConfigCallback(
        rc ->
            rc.setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setSocketTimeout((int) settings.requestTimeout().toMillis()));
    builder.setHttpClientConfigCallback(
        http -> {
          // Credentials go in the default header above, never through a credentials provider, so
          // the client's per-request auth cache lookup (a Java deserialisation of the cached
          // scheme, about 0.3 ms per bulk request) would find nothing to use.
          http.disableAuthCaching();
          http.setDefaultIOReactorConfig(
              IOReactorConfig.custom().setIoThreadCount(ioThreads).build());
          if (ssl != null) {
            http.setSSLContext(ssl);
          }
          if (!settings.tls().verifyHostname()) {
            http.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);
          }
          if (proxy != null) {
            useProxy(http, proxy, tunnel);
          }
          return http;
        });
    return builder.build();
  }

  private Header[] defaultHeaders(ProxySettings.Endpoint plainProxy) {
    List<Header> headers = new ArrayList<>();
    if (auth.header() != null) {
      headers.add(new BasicHeader("Authorization", auth.header()));
    }
    if (plainProxy != null && plainProxy.user() != null) {
      // Sent with every request, so a bulk body is never sent twice to learn that after a 407.
      headers.add(new BasicHeader("Proxy-Authorization", basic(plainProxy)));
    }
    for (HttpHeader header : settings.headers()) {
      headers.add(new BasicHeader(header.name(), header.value().reveal()));
    }
    return headers.toArray(new Header[0]);
  }

  /**
   * Through an https tunnel the proxy sees only the CONNECT request, so its credentials answer the
   * proxy's 407 challenge to it (a CONNECT has no body to send twice); a default header would go
   * through the tunnel to the node instead.
   */
  private static void useProxy(
      HttpAsyncClientBuilder http, ProxySettings.Endpoint proxy, boolean tunnel) {
    HttpHost proxyHost = new HttpHost(proxy.host(), proxy.port(), "http");
    http.setProxy(proxyHost);
    if (tunnel && proxy.user() != null) {
      BasicCredentialsProvider credentials = new BasicCredentialsProvider();
      credentials.setCredentials(
          new AuthScope(proxyHost),
          new UsernamePasswordCredentials(proxy.user(), proxy.password().reveal()));
      http.setDefaultCredentialsProvider(credentials);
    }
  }

  private static String basic(ProxySettings.Endpoint proxy) {
    String pair = proxy.user() + ":" + proxy.password().reveal();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
