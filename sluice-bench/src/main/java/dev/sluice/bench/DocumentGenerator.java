package dev.sluice.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic documents of about {@value #TARGET_BYTES} bytes: document n is the same in every
 * run and for every loader, and matches {@link #MAPPING} exactly (the index mapping is strict).
 */
final class DocumentGenerator {
  static final int TARGET_BYTES = 500;

  static final String MAPPING =
      """
      {"dynamic":"strict","properties":{
        "id":{"type":"keyword"},"n":{"type":"long"},"name":{"type":"text"},
        "category":{"type":"keyword"},"price":{"type":"double"},"quantity":{"type":"integer"},
        "active":{"type":"boolean"},"created":{"type":"date"},"tags":{"type":"keyword"},
        "text":{"type":"text"}}}""";

  /** The vocabulary of names, tags and text; the checkpoint benchmark's SQL picks from it too. */
  static final String[] WORDS = {
    "river", "stone", "amber", "quiet", "north", "signal", "harbor", "meadow", "copper", "lantern",
    "orbit", "willow", "granite", "ember", "falcon", "delta", "summit", "canyon", "breeze",
    "timber", "velvet", "pioneer", "glacier", "saffron", "beacon", "thunder", "maple", "crystal",
    "sparrow", "horizon", "echo", "marble"
  };

  private DocumentGenerator() {}

  static String id(long n) {
    return "d-" + n;
  }

  static byte[] source(long n) {
    SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L + 17);
    StringBuilder json = new StringBuilder(TARGET_BYTES + 32);
    json.append("{\"id\":\"").append(id(n)).append("\",\"n\":").append(n);
    json.append(",\"name\":\"").append(words(random, 3)).append('"');
    json.append(",\"category\":\"cat-").append(random.nextInt(50)).append('"');
    json.append(",\"price\":").append(random.nextInt(100_000) / 100.0);
    json.append(",\"quantity\":").append(random.nextInt(1000));
    json.append(",\"active\":").append(random.nextBoolean());
    json.append(",\"created\":\"2024-")
        .append(two(1 + random.nextInt(12)))
        .append('-')
        .append(two(1 + random.nextInt(28)))
        .append('T')
        .append(two(random.nextInt(24)))
        .append(':')
        .append(two(random.nextInt(60)))
        .append(":00Z\"");
    json.append(",\"tags\":[\"")
        .append(word(random))
        .append("\",\"")
        .append(word(random))
        .append("\"]");
    json.append(",\"text\":\"").append(word(random));
    while (json.length() < TARGET_BYTES - 12) {
      json.append(' ').append(word(random));
    }
    json.append("\"}");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String words(SplittableRandom random, int count) {
    StringBuilder out = new StringBuilder(word(random));
    for (int i = 1; i < count; i++) {
      out.append(' ').append(word(random));
    }
    return out.toString();
  }

  private static String word(SplittableRandom random) {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private static String two(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }
}
