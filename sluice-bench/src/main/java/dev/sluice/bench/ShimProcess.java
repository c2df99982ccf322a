package dev.sluice.bench;

import dev.sluice.testkit.RootShim;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link RootShim} in a JVM of its own, so that the bytes it copies are not counted as the loaders'
 * CPU; its own CPU is measured apart.
 */
final class ShimProcess implements AutoCloseable {
  private final Process process;
  private final String url;

  private ShimProcess(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  static ShimProcess start(String nodeUrl) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx512m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    RootShim.class.getName(),
                    nodeUrl))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String url = out.readLine();
    if (url == null || !url.startsWith("http://")) {
      process.destroyForcibly();
      throw new IOException("the GET / shim did not start (it printed " + url + ")");
    }
    return new ShimProcess(process, url);
  }

  /** {@code host:port}, as both connectors take a node. */
  String hostAndPort() {
    return url.substring("http://".length());
  }

  long cpuNanos() {
    return ResourceMeter.treeCpuNanos(process.toHandle());
  }

  @Override
  public void close() {
    process.destroy();
  }
}
