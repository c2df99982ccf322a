package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each failure gives a clear exception, quickly, and never a hang. */
class StartFailuresIT {
  @Test
  @Timeout(10)
  void missingJdkIsNamed() {
    Path nowhere = Path.of("/nonexistent/jdk-for-sluice");
    NodeSpec spec = NodeSpec.builder().name("no-jdk").javaHome(nowhere).build();
    assertThatThrownBy(() -> LocalElasticsearch.start(spec))
        .isInstanceOf(ElasticsearchStartException.class)
        .hasMessageContaining("No usable JDK")
        .hasMessageContaining(nowhere.toString());
  }

  @Test
  @Timeout(10)
  void aTakenPortIsNamed() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(Ports.LOOPBACK, 0));
      int port = taken.getLocalPort();
      NodeSpec spec = NodeSpec.builder().name("taken-port").httpPort(port).build();
      assertThatThrownBy(() -> LocalElasticsearch.start(spec))
          .isInstanceOf(ElasticsearchStartException.class)
          .hasMessageContaining("HTTP port " + port)
          .hasMessageContaining("already in use");
    }
  }

  @Test
  @Timeout(120)
  void anInvalidSettingFailsWithTheLogExcerpt() {
    NodeSpec spec =
        NodeSpec.builder()
            .name("bad-setting")
            .setting("thread_pool.write.size", "-5")
            .startTimeout(Duration.ofSeconds(100))
            .build();
    assertThatThrownBy(() -> LocalElasticsearch.start(spec))
        .isInstanceOf(ElasticsearchStartException.class)
        .hasMessageContaining("exited with code")
        .hasMessageContaining("thread_pool.write.size");
  }
}
