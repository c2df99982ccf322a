package dev.sluice.testkit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code es-local start|stop|status}: a local Elasticsearch for users that outlives this command.
 * State lives in {@code <state-dir>/es-local.json}; data is kept across restarts in {@code
 * <state-dir>/nodes/es-local}. Uses only the JDK so that it runs from the testkit jar alone.
 */
public final class EsLocal {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;

  /** As LSB init scripts: "program is not running". */
  static final int EXIT_NOT_RUNNING = 3;

  private static final String USAGE =
      String.join(
          "\n",
          "usage: es-local start [--port N] [--heap 512m] [--setting key=value]... [--state-dir DIR]",
          "       es-local status [--state-dir DIR]",
          "       es-local stop [--state-dir DIR]",
          "Starts a single-node Elasticsearch " + Distribution.VERSION + " on 127.0.0.1 that",
          "keeps running after this command exits; prints its URL.");

  private final PrintStream out;
  private final PrintStream err;

  EsLocal(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one es-local command as the script would; for the {@code sluice es-local} subcommand. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return new EsLocal(out, err).run(args);
  }

  /**
   * The URL of the es-local node, started (detached, default settings) if it is not running. For
   * demos that leave the node up for the user to look at afterwards.
   */
  public static String ensureRunning(PrintStream progress) {
    Options defaults = new Options();
    return runningNode(defaults.stateFile())
        .map(DetachedState::url)
        .orElseGet(() -> new EsLocal(progress, progress).startNode(defaults));
  }

  int run(String[] args) {
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      (args.length == 0 ? err : out).println(USAGE);
      return args.length == 0 ? EXIT_USAGE : EXIT_OK;
    }
    Options options;
    try {
      options = Options.parse(List.of(args).subList(1, args.length));
    } catch (IllegalArgumentException e) {
      err.println("es-local: " + e.getMessage());
      err.println(USAGE);
      return EXIT_USAGE;
    }
    try {
      switch (args[0]) {
        case "start":
          return start(options);
        case "status":
          return status(options);
        case "stop":
          return stop(options);
        default:
          err.println("es-local: unknown command '" + args[0] + "'");
          err.println(USAGE);
          return EXIT_USAGE;
      }
    } catch (ElasticsearchStartException e) {
      err.println("es-local: " + e.getMessage());
      return EXIT_FAILED;
    }
  }

  private int start(Options options) {
    Path stateFile = options.stateFile();
    Optional<DetachedState> running = runningNode(stateFile);
    if (running.isPresent()) {
      out.println(running.get().url());
      err.println("es-local: already running (pid " + running.get().pid() + ")");
      return EXIT_OK;
    }
    out.println(startNode(options));
    return EXIT_OK;
  }

  private String startNode(Options options) {
    NodeSpec.Builder spec =
        NodeSpec.builder()
            .name("es-local")
            .detached(true)
            .nodeDirectory(options.stateDir().resolve("nodes").resolve("es-local"))
            .heap(options.heap);
    options.port.ifPresent(spec::httpPort);
    options.settings.forEach(
        setting -> {
          int equals = setting.indexOf('=');
          spec.setting(setting.substring(0, equals), setting.substring(equals + 1));
        });
    err.println("es-local: starting Elasticsearch " + Distribution.VERSION + " ...");
    LocalElasticsearch node = LocalElasticsearch.start(spec.build());
    new DetachedState(node.pid(), node.processStart(), node.httpUrl(), node.nodeDirectory())
        .write(options.stateFile());
    return node.httpUrl();
  }

  private int status(Options options) {
    Optional<DetachedState> running = runningNode(options.stateFile());
    if (running.isEmpty()) {
      out.println("not running");
      return EXIT_NOT_RUNNING;
    }
    out.println(running.get().url());
    err.println("es-local: running (pid " + running.get().pid() + ")");
    return EXIT_OK;
  }

  private int stop(Options options) {
    Path stateFile = options.stateFile();
    Optional<DetachedState> state = DetachedState.read(stateFile);
    Optional<ProcessHandle> process = state.flatMap(DetachedNode::find);
    if (process.isEmpty()) {
      deleteState(stateFile);
      out.println("not running");
      return EXIT_OK;
    }
    if (!DetachedNode.stop(process.get())) {
      err.println("es-local: pid " + process.get().pid() + " did not exit");
      return EXIT_FAILED;
    }
    deleteState(stateFile);
    out.println("stopped");
    return EXIT_OK;
  }

  /** The recorded node if it still runs; a stale state file is removed. */
  private static Optional<DetachedState> runningNode(Path stateFile) {
    Optional<DetachedState> state = DetachedState.read(stateFile);
    if (state.isPresent() && DetachedNode.find(state.get()).isEmpty()) {
      deleteState(stateFile);
      return Optional.empty();
    }
    return state;
  }

  private static void deleteState(Path stateFile) {
    try {
      Files.deleteIfExists(stateFile);
    } catch (java.io.IOException e) {
      throw new ElasticsearchStartException("Cannot delete " + stateFile + ": " + e, e);
    }
  }

  /** Parsed command-line options; plain parsing keeps the jar free of dependencies. */
  static final class Options {
    Optional<Integer> port = Optional.empty();
    String heap = "512m";
    final List<String> settings = new ArrayList<>();
    Optional<Path> stateDir = Optional.empty();

    static Options parse(List<String> args) {
      Options options = new Options();
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        String value = i + 1 < args.size() ? args.get(i + 1) : null;
        switch (arg) {
          case "--port" -> options.port = Optional.of(port(need(arg, value)));
          case "--heap" -> options.heap = need(arg, value);
          case "--setting" -> {
            String setting = need(arg, value);
            if (setting.indexOf('=') <= 0) {
              throw new IllegalArgumentException(
                  "--setting needs key=value, got '" + setting + "'");
            }
            options.settings.add(setting);
          }
          case "--state-dir" -> options.stateDir = Optional.of(Paths.get(need(arg, value)));
          default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
        }
        i++;
      }
      return options;
    }

    Path stateDir() {
      return stateDir.orElseGet(EsHomes::root).toAbsolutePath();
    }

    Path stateFile() {
      return stateDir().resolve("es-local.json");
    }

    private static String need(String option, String value) {
      if (value == null) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return value;
    }

    private static int port(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port < 1 || port > 65535) {
          throw new NumberFormatException();
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port must be 1..65535, got '" + value + "'");
      }
    }
  }
}
