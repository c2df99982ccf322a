package dev.sluice.cli;

import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.transport.HttpResult;
import dev.sluice.core.transport.RestClientTransport;

/**
 * Before Spark starts: the options parse (a bad one is a usage error naming it), and a node of
 * {@code --es} answers {@code GET /} with the load's credentials and TLS. An unreachable cluster or
 * refused credentials are said in one line, instead of after a Spark job's retries.
 */
final class Preflight {
  private Preflight() {}

  static SluiceConfig check(LoadSettings settings) {
    SluiceConfig config = SluiceConfig.fromOptions(settings.connectorOptions());
    reach(config, settings.nodes().size());
    return config;
  }

  static void reach(SluiceConfig config, int nodes) {
    try (RestClientTransport transport = RestClientTransport.create(config.connection())) {
      HttpResult last = null;
      for (int i = 0; i < Math.max(1, nodes); i++) {
        last = transport.request("GET", "/");
        if (last.error() == null) {
          break;
        }
      }
      judge(last, transport.describe());
    }
  }

  /** Returns when a node answered; otherwise throws, saying what was tried and what to do. */
  static void judge(HttpResult result, String cluster) {
    if (result.error() != null) {
      throw new UnreachableClusterException(
          "Cannot reach Elasticsearch at "
              + cluster
              + ": GET / on each node failed ("
              + result.error()
              + "). Check --es (scheme, host, port) and that the cluster runs; for a local one:"
              + " bin/es-local start.",
          result.error());
    }
    if (result.status() == 401) {
      throw new UsageException(
          "Elasticsearch at "
              + cluster
              + " refused the credentials (HTTP 401): check "
              + ConfigKeys.AUTH_USER.name()
              + " and "
              + ConfigKeys.AUTH_PASS.name()
              + " (or "
              + ConfigKeys.API_KEY.name()
              + ", "
              + ConfigKeys.BEARER.name()
              + ").");
    }
  }
}
