package dev.sluice.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ClusterFatalException;
import dev.sluice.core.ConfigException;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.transport.HttpResult;
import java.net.ConnectException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetIndexCheckTest {
  private static final String CLUSTER = "https://es1:9200 as user 'bob'";

  /**
   * Through the load's own transport: one HEAD /<index>, with the credentials given as user info in
   * es.nodes, which must arrive as basic auth.
   */
  @Test
  void asksTheClusterOnceWithTheLoadsCredentials() throws Exception {
    try (RecordingNode node = RecordingNode.start(path -> path.equals("/orders") ? 200 : 404)) {
      String nodes = "http://elastic:s3cr%40t@127.0.0.1:" + node.port();
      String basic =
          "Basic " + Base64.getEncoder().encodeToString("elastic:s3cr@t".getBytes(UTF_8));

      TargetIndexCheck.run(config(nodes, "orders", "false"));
      assertThatThrownBy(() -> TargetIndexCheck.run(config(nodes, "missing", "false")))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("'missing' does not exist")
          .hasMessageNotContaining("s3cr");
      TargetIndexCheck.run(config(nodes, "missing", "true"));

      assertThat(node.seen()).containsExactly("HEAD /orders " + basic, "HEAD /missing " + basic);
    }
  }

  private static SluiceConfig config(String nodes, String index, String autoCreate) {
    return SluiceConfig.fromOptions(
        Map.of("es.nodes", nodes, "es.resource", index, "es.index.auto.create", autoCreate));
  }

  @Test
  void anExistingIndexPasses() {
    assertThatCode(
            () -> TargetIndexCheck.judge("orders", HttpResult.response(200, new byte[0]), CLUSTER))
        .doesNotThrowAnyException();
  }

  @Test
  void aMissingIndexStopsTheLoadNamingTheIndexAndTheOption() {
    assertThatThrownBy(
            () -> TargetIndexCheck.judge("orders", HttpResult.response(404, new byte[0]), CLUSTER))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'orders' does not exist")
        .hasMessageContaining("es.index.auto.create=false");
  }

  @Test
  void aRefusedOrFailedCheckStopsTheLoadSayingWhoAsked() {
    for (int status : new int[] {401, 403, 500}) {
      assertThatThrownBy(
              () ->
                  TargetIndexCheck.judge(
                      "orders", HttpResult.response(status, new byte[0]), CLUSTER))
          .isInstanceOf(ClusterFatalException.class)
          .hasMessageContaining("'orders'")
          .hasMessageContaining("user 'bob'")
          .hasMessageContaining(String.valueOf(status));
    }
    assertThatThrownBy(
            () ->
                TargetIndexCheck.judge(
                    "orders", HttpResult.failure(new ConnectException("refused")), CLUSTER))
        .isInstanceOf(ClusterFatalException.class)
        .hasMessageContaining("'orders'")
        .hasMessageContaining("refused");
  }
}
