package dev.sluice.spark.differential;

import java.util.List;

/** Save modes, each twice in a row, SQL, and indices elasticsearch-hadoop created. */
final class SaveModeScenarios {
  private static final String PEOPLE_MAPPING =
      "{\"mappings\":{\"properties\":{\"age\":{\"type\":\"long\"},\"city\":{\"type\":\"keyword\"},"
          + "\"id\":{\"type\":\"keyword\"},\"name\":{\"type\":\"keyword\"}}}}";

  /** elasticsearch-hadoop's view over that mapping has its columns in this order. */
  private static final String PEOPLE_COLUMNS = "age, city, id, name";

  private SaveModeScenarios() {}

  static List<Scenario> all() {
    return List.of(
        Scenario.named("mode-default")
            .rows(Rows.PEOPLE)
            .id("id")
            .steps(Step.saveWithoutMode())
            .build(),
        twice("errorifexists"),
        twice("ignore"),
        twice("append"),
        twice("overwrite"),
        Scenario.named("mode-append-twice-no-id")
            .rows(Rows.PEOPLE)
            .steps(Step.save("append"), Step.save("append"))
            .build(),
        Scenario.named("mode-errorifexists-empty-index")
            .rows(Rows.PEOPLE)
            .id("id")
            .existingIndex(PEOPLE_MAPPING)
            .steps(Step.save("errorifexists"))
            .build(),
        Scenario.named("mode-ignore-existing-docs")
            .rows(Rows.PEOPLE)
            .id("id")
            .seed("old", "{\"name\":\"Old\"}")
            .steps(Step.save("ignore"))
            .build(),
        Scenario.named("mode-overwrite-existing-docs")
            .rows(Rows.PEOPLE)
            .id("id")
            .existingIndex(PEOPLE_MAPPING)
            .seed("old", "{\"name\":\"Old\",\"age\":99}")
            .steps(Step.save("overwrite"))
            .build(),
        Scenario.named("sql-insert-into")
            .rows(Rows.PEOPLE)
            .id("id")
            .existingIndex(PEOPLE_MAPPING)
            .steps(
                Step.sql(
                    "CREATE TEMPORARY VIEW ${view} USING ${format} OPTIONS (${options})",
                    "INSERT INTO ${view} SELECT " + PEOPLE_COLUMNS + " FROM ${rows}"))
            .build(),
        Scenario.named("sql-insert-overwrite")
            .rows(Rows.PEOPLE)
            .id("id")
            .existingIndex(PEOPLE_MAPPING)
            .seed("old", "{\"name\":\"Old\",\"age\":99}")
            .steps(
                Step.sql(
                    "CREATE TEMPORARY VIEW ${view} USING ${format} OPTIONS (${options})",
                    "INSERT OVERWRITE TABLE ${view} SELECT " + PEOPLE_COLUMNS + " FROM ${rows}"))
            .build(),
        Scenario.named("eshadoop-index-append")
            .rows(
                "SELECT * FROM VALUES ('Ann', TIMESTAMP'2026-01-05 10:11:12.345', DATE'2026-01-05')"
                    + " AS t(name, seen, day)")
            .steps(Step.prepareWithEsHadoop("append"), Step.save("append"))
            .build());
  }

  private static Scenario twice(String mode) {
    return Scenario.named("mode-" + mode + "-twice")
        .rows(Rows.PEOPLE)
        .id("id")
        .steps(Step.save(mode), Step.save(mode))
        .build();
  }
}
