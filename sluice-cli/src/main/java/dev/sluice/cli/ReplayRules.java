package dev.sluice.cli;

import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.deadletter.DeadLetterRecord;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a replay must settle before it sends anything, decided from the records alone: the version
 * type their versions go with, the ingest pipeline their actions named, whether the configured
 * script matches what they ran, and which indices they go to. A replay that would do something
 * other than the original actions is refused.
 */
final class ReplayRules {
  private ReplayRules() {}

  /**
   * The {@code version_type} the records' versions were sent with, or null when none has one.
   *
   * @throws UsageException when records sent different ones (sets of several loads mixed)
   */
  static String versionType(List<DeadLetterRecord> records) {
    TreeSet<String> types =
        records.stream()
            .filter(r -> r.version() != null)
            .map(DeadLetterRecord::versionType)
            .filter(Objects::nonNull)
            .collect(Collectors.toCollection(TreeSet::new));
    if (types.size() > 1) {
      throw new UsageException(
          "The dead letters were sent with different version types "
              + types
              + ": replay the sets of each load on their own.");
    }
    return types.isEmpty() ? null : types.first();
  }

  /**
   * The ingest pipeline the records' index and create actions named, or null when they named none;
   * records that do not say (format 2 and before) are left out.
   *
   * @throws UsageException when they named different ones, or some one and some none: one replay
   *     sends every document through the same pipeline, or none
   */
  static String pipeline(List<DeadLetterRecord> records) {
    Set<String> seen = new TreeSet<>();
    long without = 0;
    for (DeadLetterRecord r : records) {
      if (r.keepsPipeline() && runsPipelines(r) && Replayer.sendable(r)) {
        if (r.pipeline() == null) {
          without++;
        } else {
          seen.add(r.pipeline());
        }
      }
    }
    if (seen.size() > 1 || (!seen.isEmpty() && without > 0)) {
      throw new UsageException(
          "The dead letters were sent through different ingest pipelines "
              + seen
              + (without > 0 ? " and " + without + " through none" : "")
              + ": replay the sets of each load on their own.");
    }
    return seen.isEmpty() ? null : seen.iterator().next();
  }

  /**
   * Index and create actions of records that do not say which pipeline they named (format 2 and
   * before): a replay sends them through the configured one, which may not be the load's.
   */
  static long withoutKnownPipeline(List<DeadLetterRecord> records) {
    return records.stream()
        .filter(r -> !r.keepsPipeline() && runsPipelines(r) && Replayer.sendable(r))
        .count();
  }

  private static boolean runsPipelines(DeadLetterRecord r) {
    return "index".equalsIgnoreCase(r.op()) || "create".equalsIgnoreCase(r.op());
  }

  /**
   * Refuses a scripted update replayed without a script, and a partial-document update replayed
   * with one: either would change the document differently from the original action.
   *
   * @param scripted whether the replay's options set a script
   */
  static void checkScript(List<DeadLetterRecord> records, boolean scripted) {
    long withParams = records.stream().filter(r -> r.scriptParams() != null).count();
    if (withParams > 0 && !scripted) {
      throw new UsageException(
          withParams
              + " dead letters are scripted updates (their params are kept) but no script is set:"
              + " give the load's script with -o "
              + ConfigKeys.UPDATE_SCRIPT_INLINE.name()
              + "=... (or "
              + ConfigKeys.UPDATE_SCRIPT_STORED.name()
              + ").");
    }
    long partial = records.stream().filter(ReplayRules::partialUpdate).count();
    if (partial > 0 && scripted) {
      throw new UsageException(
          partial
              + " dead letters are partial-document updates, but a script is set: replaying them"
              + " would run it instead. Replay without "
              + ConfigKeys.UPDATE_SCRIPT_INLINE.name()
              + "/"
              + ConfigKeys.UPDATE_SCRIPT_STORED.name()
              + ".");
    }
  }

  private static boolean partialUpdate(DeadLetterRecord r) {
    boolean update = "update".equalsIgnoreCase(r.op()) || "upsert".equalsIgnoreCase(r.op());
    return update && r.keepsWholeAction() && r.scriptParams() == null && Replayer.sendable(r);
  }

  /** The indices a replay writes to: {@code index} when given, else each record's own. */
  static Set<String> targets(List<DeadLetterRecord> records, String index) {
    if (index != null) {
      return Set.of(index);
    }
    return records.stream()
        .filter(Replayer::sendable)
        .map(DeadLetterRecord::index)
        .filter(Objects::nonNull)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
