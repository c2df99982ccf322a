package dev.sluice.spark.differential;

/** Spark SQL queries the scenarios share; plain SQL means the same on Spark 3.5 and 4. */
final class Rows {
  /** Three people: id, name, age, city. */
  static final String PEOPLE =
      "SELECT * FROM VALUES ('1', 'Ann', 34, 'Berlin'), ('2', 'Bob', 41, 'Paris'),"
          + " ('3', 'Cid', 29, 'Rome') AS t(id, name, age, city)";

  /** Three people with an address struct (city, zip) and a secret. */
  static final String PEOPLE_WITH_ADDRESS =
      "SELECT id, name, named_struct('city', city, 'zip', zip) AS address, secret FROM VALUES"
          + " ('1', 'Ann', 'Berlin', '10115', 's1'), ('2', 'Bob', 'Paris', '75001', 's2')"
          + " AS t(id, name, city, zip, secret)";

  /** The same row three times, no id. */
  static final String IDENTICAL_ROWS =
      "SELECT * FROM VALUES ('Ann', 34), ('Ann', 34), ('Ann', 34) AS t(name, age)";

  /**
   * A code the mapping takes and one it rejects, in one partition: a connector that fails the job
   * then fails after the same bulk request whatever the timing of tasks.
   */
  static final String ONE_GOOD_ONE_BAD =
      "SELECT /*+ COALESCE(1) */ * FROM VALUES ('1', '7'), ('2', 'seven') AS t(id, code)";

  private Rows() {}

  /** One row {@code id '1'} and one {@code id '2'}, each with {@code value} as given. */
  static String twoValues(String first, String second) {
    return "SELECT '1' AS id, " + first + " AS value UNION ALL SELECT '2', " + second;
  }
}
