package dev.sluice.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.ClusterFatalException;
import dev.sluice.core.transport.HttpResult;
import dev.sluice.core.transport.RestClientTransport;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Whether the target index exists and holds documents, asked on the driver before a save mode other
 * than append is applied. The index is refreshed first so that documents a previous job wrote
 * without {@code es.batch.write.refresh} are counted too.
 */
final class IndexDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IndexDocuments() {}

  static SaveModeDecision.IndexState state(RestClientTransport transport, String index) {
    String path = "/" + URLEncoder.encode(index, StandardCharsets.UTF_8);
    // A refresh that fails (no permission) only risks an uncounted, unrefreshed document; the
    // count below says whether the index can be read at all.
    transport.request("POST", path + "/_refresh");
    HttpResult count = transport.request("GET", path + "/_count");
    if (count.error() == null && count.status() == 404) {
      return SaveModeDecision.IndexState.MISSING;
    }
    long documents = count(index, count, transport.describe());
    return documents == 0
        ? SaveModeDecision.IndexState.EMPTY
        : SaveModeDecision.IndexState.HOLDS_DOCUMENTS;
  }

  private static long count(String index, HttpResult result, String cluster) {
    String cannot = "Cannot count the documents of index '" + index + "' on " + cluster + ": ";
    if (result.error() != null) {
      throw new ClusterFatalException(cannot + result.error().getMessage(), result.error());
    }
    if (result.status() != 200) {
      throw new ClusterFatalException(
          cannot
              + "HTTP "
              + result.status()
              + " (a save mode other than append needs the read privilege on it)");
    }
    try {
      JsonNode body = JSON.readTree(result.body());
      return body.path("count").asLong();
    } catch (IOException e) {
      throw new ClusterFatalException(cannot + "unreadable answer: " + e.getMessage(), e);
    }
  }
}
