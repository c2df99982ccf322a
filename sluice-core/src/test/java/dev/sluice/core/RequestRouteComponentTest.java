package dev.sluice.core;

import static dev.sluice.core.ComponentLoaders.doc;
import static dev.sluice.core.ScriptedBulkServer.Reply.json;
import static dev.sluice.core.ScriptedBulkServer.allCreated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.ScriptedBulkServer.Seen;
import dev.sluice.core.transport.HttpResult;
import dev.sluice.core.transport.RestClientTransport;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * es.nodes.path.prefix and es.net.http.header.* reach every request, the engine's bulk requests and
 * the driver's own, through the real REST client, as a fake node sees them.
 */
@Timeout(60)
class RequestRouteComponentTest {
  @TempDir Path deadLetterDir;

  private Map<String, String> options(ScriptedBulkServer server) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", server.address());
    options.put("es.resource", "test");
    options.put("sluice.deadletter.path", deadLetterDir.toString());
    options.put("es.nodes.path.prefix", "gateway/es/");
    options.put("es.net.http.header.X-Opaque-Id", "load-7");
    options.put("es.net.http.header.X-Tenant", "blue");
    options.put("es.net.http.auth.user", "loader");
    options.put("es.net.http.auth.pass", "pw");
    return options;
  }

  @Test
  void thePrefixAndTheHeadersReachBulkAndDriverRequests() throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r -> r.items().isEmpty() ? json(200, "{}") : json(200, allCreated(r)))) {
      Map<String, String> options = options(server);
      BulkLoader loader = ComponentLoaders.open(options, LoadListener.NONE);
      for (int i = 0; i < 5; i++) {
        loader.add(doc(i));
      }
      assertThat(loader.close().counters().indexed()).isEqualTo(5);
      SluiceConfig config = SluiceConfig.fromOptions(options);
      try (RestClientTransport driver = RestClientTransport.create(config.connection())) {
        HttpResult get = driver.request("GET", "/test/_mapping");
        HttpResult post = driver.request("POST", "/test/_refresh");
        assertThat(List.of(get.status(), post.status())).containsExactly(200, 200);
        assertThat(driver.describe()).contains(server.address() + "/gateway/es");
      }

      List<Seen> seen = server.seen();
      assertThat(seen)
          .extracting(s -> s.method() + " " + s.uri().replaceAll("\\?.*", ""))
          .containsExactly(
              "POST /gateway/es/_bulk",
              "GET /gateway/es/test/_mapping",
              "POST /gateway/es/test/_refresh");
      assertThat(seen)
          .allSatisfy(
              s ->
                  assertThat(s.headers())
                      .containsEntry("x-opaque-id", "load-7")
                      .containsEntry("x-tenant", "blue")
                      .containsKey("authorization"));
    }
  }

  @Test
  void withoutAPrefixPathsAreUnchanged() throws Exception {
    try (ScriptedBulkServer server =
        ScriptedBulkServer.start(
            r -> r.items().isEmpty() ? json(200, "{}") : json(200, allCreated(r)))) {
      Map<String, String> options = options(server);
      options.put("es.nodes.path.prefix", "/");
      BulkLoader loader = ComponentLoaders.open(options, LoadListener.NONE);
      loader.add(doc(1));
      loader.close();
      assertThat(server.seen())
          .singleElement()
          .satisfies(s -> assertThat(s.uri()).startsWith("/_bulk?"));
    }
  }
}
