package dev.sluice.core;

import dev.sluice.core.bulk.EngineContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the component tests share: a deterministic loader and numbered documents. */
final class ComponentLoaders {
  private ComponentLoaders() {}

  /** Zero jitter draws: every backoff is 0, so retries happen at once, deterministically. */
  static BulkLoader open(Map<String, String> options, LoadListener listener) {
    EngineContext context = EngineContext.defaults().withRandom(() -> 0.0);
    return BulkLoader.open(SluiceConfig.fromOptions(options), "w1", listener, context);
  }

  /** As {@link #open(Map, LoadListener)}, for the given attempt, reporting to no listener. */
  static BulkLoader open(Map<String, String> options, Attempt attempt) {
    EngineContext context = EngineContext.defaults().withRandom(() -> 0.0);
    return BulkLoader.open(
        SluiceConfig.fromOptions(options), "w1", LoadListener.NONE, context, attempt);
  }

  /** Document {@code i}: id "i", body {"n":i}, position "row i". */
  static Document doc(int i) {
    return Document.of(
        String.valueOf(i), ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), "row " + i);
  }
}
