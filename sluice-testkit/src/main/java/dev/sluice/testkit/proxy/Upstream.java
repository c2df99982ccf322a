package dev.sluice.testkit.proxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** Sends a proxied request to the one upstream base URL. */
final class Upstream {
  private final String base;
  private final Duration timeout;
  private final HttpClient client;

  Upstream(URI base, Duration timeout, SSLContext sslContext) {
    String text = base.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.timeout = timeout;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER);
    if (sslContext != null) {
      builder.sslContext(sslContext);
    }
    this.client = builder.build();
  }

  UpstreamResponse send(ProxiedRequest request) throws UpstreamException, InterruptedException {
    URI uri = URI.create(base + request.pathAndQuery());
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri).timeout(timeout).method(request.method(), bodyOf(request));
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      if (HeaderRules.copied(header.getKey())) {
        for (String value : header.getValue()) {
          builder.header(header.getKey(), value);
        }
      }
    }
    try {
      HttpResponse<byte[]> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new UpstreamResponse(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UpstreamException(request.method() + " " + uri + " failed: " + e, e);
    }
  }

  private static HttpRequest.BodyPublisher bodyOf(ProxiedRequest request) {
    return request.body().length == 0
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(request.body());
  }

  @Override
  public String toString() {
    return base;
  }
}
