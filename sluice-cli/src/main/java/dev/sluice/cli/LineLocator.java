package dev.sluice.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the line numbers of malformed records in their file. Spark gives a corrupt record's raw
 * text and file, not its line: the file is read once, and each line that equals a pending record's
 * text gives that record its number (identical records take successive lines).
 */
final class LineLocator {
  private LineLocator() {}

  /**
   * The 1-based line number of each of {@code records}, in their order; 0 for a record whose text
   * is not found as a whole line (a CSV record over several lines, for one).
   */
  static long[] locate(BufferedReader file, List<String> records) throws IOException {
    Map<String, ArrayDeque<Integer>> pending = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      pending.computeIfAbsent(strip(records.get(i)), r -> new ArrayDeque<>()).add(i);
    }
    long[] lines = new long[records.size()];
    long number = 0;
    int left = records.size();
    for (String line = file.readLine(); line != null && left > 0; line = file.readLine()) {
      number++;
      ArrayDeque<Integer> waiting = pending.get(strip(line));
      if (waiting != null && !waiting.isEmpty()) {
        lines[waiting.poll()] = number;
        left--;
      }
    }
    return lines;
  }

  private static String strip(String text) {
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
