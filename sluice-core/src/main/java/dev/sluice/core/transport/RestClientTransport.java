package dev.sluice.core.transport;

import dev.sluice.core.ConfigException;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.config.ConnectionSettings;
import dev.sluice.core.config.NodeAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Cancellable;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * The official low-level REST client: round-robin over the nodes, fails over to the next node on a
 * connection error or a 502/503/504, marks dead nodes and revives them later.
 */
public final class RestClientTransport implements BulkTransport {
  /** Only what the engine reads, so responses stay small. */
  static final String FILTER_PATH =
      "errors,items.*.status,items.*.result,items.*.error,error,status";

  private final RestClient client;
  private final String description;

  private RestClientTransport(RestClient client, String description) {
    this.client = client;
    this.description = description;
  }

  public static RestClientTransport create(ConnectionSettings settings) {
    HttpHost[] hosts =
        settings.nodes().stream()
            .map(n -> new HttpHost(n.host(), n.port(), n.scheme()))
            .toArray(HttpHost[]::new);
    RestClientBuilder builder = RestClient.builder(hosts);
    builder.setDefaultHeaders(headers(settings));
    builder.setCompressionEnabled(settings.compression());
    builder.setRequestConfigCallback(
        rc ->
            rc.setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setSocketTimeout((int) settings.requestTimeout().toMillis()));
    SSLContext ssl = sslContext(settings);
    builder.setHttpClientConfigCallback(
        http -> {
          if (settings.user() != null) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(
                AuthScope.ANY,
                new UsernamePasswordCredentials(settings.user(), settings.password().reveal()));
            http.setDefaultCredentialsProvider(credentials);
          }
          if (ssl != null) {
            http.setSSLContext(ssl);
          }
          return http;
        });
    String description =
        settings.nodes().stream().map(NodeAddress::toString).collect(Collectors.joining(", "));
    return new RestClientTransport(builder.build(), description);
  }

  @Override
  public Runnable send(List<byte[]> chunks, long contentLength, Consumer<HttpResult> callback) {
    Request request = new Request("POST", "/_bulk");
    request.addParameter("filter_path", FILTER_PATH);
    request.setEntity(new ChunkedEntity(chunks, contentLength));
    Cancellable cancellable =
        client.performRequestAsync(
            request,
            new ResponseListener() {
              @Override
              public void onSuccess(Response response) {
                callback.accept(read(response));
              }

              @Override
              public void onFailure(Exception exception) {
                if (exception instanceof ResponseException re) {
                  callback.accept(read(re.getResponse()));
                } else {
                  callback.accept(HttpResult.failure(exception));
                }
              }
            });
    return cancellable::cancel;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // Closing only releases connections; nothing is lost if it fails.
    }
  }

  private static HttpResult read(Response response) {
    int status = response.getStatusLine().getStatusCode();
    try {
      byte[] body =
          response.getEntity() == null
              ? new byte[0]
              : EntityUtils.toByteArray(response.getEntity());
      return HttpResult.response(status, body);
    } catch (IOException e) {
      return HttpResult.failure(e);
    }
  }

  private static Header[] headers(ConnectionSettings s) {
    List<Header> headers = new ArrayList<>();
    if (s.authorizationHeader() != null) {
      headers.add(new BasicHeader("Authorization", s.authorizationHeader().reveal()));
    } else if (s.apiKey() != null) {
      headers.add(new BasicHeader("Authorization", "ApiKey " + s.apiKey().reveal()));
    } else if (s.bearer() != null) {
      headers.add(new BasicHeader("Authorization", "Bearer " + s.bearer().reveal()));
    }
    return headers.toArray(Header[]::new);
  }

  private static SSLContext sslContext(ConnectionSettings s) {
    if (s.truststorePath() == null) {
      return null; // the JVM's default trust, if any node uses https
    }
    try (InputStream in = Files.newInputStream(Path.of(s.truststorePath()))) {
      KeyStore store = KeyStore.getInstance(s.truststoreType());
      char[] password =
          s.truststorePassword() == null ? null : s.truststorePassword().reveal().toCharArray();
      store.load(in, password);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      String option = ConfigKeys.TRUSTSTORE_LOCATION.name();
      throw new ConfigException(
          option,
          "Cannot load the trust store "
              + s.truststorePath()
              + " ("
              + option
              + "): "
              + e.getMessage(),
          e);
    }
  }
}
