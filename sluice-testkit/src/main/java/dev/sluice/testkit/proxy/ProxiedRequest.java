package dev.sluice.testkit.proxy;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A request as the proxy received it, body read in full. */
record ProxiedRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body) {

  static ProxiedRequest read(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    return new ProxiedRequest(
        exchange.getRequestMethod().toUpperCase(Locale.ROOT),
        exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(),
        new LinkedHashMap<>(exchange.getRequestHeaders()),
        body);
  }

  String pathAndQuery() {
    return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
  }

  Optional<String> header(String name) {
    return HeaderRules.first(headers, name);
  }

  /** The same request with another body and without the named header. */
  ProxiedRequest withBody(byte[] newBody, String removedHeader) {
    Map<String, List<String>> newHeaders = new LinkedHashMap<>(headers);
    newHeaders.keySet().removeIf(name -> name.equalsIgnoreCase(removedHeader));
    return new ProxiedRequest(method, rawPath, rawQuery, newHeaders, newBody);
  }

  /** The index named by a {@code /{index}/_bulk} path, or null. */
  String pathIndex() {
    String[] segments = rawPath.split("/");
    return segments.length == 3 && segments[1].length() > 0 && !segments[1].startsWith("_")
        ? URLDecoder.decode(segments[1], StandardCharsets.UTF_8)
        : null;
  }
}
