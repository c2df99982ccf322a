package dev.sluice.cli;

import dev.sluice.core.Attempt;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.LoadResult;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.deadletter.DeadLetterRecord;
import dev.sluice.core.transport.RestClientTransport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Sends a dead-letter set's documents again, e.g. after a mapping fix. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Sends the original documents of a dead-letter set again (not the dead-letter records),"
          + " with their ids, so nothing is duplicated: e.g. after fixing the index's mapping."
          + " What fails again goes to a new set beside it (DIR-replay-<time>); DIR is kept and"
          + " marked replayed ("
          + ReplayMarker.FILE
          + "), and replaying it again sends nothing"
          + " unless --force. Malformed input records cannot be sent: they are carried into the"
          + " new set. Connection and credentials come from the run that wrote DIR, or --es/-o.",
      "",
      "Each action is repeated as it was: its index (the one a {field} pattern chose; --index"
          + " sends every record to one index instead), routing, version and version type, ingest"
          + " pipeline (-o es.ingest.pipeline=... sends through another), and operation. index and"
          + " create send the document again (create fails again if it"
          + " exists by now, unless an earlier replay of DIR was cut off or this one is forced:"
          + " then the document may be that replay's own, and counts as already delivered);"
          + " update and upsert apply the same partial document, or the same"
          + " script with the record's own params (the script itself comes from the load's"
          + " options or -o; a replay whose script does not match the records is refused);"
          + " delete deletes the id again. An externally versioned document that is older than"
          + " what the index holds by now fails again with a version conflict, as it should."
          + " Records written before Sluice kept routing, version and params (format 1;"
          + " inspect says so) are sent without them, and before it kept the pipeline (format 2)"
          + " through the one the load's options or -o give, if any.",
      "",
      "Examples:",
      "  sluice dead-letters replay sluice-out/orders-20261130-101500/deadletter",
      "  sluice dead-letters replay DIR --index orders-v2 --es https://es:9200"
          + " -o es.net.http.auth.pass=env:ES_PASSWORD",
      ""
    })
final class ReplayCommand implements Callable<Integer> {
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  @Parameters(paramLabel = "DIR", description = "A dead-letter directory (or a run directory).")
  Path directory;

  @Option(names = "--index", description = "Send to this index instead of each record's.")
  String index;

  @Option(names = "--id-field", description = "Source field giving the id of records without one.")
  String idField;

  @Option(
      names = "--es",
      arity = "1..*",
      paramLabel = "URL",
      description = "Elasticsearch URL(s); default: the load's, else http://127.0.0.1:9200.")
  List<String> nodes = new ArrayList<>();

  @Option(
      names = {"-o", "--option"},
      paramLabel = "KEY=VALUE",
      description = "A connector option (repeatable); over the load's.")
  Map<String, String> options = new LinkedHashMap<>();

  @Option(names = "--force", description = "Replay a set that was replayed already.")
  boolean force;

  @Option(names = "--verbose", description = "Stack traces with errors.")
  boolean verbose;

  @Override
  public Integer call() throws InterruptedException {
    Path from = DeadLetterDirectory.of(directory);
    if (Files.exists(from.resolve(ReplayMarker.FILE)) && !force) {
      System.out.println(
          "Nothing sent: "
              + from
              + " was replayed already ("
              + ReplayMarker.read(from).summary()
              + "). --force sends it again.");
      return ExitCode.INDEXED;
    }
    Instant now = Instant.now();
    Path into = from.resolveSibling(from.getFileName() + "-replay-" + NAME_TIME.format(now));
    List<DeadLetterRecord> records = Replayer.read(from);
    String pipeline = ReplayRules.pipeline(records);
    SluiceConfig config =
        SluiceConfig.fromOptions(options(from, into, ReplayRules.versionType(records), pipeline));
    ReplayRules.checkScript(records, config.write().actions().script() != null);
    tellAboutPipeline(records, pipeline, config.write().actions().pipeline());
    Preflight.reach(config, Math.max(1, nodes.size()));
    Optional<ReplayStart> cutOff = ReplayStart.find(from);
    cutOff.ifPresent(
        earlier ->
            System.out.println(
                "An earlier replay of "
                    + from
                    + " (started "
                    + earlier.startedAt()
                    + ") did not finish: documents it sent may be in the index, so a create"
                    + " finding its id taken counts as already delivered, and documents with"
                    + " generated ids count as possible duplicates."));
    Attempt attempt =
        ReplayStart.attempt(cutOff.isPresent(), Files.exists(from.resolve(ReplayMarker.FILE)));
    new ReplayStart(now.toString(), into.toString()).write(from);
    LoadResult result = new Replayer(config, index, idField).replay(records, "replay", attempt);
    LoadCounters c = result.counters();
    new ReplayMarker(now.toString(), into.toString(), c.read(), c.indexed(), c.deadLettered())
        .write(from);
    ReplayStart.finished(from);
    refresh(config, ReplayRules.targets(records, index));
    System.out.printf(
        "replayed %s: %,d sent, %,d indexed, %,d dead-lettered again%s%n",
        from,
        c.read(),
        c.indexed(),
        c.deadLettered(),
        c.deadLettered() > 0 ? " (in " + into + ")" : "");
    return c.deadLettered() > 0 ? ExitCode.DEAD_LETTERS : ExitCode.INDEXED;
  }

  /** Says when the documents go through another pipeline than the one their actions named. */
  private static void tellAboutPipeline(
      List<DeadLetterRecord> records, String recorded, String configured) {
    if (recorded != null && !recorded.equals(configured)) {
      System.out.println(
          "The dead letters were sent through the ingest pipeline "
              + recorded
              + "; they are replayed through "
              + configured
              + ", as "
              + ConfigKeys.INGEST_PIPELINE.name()
              + " asks.");
    }
    long unknown = ReplayRules.withoutKnownPipeline(records);
    if (unknown > 0 && configured == null) {
      System.out.println(
          unknown
              + " index/create dead letters were written before Sluice kept the pipeline their"
              + " action named (format 2): they are sent through none; if the load had one,"
              + " replay with -o "
              + ConfigKeys.INGEST_PIPELINE.name()
              + "=<name>.");
    }
  }

  /**
   * @param versionType the version type the records' versions were sent with, or null
   * @param pipeline the ingest pipeline the records' actions named, or null
   */
  private Map<String, String> options(Path from, Path into, String versionType, String pipeline) {
    Optional<LoadSettings> load = DeadLetterDirectory.settingsOf(from);
    Map<String, String> all = new LinkedHashMap<>();
    // Every failure of a replay is worth keeping: no tolerance stops it half way.
    all.put(ConfigKeys.DEADLETTER_MAX_RATIO.name(), "1.0");
    load.ifPresent(l -> all.putAll(l.options()));
    List<String> urls =
        !nodes.isEmpty()
            ? nodes
            : load.map(LoadSettings::nodes).orElse(List.of("http://127.0.0.1:9200"));
    all.put(ConfigKeys.NODES.name(), String.join(",", urls));
    String target = index != null ? index : load.map(LoadSettings::index).orElse(null);
    if (target != null) {
      all.put(ConfigKeys.RESOURCE.name(), target);
    }
    if (versionType != null) {
      all.put(ConfigKeys.MAPPING_VERSION_TYPE.name(), versionType);
    }
    if (pipeline != null) {
      all.put(ConfigKeys.INGEST_PIPELINE.name(), pipeline);
    }
    all.putAll(options);
    all.put(ConfigKeys.DEADLETTER_PATH.name(), into.toString());
    all.remove(ConfigKeys.CHECKPOINT_PATH.name());
    all.remove(ConfigKeys.REPORT_PATH.name());
    return all;
  }

  /** So that a search right after the replay sees its documents, as after a load. */
  private static void refresh(SluiceConfig config, Set<String> targets) {
    if (targets.isEmpty() || !config.write().refresh()) {
      return;
    }
    String indices =
        targets.stream()
            .map(t -> URLEncoder.encode(t, StandardCharsets.UTF_8))
            .collect(Collectors.joining(","));
    try (RestClientTransport transport = RestClientTransport.create(config.connection())) {
      transport.request("POST", "/" + indices + "/_refresh");
    }
  }
}
