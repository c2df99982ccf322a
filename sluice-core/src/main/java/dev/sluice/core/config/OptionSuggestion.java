package dev.sluice.core.config;

/** "Did you mean …?" for a mistyped option name: the known key closest by edit distance. */
final class OptionSuggestion {
  /** Farther than this, a suggestion is more likely to mislead than to help. */
  private static final int MAX_DISTANCE = 3;

  private OptionSuggestion() {}

  /** The end of an "Unknown option" message: a suggestion, or where the list of options is. */
  static String forName(String unknown) {
    String best = closest(unknown, MAX_DISTANCE);
    return best != null
        ? "; did you mean " + best + "?"
        : "; see the list of sluice.* options in the README.";
  }

  /** The known key closest to {@code unknown}, if at most {@code maxDistance} edits away. */
  static String closest(String unknown, int maxDistance) {
    String best = null;
    int bestDistance = maxDistance + 1;
    for (String known : ConfigKeys.BY_NAME.keySet()) {
      int distance = distance(unknown, known);
      if (distance < bestDistance) {
        best = known;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Levenshtein distance, two rows at a time. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
