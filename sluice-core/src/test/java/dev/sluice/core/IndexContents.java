package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.testkit.EsTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What an index of the real node holds, read through search: counts and document ids. */
final class IndexContents {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Elasticsearch's default max_result_window: one search page returns at most this many hits. */
  static final int MAX_PAGE = 10_000;

  private final EsTestClient client;
  private final String index;

  IndexContents(EsTestClient client, String index) {
    this.client = client;
    this.index = index;
    EsTestClient.Response refresh = client.refresh(index);
    assertThat(refresh.isSuccess()).as("refresh %s: %s", index, refresh.body()).isTrue();
  }

  long count() {
    return client.count(index);
  }

  /** Every {@code _id} in the index, duplicates kept; the index must hold at most MAX_PAGE. */
  List<String> allIds() {
    long count = count();
    assertThat(count).as("documents in %s (one search page)", index).isLessThanOrEqualTo(MAX_PAGE);
    ObjectNode query = JSON.createObjectNode();
    query.put("size", MAX_PAGE);
    query.put("_source", false);
    query.put("track_total_hits", true);
    query.putObject("query").putObject("match_all");
    JsonNode hits = search(query).get("hits");
    List<String> ids = new ArrayList<>();
    hits.get("hits").forEach(hit -> ids.add(hit.get("_id").asText()));
    assertThat(ids).hasSize((int) count);
    return ids;
  }

  /** How many of {@code ids} the index holds. */
  long countOf(Collection<String> ids) {
    ObjectNode query = JSON.createObjectNode();
    ArrayNode values = query.putObject("query").putObject("ids").putArray("values");
    ids.forEach(values::add);
    EsTestClient.Response response = client.post("/" + index + "/_count", write(query));
    assertThat(response.isSuccess()).as("count by ids: %s", response.body()).isTrue();
    return read(response.body()).get("count").asLong();
  }

  private JsonNode search(ObjectNode query) {
    EsTestClient.Response response = client.post("/" + index + "/_search", write(query));
    assertThat(response.isSuccess()).as("search %s: %s", index, response.body()).isTrue();
    return read(response.body());
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
