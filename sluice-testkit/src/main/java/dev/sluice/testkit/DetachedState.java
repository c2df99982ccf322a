package dev.sluice.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a later process needs to find a detached node: pid, the pid's start time (so a re-used pid
 * is not mistaken for the node), URL and node directory. Stored as a small flat JSON object.
 */
record DetachedState(long pid, Optional<Instant> startedAt, String url, Path nodeDirectory) {
  static final int FORMAT_VERSION = 1;
  private static final Pattern FIELD =
      Pattern.compile("\"([A-Za-z]+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|-?[0-9]+)");

  String toJson() {
    return "{\"version\":"
        + FORMAT_VERSION
        + ",\"pid\":"
        + pid
        + ",\"startedAt\":"
        + startedAt.map(instant -> quote(instant.toString())).orElse("\"\"")
        + ",\"url\":"
        + quote(url)
        + ",\"nodeDirectory\":"
        + quote(nodeDirectory.toString())
        + "}\n";
  }

  static DetachedState parse(String json) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher matcher = FIELD.matcher(json);
    while (matcher.find()) {
      fields.put(
          matcher.group(1),
          matcher.group(3) != null ? unquote(matcher.group(3)) : matcher.group(2));
    }
    String version = required(fields, "version");
    if (!version.equals(Integer.toString(FORMAT_VERSION))) {
      throw new IllegalArgumentException("es-local state: unsupported version " + version);
    }
    String startedAt = fields.getOrDefault("startedAt", "");
    return new DetachedState(
        Long.parseLong(required(fields, "pid")),
        startedAt.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(startedAt)),
        required(fields, "url"),
        Path.of(required(fields, "nodeDirectory")));
  }

  static Optional<DetachedState> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      throw new ElasticsearchStartException(
          "Cannot read es-local state " + file + " (delete it if no node runs): " + e.getMessage(),
          e);
    }
  }

  /** Written to a temporary file and renamed, so a reader never sees half a file. */
  void write(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, toJson());
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ElasticsearchStartException("Cannot write es-local state " + file + ": " + e, e);
    }
  }

  private static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("es-local state: field '" + name + "' is missing");
    }
    return value;
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String unquote(String value) {
    return value.replaceAll("\\\\(.)", "$1");
  }
}
