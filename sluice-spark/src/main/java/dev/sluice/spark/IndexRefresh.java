package dev.sluice.spark;

import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.transport.HttpResult;
import dev.sluice.core.transport.RestClientTransport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code es.batch.write.refresh} (default true, as in elasticsearch-hadoop): once the job has
 * committed, the driver sends {@code POST /<index>/_refresh} through the load's own connection,
 * credentials and TLS, so every document is searchable when the write returns. The documents are
 * written either way, so a refresh that fails is a warning, never a failed job.
 */
final class IndexRefresh {
  private static final Logger LOG = LoggerFactory.getLogger(IndexRefresh.class);
  static final int INDICES_PER_REQUEST = 100;

  private IndexRefresh() {}

  static void run(SluiceConfig config) {
    run(config, Set.of());
  }

  /**
   * @param written the indices the tasks wrote (their counts per index): what a pattern ({@code
   *     logs-{service}}) refreshes, in requests of at most {@value #INDICES_PER_REQUEST} names
   */
  static void run(SluiceConfig config, Set<String> written) {
    if (!config.write().refresh() || config.defaultIndex() == null) {
      return;
    }
    if (!config.write().indexPattern()) {
      refresh(config, config.defaultIndex());
      return;
    }
    List<String> names = new ArrayList<>(new TreeSet<>(written));
    for (int from = 0; from < names.size(); from += INDICES_PER_REQUEST) {
      List<String> some = names.subList(from, Math.min(names.size(), from + INDICES_PER_REQUEST));
      refresh(config, String.join(",", some));
    }
  }

  private static void refresh(SluiceConfig config, String index) {
    try (RestClientTransport transport = RestClientTransport.create(config.connection())) {
      HttpResult result =
          transport.request(
              "POST",
              "/"
                  + URLEncoder.encode(index, StandardCharsets.UTF_8).replace("%2C", ",")
                  + "/_refresh");
      problem(result)
          .ifPresent(
              why ->
                  LOG.warn(
                      "Could not refresh index '{}' on {} after the load ({}): {}. Every document"
                          + " is written; it becomes searchable within the index's refresh"
                          + " interval.",
                      index,
                      transport.describe(),
                      ConfigKeys.BATCH_WRITE_REFRESH.name(),
                      why));
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not refresh index '{}' after the load ({}): {}",
          index,
          ConfigKeys.BATCH_WRITE_REFRESH.name(),
          e.toString());
    }
  }

  /** Why the refresh did not happen, or empty when it did. */
  static Optional<String> problem(HttpResult result) {
    if (result.error() != null) {
      return Optional.of(result.error().getMessage());
    }
    if (result.status() / 100 != 2) {
      return Optional.of("HTTP " + result.status());
    }
    return Optional.empty();
  }
}
