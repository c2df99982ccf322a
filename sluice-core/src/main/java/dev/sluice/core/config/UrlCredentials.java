package dev.sluice.core.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the user info of URLs ({@code https://user:pass@host}, or {@code user:pass@host} in a comma
 * list such as es.nodes) in any text Sluice shows: option values in logs and reports, and error
 * messages.
 */
public final class UrlCredentials {
  private static final Pattern USER_INFO = Pattern.compile("(?<=^|://|,|\\s)[^/\\s,]*@");
  private static final String REPLACEMENT = Matcher.quoteReplacement(Secret.REDACTED + "@");

  private UrlCredentials() {}

  /** The text with every URL's user info replaced by {@code <redacted>}; null stays null. */
  public static String redact(String text) {
    return text == null ? null : USER_INFO.matcher(text).replaceAll(REPLACEMENT);
  }
}
