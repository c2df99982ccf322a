package dev.sluice.spark;

import dev.sluice.core.ClusterFatalException;
import dev.sluice.core.ConfigException;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.transport.HttpResult;
import dev.sluice.core.transport.RestClientTransport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * With {@code es.index.auto.create=false}, the driver checks that the index exists before any task
 * starts ({@code HEAD /<index>}, through the load's own connection, credentials and TLS): a missing
 * index would otherwise fail document after document.
 */
final class TargetIndexCheck {
  private TargetIndexCheck() {}

  static void run(SluiceConfig config) {
    String index = config.defaultIndex();
    if (config.write().indexAutoCreate() || index == null) {
      return;
    }
    try (RestClientTransport transport = RestClientTransport.create(config.connection())) {
      HttpResult result =
          transport.request("HEAD", "/" + URLEncoder.encode(index, StandardCharsets.UTF_8));
      judge(index, result, transport.describe());
    }
  }

  /** Returns when the index exists; otherwise throws, naming the index and what to do. */
  static void judge(String index, HttpResult result, String cluster) {
    String option = ConfigKeys.INDEX_AUTO_CREATE.name();
    String cannotCheck =
        String.format(
            "Cannot check that index '%s' exists (%s=false) on %s: ", index, option, cluster);
    if (result.error() != null) {
      throw new ClusterFatalException(cannotCheck + result.error().getMessage(), result.error());
    }
    switch (result.status()) {
      case 200 -> {
        return;
      }
      case 404 ->
          throw new ConfigException(
              option,
              String.format(
                  "Index '%s' does not exist and %s=false: create it, or set %s=true to let"
                      + " Elasticsearch create it",
                  index, option, option));
      case 401, 403 ->
          throw new ClusterFatalException(
              cannotCheck
                  + "HTTP "
                  + result.status()
                  + ". Grant view_index_metadata on it, or set "
                  + option
                  + "=true");
      default -> throw new ClusterFatalException(cannotCheck + "HTTP " + result.status());
    }
  }
}
