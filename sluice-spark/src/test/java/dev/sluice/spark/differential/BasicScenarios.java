package dev.sluice.spark.differential;

import java.util.List;

/** What most jobs do: ids, fields chosen or left out, nulls, nesting, JSON rows, batching. */
final class BasicScenarios {
  private BasicScenarios() {}

  static List<Scenario> all() {
    return List.of(
        Scenario.named("basic").rows(Rows.PEOPLE).build(),
        Scenario.named("id").rows(Rows.PEOPLE).id("id").build(),
        Scenario.named("id-identical-rows").rows(Rows.IDENTICAL_ROWS).build(),
        Scenario.named("id-strategy-auto")
            .rows(Rows.IDENTICAL_ROWS)
            .option("sluice.id.strategy", "auto")
            .build(),
        Scenario.named("exclude-nested")
            .rows(Rows.PEOPLE_WITH_ADDRESS)
            .id("id")
            .option("es.mapping.exclude", "address.zip,secret")
            .build(),
        Scenario.named("exclude-wildcard")
            .rows(Rows.PEOPLE_WITH_ADDRESS)
            .id("id")
            .option("es.mapping.exclude", "*.zip,sec*")
            .build(),
        Scenario.named("include-nested")
            .rows(Rows.PEOPLE_WITH_ADDRESS)
            .id("id")
            .option("es.mapping.include", "id,address.city")
            .build(),
        Scenario.named("include-wildcard")
            .rows(Rows.PEOPLE_WITH_ADDRESS)
            .id("id")
            .option("es.mapping.include", "id,address.*")
            .build(),
        // The id in the metadata only, as many jobs do.
        Scenario.named("id-excluded-from-source")
            .rows(Rows.PEOPLE)
            .id("id")
            .option("es.mapping.exclude", "id")
            .build(),
        Scenario.named("field-names-special")
            .rows("SELECT '1' AS id, 'special' AS `%s`, 'dotted' AS `a.b`, 'spaced' AS `c d`")
            .id("id")
            .build(),
        Scenario.named("arrays-and-nulls")
            .rows(
                "SELECT * FROM VALUES ('1', array(1, CAST(NULL AS INT)), array(named_struct('t', 'x'))),"
                    + " ('2', CAST(NULL AS ARRAY<INT>), CAST(array() AS ARRAY<STRUCT<t: STRING>>))"
                    + " AS t(id, numbers, items)")
            .id("id")
            .build(),
        Scenario.named("geo-point-into-mapping")
            .rows(
                "SELECT * FROM VALUES ('1', '52.52,13.40', named_struct('lat', 48.85D, 'lon', 2.35D))"
                    + " AS t(id, here, there)")
            .id("id")
            .existingIndex(
                "{\"mappings\":{\"properties\":{\"here\":{\"type\":\"geo_point\"},"
                    + "\"there\":{\"type\":\"geo_point\"}}}}")
            .build(),
        Scenario.named("nested-structs")
            .rows(
                "SELECT '1' AS id, named_struct('a', named_struct('b', named_struct('c', 1,"
                    + " 'd', 'deep')), 'e', 'x') AS root")
            .id("id")
            .build(),
        Scenario.named("nulls").rows(nulls()).id("id").build(),
        Scenario.named("nulls-write-null")
            .rows(nulls())
            .id("id")
            .option("es.spark.dataframe.write.null", "true")
            .build(),
        Scenario.named("empty-strings")
            .rows("SELECT * FROM VALUES ('1', '', 'x'), ('2', 'y', '') AS t(id, a, b)")
            .id("id")
            .build(),
        Scenario.named("json-input")
            .rows(
                // Each field's values have one JSON type, so the mapping does not depend on
                // which document the node sees first.
                "SELECT * FROM VALUES ('{\"key\":\"1\",\"n\":1.5,\"tags\":[\"a\"]}'),"
                    + " ('{\"key\":\"2\",\"n\":2.25,\"o\":{\"p\":true}}') AS t(json)")
            .option("es.input.json", "true")
            .build(),
        Scenario.named("json-input-id")
            .rows(
                "SELECT * FROM VALUES ('{\"key\":\"1\",\"n\":1}'), ('{\"key\":\"2\",\"n\":2}')"
                    + " AS t(json)")
            .option("es.input.json", "true")
            .id("key")
            .build(),
        Scenario.named("arrays-of-structs")
            .rows(
                "SELECT '1' AS id, array(named_struct('a', 1, 'b', 'x'),"
                    + " named_struct('a', 2, 'b', 'y')) AS items")
            .id("id")
            .build(),
        Scenario.named("empty-dataframe")
            .rows("SELECT * FROM VALUES ('1', 'a') AS t(id, name) WHERE id = 'none'")
            .id("id")
            .build(),
        Scenario.named("settings-in-spark-conf")
            .rows(Rows.PEOPLE)
            .settingsOnlyInSparkConf()
            .build(),
        Scenario.named("small-batches")
            .rows("SELECT CAST(id AS STRING) AS id, id * 10 AS n FROM range(0, 10, 1, 2)")
            .id("id")
            .option("es.batch.size.entries", "3")
            .build(),
        Scenario.named("auto-create-off-missing")
            .rows(Rows.PEOPLE)
            .id("id")
            .option("es.index.auto.create", "false")
            .build(),
        Scenario.named("auto-create-off-existing")
            .rows(Rows.PEOPLE)
            .id("id")
            .option("es.index.auto.create", "no")
            .existingIndex("{}")
            .build(),
        Scenario.named("routing")
            .rows("SELECT * FROM VALUES ('1', 'r1', 'a'), ('2', 'r2', 'b') AS t(id, shard_key, v)")
            .id("id")
            .option("es.mapping.routing", "shard_key")
            .build(),
        Scenario.named("bad-document")
            .rows(Rows.ONE_GOOD_ONE_BAD)
            .id("id")
            .existingIndex("{\"mappings\":{\"properties\":{\"code\":{\"type\":\"long\"}}}}")
            .build(),
        Scenario.named("error-handler-log")
            .rows(Rows.ONE_GOOD_ONE_BAD)
            .id("id")
            .existingIndex("{\"mappings\":{\"properties\":{\"code\":{\"type\":\"long\"}}}}")
            .option("es.write.rest.error.handlers", "log")
            .option("es.write.rest.error.handler.log.logger.name", "differential")
            .build(),
        Scenario.named("http-header")
            .rows(Rows.PEOPLE)
            .id("id")
            .option("es.net.http.header.X-Opaque-Id", "differential")
            .build(),
        // The node straight, the root shim as the HTTP proxy: it answers GET / and forwards the
        // rest, whether asked in origin or absolute form.
        Scenario.named("http-proxy")
            .rows(Rows.PEOPLE)
            .id("id")
            .option("es.port", "${node.port}")
            .option("es.net.proxy.http.host", "127.0.0.1")
            .option("es.net.proxy.http.port", "${shim.port}")
            .build(),
        Scenario.named("http-timeout-retries")
            .rows(Rows.PEOPLE)
            .id("id")
            .option("es.http.timeout", "30s")
            .option("es.http.retries", "2")
            .build());
  }

  private static String nulls() {
    return "SELECT * FROM VALUES ('1', 'a', 1, named_struct('x', 1, 'y', 'z')),"
        + " ('2', CAST(NULL AS STRING), CAST(NULL AS INT),"
        + " CAST(NULL AS STRUCT<x: INT, y: STRING>)),"
        + " ('3', 'c', 3, named_struct('x', CAST(NULL AS INT), 'y', 'w')) AS t(id, s, n, o)";
  }
}
