package dev.sluice.core.config;

import static dev.sluice.core.config.ConfigKeys.ERROR_HANDLERS;
import static dev.sluice.core.config.ConfigKeys.ERROR_HANDLER_PREFIX;

import dev.sluice.core.ConfigException;
import java.util.HashMap;
import java.util.Map;

/**
 * The connection of the {@code es} error handler, as elasticsearch-hadoop builds it: the job's
 * connection options ({@code client.inherit}, default true), overlaid with {@code
 * client.conf.<option>}, then {@code client.nodes} and {@code client.port}; parsed by the same
 * rules as the job's own.
 */
final class ErrorHandlerClient {
  private static final String CLIENT = ERROR_HANDLER_PREFIX + "es.client.";

  private ErrorHandlerClient() {}

  static ConnectionSettings connection(ResolvedOptions o, Map<String, String> family) {
    String inheritText = family.getOrDefault(CLIENT + "inherit", "true");
    boolean inherit =
        new ConfigKey<>(CLIENT + "inherit", null, "", false, ValueParsers.bool())
            .parse(inheritText);
    Map<String, String> options = new HashMap<>();
    if (inherit) {
      o.givenOptions()
          .forEach(
              (name, value) -> {
                if (!name.startsWith(ERROR_HANDLER_PREFIX) && !name.equals(ERROR_HANDLERS.name())) {
                  options.put(name, value);
                }
              });
    }
    family.forEach(
        (name, value) -> {
          if (name.startsWith(CLIENT + "conf.")) {
            options.put(name.substring((CLIENT + "conf.").length()), value);
          }
        });
    copy(family, CLIENT + "nodes", options, ConfigKeys.NODES.name());
    copy(family, CLIENT + "port", options, ConfigKeys.PORT.name());
    try {
      return ConnectionOptions.resolve(ResolvedOptions.parse(options, o.secrets()));
    } catch (ConfigException e) {
      throw new ConfigException(
          e.option(),
          "In the es error handler's connection (" + CLIENT + "*): " + e.getMessage(),
          e);
    }
  }

  private static void copy(
      Map<String, String> family, String from, Map<String, String> options, String to) {
    String value = family.get(from);
    if (value != null) {
      options.put(to, value);
    }
  }
}
