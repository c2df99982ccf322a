package dev.sluice.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A minimal HTTP client for tests to look at what is in a local node: raw JSON in, status and body
 * out. It is not the connector's transport and does no retrying; a 4xx/5xx is returned, not thrown.
 */
public final class EsTestClient {
  private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;
  private final String baseUrl;
  private final Optional<String> authorization;

  /** A status code and the body as text. */
  public record Response(int status, String body) {
    public boolean isSuccess() {
      return status >= 200 && status < 300;
    }
  }

  public EsTestClient(String baseUrl, Optional<String> authorization, Optional<SSLContext> ssl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.authorization = Objects.requireNonNull(authorization, "authorization");
    this.http = TrustedHttp.client(ssl);
  }

  /** A client for {@code node}, with its superuser credentials and TLS trust when secured. */
  public static EsTestClient forNode(LocalElasticsearch node) {
    return new EsTestClient(node.httpUrl(), node.authorizationHeader(), node.sslContext());
  }

  /** The same node, but authenticating with another {@code Authorization} header (or none). */
  public EsTestClient withAuthorization(Optional<String> header) {
    return new EsTestClient(http, baseUrl, header);
  }

  private EsTestClient(HttpClient http, String baseUrl, Optional<String> authorization) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Response get(String path) {
    return send("GET", path, null, null);
  }

  public Response put(String path, String json) {
    return send("PUT", path, json, "application/json");
  }

  public Response post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  public Response delete(String path) {
    return send("DELETE", path, null, null);
  }

  /** {@code PUT /<index>} with settings/mappings JSON, e.g. {@code {"settings":{...}}}. */
  public Response createIndex(String index, String json) {
    return put("/" + index, json);
  }

  /** Indexes one document and makes it visible to search at once. */
  public Response index(String index, String id, String json) {
    return put("/" + index + "/_doc/" + id + "?refresh=true", json);
  }

  public Response refresh(String index) {
    return post("/" + index + "/_refresh", "");
  }

  /** {@code POST /_bulk} with a raw NDJSON body (each line ends with a newline). */
  public Response bulk(String ndjson) {
    return send("POST", "/_bulk", ndjson, "application/x-ndjson");
  }

  /** {@code POST /<index>/_bulk} with a raw NDJSON body. */
  public Response bulk(String index, String ndjson) {
    return send("POST", "/" + index + "/_bulk", ndjson, "application/x-ndjson");
  }

  /** The number of documents search sees in {@code index}; refresh first to see recent writes. */
  public long count(String index) {
    Response response = get("/" + index + "/_count");
    Matcher matcher = COUNT.matcher(response.body());
    if (!response.isSuccess() || !matcher.find()) {
      throw new IllegalStateException(
          "GET /" + index + "/_count answered " + response.status() + ": " + response.body());
    }
    return Long.parseLong(matcher.group(1));
  }

  /** Sends any request; {@code body} and {@code contentType} may be null. */
  public Response send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + (path.startsWith("/") ? path : "/" + path)))
            .timeout(TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    authorization.ifPresent(value -> request.header("Authorization", value));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during " + method + " " + path, e);
    }
  }
}
