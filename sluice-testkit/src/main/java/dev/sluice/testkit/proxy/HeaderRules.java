package dev.sluice.testkit.proxy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Header rules shared by both directions of the proxy. */
final class HeaderRules {
  /**
   * Hop-by-hop headers, and those the JDK HTTP client sets itself and refuses to take from callers
   * (host, content-length, ...): these are not copied from one side of the proxy to the other.
   */
  static final Set<String> NOT_COPIED =
      Set.of(
          "connection",
          "content-length",
          "date",
          "expect",
          "from",
          "host",
          "http2-settings",
          "keep-alive",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "via",
          "warning");

  private HeaderRules() {}

  static boolean copied(String name) {
    return !NOT_COPIED.contains(name.toLowerCase(Locale.ROOT));
  }

  static Optional<String> first(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst();
  }

  static boolean isGzip(Map<String, List<String>> headers) {
    return first(headers, "Content-Encoding")
        .map(v -> v.trim().equalsIgnoreCase("gzip"))
        .orElse(false);
  }
}
