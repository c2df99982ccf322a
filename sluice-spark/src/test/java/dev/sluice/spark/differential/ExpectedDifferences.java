package dev.sluice.spark.differential;

import java.util.Map;
import java.util.Set;

/**
 * The one list of scenarios where Sluice leaves a different result than elasticsearch-hadoop on
 * purpose, with the reason; the README's "Differential tests" points here. Every other scenario
 * must match (or be {@link Pending}).
 */
final class ExpectedDifferences {

  /**
   * @param aspects what may differ
   * @param reason why Sluice does it differently
   */
  record Expected(Set<Aspect> aspects, String reason) {}

  private static final Expected HASH_IDS =
      new Expected(
          Set.of(Aspect.COUNT, Aspect.SOURCES),
          "without an id column Sluice ids a document by a hash of its content (idempotent retries"
              + " and resume), so identical rows become one document where elasticsearch-hadoop's"
              + " auto ids make one each; sluice.id.strategy=auto does as elasticsearch-hadoop");

  private static final Expected ISO_DATES =
      new Expected(
          Set.of(Aspect.SOURCES, Aspect.MAPPING),
          "into a new field Sluice writes dates and timestamps as ISO-8601 (mapped date), where"
              + " elasticsearch-hadoop writes epoch milliseconds (mapped long); into an existing"
              + " field it writes what the field's mapping expects (eshadoop-index-append)");

  private static final Expected WRITTEN_WHERE_ES_HADOOP_FAILS =
      new Expected(
          Set.of(Aspect.OUTCOME, Aspect.COUNT, Aspect.IDS, Aspect.MAPPING),
          "elasticsearch-hadoop cannot serialise this type and fails the job (its index stays"
              + " empty); Sluice writes it: Decimal exactly as a JSON number, TimestampNTZ as an"
              + " ISO-8601 local date-time");

  private static final Expected DEAD_LETTERED =
      new Expected(
          Set.of(Aspect.OUTCOME),
          "a document Elasticsearch rejects (mapping error, create conflict, update of a missing"
              + " document) fails elasticsearch-hadoop's job; Sluice dead-letters it with its"
              + " reason, writes the rest, and fails only over the dead-letter tolerance");

  static final Map<String, Expected> EXPECTED =
      Map.ofEntries(
          Map.entry("id-identical-rows", HASH_IDS),
          Map.entry("mode-append-twice-no-id", HASH_IDS),
          Map.entry("type-date", ISO_DATES),
          Map.entry("type-timestamp", ISO_DATES),
          Map.entry("type-decimal", WRITTEN_WHERE_ES_HADOOP_FAILS),
          Map.entry("id-of-type-decimal", WRITTEN_WHERE_ES_HADOOP_FAILS),
          Map.entry("id-of-type-date", ISO_DATES),
          Map.entry("id-of-type-timestamp", ISO_DATES),
          Map.entry("pattern-date-plain", ISO_DATES),
          Map.entry("type-timestamp-ntz", WRITTEN_WHERE_ES_HADOOP_FAILS),
          Map.entry(
              "type-double-nan",
              new Expected(
                  Set.of(Aspect.OUTCOME, Aspect.INDICES),
                  "elasticsearch-hadoop writes NaN and Infinity as the strings \"NaN\" and"
                      + " \"Infinity\" (a text field where numbers were meant); JSON has no such"
                      + " numbers, so Sluice dead-letters those rows (here every row: no index;"
                      + " the job fails only over the dead-letter tolerance, judged from"
                      + " sluice.deadletter.ratio.min.docs documents on)")),
          Map.entry(
              "pattern-date-timestamp",
              new Expected(
                  Set.of(
                      Aspect.OUTCOME,
                      Aspect.INDICES,
                      Aspect.COUNT,
                      Aspect.IDS,
                      Aspect.SOURCES,
                      Aspect.MAPPING),
                  "elasticsearch-hadoop cannot put a TimestampType column into an index pattern"
                      + " ({ts|yyyy.MM.dd}: it parses the value's toString and fails the job);"
                      + " Sluice formats the timestamp in UTC and writes one index per day")),
          Map.entry(
              "pipeline-missing",
              new Expected(
                  Set.of(Aspect.INDICES),
                  "both fail; Sluice checks the pipeline on the driver (GET _ingest/pipeline) and"
                      + " stops before any task, so no index is created, where"
                      + " elasticsearch-hadoop creates the index and then fails on its documents")),
          Map.entry(
              "upsert-scripted",
              new Expected(
                  Set.of(Aspect.COUNT, Aspect.IDS, Aspect.MAPPING),
                  "both fail (this node cannot run scripts); Sluice checks the script language on"
                      + " the driver and stops before writing anything, where elasticsearch-hadoop"
                      + " writes the upserts that need no script, then fails")),
          Map.entry("bad-document", DEAD_LETTERED),
          Map.entry("create-conflict", DEAD_LETTERED),
          Map.entry("update-missing-document", DEAD_LETTERED));

  private ExpectedDifferences() {}
}
