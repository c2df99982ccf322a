package dev.sluice.core.config;

import dev.sluice.core.ConfigException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides about a given option that is not one of {@link ConfigKeys#ALL}: a renamed one, one of
 * elasticsearch-hadoop's that Sluice does not implement ({@link ConfigKeys#UNIMPLEMENTED}), a typo,
 * or an option of another tool. Refusals throw {@link ConfigException} naming the option (never its
 * value, which may be a password); the rest is warned about once per JVM.
 */
final class UnknownOptions {
  private static final Logger LOG = LoggerFactory.getLogger(UnknownOptions.class);
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  /** An unknown es.* name this close to a known one is a typo, not another tool's option. */
  private static final int TYPO_DISTANCE = 2;

  private UnknownOptions() {}

  static void check(String name, String value) {
    ConfigKey<?> renamed = ConfigKeys.RENAMED.get(name);
    if (renamed != null) {
      throw new ConfigException(
          name, "Option " + name + " is now called " + renamed.name() + "; use that name");
    }
    UnimplementedOption known = ConfigKeys.unimplemented(name);
    if (known != null) {
      checkUnimplemented(name, value, known);
    } else if (name.startsWith("sluice.")) {
      throw new ConfigException(name, "Unknown option " + name + OptionSuggestion.forName(name));
    } else if (name.startsWith("es.")) {
      String typoOf = OptionSuggestion.closest(name, TYPO_DISTANCE);
      if (typoOf != null) {
        throw new ConfigException(
            name, "Unknown option " + name + "; did you mean " + typoOf + "?");
      }
      warnOnce(name, "Option {} is not used by Sluice and is ignored", name);
    }
  }

  private static void checkUnimplemented(String name, String value, UnimplementedOption known) {
    if (known.honours(value)) {
      return;
    }
    if (known.effect() == UnimplementedOption.Effect.REFUSED) {
      throw new ConfigException(
          name,
          "Option "
              + name
              + " is not supported by Sluice: "
              + known.reason()
              + accepted(known)
              + ". Sluice refuses it rather than write different documents; remove it.");
    }
    warnOnce(name, "Option {} has no effect in Sluice: {}", name, known.reason());
  }

  private static String accepted(UnimplementedOption known) {
    if (known.honoured().isEmpty()) {
      return "";
    }
    return " (accepted: " + String.join(", ", new TreeSet<>(known.honoured())) + ")";
  }

  private static void warnOnce(String name, String format, Object... arguments) {
    if (WARNED.add(name)) {
      LOG.warn(format, arguments);
    }
  }
}
