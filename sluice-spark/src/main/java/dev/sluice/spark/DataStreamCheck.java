package dev.sluice.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.ClusterFatalException;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.transport.HttpResult;
import dev.sluice.core.transport.RestClientTransport;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the write's target is a data stream, asked once on the driver before any task, through
 * the load's own connection: {@code GET /_resolve/index/<name>} lists it under {@code data_streams}
 * ({@code GET /_data_stream}, of the x-pack module, is missing from some distributions). A name
 * that does not exist yet becomes a data stream on its first write when an index template with
 * {@code data_stream} matches it: {@code POST /_index_template/_simulate_index/<name>} answers that
 * template's mapping, which then holds {@code _data_stream_timestamp}.
 *
 * <p>Without {@code view_index_metadata} on the name the load stops, naming the privilege (the
 * mapping read needs it too). Without {@code manage_index_templates} (the simulation's privilege) a
 * name that does not exist yet is taken for an index, with a warning: if a template makes it a data
 * stream, Elasticsearch rejects every {@code index} action, so nothing is written differently in
 * silence.
 */
final class DataStreamCheck {
  private static final Logger LOG = LoggerFactory.getLogger(DataStreamCheck.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private DataStreamCheck() {}

  /** The data stream {@code config} writes into, or null when its target is none. */
  static String dataStream(SluiceConfig config) {
    String name = config.defaultIndex();
    if (name == null || config.write().indexPattern() || !plainName(name)) {
      return null; // a pattern, list or wildcard names several targets, each row its own
    }
    try (RestClientTransport transport = RestClientTransport.create(config.connection())) {
      String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8);
      Boolean exists =
          existing(
              name, transport.request("GET", "/_resolve/index/" + encoded), transport.describe());
      if (exists == null) {
        exists =
            simulated(
                name,
                transport.request("POST", "/_index_template/_simulate_index/" + encoded),
                transport.describe());
      }
      return exists ? name : null;
    }
  }

  /**
   * The answer to {@code GET /_resolve/index/<name>}: true for a data stream (or an alias over
   * one), false for an index or alias, null when nothing has that name yet.
   */
  static Boolean existing(String name, HttpResult result, String cluster) {
    String cannot = "Cannot check whether '" + name + "' is a data stream on " + cluster + ": ";
    if (result.error() != null) {
      throw new ClusterFatalException(cannot + result.error().getMessage(), result.error());
    }
    return switch (result.status()) {
      case 200 -> resolved(result.body());
      case 404 -> null;
      case 401, 403 ->
          throw new ClusterFatalException(
              cannot
                  + "HTTP "
                  + result.status()
                  + ". The load needs the index privilege view_index_metadata on it");
      default -> throw new ClusterFatalException(cannot + "HTTP " + result.status());
    };
  }

  private static Boolean resolved(byte[] body) {
    JsonNode root = read(body);
    if (root.path("data_streams").size() > 0) {
      return true;
    }
    for (JsonNode alias : root.path("aliases")) {
      for (JsonNode index : alias.path("indices")) {
        if (index.asText().startsWith(".ds-")) {
          return true; // an alias over a data stream's backing indices
        }
      }
    }
    return root.path("indices").size() > 0 || root.path("aliases").size() > 0 ? false : null;
  }

  /**
   * The answer to {@code POST /_index_template/_simulate_index/<name>}: whether the index template
   * that would create {@code name} makes it a data stream.
   */
  static boolean simulated(String name, HttpResult result, String cluster) {
    if (result.error() != null) {
      throw new ClusterFatalException(
          "Cannot simulate the index template of '"
              + name
              + "' on "
              + cluster
              + ": "
              + result.error().getMessage(),
          result.error());
    }
    return switch (result.status()) {
      case 200 -> dataStreamTemplate(result.body());
      case 404 -> false;
      case 401, 403 -> {
        LOG.warn(
            "Cannot tell whether a template makes '{}' a data stream (HTTP {} from {}: the"
                + " simulation needs the cluster privilege manage_index_templates); writing to it"
                + " as to an index",
            name,
            result.status(),
            cluster);
        yield false;
      }
      default ->
          throw new ClusterFatalException(
              "Cannot simulate the index template of '"
                  + name
                  + "' on "
                  + cluster
                  + ": HTTP "
                  + result.status());
    };
  }

  /** A simulated index's mapping holds {@code _data_stream_timestamp} when it is a data stream. */
  static boolean dataStreamTemplate(byte[] body) {
    JsonNode mappings = read(body).path("template").path("mappings");
    return mappings.path("_data_stream_timestamp").path("enabled").asBoolean(false);
  }

  private static JsonNode read(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new ClusterFatalException(
          "unreadable answer about a data stream: " + e.getMessage(), e);
    }
  }

  private static boolean plainName(String name) {
    return !name.contains(",") && !name.contains("*") && !name.startsWith("_");
  }
}
