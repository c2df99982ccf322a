package dev.sluice.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** The elasticsearch.yml settings of one node: the testkit's own, then the spec's extras. */
final class NodeSettings {
  static final String HTTP_KEYSTORE_FILE = "http.p12";
  static final String KEYSTORE_PASSWORD_SETTING =
      "xpack.security.http.ssl.keystore.secure_password";

  private NodeSettings() {}

  static Map<String, String> forNode(
      NodeSpec spec, int httpPort, int transportPort, NodeDirectory directory) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("cluster.name", "sluice-" + spec.name());
    settings.put("node.name", spec.name());
    settings.put("discovery.type", "single-node");
    settings.put("network.host", "127.0.0.1");
    settings.put("http.port", Integer.toString(httpPort));
    settings.put("transport.port", Integer.toString(transportPort));
    settings.put("path.data", directory.data().toString());
    settings.put("path.logs", directory.logs().toString());
    // A fullish disk on a laptop or CI runner must not turn test indices read-only.
    settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
    settings.put("action.destructive_requires_name", "false");
    settings.put("xpack.security.enabled", Boolean.toString(spec.security().isPresent()));
    spec.security()
        .filter(SecuritySettings::httpTls)
        .ifPresent(
            security -> {
              settings.put("xpack.security.http.ssl.enabled", "true");
              settings.put("xpack.security.http.ssl.keystore.path", HTTP_KEYSTORE_FILE);
            });
    settings.putAll(spec.settings());
    return settings;
  }
}
