package dev.sluice.spark;

import dev.sluice.core.config.ConfigKey;
import dev.sluice.core.config.ConfigKeys;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * Keeps secret options out of the plans Spark shows (SQL tab, event log, {@code explain}). A save
 * runs as Spark's V1 {@code SaveIntoDataSourceCommand}, whose plan string lists the writer's
 * options, redacted only by {@value #OPTIONS_REGEX} (default {@code (?i)url}) and {@code
 * spark.redaction.regex} ({@code secret|password|token|access.key}), neither of which knows {@code
 * es.net.http.auth.pass}. So before Spark plans the save, Sluice adds its secret option names in
 * every spelling, and URLs with user info, to the session's {@value #OPTIONS_REGEX}: it only ever
 * redacts more.
 */
final class PlanRedaction {
  static final String OPTIONS_REGEX = "spark.sql.redaction.options.regex";
  private static final String DEFAULT = "(?i)url";
  static final String PATTERN = pattern();

  private PlanRedaction() {}

  /** Adds Sluice's pattern to the active session's, once. */
  static void applyToActiveSession() {
    Option<SparkSession> active = SparkSession.getActiveSession();
    if (active.isDefined()) {
      RuntimeConfig conf = active.get().conf();
      String current = conf.get(OPTIONS_REGEX, DEFAULT);
      if (!current.contains(PATTERN)) {
        conf.set(OPTIONS_REGEX, current + "|" + PATTERN);
      }
    }
  }

  /** Option names as any spelling gives them (dots or underscores, with or without "es."). */
  private static String pattern() {
    StringJoiner names = new StringJoiner("|", "(?i)(", "|://[^/@\\s]+@)");
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      if (key.secret()) {
        String name = key.name().startsWith("es.") ? key.name().substring(3) : key.name();
        names.add(Pattern.quote(name).replace(".", "\\E[._]\\Q"));
      }
    }
    return names.toString();
  }
}
