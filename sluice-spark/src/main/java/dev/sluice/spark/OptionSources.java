package dev.sluice.spark;

import dev.sluice.core.config.ConfigKeys;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a write's settings come from: the Spark session's configuration, overridden by the options
 * given to the writer.
 */
final class OptionSources {
  /** Spark's own option for {@code save(path)}: the index, as elasticsearch-hadoop reads it. */
  static final String SPARK_PATH_OPTION = "path";

  private OptionSources() {}

  /**
   * @param sessionConf every entry of the Spark session's configuration
   * @param writerOptions the options given to this write
   * @return the options in the names {@link ConfigKeys} knows
   */
  static Map<String, String> resolve(
      Map<String, String> sessionConf, Map<String, String> writerOptions) {
    Map<String, String> options = new HashMap<>();
    sessionConf.forEach(
        (k, v) -> {
          String key = k.toLowerCase(Locale.ROOT);
          if (key.startsWith("spark.es.") || key.startsWith("spark.sluice.")) {
            options.put(key.substring("spark.".length()), v);
          }
        });
    writerOptions.forEach((k, v) -> options.put(k.toLowerCase(Locale.ROOT), v));
    options.computeIfAbsent(ConfigKeys.RESOURCE.name(), k -> options.get(SPARK_PATH_OPTION));
    options.remove(SPARK_PATH_OPTION);
    return options;
  }
}
