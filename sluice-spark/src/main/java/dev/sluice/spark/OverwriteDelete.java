package dev.sluice.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.ClusterFatalException;
import dev.sluice.core.transport.HttpResult;
import dev.sluice.core.transport.RestClientTransport;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Removes every document of an index and keeps the index, its mapping and settings, for
 * mode("overwrite"): a point-in-time search ({@code _source:false}, sorted by {@code _shard_doc},
 * {@value #PAGE} hits a page, continued with {@code search_after}) and one {@code _bulk} of deletes
 * by id per page, routing kept, then a refresh. {@code _delete_by_query} needs the reindex module,
 * which a plain node may lack. A page request names the page by the last hit's sort values, so it
 * is safe to send again (unlike a scroll, which moves on); a delete of an id already gone is fine.
 *
 * <p>Not atomic: documents are gone before the new ones are written. Running the same overwrite
 * again after a failure deletes what is left and writes everything.
 */
final class OverwriteDelete {
  static final int PAGE = 1000;
  private static final String KEEP_ALIVE = "2m";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestClientTransport transport;
  private final String index;

  private OverwriteDelete(RestClientTransport transport, String index) {
    this.transport = transport;
    this.index = index;
  }

  /** Deletes every document {@code index} holds; returns how many were deleted. */
  static long run(RestClientTransport transport, String index) {
    return new OverwriteDelete(transport, index).deleteAll();
  }

  private long deleteAll() {
    String indexPath = "/" + URLEncoder.encode(index, StandardCharsets.UTF_8);
    String pit =
        answer("open a point in time", "POST", indexPath + "/_pit?keep_alive=" + KEEP_ALIVE, null)
            .path("id")
            .asText();
    long deleted = 0;
    try {
      JsonNode searchAfter = null;
      while (true) {
        JsonNode page = answer("search", "POST", "/_search", pageRequest(pit, searchAfter));
        pit = page.path("pit_id").asText(pit);
        JsonNode hits = page.path("hits").path("hits");
        if (hits.isEmpty()) {
          break;
        }
        deleteById(hits);
        deleted += hits.size();
        searchAfter = hits.get(hits.size() - 1).path("sort");
      }
    } finally {
      // A point in time left open expires after KEEP_ALIVE; closing it only frees resources early.
      transport.request("DELETE", "/_pit", JSON.createObjectNode().put("id", pit).toString());
    }
    answer("refresh", "POST", indexPath + "/_refresh", null);
    return deleted;
  }

  private static String pageRequest(String pit, JsonNode searchAfter) {
    ObjectNode body = JSON.createObjectNode();
    body.put("size", PAGE);
    body.put("_source", false);
    body.put("track_total_hits", false);
    body.putObject("pit").put("id", pit).put("keep_alive", KEEP_ALIVE);
    body.putArray("sort").addObject().put("_shard_doc", "asc");
    if (searchAfter != null) {
      body.set("search_after", searchAfter);
    }
    return body.toString();
  }

  private void deleteById(JsonNode hits) {
    StringBuilder bulk = new StringBuilder();
    for (JsonNode hit : hits) {
      ObjectNode delete = JSON.createObjectNode();
      ObjectNode target = delete.putObject("delete");
      target.put("_index", hit.path("_index").asText());
      target.put("_id", hit.path("_id").asText());
      if (hit.hasNonNull("_routing")) {
        target.put("routing", hit.get("_routing").asText());
      }
      bulk.append(delete).append('\n');
    }
    JsonNode answer = answer("delete documents", "POST", "/_bulk", bulk.toString());
    if (answer.path("errors").asBoolean(false)) {
      for (JsonNode item : answer.path("items")) {
        JsonNode result = item.path("delete");
        int status = result.path("status").asInt();
        if (status != 200 && status != 404) {
          throw failure(
              "delete document '" + result.path("_id").asText() + "'",
              "HTTP " + status + " " + result.path("error"));
        }
      }
    }
  }

  private JsonNode answer(String what, String method, String path, String body) {
    HttpResult result = transport.request(method, path, body);
    if (result.error() != null) {
      throw failure(what, result.error().getMessage());
    }
    if (result.status() / 100 != 2) {
      throw failure(
          what,
          "HTTP " + result.status() + " " + new String(result.body(), StandardCharsets.UTF_8));
    }
    try {
      return JSON.readTree(result.body());
    } catch (IOException e) {
      throw failure(what, "unreadable answer: " + e.getMessage());
    }
  }

  private ClusterFatalException failure(String what, String why) {
    return new ClusterFatalException(
        "mode(\"overwrite\") could not "
            + what
            + " in index '"
            + index
            + "' on "
            + transport.describe()
            + ": "
            + why
            + ". Documents may already be deleted; run the same overwrite again to finish it.");
  }
}
