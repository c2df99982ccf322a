package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeSpecTest {
  @Test
  void defaults() {
    NodeSpec spec = NodeSpec.defaults();
    assertThat(spec.httpPort()).isZero();
    assertThat(spec.heap()).isEqualTo("512m");
    assertThat(spec.settings()).isEmpty();
    assertThat(spec.security()).isEmpty();
    assertThat(spec.detached()).isFalse();
    assertThat(spec.javaHome().toString()).isEqualTo(System.getProperty("java.home"));
  }

  @Test
  void settingsTheTestkitManagesAreRejectedByName() {
    assertThatThrownBy(() -> NodeSpec.builder().setting("http.port", "9200"))
        .hasMessageContaining("'http.port'");
    assertThatThrownBy(() -> NodeSpec.builder().setting("xpack.security.enabled", "true"))
        .hasMessageContaining("'xpack.security.enabled'");
  }

  @Test
  void invalidValuesNameTheOption() {
    assertThatThrownBy(() -> NodeSpec.builder().heap("lots")).hasMessageContaining("heap");
    assertThatThrownBy(() -> NodeSpec.builder().httpPort(70000)).hasMessageContaining("httpPort");
    assertThatThrownBy(() -> NodeSpec.builder().name("Bad Name")).hasMessageContaining("node name");
  }

  @Test
  void passwordsNeverAppearInToString() {
    SecuritySettings security =
        SecuritySettings.builder().user("alice", "s3cret-pass", "superuser").build();
    String text = NodeSpec.builder().security(security).build().toString();
    assertThat(text).contains("alice").doesNotContain("s3cret-pass");
    assertThat(security.users().get(0).toString()).doesNotContain("s3cret-pass");
  }

  @Test
  void theTestkitsOwnUserNameIsReserved() {
    assertThatThrownBy(
            () ->
                SecuritySettings.builder().user(LocalElasticsearch.ADMIN_USER, "whatever1").build())
        .hasMessageContaining(LocalElasticsearch.ADMIN_USER);
  }
}
