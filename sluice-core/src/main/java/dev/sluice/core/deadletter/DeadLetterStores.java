package dev.sluice.core.deadletter;

import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.config.DeadLetterSettings;
import dev.sluice.core.config.ErrorHandlerSettings;
import dev.sluice.core.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Chooses a writer's dead-letter store: the NDJSON files, with the error handlers if any. */
public final class DeadLetterStores {
  private DeadLetterStores() {}

  public static DeadLetterStore open(
      Storage storage, DeadLetterSettings settings, String writerId, int batchSize) {
    DeadLetterStore files =
        new NdjsonDeadLetterStore(storage, settings.path(), writerId, batchSize);
    if (settings.handlers().isEmpty()) {
      return files;
    }
    List<FailureHandler> chain = chain(settings.handlers(), IndexFailureHandler::open);
    return new HandledDeadLetterStore(files, chain);
  }

  /**
   * The handlers in order, then the final fail that elasticsearch-hadoop always appends.
   *
   * @param indexHandlers opens the {@code es} handler (tests give one without a network)
   */
  static List<FailureHandler> chain(
      List<ErrorHandlerSettings> handlers,
      Function<ErrorHandlerSettings.Index, FailureHandler> indexHandlers) {
    List<FailureHandler> chain = new ArrayList<>();
    for (ErrorHandlerSettings handler : handlers) {
      chain.add(handler(handler, indexHandlers));
    }
    chain.add(
        new FailFailureHandler(
            "every handler in "
                + ConfigKeys.ERROR_HANDLERS.name()
                + " passed it on, and the chain"));
    return chain;
  }

  private static FailureHandler handler(
      ErrorHandlerSettings handler,
      Function<ErrorHandlerSettings.Index, FailureHandler> indexHandlers) {
    if (handler instanceof ErrorHandlerSettings.Log log) {
      return new LogFailureHandler(log);
    }
    if (handler instanceof ErrorHandlerSettings.Index index) {
      return indexHandlers.apply(index);
    }
    return new FailFailureHandler(ConfigKeys.ERROR_HANDLERS.name() + " naming fail");
  }
}
