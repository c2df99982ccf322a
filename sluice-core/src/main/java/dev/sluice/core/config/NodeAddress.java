package dev.sluice.core.config;

import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One Elasticsearch node to send to. */
public record NodeAddress(String scheme, String host, int port) implements Serializable {

  /** Parses es.nodes: "h", "h:p", "http(s)://h:p", comma separated. */
  static List<NodeAddress> parseList(String nodes, int defaultPort, boolean ssl) {
    List<NodeAddress> result = new ArrayList<>();
    for (String part : nodes.split(",")) {
      String trimmed = part.trim();
      if (!trimmed.isEmpty()) {
        result.add(parse(trimmed, defaultPort, ssl));
      }
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException("no node given");
    }
    return List.copyOf(result);
  }

  private static NodeAddress parse(String text, int defaultPort, boolean ssl) {
    String withScheme = text.contains("://") ? text : (ssl ? "https://" : "http://") + text;
    URI uri;
    try {
      uri = URI.create(withScheme);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not host, host:port or a URL", e);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("scheme of '" + text + "' must be http or https");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("'" + text + "' has no host name");
    }
    int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
    return new NodeAddress(scheme, uri.getHost(), port);
  }

  @Override
  public String toString() {
    return scheme + "://" + host + ":" + port;
  }
}
