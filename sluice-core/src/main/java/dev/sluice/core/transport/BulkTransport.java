package dev.sluice.core.transport;

import java.util.List;
import java.util.function.Consumer;

/**
 * Sends {@code _bulk} bodies. Implementations call back exactly once per request, on any thread.
 */
public interface BulkTransport extends AutoCloseable {

  /**
   * Sends one bulk body, made of the given chunks in order (document bytes are not copied).
   *
   * @return cancels the request; the callback then gets a failure
   */
  Runnable send(List<byte[]> chunks, long contentLength, Consumer<HttpResult> callback);

  /** Human description of where requests go, for messages: "http://a:9200, http://b:9200". */
  String describe();

  @Override
  void close();
}
