package dev.sluice.core.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * How to reach and authenticate to the cluster. Secrets are {@link Secret}s; null when unset. At
 * most one of user/password, authorization header, API key and bearer token is set.
 *
 * @param apiKey the encoded form, base64 of {@code id:key}, ready for {@code Authorization: ApiKey}
 * @param pathPrefix put in front of every request path ({@code /es}), "" for none
 * @param headers extra headers for every request
 */
public record ConnectionSettings(
    List<NodeAddress> nodes,
    String user,
    Secret password,
    Secret authorizationHeader,
    Secret apiKey,
    Secret bearer,
    TlsSettings tls,
    Duration requestTimeout,
    Duration connectTimeout,
    boolean compression,
    String pathPrefix,
    List<HttpHeader> headers,
    ProxySettings proxy)
    implements Serializable {

  public ConnectionSettings {
    nodes = List.copyOf(nodes);
    headers = List.copyOf(headers);
  }
}
