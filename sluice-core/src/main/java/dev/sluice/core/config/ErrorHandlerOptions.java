package dev.sluice.core.config;

import static dev.sluice.core.config.ConfigKeys.ERROR_HANDLERS;
import static dev.sluice.core.config.ConfigKeys.ERROR_HANDLER_PREFIX;

import dev.sluice.core.ConfigException;
import dev.sluice.core.config.ErrorHandlerSettings.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code es.write.rest.error.handlers} and {@code es.write.rest.error.handler.<name>.*} into
 * the built-in handlers {@code log}, {@code es} and {@code fail}. A handler class of the user's
 * own, an unknown handler name, or an unknown setting of a built-in handler is an error naming the
 * option.
 */
final class ErrorHandlerOptions {
  private static final String LOG = ERROR_HANDLER_PREFIX + "log.";
  private static final String ES = ERROR_HANDLER_PREFIX + "es.";
  private static final String CLIENT_CONF = ES + "client.conf.";
  private static final Pattern KNOWN =
      Pattern.compile(
          Pattern.quote(ERROR_HANDLER_PREFIX)
              + "(log\\.logger\\.(name|class|level)"
              + "|es\\.client\\.(nodes|port|resource|inherit|conf\\..+)"
              + "|es\\.label\\..+|es\\.tags|es\\.return\\.(default|error)(\\.reason)?)");
  private static final Set<String> BUILT_IN = Set.of("log", "es", "fail");
  private static final Set<String> LEVELS =
      Set.of("FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE");

  private ErrorHandlerOptions() {}

  static List<ErrorHandlerSettings> resolve(ResolvedOptions o) {
    Map<String, String> family = o.family(ERROR_HANDLER_PREFIX);
    for (String option : family.keySet()) {
      String handler = option.substring(ERROR_HANDLER_PREFIX.length()).split("\\.", 2)[0];
      boolean builtIn = BUILT_IN.contains(handler);
      if (builtIn && !KNOWN.matcher(option).matches()) {
        throw new ConfigException(
            option, "Unknown option " + option + OptionSuggestion.forName(option));
      }
    }
    String chain = o.get(ERROR_HANDLERS);
    if (chain == null) {
      return List.of();
    }
    List<ErrorHandlerSettings> handlers = new ArrayList<>();
    for (String name : names(chain)) {
      handlers.add(
          switch (name) {
            case "log" -> log(family);
            case "fail" -> new ErrorHandlerSettings.Fail();
            case "es" -> index(o, family);
            default -> throw unsupported(name, family);
          });
    }
    return handlers.isEmpty() ? List.of(new ErrorHandlerSettings.Fail()) : handlers;
  }

  private static Set<String> names(String chain) {
    Set<String> names = new LinkedHashSet<>();
    for (String part : chain.split(",")) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      if (!name.isEmpty() && !names.add(name)) {
        throw new ConfigException(
            ERROR_HANDLERS.name(), ERROR_HANDLERS.name() + " names handler '" + name + "' twice");
      }
    }
    return names;
  }

  private static ConfigException unsupported(String name, Map<String, String> family) {
    String registration = ERROR_HANDLER_PREFIX + name;
    if (family.containsKey(registration)) {
      return new ConfigException(
          registration,
          "Option "
              + registration
              + " registers a handler class of your own, which Sluice cannot run: its handlers"
              + " are the built-in log, es and fail, mapped onto the dead-letter store (see the"
              + " README). Rejected documents are in sluice.deadletter.path; remove '"
              + name
              + "' from "
              + ERROR_HANDLERS.name());
    }
    return new ConfigException(
        ERROR_HANDLERS.name(),
        ERROR_HANDLERS.name()
            + " names an unknown handler '"
            + name
            + "'; the handlers are log, es and fail");
  }

  private static ErrorHandlerSettings.Log log(Map<String, String> family) {
    String name = family.get(LOG + "logger.name");
    String type = family.get(LOG + "logger.class");
    String logger = name != null ? name.trim() : type != null ? type.trim() : "";
    if (logger.isEmpty()) {
      throw new ConfigException(
          LOG + "logger.name",
          "The log error handler needs "
              + LOG
              + "logger.name (or "
              + LOG
              + "logger.class): the logger it writes to");
    }
    String level =
        family.getOrDefault(LOG + "logger.level", "WARN").trim().toUpperCase(Locale.ROOT);
    if (!LEVELS.contains(level)) {
      throw new ConfigException(
          LOG + "logger.level",
          "Invalid value '"
              + level
              + "' for option "
              + LOG
              + "logger.level: expected one of "
              + LEVELS);
    }
    return new ErrorHandlerSettings.Log(logger, level.equals("FATAL") ? "ERROR" : level);
  }

  private static ErrorHandlerSettings.Index index(ResolvedOptions o, Map<String, String> family) {
    String resourceOption = ES + "client.resource";
    String resource = family.get(resourceOption);
    if (resource == null || resource.isBlank()) {
      throw new ConfigException(
          resourceOption,
          "The es error handler needs " + resourceOption + ": the index to write to");
    }
    ConfigKey<String> resourceKey =
        new ConfigKey<>(resourceOption, null, "error index", false, ValueParsers.text());
    IndexNames.check(resourceKey, resource.trim());
    Map<String, String> labels = new HashMap<>();
    family.forEach(
        (option, value) -> {
          if (option.startsWith(ES + "label.")) {
            labels.put(option.substring((ES + "label.").length()), value.trim());
          }
        });
    List<String> tags = new ArrayList<>();
    for (String tag : family.getOrDefault(ES + "tags", "").split(",")) {
      if (!tag.isBlank()) {
        tags.add(tag.trim());
      }
    }
    return new ErrorHandlerSettings.Index(
        ErrorHandlerClient.connection(o, family),
        resource.trim(),
        labels,
        tags,
        result(family, ES + "return.default", Result.HANDLED),
        result(family, ES + "return.error", Result.ABORT));
  }

  private static Result result(Map<String, String> family, String option, Result fallback) {
    String value = family.get(option);
    if (value == null) {
      return fallback;
    }
    try {
      return Result.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          option,
          "Invalid value '"
              + value
              + "' for option "
              + option
              + ": expected HANDLED, PASS or ABORT");
    }
  }
}
