package dev.sluice.spark.differential;

import java.util.List;

/**
 * Every Spark type, one scenario each, so that a difference names its type; and the id taken from a
 * column of each scalar type.
 */
final class TypeScenarios {
  private TypeScenarios() {}

  static List<Scenario> all() {
    return List.of(
        type("byte", "CAST(-8 AS TINYINT)", "CAST(127 AS TINYINT)"),
        type("short", "CAST(-300 AS SMALLINT)", "CAST(32767 AS SMALLINT)"),
        type("int", "-70000", "2147483647"),
        type("long", "CAST(-1 AS BIGINT)", "9007199254740993L"),
        type("float", "CAST(1.5 AS FLOAT)", "CAST(0.1 AS FLOAT)"),
        type("double", "CAST(1.5 AS DOUBLE)", "CAST(0.1 AS DOUBLE)"),
        type("double-nan", "double('NaN')", "double('Infinity')"),
        type("string", "'plain'", "'ünïcødé \"quoted\" \\\\ back'"),
        type("binary", "X'00FF10'", "CAST('text' AS BINARY)"),
        type("boolean", "true", "false"),
        type("date", "DATE'2026-01-05'", "DATE'1969-12-31'"),
        type("timestamp", "TIMESTAMP'2026-01-05 10:11:12.345'", "TIMESTAMP'1969-12-31 23:59:59'"),
        type(
            "timestamp-ntz",
            "TIMESTAMP_NTZ'2026-01-05 10:11:12.345'",
            "TIMESTAMP_NTZ'1969-12-31 23:59:59'"),
        type("decimal", "CAST(12.345 AS DECIMAL(10, 3))", "CAST(-0.5 AS DECIMAL(10, 3))"),
        type("array", "array(1, 2, 3)", "array()"),
        type("array-of-strings", "array('a', CAST(NULL AS STRING))", "array('b')"),
        type("map", "map('a', 1, 'b', 2)", "map('c', 3)"),
        type("struct", "named_struct('x', 1, 'y', 'a')", "named_struct('x', 2, 'y', 'b')"),
        type("map-int-keys", "map(1, 'a', 2, 'b')", "map(3, 'c')"),
        type("map-of-structs", "map('k', named_struct('x', 1))", "map('j', named_struct('x', 2))"),
        type("array-of-arrays", "array(array(1, 2), array(3))", "array(array())"),
        type("array-of-maps", "array(map('a', 1))", "array(map('b', 2), map('c', 3))"),
        type("struct-of-binary", "named_struct('b', X'00FF')", "named_struct('b', X'')"),
        idOfType("int", "-70000", "2147483647"),
        idOfType("double", "CAST(1.5 AS DOUBLE)", "CAST(0.1 AS DOUBLE)"),
        idOfType("float", "CAST(1.5 AS FLOAT)", "CAST(0.1 AS FLOAT)"),
        idOfType("decimal", "CAST(12.340 AS DECIMAL(10, 3))", "CAST(-0.5 AS DECIMAL(10, 3))"),
        idOfType("boolean", "true", "false"),
        idOfType("date", "DATE'2026-01-05'", "DATE'1969-12-31'"),
        idOfType(
            "timestamp", "TIMESTAMP'2026-01-05 10:11:12.345'", "TIMESTAMP'1969-12-31 23:59:59'"));
  }

  /** The id taken from a column of the type: what its text is. */
  private static Scenario idOfType(String name, String first, String second) {
    return Scenario.named("id-of-type-" + name)
        .rows(Rows.twoValues(first, second))
        .id("value")
        .build();
  }

  private static Scenario type(String name, String first, String second) {
    return Scenario.named("type-" + name).rows(Rows.twoValues(first, second)).id("id").build();
  }
}
