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
 * index would otherwise fail document after document. A pattern ({@code logs-{service}}) with
 * auto-create off is refused: its indices cannot be checked before the rows are read
 * (elasticsearch-hadoop fails it too, looking for an index named after the pattern). First, {@link
 * ScriptAndPipelineCheck} checks the pipeline and script every document will need.
 */
final class TargetIndexCheck {
  private TargetIndexCheck() {}

  static void run(SluiceConfig config) {
    ScriptAndPipelineCheck.run(config);
    String index = config.defaultIndex();
    if (config.write().indexAutoCreate() || index == null) {
      return;
    }
    if (config.write().indexPattern()) {
      throw new ConfigException(
          ConfigKeys.INDEX_AUTO_CREATE.name(),
          String.format(
              "%s=false cannot be checked for the pattern '%s': which indices it makes is known"
                  + " only row by row. Create them, and set %s=true",
              ConfigKeys.INDEX_AUTO_CREATE.name(), index, ConfigKeys.INDEX_AUTO_CREATE.name()));
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
