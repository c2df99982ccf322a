package dev.sluice.core.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/** How to reach and authenticate to the cluster. Secrets are {@link Secret}s; null when unset. */
public record ConnectionSettings(
    List<NodeAddress> nodes,
    String user,
    Secret password,
    Secret authorizationHeader,
    Secret apiKey,
    Secret bearer,
    String truststorePath,
    Secret truststorePassword,
    String truststoreType,
    Duration requestTimeout,
    Duration connectTimeout,
    boolean compression)
    implements Serializable {

  public ConnectionSettings {
    nodes = List.copyOf(nodes);
  }
}
