package dev.sluice.spark;

import dev.sluice.core.ConfigException;
import dev.sluice.core.config.ConfigKeys;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a write's settings come from, read as elasticsearch-hadoop reads them, so that its users'
 * jobs keep their settings.
 *
 * <ul>
 *   <li>The Spark session's configuration: {@code es.*} and {@code spark.es.*} keys (Spark's
 *       launcher keeps only {@code spark.*} keys, hence the second spelling), and Sluice's own as
 *       {@code sluice.*} and {@code spark.sluice.*}. Every other key is Spark's and is not read.
 *   <li>The writer's options, which win over the session: {@code es_mapping_id} as {@code
 *       es.mapping.id} (Spark SQL {@code OPTIONS} cannot carry dots unquoted), a key without the
 *       {@code es.} prefix gets it ({@code resource}, {@code mapping.id}), and {@code save("idx")},
 *       which arrives as {@code path}, names the index when no resource is given.
 * </ul>
 *
 * <p>Where elasticsearch-hadoop silently prefers one of two spellings of a key given with different
 * values, Sluice refuses the write and names both. The one exception is a {@code path} that cannot
 * be an index (it holds a '/' or ':'): Spark puts a SQL table's location there beside the table's
 * {@code resource} (elasticsearch-hadoop issue #1082), so it is not read.
 */
final class OptionSources {
  /** Spark's own option for {@code save(path)}. */
  private static final String SPARK_PATH_OPTION = "path";

  private static final String SPARK_PREFIX = "spark.";
  private static final String ES_PREFIX = "es.";
  private static final String SLUICE_PREFIX = "sluice.";

  private OptionSources() {}

  /**
   * @param sessionConf every entry of the Spark session's configuration
   * @param writerOptions the options given to this write
   * @return the options under the names {@link ConfigKeys} knows
   * @throws ConfigException when one setting is given twice, in two spellings, with different
   *     values
   */
  static Map<String, String> resolve(
      Map<String, String> sessionConf, Map<String, String> writerOptions) {
    Map<String, String> options = fromSession(sessionConf);
    options.putAll(fromWriter(writerOptions));
    return options;
  }

  static Map<String, String> fromSession(Map<String, String> conf) {
    Spellings spellings = new Spellings("the Spark configuration");
    conf.forEach(
        (key, value) -> {
          String name = key.toLowerCase(Locale.ROOT);
          if (name.startsWith(SPARK_PREFIX + ES_PREFIX)
              || name.startsWith(SPARK_PREFIX + SLUICE_PREFIX)) {
            spellings.add(name.substring(SPARK_PREFIX.length()), key, value);
          } else if (name.startsWith(ES_PREFIX) || name.startsWith(SLUICE_PREFIX)) {
            spellings.add(name, key, value);
          }
        });
    return spellings.byName;
  }

  static Map<String, String> fromWriter(Map<String, String> options) {
    Spellings spellings = new Spellings("the writer's options");
    String pathKey = null;
    for (Map.Entry<String, String> option : options.entrySet()) {
      String key = option.getKey();
      if (key.equalsIgnoreCase(SPARK_PATH_OPTION)) {
        pathKey = key;
      } else {
        spellings.add(writerName(key), key, option.getValue());
      }
    }
    if (pathKey != null) {
      String path = options.get(pathKey);
      String resource = ConfigKeys.RESOURCE.name();
      if (!spellings.byName.containsKey(resource)) {
        spellings.byName.put(resource, path);
      } else if (!path.equals(spellings.byName.get(resource)) && !isLocation(path)) {
        throw spellings.conflict(resource, pathKey);
      }
    }
    return spellings.byName;
  }

  private static String writerName(String key) {
    String name = key.toLowerCase(Locale.ROOT).replace('_', '.');
    return name.startsWith(ES_PREFIX) || name.startsWith(SLUICE_PREFIX) ? name : ES_PREFIX + name;
  }

  /** No index name holds these; a SQL table's location always does. */
  private static boolean isLocation(String path) {
    return path.indexOf('/') >= 0 || path.indexOf(':') >= 0;
  }

  /** The settings of one source by name, remembering how each was spelled. */
  private static final class Spellings {
    private final String source;
    private final Map<String, String> byName = new HashMap<>();
    private final Map<String, String> spelledAs = new HashMap<>();

    Spellings(String source) {
      this.source = source;
    }

    void add(String name, String key, String value) {
      String earlier = byName.putIfAbsent(name, value);
      spelledAs.putIfAbsent(name, key);
      if (earlier != null && !earlier.equals(value)) {
        throw conflict(name, key);
      }
    }

    /** Names both spellings, never the values: either may be a password. */
    ConfigException conflict(String name, String otherKey) {
      return new ConfigException(
          name,
          "Option "
              + name
              + " is given twice in "
              + source
              + ", as '"
              + spelledAs.get(name)
              + "' and as '"
              + otherKey
              + "', with different values; give it once");
    }
  }
}
