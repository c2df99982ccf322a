package dev.sluice.spark.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.EsTestClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Every document of an index, read with a scroll: exact, duplicates included. */
final class IndexContents {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Doc(String id, JsonNode source) {}

  private IndexContents() {}

  static List<Doc> read(EsTestClient client, String index) throws IOException {
    client.refresh(index);
    List<Doc> docs = new ArrayList<>();
    JsonNode page =
        post(client, "/" + index + "/_search?scroll=1m", "{\"size\":2000,\"sort\":[\"_doc\"]}");
    while (page.path("hits").path("hits").size() > 0) {
      for (JsonNode hit : page.path("hits").path("hits")) {
        docs.add(new Doc(hit.path("_id").asText(), hit.path("_source")));
      }
      page =
          post(
              client,
              "/_search/scroll",
              JSON.createObjectNode()
                  .put("scroll", "1m")
                  .put("scroll_id", page.path("_scroll_id").asText())
                  .toString());
    }
    client.send(
        "DELETE",
        "/_search/scroll",
        JSON.createObjectNode().put("scroll_id", page.path("_scroll_id").asText()).toString(),
        "application/json");
    return docs;
  }

  private static JsonNode post(EsTestClient client, String path, String body) throws IOException {
    EsTestClient.Response response = client.send("POST", path, body, "application/json");
    if (!response.isSuccess()) {
      throw new IOException("POST " + path + ": " + response.status() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
