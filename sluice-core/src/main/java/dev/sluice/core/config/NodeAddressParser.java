package dev.sluice.core.config;

import dev.sluice.core.ConfigException;
import java.util.List;

/** Turns es.nodes into addresses, reporting errors against the es.nodes option. */
public final class NodeAddressParser {
  private NodeAddressParser() {}

  public static List<NodeAddress> parse(
      ConfigKey<String> key, String nodes, int port, boolean ssl) {
    try {
      return NodeAddress.parseList(nodes, port, ssl);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          key.name(),
          "Invalid value '" + nodes + "' for option " + key.name() + ": " + e.getMessage(),
          e);
    }
  }
}
