package dev.sluice.core.config;

import static java.util.stream.Collectors.joining;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An elasticsearch-hadoop option that Sluice does not implement, and what Sluice does when it is
 * given: {@link Effect#IGNORED} when Sluice writes the same documents anyway (a WARN says so),
 * {@link Effect#REFUSED} when honouring it would change what lands in the index (an error before
 * any document is sent). A value in {@code honoured} is what Sluice does anyway (usually
 * elasticsearch-hadoop's default), so giving it is neither warned about nor refused.
 *
 * @param pattern the option name; {@code *} stands for any run of characters
 */
public record UnimplementedOption(
    String pattern, Effect effect, Set<String> honoured, String reason) {

  /** What Sluice does when the option is given with a value it does not honour. */
  public enum Effect {
    IGNORED,
    REFUSED
  }

  public UnimplementedOption {
    pattern = pattern.toLowerCase(Locale.ROOT);
    honoured = Set.copyOf(honoured);
  }

  /** True when {@code name} (lower case) is this option, or one of the family it stands for. */
  public boolean matches(String name) {
    return regex().matcher(name).matches();
  }

  /** True when the value given is what Sluice does anyway. */
  public boolean honours(String value) {
    return value != null && honoured.contains(value.trim().toLowerCase(Locale.ROOT));
  }

  private Pattern regex() {
    return Pattern.compile(
        Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(joining(".*")));
  }
}
