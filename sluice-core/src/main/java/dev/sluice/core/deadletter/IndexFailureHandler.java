package dev.sluice.core.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.DeadLetterToleranceException;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.config.ErrorHandlerSettings;
import dev.sluice.core.config.ErrorHandlerSettings.Result;
import dev.sluice.core.transport.HttpResult;
import dev.sluice.core.transport.RestClientTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * elasticsearch-hadoop's {@code es} handler: indexes each rejection as an event ({@link
 * ErrorEvents}) into its index, then answers what {@code return.default} says for the events
 * written and what {@code return.error} says for those that could not be. Events go in one {@code
 * _bulk} request per batch of dead letters, not one request per event as in elasticsearch-hadoop.
 */
final class IndexFailureHandler implements FailureHandler {
  private static final Logger LOG = LoggerFactory.getLogger(IndexFailureHandler.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final String OPTION = ConfigKeys.ERROR_HANDLER_PREFIX + "es";

  /** Events per {@code _bulk} request: a whole round of rejections may be thousands. */
  private static final int EVENTS_PER_REQUEST = 500;

  private final ErrorHandlerSettings.Index settings;
  private final ErrorEvents events;
  private final Function<String, HttpResult> bulk;
  private final AutoCloseable client;

  private IndexFailureHandler(
      ErrorHandlerSettings.Index settings,
      Function<String, HttpResult> bulk,
      AutoCloseable client) {
    this.settings = settings;
    this.events = new ErrorEvents(settings.index(), settings.labels(), settings.tags());
    this.bulk = bulk;
    this.client = client;
  }

  /**
   * Sends through a client of its own, made from the handler's connection settings when the first
   * rejection comes: a writer with none opens no connection.
   */
  static IndexFailureHandler open(ErrorHandlerSettings.Index settings) {
    LazyClient client = new LazyClient(settings);
    return new IndexFailureHandler(settings, client::bulk, client);
  }

  /** The handler's client, created on first use; the writer loop is its only user. */
  private static final class LazyClient implements AutoCloseable {
    private final ErrorHandlerSettings.Index settings;
    private RestClientTransport transport;

    LazyClient(ErrorHandlerSettings.Index settings) {
      this.settings = settings;
    }

    HttpResult bulk(String body) {
      if (transport == null) {
        transport = RestClientTransport.create(settings.connection());
      }
      return transport.request("POST", "/_bulk", body);
    }

    @Override
    public void close() {
      if (transport != null) {
        transport.close();
      }
    }
  }

  /** Sends each NDJSON body through {@code bulk}; for tests. */
  static IndexFailureHandler withBulk(
      ErrorHandlerSettings.Index settings, Function<String, HttpResult> bulk) {
    return new IndexFailureHandler(settings, bulk, () -> {});
  }

  @Override
  public List<DeadLetterRecord> handle(List<DeadLetterRecord> records) throws IOException {
    List<DeadLetterRecord> passed = new ArrayList<>();
    for (int from = 0; from < records.size(); from += EVENTS_PER_REQUEST) {
      int to = Math.min(records.size(), from + EVENTS_PER_REQUEST);
      passed.addAll(handleBatch(records.subList(from, to)));
    }
    return passed;
  }

  private List<DeadLetterRecord> handleBatch(List<DeadLetterRecord> records) throws IOException {
    HttpResult result = bulk.apply(events.bulkBody(records));
    List<String> errors = itemErrors(result, records.size());
    List<DeadLetterRecord> passed = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      String error = errors.get(i);
      Result answer = error == null ? settings.onWritten() : settings.onError();
      if (error != null && answer != Result.ABORT) {
        LOG.warn(
            "Could not index the rejection of document {} into {} ({}): {}",
            records.get(i).id(),
            settings.index(),
            OPTION,
            error);
      }
      switch (answer) {
        case HANDLED -> {}
        case PASS -> passed.add(records.get(i));
        case ABORT -> throw abort(records.get(i), error);
      }
    }
    return passed;
  }

  /** One entry per record: null when its event was indexed, else why not. */
  private static List<String> itemErrors(HttpResult result, int count) {
    String whole = wholeRequestError(result);
    List<String> errors = new ArrayList<>(count);
    JsonNode items = whole == null ? parse(result.body()).path("items") : null;
    if (whole == null && (items == null || items.size() != count)) {
      whole = "the _bulk answer does not list every event";
    }
    for (int i = 0; i < count; i++) {
      if (whole != null) {
        errors.add(whole);
        continue;
      }
      JsonNode item = items.get(i).path("index");
      int status = item.path("status").asInt();
      errors.add(status / 100 == 2 ? null : status + " " + item.path("error").toString());
    }
    return errors;
  }

  private static String wholeRequestError(HttpResult result) {
    if (result.error() != null) {
      return result.error().toString();
    }
    if (result.status() / 100 != 2) {
      return "HTTP " + result.status() + " " + new String(result.body(), StandardCharsets.UTF_8);
    }
    return null;
  }

  private static JsonNode parse(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      return MAPPER.missingNode();
    }
  }

  private DeadLetterToleranceException abort(DeadLetterRecord record, String error) {
    String what =
        error == null
            ? "was indexed into " + settings.index() + " and " + OPTION + ".return.default=ABORT"
            : "could not be indexed into "
                + settings.index()
                + " ("
                + error
                + ") and "
                + OPTION
                + ".return.error is ABORT";
    return new DeadLetterToleranceException(
        "The rejection of document "
            + record.id()
            + " ("
            + record.errorType()
            + ": "
            + record.reason()
            + ") "
            + what
            + "; the job fails (the document is in the dead-letter store).");
  }

  @Override
  public void close() throws IOException {
    try {
      client.close();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }
}
