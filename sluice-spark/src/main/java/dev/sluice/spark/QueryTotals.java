package dev.sluice.spark;

import dev.sluice.core.LoadCounters;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a streaming query did over all the epochs Sluice committed for it, across restarts: kept in
 * each epoch's commit record ({@link StreamingEpochs}), so the totals and the commit are one atomic
 * write, and an epoch counts once however often Spark runs it.
 *
 * @param epochs epochs committed
 * @param firstEpoch the first of them, -1 for none
 * @param lastEpoch the last of them, -1 for none
 * @param started when the first of them started, null for none
 * @param tasksReported tasks of those epochs whose counters are in {@code counters}
 * @param tasks tasks those epochs had
 * @param counters the sum of their counters: dead letters by reason and per-index counts included
 */
record QueryTotals(
    long epochs,
    long firstEpoch,
    long lastEpoch,
    Instant started,
    long tasksReported,
    long tasks,
    LoadCounters counters) {
  static final QueryTotals NONE = new QueryTotals(0, -1, -1, null, 0, 0, LoadCounters.empty());

  /** These totals with one more committed epoch. */
  QueryTotals plus(
      long epoch, Instant epochStarted, LoadCounters epochCounters, int reported, int tasks) {
    return new QueryTotals(
        epochs + 1,
        epochs == 0 ? epoch : firstEpoch,
        epoch,
        started == null ? epochStarted : started,
        tasksReported + reported,
        this.tasks + tasks,
        counters.plus(epochCounters));
  }

  /** For the report's reconciliation, which counts tasks in ints. */
  int tasksReportedForReport() {
    return (int) Math.min(Integer.MAX_VALUE, tasksReported);
  }

  int tasksForReport() {
    return (int) Math.min(Integer.MAX_VALUE, tasks);
  }

  /** One sentence for the report and the log. */
  String statement(String queryId) {
    return epochs == 0
        ? "streaming query " + queryId + ": no epoch committed yet"
        : "streaming query "
            + queryId
            + ": "
            + epochs
            + (epochs == 1 ? " epoch" : " epochs")
            + " committed ("
            + firstEpoch
            + " to "
            + lastEpoch
            + "), totals over all of them, each counted once across restarts";
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("epochs", epochs);
    json.put("first_epoch", firstEpoch);
    json.put("last_epoch", lastEpoch);
    if (started != null) {
      json.put("started_at", started.toString());
    }
    json.put("tasks_reported", tasksReported);
    json.put("tasks", tasks);
    json.put("counters", counters.toMap());
    return json;
  }

  /** Reads {@link #toJson()}'s form. */
  @SuppressWarnings("unchecked")
  static QueryTotals fromJson(Map<String, Object> json) {
    Object started = json.get("started_at");
    Object counters = json.get("counters");
    return new QueryTotals(
        number(json.get("epochs")),
        number(json.get("first_epoch")),
        number(json.get("last_epoch")),
        started == null ? null : Instant.parse(started.toString()),
        number(json.get("tasks_reported")),
        number(json.get("tasks")),
        counters instanceof Map<?, ?> map
            ? LoadCounters.fromMap((Map<String, Object>) map)
            : LoadCounters.empty());
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
