package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsRendererTest {
  @Test
  void rendersOneQuotedLinePerSettingInOrder() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("b.second", "1");
    settings.put("a.first", "say \"hi\"\\now");
    assertThat(SettingsRenderer.render(settings))
        .endsWith("b.second: \"1\"\na.first: \"say \\\"hi\\\"\\\\now\"\n");
  }

  @Test
  void nodeSettingsPinTheTestkitDefaultsAndLetExtrasOverrideThem() {
    NodeSpec spec =
        NodeSpec.builder()
            .name("n1")
            .tinyWriteQueue()
            .setting("cluster.routing.allocation.disk.threshold_enabled", "true")
            .build();
    Map<String, String> settings =
        NodeSettings.forNode(spec, 9201, 9301, new NodeDirectory(Path.of("/x/n1")));
    assertThat(settings)
        .containsEntry("discovery.type", "single-node")
        .containsEntry("network.host", "127.0.0.1")
        .containsEntry("http.port", "9201")
        .containsEntry("transport.port", "9301")
        .containsEntry("path.data", "/x/n1/data")
        .containsEntry("path.logs", "/x/n1/logs")
        .containsEntry("xpack.security.enabled", "false")
        .containsEntry("thread_pool.write.size", "1")
        .containsEntry("thread_pool.write.queue_size", "1")
        .containsEntry("cluster.routing.allocation.disk.threshold_enabled", "true")
        .doesNotContainKey("xpack.security.http.ssl.enabled");
  }

  @Test
  void securedNodeServesHttpsFromTheCopiedKeystore() throws Exception {
    Path keystore = java.nio.file.Files.createTempFile("ks", ".p12");
    try {
      NodeSpec spec =
          NodeSpec.builder()
              .security(SecuritySettings.builder().httpTls(keystore, "secret").build())
              .build();
      assertThat(NodeSettings.forNode(spec, 1, 2, new NodeDirectory(Path.of("/n"))))
          .containsEntry("xpack.security.enabled", "true")
          .containsEntry("xpack.security.http.ssl.enabled", "true")
          .containsEntry("xpack.security.http.ssl.keystore.path", "http.p12");
    } finally {
      java.nio.file.Files.delete(keystore);
    }
  }

  @Test
  void jvmOptionsSendGcLogAndCrashFilesToTheNodeLogs() {
    String stock =
        "-XX:ErrorFile=hs_err_pid%p.log\n"
            + "-Xlog:gc*,gc+age=trace,safepoint:file=gc.log:utctime,level,pid,tags:filecount=32\n";
    assertThat(JvmOptions.forNode(stock, Path.of("/n/logs")))
        .contains("-XX:ErrorFile=/n/logs/hs_err_pid%p.log")
        .contains("file=/n/logs/gc.log:utctime")
        .contains("-XX:HeapDumpPath=/n/logs");
  }
}
