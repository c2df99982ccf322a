package dev.sluice.spark;

import dev.sluice.core.ConfigException;
import dev.sluice.core.OpType;
import dev.sluice.core.SluiceException;
import dev.sluice.core.config.ConfigKeys;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a write into a data stream sends: data streams are append-only and accept only {@code
 * create}. Elasticsearch-hadoop users set {@code es.write.operation=create}; the default {@code
 * index} is switched to {@code create} with a notice (a new document either way); {@code update},
 * {@code upsert} and {@code delete} are refused before any task.
 */
final class DataStreamWrite {
  private static final Logger LOG = LoggerFactory.getLogger(DataStreamWrite.class);

  private DataStreamWrite() {}

  /** The write's options with the operation a data stream accepts; logs when it was switched. */
  static Map<String, String> options(Map<String, String> options, String dataStream, OpType asked) {
    Operation operation = operation(dataStream, asked);
    if (operation.notice() == null) {
      return options;
    }
    LOG.info(operation.notice());
    String key = ConfigKeys.WRITE_OPERATION.name();
    Map<String, String> switched = new HashMap<>();
    options.forEach(
        (name, value) -> {
          if (!name.trim().toLowerCase(Locale.ROOT).equals(key)) {
            switched.put(name, value);
          }
        });
    switched.put(key, operation.op().name().toLowerCase(Locale.ROOT));
    return switched;
  }

  /**
   * @param op what a data stream target is sent
   * @param notice why it differs from what was asked, or null when it does not
   */
  record Operation(OpType op, String notice) {}

  static Operation operation(String dataStream, OpType asked) {
    String option = ConfigKeys.WRITE_OPERATION.name();
    return switch (asked) {
      case CREATE -> new Operation(OpType.CREATE, null);
      case INDEX ->
          new Operation(
              OpType.CREATE,
              String.format(
                  "'%s' is a data stream, which accepts only create: %s=index is sent as create"
                      + " (set %s=create to say so)",
                  dataStream, option, option));
      case UPDATE, UPSERT, DELETE ->
          throw new ConfigException(
              option,
              String.format(
                  "'%s' is a data stream: its documents cannot be changed or deleted through it"
                      + " (data streams are append-only), so %s=%s cannot be done. Use %s=create,"
                      + " or update the backing indices (.ds-%s-*) by name",
                  dataStream, option, asked.name().toLowerCase(Locale.ROOT), option, dataStream));
    };
  }

  /**
   * Overwrite (mode("overwrite"), SQL {@code INSERT OVERWRITE}) would delete a data stream's
   * documents before writing: refused on the driver, before anything is deleted or sent.
   *
   * @param dataStream the target if it is a data stream, else null (nothing to refuse)
   */
  static void refuseOverwrite(String dataStream) {
    if (dataStream != null) {
      throw new SluiceException(
          String.format(
              "'%s' is a data stream, and data streams are append-only: mode(\"overwrite\") and"
                  + " INSERT OVERWRITE would delete its documents, which Sluice does not do to a"
                  + " data stream. Use mode(\"append\") (INSERT INTO) to add to it; to start"
                  + " afresh, roll it over (POST /%s/_rollover) or delete the data stream"
                  + " (DELETE /_data_stream/%s) first, then append",
              dataStream, dataStream, dataStream));
    }
  }
}
