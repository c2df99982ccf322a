package dev.sluice.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.sluice.core.SluiceConfig;
import dev.sluice.core.transport.HttpResult;
import java.net.ConnectException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexRefreshTest {

  private static SluiceConfig config(RecordingNode node, String refresh) {
    Map<String, String> options = new HashMap<>();
    options.put("es.nodes", "http://127.0.0.1:" + node.port());
    options.put("es.resource", "orders");
    options.put("es.net.http.auth.user", "loader");
    options.put("es.net.http.auth.pass", "s3cret");
    if (refresh != null) {
      options.put("es.batch.write.refresh", refresh);
    }
    return SluiceConfig.fromOptions(options);
  }

  @Test
  void byDefaultRefreshesTheIndexOnceWithTheLoadsCredentials() throws Exception {
    List<String> seen;
    try (RecordingNode node = RecordingNode.start(path -> 200)) {
      IndexRefresh.run(config(node, null));
      seen = node.seen();
    }
    String basic = "Basic " + Base64.getEncoder().encodeToString("loader:s3cret".getBytes(UTF_8));
    assertThat(seen).containsExactly("POST /orders/_refresh " + basic);
  }

  @Test
  void withRefreshFalseSendsNothing() throws Exception {
    try (RecordingNode node = RecordingNode.start(path -> 200)) {
      IndexRefresh.run(config(node, "false"));
      assertThat(node.seen()).isEmpty();
    }
  }

  @Test
  void aFailedRefreshDoesNotFailTheJob() throws Exception {
    try (RecordingNode node = RecordingNode.start(path -> 403)) {
      assertThatCode(() -> IndexRefresh.run(config(node, "true"))).doesNotThrowAnyException();
      assertThat(node.seen()).hasSize(1);
    }
  }

  @Test
  void saysWhyARefreshDidNotHappen() {
    assertThat(IndexRefresh.problem(HttpResult.response(200, new byte[0]))).isEmpty();
    assertThat(IndexRefresh.problem(HttpResult.response(403, new byte[0]))).hasValue("HTTP 403");
    assertThat(IndexRefresh.problem(HttpResult.failure(new ConnectException("refused"))))
        .hasValue("refused");
  }
}
