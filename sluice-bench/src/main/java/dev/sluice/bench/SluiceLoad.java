package dev.sluice.bench;

import dev.sluice.core.BulkLoader;
import dev.sluice.core.Document;
import dev.sluice.core.LoadResult;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.ConfigKeys;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One load through {@link BulkLoader}, or the options of one through Spark: only the target is
 * configured, plus any given overrides.
 */
final class SluiceLoad {
  private final String nodeUrl;
  private final String deadLetterPath;

  SluiceLoad(String nodeUrl, String deadLetterPath) {
    this.nodeUrl = nodeUrl;
    this.deadLetterPath = deadLetterPath;
  }

  /** The configuration of a load into {@code index}; {@code overrides} may be empty. */
  SluiceConfig config(String index, Map<String, String> overrides) {
    return SluiceConfig.fromOptions(options(index, overrides));
  }

  /** The options of a load into {@code index}, as a DataFrame writer is given them. */
  Map<String, String> options(String index, Map<String, String> overrides) {
    Map<String, String> options = new HashMap<>();
    options.put(ConfigKeys.NODES.name(), nodeUrl);
    options.put(ConfigKeys.RESOURCE.name(), index);
    options.put(ConfigKeys.MAPPING_ID.name(), "id");
    // Not a performance setting: keeps any dead letters out of the working directory.
    options.put(ConfigKeys.DEADLETTER_PATH.name(), deadLetterPath);
    options.putAll(overrides);
    return options;
  }

  /** Adds documents 0..count-1 with explicit ids and closes; throws if the load failed. */
  static LoadResult load(SluiceConfig config, String writerId, byte[][] sources, int count)
      throws InterruptedException {
    return load(config, writerId, sources, DocumentGenerator::id, 0, count);
  }

  /** Adds documents from..to-1 with explicit ids and closes; throws if the load failed. */
  static LoadResult load(SluiceConfig config, String writerId, byte[][] sources, int from, int to)
      throws InterruptedException {
    return load(config, writerId, sources, DocumentGenerator::id, from, to);
  }

  /**
   * Adds documents 0..count-1 with the ids {@code idOf} gives (null: Elasticsearch makes one) and
   * closes; throws if the load failed.
   */
  static LoadResult load(
      SluiceConfig config, String writerId, byte[][] sources, IntFunction<String> idOf, int count)
      throws InterruptedException {
    return load(config, writerId, sources, idOf, 0, count);
  }

  private static LoadResult load(
      SluiceConfig config,
      String writerId,
      byte[][] sources,
      IntFunction<String> idOf,
      int from,
      int to)
      throws InterruptedException {
    return BulkLoader.open(config, writerId)
        .closeAfter(
            loader -> {
              for (int n = from; n < to; n++) {
                loader.add(Document.of(idOf.apply(n), sources[n], null));
              }
            });
  }
}
