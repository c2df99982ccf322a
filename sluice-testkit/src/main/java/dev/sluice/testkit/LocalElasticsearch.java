package dev.sluice.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A real Elasticsearch node running on 127.0.0.1, started from the server distribution that Maven
 * caches. {@link #start()} returns once the cluster is yellow; {@link #stop()} stops this node's
 * processes only. Nodes that are not {@linkplain NodeSpec#detached() detached} are also stopped by
 * a JVM shutdown hook.
 *
 * <pre>{@code
 * try (LocalElasticsearch es = LocalElasticsearch.start(NodeSpec.defaults())) {
 *   EsTestClient client = EsTestClient.forNode(es);
 *   client.put("/books/_doc/1?refresh=true", "{\"title\":\"Dune\"}");
 * }
 * }</pre>
 */
public final class LocalElasticsearch implements AutoCloseable {
  /** The file-realm superuser the testkit adds to secured nodes for its own requests. */
  static final String ADMIN_USER = "sluice_admin";

  private static final int LOG_LINES = 40;
  private static final int PORT_ATTEMPTS = 3;
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);
  private static final Duration STOP_FORCED = Duration.ofSeconds(15);
  private static final Pattern SERVICE_TOKEN =
      Pattern.compile("SERVICE_TOKEN\\s+\\S+/([^/\\s]+)\\s*=\\s*(\\S+)");
  private static final Set<LocalElasticsearch> IN_PROCESS = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();

  private final NodeSpec spec;
  private Process process;
  private NodeDirectory directory;
  private Path esHome;
  private int httpPort;
  private Optional<String> authorization = Optional.empty();
  private Optional<SSLContext> ssl = Optional.empty();
  private Map<String, String> serviceTokens = Map.of();

  public LocalElasticsearch(NodeSpec spec) {
    this.spec = spec;
  }

  /** Creates and starts a node; returns once it is healthy. */
  public static LocalElasticsearch start(NodeSpec spec) {
    return new LocalElasticsearch(spec).start();
  }

  /**
   * Starts the node and waits until its cluster is yellow.
   *
   * @throws ElasticsearchStartException naming the cause (no usable JDK, port taken, the node died,
   *     with the last lines of its log, or it did not become healthy in time)
   */
  public synchronized LocalElasticsearch start() {
    if (process != null) { // a node is started once; make a new one to start again
      throw new IllegalStateException("node '" + spec.name() + "' is already started");
    }
    requireJdk(spec.javaHome());
    RunAs runAs = RunAs.forCurrentUser();
    if (runAs.switchesUser() && !RunAs.reachableByOthers(spec.javaHome())) {
      throw new ElasticsearchStartException(
          "The JDK at "
              + spec.javaHome()
              + " cannot be reached by user "
              + RunAs.SYSTEM_USER
              + ", who runs Elasticsearch because this process is root; use a JDK outside"
              + " /root (NodeSpec.javaHome)");
    }
    if (runAs.switchesUser()
        && spec.nodeDirectory().filter(d -> !RunAs.reachableByOthers(d)).isPresent()) {
      throw new ElasticsearchStartException(
          "The node directory "
              + spec.nodeDirectory().get()
              + " cannot be reached by user "
              + RunAs.SYSTEM_USER
              + ", who runs Elasticsearch because this process is root; choose one outside /root");
    }
    if (spec.httpPort() != 0) {
      Ports.requireFree(spec.httpPort(), "HTTP port");
    }
    Path root = EsHomes.root();
    createShared(root, runAs);
    esHome = DistributionInstaller.install(Distribution.fromSystem().zip(), root);
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          launch(root, runAs);
          break;
        } catch (PortTaken e) {
          if (attempt >= PORT_ATTEMPTS) {
            throw new ElasticsearchStartException(e.getMessage(), e);
          }
        }
      }
    } catch (RuntimeException e) {
      process = null; // a failed node can be started again
      throw e;
    }
    if (!spec.detached()) {
      installShutdownHook();
      IN_PROCESS.add(this);
    }
    return this;
  }

  private void launch(Path root, RunAs runAs) {
    int http = spec.httpPort() != 0 ? spec.httpPort() : Ports.freePort();
    int transport = Ports.freePort();
    directory =
        new NodeDirectory(
            spec.nodeDirectory()
                .orElseGet(
                    () ->
                        root.resolve("nodes")
                            .resolve(spec.name() + "-" + http + "-" + randomToken(6))));
    directory.prepare(
        esHome, SettingsRenderer.render(NodeSettings.forNode(spec, http, transport, directory)));
    Map<String, String> environment = environment();
    Optional<String> adminPassword = spec.security().map(s -> randomToken(24));
    spec.security().ifPresent(security -> writeSecurityFiles(security));
    runAs.chown(directory.root());
    if (spec.security().isPresent()) {
      NodeTools tools = new NodeTools(esHome, directory, environment, runAs);
      serviceTokens = configureSecurity(spec.security().get(), adminPassword.get(), tools);
      authorization = adminPassword.map(password -> basic(ADMIN_USER, password));
      ssl =
          spec.security()
              .flatMap(SecuritySettings::httpKeystore)
              .map(
                  keystore ->
                      TrustedHttp.trustingKeystore(
                          keystore, spec.security().get().httpKeystorePassword()));
    }
    httpPort = http;
    process = startProcess(runAs, environment);
    awaitHealthy(http);
  }

  private Process startProcess(RunAs runAs, Map<String, String> environment) {
    List<String> command =
        runAs.command(
            environment, List.of(esHome.resolve("bin").resolve("elasticsearch").toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.root().toFile())
            .redirectErrorStream(true)
            // A file, not a pipe: a detached node must not die of SIGPIPE when this JVM exits.
            .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.console().toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    cleanEnvironment(builder.environment());
    builder.environment().putAll(environment);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new ElasticsearchStartException(
          "Cannot launch " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  private void awaitHealthy(int http) {
    HealthWaiter.Outcome outcome;
    try {
      outcome =
          new HealthWaiter(Clock.systemUTC(), Sleeper.REAL)
              .await(
                  HealthWaiter.http(TrustedHttp.client(ssl), baseUrl(http), authorization),
                  process::isAlive,
                  spec.startTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopProcessQuietly();
      throw new ElasticsearchStartException(
          "Interrupted while node '" + spec.name() + "' started", e);
    }
    if (outcome == HealthWaiter.Outcome.HEALTHY) {
      return;
    }
    String exit = "";
    if (outcome == HealthWaiter.Outcome.PROCESS_DIED) {
      exit = " exited with code " + exitCode();
    } else {
      exit = " did not become healthy (yellow) within " + spec.startTimeout().toSeconds() + " s";
    }
    stopProcessQuietly();
    String log = LogTail.lastLines(directory.console(), LOG_LINES);
    String message =
        "Elasticsearch node '"
            + spec.name()
            + "' on port "
            + http
            + exit
            + " (node directory "
            + directory.root()
            + "). Last lines of its log:\n"
            + log;
    if (spec.httpPort() == 0
        && (log.contains("BindException") || log.contains("Address already in use"))) {
      throw new PortTaken(message);
    }
    throw new ElasticsearchStartException(message);
  }

  private String exitCode() {
    try {
      return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  private void writeSecurityFiles(SecuritySettings security) {
    try {
      if (security.httpKeystore().isPresent()) {
        Files.copy(
            security.httpKeystore().get(),
            directory.config().resolve(NodeSettings.HTTP_KEYSTORE_FILE));
      }
      if (security.rolesYml().isPresent()) {
        Files.writeString(directory.config().resolve("roles.yml"), security.rolesYml().get());
      }
    } catch (IOException e) {
      throw new ElasticsearchStartException(
          "Cannot write security files into " + directory.config() + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> configureSecurity(
      SecuritySettings security, String adminPassword, NodeTools tools) {
    if (security.httpTls()) {
      tools.run("elasticsearch-keystore", "create", List.of("create"), Optional.empty());
      tools.run(
          "elasticsearch-keystore",
          "add " + NodeSettings.KEYSTORE_PASSWORD_SETTING,
          List.of("add", "--force", "--stdin", NodeSettings.KEYSTORE_PASSWORD_SETTING),
          Optional.of(security.httpKeystorePassword()));
    }
    List<SecuritySettings.User> users = new ArrayList<>(security.users());
    users.add(new SecuritySettings.User(ADMIN_USER, adminPassword, List.of("superuser")));
    for (SecuritySettings.User user : users) {
      List<String> args = new ArrayList<>(List.of("useradd", user.name(), "-p", user.password()));
      if (!user.roles().isEmpty()) {
        args.add("-r");
        args.add(String.join(",", user.roles()));
      }
      tools.run("elasticsearch-users", "useradd " + user.name(), args, Optional.empty());
    }
    Map<String, String> tokens = new LinkedHashMap<>();
    for (String name : security.serviceTokens()) {
      String output =
          tools.run(
              "elasticsearch-service-tokens",
              "create elastic/fleet-server/" + name,
              List.of("create", "elastic/fleet-server", name),
              Optional.empty());
      Matcher matcher = SERVICE_TOKEN.matcher(output);
      if (!matcher.find()) {
        throw new ElasticsearchStartException(
            "elasticsearch-service-tokens printed no token for '" + name + "'");
      }
      tokens.put(matcher.group(1), matcher.group(2));
    }
    return Map.copyOf(tokens);
  }

  private Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("ES_JAVA_HOME", spec.javaHome().toString());
    environment.put("ES_PATH_CONF", directory.config().toString());
    environment.put("ES_TMPDIR", directory.tmp().toString());
    environment.put("ES_JAVA_OPTS", "-Xms" + spec.heap() + " -Xmx" + spec.heap());
    return environment;
  }

  /** Removes variables that the Elasticsearch scripts warn about or that would change the JVM. */
  static void cleanEnvironment(Map<String, String> environment) {
    environment.remove("JAVA_HOME");
    environment.remove("JAVA_TOOL_OPTIONS");
    environment.remove("_JAVA_OPTIONS");
    environment.remove("JAVA_OPTS");
    environment.keySet().removeIf(key -> key.startsWith("ES_"));
  }

  private static void requireJdk(Path javaHome) {
    Path java = javaHome.resolve("bin").resolve("java");
    if (!Files.isExecutable(java)) {
      throw new ElasticsearchStartException(
          "No usable JDK to run Elasticsearch: "
              + java
              + " does not exist or is not executable (NodeSpec.javaHome; default is this JVM's"
              + " java.home). The server distribution bundles no JDK.");
    }
  }

  private static void createShared(Path root, RunAs runAs) {
    try {
      Files.createDirectories(root.resolve("nodes"));
      if (runAs.switchesUser()) {
        // The node's user must traverse these, whatever this process's umask is.
        Files.setPosixFilePermissions(root, DistributionInstaller.DIRECTORY);
        Files.setPosixFilePermissions(root.resolve("nodes"), DistributionInstaller.DIRECTORY);
      }
    } catch (IOException e) {
      throw new ElasticsearchStartException("Cannot create " + root + ": " + e.getMessage(), e);
    }
  }

  private static void installShutdownHook() {
    if (HOOK_INSTALLED.compareAndSet(false, true)) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> List.copyOf(IN_PROCESS).forEach(LocalElasticsearch::stopProcessQuietly),
                  "sluice-elasticsearch-shutdown"));
    }
  }

  /** The HTTP base URL, e.g. {@code http://127.0.0.1:9200} ({@code https} with TLS). */
  public String httpUrl() {
    requireStarted();
    return baseUrl(httpPort);
  }

  private String baseUrl(int port) {
    boolean tls = spec.security().map(SecuritySettings::httpTls).orElse(false);
    return (tls ? "https" : "http") + "://127.0.0.1:" + port;
  }

  public int httpPort() {
    requireStarted();
    return httpPort;
  }

  /**
   * The pid of the process this class started: the Elasticsearch launcher, or {@code runuser} when
   * running as root. The server JVM is one of its descendants.
   */
  public long pid() {
    requireStarted();
    return process.pid();
  }

  public ProcessHandle processHandle() {
    requireStarted();
    return process.toHandle();
  }

  /** When the launched process started, to tell it from a later process with the same pid. */
  Optional<Instant> processStart() {
    return processHandle().info().startInstant();
  }

  public Path nodeDirectory() {
    requireStarted();
    return directory.root();
  }

  /** The {@code Authorization} header value of the testkit's superuser, when security is on. */
  public Optional<String> authorizationHeader() {
    return authorization;
  }

  /** An SSL context that trusts this node's HTTP certificate, when it serves HTTPS. */
  public Optional<SSLContext> sslContext() {
    return ssl;
  }

  /** Created service tokens ({@code elastic/fleet-server/<name>}), by name. */
  public Map<String, String> serviceTokens() {
    return serviceTokens;
  }

  public NodeSpec spec() {
    return spec;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /**
   * Stops this node's processes (SIGTERM, then SIGKILL after a bounded wait) and returns once they
   * are gone. A fresh node directory is deleted; a {@linkplain NodeSpec#nodeDirectory() fixed} one
   * is kept.
   */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    IN_PROCESS.remove(this);
    boolean gone = ProcessTree.stop(process.toHandle(), STOP_GRACE, STOP_FORCED);
    if (!gone) {
      throw new ElasticsearchStartException(
          "Elasticsearch node '" + spec.name() + "' (pid " + process.pid() + ") did not exit");
    }
    if (spec.nodeDirectory().isEmpty()) {
      DistributionInstaller.deleteRecursively(directory.root());
    }
  }

  private synchronized void stopProcessQuietly() {
    if (process != null) {
      IN_PROCESS.remove(this);
      ProcessTree.stop(process.toHandle(), Duration.ofSeconds(30), STOP_FORCED);
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void requireStarted() {
    if (process == null) {
      throw new IllegalStateException("node '" + spec.name() + "' is not started");
    }
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String randomToken(int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder token = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      token.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return token.toString();
  }

  @Override
  public String toString() {
    return "LocalElasticsearch{" + spec.name() + (process == null ? "" : " at " + httpUrl()) + "}";
  }

  /** A free port was taken by someone else between choosing it and the node binding it. */
  private static final class PortTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortTaken(String message) {
      super(message);
    }
  }
}
