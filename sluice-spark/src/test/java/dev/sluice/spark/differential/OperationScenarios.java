package dev.sluice.spark.differential;

import java.util.List;

/** Write operations other than index, versions, joins, index patterns and pipelines. */
final class OperationScenarios {
  /** A pipeline without processors: this node has no ingest processor modules. */
  static final String EMPTY_PIPELINE = "sluice-differential-empty";

  /** One partition: see {@link Rows#ONE_GOOD_ONE_BAD}. */
  private static final String UPDATE_ROWS =
      "SELECT /*+ COALESCE(1) */ * FROM VALUES ('1', 'Ann', 35), ('2', 'Bob', 42) AS t(id, name, age)";

  private static final String OPERATION = "es.write.operation";

  private OperationScenarios() {}

  static List<Scenario> all() {
    return List.of(
        Scenario.named("upsert")
            .rows(UPDATE_ROWS)
            .id("id")
            .option(OPERATION, "upsert")
            .seed("1", "{\"name\":\"Old\",\"age\":1,\"kept\":true}")
            .build(),
        Scenario.named("upsert-scripted")
            .rows(UPDATE_ROWS)
            .id("id")
            .option(OPERATION, "upsert")
            .option("es.update.script.inline", "ctx._source.age += params.inc")
            .option("es.update.script.lang", "painless")
            .option("es.update.script.params", "inc:age")
            .seed("1", "{\"name\":\"Old\",\"age\":1}")
            .build(),
        Scenario.named("update")
            .rows(UPDATE_ROWS)
            .id("id")
            .option(OPERATION, "update")
            .seed("1", "{\"name\":\"Old\",\"age\":1,\"kept\":true}")
            .seed("2", "{\"name\":\"Old2\",\"age\":2}")
            .build(),
        Scenario.named("update-missing-document")
            .rows(UPDATE_ROWS)
            .id("id")
            .option(OPERATION, "update")
            .seed("1", "{\"name\":\"Old\",\"age\":1}")
            .build(),
        Scenario.named("update-retry-on-conflict")
            .rows(UPDATE_ROWS)
            .id("id")
            .option(OPERATION, "update")
            .option("es.update.retry.on.conflict", "3")
            .seed("1", "{\"name\":\"Old\",\"age\":1}")
            .seed("2", "{\"name\":\"Old2\",\"age\":2}")
            .build(),
        Scenario.named("create").rows(UPDATE_ROWS).id("id").option(OPERATION, "create").build(),
        Scenario.named("create-conflict")
            .rows(UPDATE_ROWS)
            .id("id")
            .option(OPERATION, "create")
            .seed("1", "{\"name\":\"Old\",\"age\":1}")
            .build(),
        Scenario.named("delete")
            .rows("SELECT * FROM VALUES ('1'), ('2') AS t(id)")
            .id("id")
            .option(OPERATION, "delete")
            .seed("1", "{\"name\":\"a\"}")
            .seed("2", "{\"name\":\"b\"}")
            .seed("3", "{\"name\":\"c\"}")
            .build(),
        Scenario.named("version-external")
            .rows("SELECT * FROM VALUES ('1', 5L, 'a'), ('2', 7L, 'b') AS t(id, ver, v)")
            .id("id")
            .option("es.mapping.version", "ver")
            .option("es.mapping.version.type", "external")
            .versionsCompared()
            .build(),
        Scenario.named("join")
            .rows(
                "SELECT * FROM VALUES"
                    + " ('q1', named_struct('name', 'question', 'parent', CAST(NULL AS STRING))),"
                    + " ('a1', named_struct('name', 'answer', 'parent', 'q1')) AS t(id, rel)")
            .id("id")
            // This node has no parent-join module, so no join mapping: what is compared is the
            // field as written and the routing of children by their parent.
            .option("es.mapping.join", "rel")
            .build(),
        Scenario.named("pattern-field")
            .rows("SELECT * FROM VALUES ('1', 'a'), ('2', 'b'), ('3', 'a') AS t(id, tag)")
            .id("id")
            .resourceSuffix(IndexReader.PATTERN_SEPARATOR + "{tag}")
            .build(),
        Scenario.named("pattern-date")
            .rows(
                "SELECT id, ts AS `@timestamp` FROM VALUES ('1', '2026-01-05T10:00:00Z'),"
                    + " ('2', '2026-01-06T23:00:00Z') AS t(id, ts)")
            .id("id")
            .resourceSuffix(IndexReader.PATTERN_SEPARATOR + "{@timestamp|yyyy.MM.dd}")
            .build(),
        Scenario.named("pattern-date-timestamp")
            .rows(
                "SELECT id, ts AS `@timestamp` FROM VALUES ('1', TIMESTAMP'2026-01-05 10:00:00'),"
                    + " ('2', TIMESTAMP'2026-01-06 23:00:00') AS t(id, ts)")
            .id("id")
            .resourceSuffix(IndexReader.PATTERN_SEPARATOR + "{@timestamp|yyyy.MM.dd}")
            .build(),
        Scenario.named("pattern-date-plain")
            .rows(
                "SELECT id, d FROM VALUES ('1', DATE'2026-01-05'), ('2', DATE'2026-01-06')"
                    + " AS t(id, d)")
            .id("id")
            .resourceSuffix(IndexReader.PATTERN_SEPARATOR + "{d}")
            .build(),
        Scenario.named("pipeline-missing")
            .rows(Rows.PEOPLE)
            .id("id")
            .option("es.ingest.pipeline", "sluice-differential-missing")
            .build(),
        Scenario.named("pipeline-present")
            .rows(Rows.PEOPLE)
            .id("id")
            .option("es.ingest.pipeline", EMPTY_PIPELINE)
            .setup("PUT", "/_ingest/pipeline/" + EMPTY_PIPELINE, "{\"processors\":[]}")
            .build());
  }
}
