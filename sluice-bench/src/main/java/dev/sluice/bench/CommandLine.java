package dev.sluice.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A benchmark's command line, read against the flags the benchmark declares: {@code --name value},
 * {@code --name=value}, and switches without a value. Throws IllegalArgumentException on bad input,
 * naming the flag.
 */
final class CommandLine {
  private final Map<String, List<String>> values;
  private final Set<String> switches;

  private CommandLine(Map<String, List<String>> values, Set<String> switches) {
    this.values = values;
    this.switches = switches;
  }

  /**
   * @param valued the flags that take a value
   * @param switchNames the flags that take none
   */
  static CommandLine parse(String[] args, Set<String> valued, Set<String> switchNames) {
    Map<String, List<String>> values = new HashMap<>();
    Set<String> switches = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      if (switchNames.contains(name)) {
        if (equals >= 0) {
          throw new IllegalArgumentException(name + " takes no value, was '" + arg + "'");
        }
        switches.add(name);
        continue;
      }
      if (!valued.contains(name)) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException(name + " needs a value");
      }
      values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return new CommandLine(values, switches);
  }

  boolean has(String switchName) {
    return switches.contains(switchName);
  }

  /** Every value given to {@code name}, in order; empty when it was not given. */
  List<String> all(String name) {
    return List.copyOf(values.getOrDefault(name, List.of()));
  }

  /**
   * The last value given to {@code name} as a whole number of at least 1 ({@code _} allowed between
   * digits), or {@code otherwise} when it was not given. Every value given is checked.
   */
  int positive(String name, int otherwise) {
    int last = otherwise;
    for (String value : all(name)) {
      last = positive(name, value);
    }
    return last;
  }

  private static int positive(String name, String value) {
    int n;
    try {
      n = Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number, was '" + value + "'", e);
    }
    if (n < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
    return n;
  }
}
