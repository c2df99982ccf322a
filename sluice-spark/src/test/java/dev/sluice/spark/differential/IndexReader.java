package dev.sluice.spark.differential;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.testkit.EsTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads, removes and restores the indices of one side of one scenario. */
final class IndexReader {
  /** Between a scenario's index name and a pattern's part: scenario names have single dashes. */
  static final String PATTERN_SEPARATOR = "--";

  private final EsTestClient client;

  IndexReader(EsTestClient client) {
    this.client = client;
  }

  /** The indices named {@code base} or {@code base--*}, sorted. */
  List<String> indices(String base) {
    EsTestClient.Response response =
        client.get("/_cat/indices/" + base + "*?h=index&format=json&expand_wildcards=all");
    require(response, "list indices " + base + "*");
    List<String> names = new ArrayList<>();
    for (JsonNode row : tree(response.body())) {
      String name = row.path("index").asText();
      if (name.equals(base) || name.startsWith(base + PATTERN_SEPARATOR)) {
        names.add(name);
      }
    }
    names.sort(null);
    return names;
  }

  void deleteAll(String base) {
    for (String index : indices(base)) {
      require(client.delete("/" + index), "delete " + index);
    }
  }

  /** The indices' state, by name less {@code base}. */
  Map<String, Snapshot.IndexState> read(String base, Scenario scenario) {
    Map<String, Snapshot.IndexState> states = new TreeMap<>();
    for (String index : indices(base)) {
      states.put(index.substring(base.length()), state(index, scenario));
    }
    return states;
  }

  private Snapshot.IndexState state(String index, Scenario scenario) {
    require(client.refresh(index), "refresh " + index);
    JsonNode mapping = tree(require(client.get("/" + index + "/_mapping"), "mapping").body());
    JsonNode hits = search(index);
    List<Snapshot.Doc> docs = new ArrayList<>();
    for (JsonNode hit : hits.path("hits")) {
      docs.add(
          new Snapshot.Doc(
              scenario.idsCompared() ? hit.path("_id").asText() : null,
              hit.hasNonNull("_routing") ? hit.path("_routing").asText() : null,
              scenario.versionsCompared() ? hit.path("_version").asLong() : null,
              Canonical.json(hit.path("_source"))));
    }
    docs.sort(
        Comparator.comparing((Snapshot.Doc doc) -> doc.id() == null ? "" : doc.id())
            .thenComparing(Snapshot.Doc::source));
    return new Snapshot.IndexState(
        hits.path("total").path("value").asLong(),
        Canonical.mappingTypes(mapping.path(index).path("mappings")),
        docs);
  }

  private JsonNode search(String index) {
    String body = "{\"size\":10000,\"version\":true,\"track_total_hits\":true,\"sort\":[\"_doc\"]}";
    return tree(require(client.post("/" + index + "/_search", body), "search " + index).body())
        .path("hits");
  }

  /** The raw mappings and documents (with ids) of an index, to restore it elsewhere. */
  PreparedIndex prepared(String index) {
    require(client.refresh(index), "refresh " + index);
    JsonNode mapping = tree(require(client.get("/" + index + "/_mapping"), "mapping").body());
    Map<String, String> docs = new TreeMap<>();
    for (JsonNode hit : search(index).path("hits")) {
      docs.put(hit.path("_id").asText(), Canonical.json(hit.path("_source")));
    }
    return new PreparedIndex(Canonical.json(mapping.path(index).path("mappings")), docs);
  }

  /** Creates {@code index} as {@code prepared} describes it. */
  void restore(String index, PreparedIndex prepared) {
    require(
        client.createIndex(index, "{\"mappings\":" + prepared.mappings() + "}"), "create " + index);
    if (prepared.docs().isEmpty()) {
      return;
    }
    StringBuilder bulk = new StringBuilder();
    prepared
        .docs()
        .forEach(
            (id, source) ->
                bulk.append("{\"index\":{\"_id\":")
                    .append(Canonical.JSON.getNodeFactory().textNode(id))
                    .append("}}\n")
                    .append(source)
                    .append('\n'));
    EsTestClient.Response response = require(client.bulk(index, bulk.toString()), "bulk");
    if (tree(response.body()).path("errors").asBoolean()) {
      throw new IllegalStateException("restoring " + index + " failed: " + response.body());
    }
    require(client.refresh(index), "refresh " + index);
  }

  /** Sends {@code request}; a failure stops the scenario, naming it. */
  void send(Scenario.Request request) {
    require(
        client.send(request.method(), request.path(), request.body(), "application/json"),
        request.method() + " " + request.path());
  }

  /** Indexes {@code docs} (id to source) into {@code index}, visible at once. */
  void seed(String index, Map<String, String> docs) {
    docs.forEach((id, source) -> require(client.index(index, id, source), "seed " + id));
  }

  void createIndex(String index, String body) {
    require(client.createIndex(index, body), "create " + index);
  }

  static JsonNode tree(String json) {
    try {
      return Canonical.JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }

  private static EsTestClient.Response require(EsTestClient.Response response, String what) {
    if (!response.isSuccess()) {
      throw new IllegalStateException(
          what + " answered " + response.status() + ": " + response.body());
    }
    return response;
  }

  /**
   * An index as elasticsearch-hadoop left it.
   *
   * @param mappings the {@code mappings} object, canonical JSON
   * @param docs id to canonical source
   */
  record PreparedIndex(String mappings, Map<String, String> docs) {}
}
