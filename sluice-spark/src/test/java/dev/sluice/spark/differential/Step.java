package dev.sluice.spark.differential;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One thing a scenario does to its index: a DataFrame write, or SQL statements. */
sealed interface Step {

  /** Who writes. */
  enum Writer {
    /** The connector under test: elasticsearch-hadoop on one side, Sluice on the other. */
    SUBJECT,
    /**
     * elasticsearch-hadoop on both sides, to prepare an index as its users have them. The Spark 4
     * suite, which has no elasticsearch-hadoop, restores the index it recorded instead.
     */
    ES_HADOOP
  }

  /**
   * {@code rows.write().format(...).options(...).mode(mode).save(resource)}.
   *
   * @param mode the save mode's name, or empty for no {@code mode(...)} call (Spark's default)
   * @param options options of this step only, on top of the scenario's
   */
  record Save(Optional<String> mode, Map<String, String> options, Writer writer) implements Step {}

  /**
   * SQL statements, run in order. In each, {@code ${format}} stands for the data source's name,
   * {@code ${resource}} for the index, {@code ${view}} for a view name of this side and {@code
   * ${rows}} for a temporary view holding the scenario's rows.
   */
  record Sql(List<String> statements) implements Step {}

  static Save save(String mode) {
    return new Save(Optional.of(mode), Map.of(), Writer.SUBJECT);
  }

  static Save saveWithoutMode() {
    return new Save(Optional.empty(), Map.of(), Writer.SUBJECT);
  }

  static Save prepareWithEsHadoop(String mode) {
    return new Save(Optional.of(mode), Map.of(), Writer.ES_HADOOP);
  }

  static Sql sql(String... statements) {
    return new Sql(List.of(statements));
  }
}
