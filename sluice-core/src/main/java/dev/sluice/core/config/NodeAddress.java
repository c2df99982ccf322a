package dev.sluice.core.config;

import java.io.Serializable;

/** One Elasticsearch node to send to. Holds no credentials, so it is safe to print. */
public record NodeAddress(String scheme, String host, int port) implements Serializable {

  @Override
  public String toString() {
    return scheme + "://" + host + ":" + port;
  }
}
