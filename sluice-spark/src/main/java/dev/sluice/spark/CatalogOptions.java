package dev.sluice.spark;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The write options in the properties a catalog hands to {@link SluiceDataSource}: Spark 4's
 * session catalog passes a table's {@code OPTIONS} both as given and prefixed with {@code option.},
 * beside the table's own reserved properties (provider, owner, …), which are not write options.
 */
final class CatalogOptions {
  private static final String OPTION_PREFIX = "option.";

  // TableCatalog.PROP_*; spelled out because Spark 3.5 lacks some of the constants.
  private static final Set<String> TABLE_PROPERTIES =
      Set.of(
          "provider",
          "location",
          "is_managed_location",
          "external",
          "comment",
          "collation",
          "owner");

  private CatalogOptions() {}

  static Map<String, String> of(Map<String, String> properties) {
    Map<String, String> options = new HashMap<>();
    properties.forEach(
        (key, value) -> {
          String name = key.toLowerCase(Locale.ROOT);
          if (name.startsWith(OPTION_PREFIX)) {
            options.putIfAbsent(key.substring(OPTION_PREFIX.length()), value);
          } else if (!TABLE_PROPERTIES.contains(name)) {
            options.put(key, value);
          }
        });
    return options;
  }
}
