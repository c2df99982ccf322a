package dev.sluice.core.config;

import dev.sluice.core.ConfigException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns es.nodes ("h", "h:p", "http(s)://h:p", "https://user:pass@h", comma separated) into
 * addresses and the credentials the URLs carry, reporting errors against the es.nodes option
 * without showing those credentials.
 */
public final class NodeAddressParser {
  private NodeAddressParser() {}

  /**
   * es.nodes, parsed.
   *
   * @param user the user name given in the URLs, or null
   * @param password its password, or null when no user is given
   */
  public record Parsed(List<NodeAddress> nodes, String user, Secret password) {}

  public static Parsed parse(ConfigKey<String> key, String nodes, int port, boolean ssl) {
    try {
      return parseList(key, nodes, port, ssl);
    } catch (IllegalArgumentException e) {
      // Not chained: the cause's message holds the value with its user info.
      throw new ConfigException(
          key.name(),
          "Invalid value '"
              + UrlCredentials.redact(nodes)
              + "' for option "
              + key.name()
              + ": "
              + UrlCredentials.redact(e.getMessage()));
    }
  }

  private static Parsed parseList(ConfigKey<String> key, String nodes, int port, boolean ssl) {
    List<NodeAddress> addresses = new ArrayList<>();
    Set<String> userInfos = new HashSet<>();
    for (String part : nodes.split(",")) {
      String trimmed = part.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      URI uri = uri(trimmed, ssl);
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("scheme of '" + trimmed + "' must be http or https");
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("'" + trimmed + "' has no host name");
      }
      addresses.add(
          new NodeAddress(scheme, uri.getHost(), uri.getPort() == -1 ? port : uri.getPort()));
      userInfos.add(uri.getUserInfo() == null ? "" : uri.getUserInfo());
    }
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("no node given");
    }
    return credentials(key, List.copyOf(addresses), userInfos);
  }

  private static URI uri(String text, boolean ssl) {
    String withScheme = text.contains("://") ? text : (ssl ? "https://" : "http://") + text;
    try {
      return URI.create(withScheme);
    } catch (IllegalArgumentException e) {
      // Not chained: URI's message repeats the text, user info included.
      throw new IllegalArgumentException("'" + text + "' is not host, host:port or a URL");
    }
  }

  /** Every node must carry the same user info, or none; a user needs a password. */
  private static Parsed credentials(
      ConfigKey<String> key, List<NodeAddress> nodes, Set<String> userInfos) {
    if (userInfos.size() > 1) {
      throw new ConfigException(
          key.name(),
          "The nodes in "
              + key.name()
              + " carry different user info; give the same for every node, or use "
              + ConfigKeys.AUTH_USER.name()
              + " and "
              + ConfigKeys.AUTH_PASS.name());
    }
    String userInfo = userInfos.iterator().next();
    if (userInfo.isEmpty()) {
      return new Parsed(nodes, null, null);
    }
    int colon = userInfo.indexOf(':');
    if (colon <= 0 || colon == userInfo.length() - 1) {
      throw new ConfigException(
          key.name(),
          "The user info in " + key.name() + " must be user:password (percent-encoded)");
    }
    return new Parsed(
        nodes, userInfo.substring(0, colon), Secret.of(userInfo.substring(colon + 1)));
  }
}
