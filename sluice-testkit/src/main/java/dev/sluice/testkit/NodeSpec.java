package dev.sluice.testkit;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What local Elasticsearch node to start. Immutable; validated when built. */
public final class NodeSpec {
  /** Settings the testkit decides itself; setting them through {@link Builder#setting} fails. */
  static final Set<String> RESERVED_SETTINGS =
      Set.of(
          "http.port",
          "transport.port",
          "network.host",
          "http.host",
          "transport.host",
          "discovery.type",
          "path.data",
          "path.logs",
          "path.home",
          "node.name",
          "xpack.security.enabled");

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
  private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kmgKMG]");

  private final String name;
  private final int httpPort;
  private final String heap;
  private final Map<String, String> settings;
  private final Optional<SecuritySettings> security;
  private final Path javaHome;
  private final Duration startTimeout;
  private final Optional<Path> nodeDirectory;
  private final boolean detached;

  private NodeSpec(Builder builder) {
    this.name = builder.name;
    this.httpPort = builder.httpPort;
    this.heap = builder.heap;
    this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(builder.settings));
    this.security = builder.security;
    this.javaHome = builder.javaHome;
    this.startTimeout = builder.startTimeout;
    this.nodeDirectory = builder.nodeDirectory;
    this.detached = builder.detached;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A node with all defaults: free port, 512 MiB heap, no security. */
  public static NodeSpec defaults() {
    return builder().build();
  }

  public String name() {
    return name;
  }

  /** The fixed HTTP port, or 0 for a free one chosen at start. */
  public int httpPort() {
    return httpPort;
  }

  public String heap() {
    return heap;
  }

  /** Extra elasticsearch.yml settings, in insertion order. */
  public Map<String, String> settings() {
    return settings;
  }

  public Optional<SecuritySettings> security() {
    return security;
  }

  public Path javaHome() {
    return javaHome;
  }

  public Duration startTimeout() {
    return startTimeout;
  }

  /** A fixed node directory (kept across starts, so data survives); empty for a fresh one. */
  public Optional<Path> nodeDirectory() {
    return nodeDirectory;
  }

  /** Whether the node outlives this JVM (no shutdown hook stops it). */
  public boolean detached() {
    return detached;
  }

  @Override
  public String toString() {
    return "NodeSpec{name="
        + name
        + ", httpPort="
        + (httpPort == 0 ? "free" : httpPort)
        + ", heap="
        + heap
        + ", settings="
        + settings
        + ", security="
        + security
        + ", detached="
        + detached
        + "}";
  }

  public static final class Builder {
    private String name = "sluice";
    private int httpPort;
    private String heap = "512m";
    private final Map<String, String> settings = new LinkedHashMap<>();
    private Optional<SecuritySettings> security = Optional.empty();
    private Path javaHome = Paths.get(System.getProperty("java.home"));
    private Duration startTimeout = Duration.ofMinutes(2);
    private Optional<Path> nodeDirectory = Optional.empty();
    private boolean detached;

    private Builder() {}

    /** Node name, also used in directory names: lower-case letters, digits, '-' and '_'. */
    public Builder name(String name) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "node name must match " + NAME.pattern() + ", was '" + name + "'");
      }
      this.name = name;
      return this;
    }

    /** A fixed HTTP port on 127.0.0.1; starting fails clearly if it is taken. 0 = free port. */
    public Builder httpPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("httpPort must be 0..65535, was " + port);
      }
      this.httpPort = port;
      return this;
    }

    /** JVM heap, e.g. "512m" (used for both -Xms and -Xmx). */
    public Builder heap(String heap) {
      if (heap == null || !HEAP.matcher(heap).matches()) {
        throw new IllegalArgumentException("heap must look like 512m or 1g, was '" + heap + "'");
      }
      this.heap = heap;
      return this;
    }

    /** An extra elasticsearch.yml setting; later calls win. */
    public Builder setting(String key, String value) {
      Objects.requireNonNull(key, "setting key");
      Objects.requireNonNull(value, "value of setting " + key);
      if (key.isBlank() || key.chars().anyMatch(c -> Character.isWhitespace(c) || c == ':')) {
        throw new IllegalArgumentException("setting key is invalid: '" + key + "'");
      }
      if (RESERVED_SETTINGS.contains(key) || key.startsWith("xpack.security.")) {
        throw new IllegalArgumentException(
            "setting '"
                + key
                + "' is managed by the testkit; use httpPort(...) or security(...) instead");
      }
      settings.put(key, value);
      return this;
    }

    public Builder settings(Map<String, String> settings) {
      settings.forEach(this::setting);
      return this;
    }

    /**
     * A write thread pool of one thread and a queue of one, so that concurrent bulk requests get
     * real HTTP 429 / {@code es_rejected_execution_exception} answers.
     */
    public Builder tinyWriteQueue() {
      return setting("thread_pool.write.size", "1").setting("thread_pool.write.queue_size", "1");
    }

    public Builder security(SecuritySettings security) {
      this.security = Optional.of(Objects.requireNonNull(security, "security"));
      return this;
    }

    /** The JDK that runs the node (the server zip bundles none). Default: this JVM's. */
    public Builder javaHome(Path javaHome) {
      this.javaHome = Objects.requireNonNull(javaHome, "javaHome");
      return this;
    }

    public Builder startTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive, was " + timeout);
      }
      this.startTimeout = timeout;
      return this;
    }

    public Builder nodeDirectory(Path directory) {
      this.nodeDirectory = Optional.of(directory.toAbsolutePath());
      return this;
    }

    public Builder detached(boolean detached) {
      this.detached = detached;
      return this;
    }

    public NodeSpec build() {
      return new NodeSpec(this);
    }
  }
}
