package dev.sluice.spark.differential;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rows that are JSON strings written as elasticsearch-hadoop's users write them: through its RDD
 * API ({@code JavaEsSpark.saveJsonToEs}). Its DataFrame writer, given {@code es.input.json}, sends
 * each row's {@code toString} (a Scala tuple of the row and its schema), which no node accepts; the
 * RDD API is what such a job uses, so it is what Sluice's DataFrame write is compared with. Reached
 * by reflection: elasticsearch-hadoop is on the Spark 3.5 test classpath only.
 */
final class EsHadoopJson {
  private static final String JAVA_ES_SPARK = "org.elasticsearch.spark.rdd.api.java.JavaEsSpark";

  private EsHadoopJson() {}

  /** Writes the first column of {@code rows}, each a JSON document, to {@code resource}. */
  static void save(Dataset<Row> rows, String resource, Map<String, String> options) {
    JavaRDD<String> json = rows.toJavaRDD().map(row -> row.getString(0));
    try {
      Class.forName(JAVA_ES_SPARK)
          .getMethod("saveJsonToEs", JavaRDD.class, String.class, Map.class)
          .invoke(null, json, resource, options);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("saveJsonToEs failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("elasticsearch-hadoop's " + JAVA_ES_SPARK + " is missing", e);
    }
  }
}
