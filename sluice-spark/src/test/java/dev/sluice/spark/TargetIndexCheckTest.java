package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ClusterFatalException;
import dev.sluice.core.ConfigException;
import dev.sluice.core.transport.HttpResult;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class TargetIndexCheckTest {
  private static final String CLUSTER = "https://es1:9200 as user 'bob'";

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
