package dev.sluice.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One load's directory under {@code --out}: its settings ({@value #SETTINGS}), and by default its
 * checkpoint, dead letters and report. {@code sluice resume} and {@code sluice status} take it.
 */
final class RunDirectory {
  static final String SETTINGS = "run.json";
  private static final int FORMAT_VERSION = 1;
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Path path;

  private RunDirectory(Path path) {
    this.path = path;
  }

  /** A new directory {@code <out>/<index>-<UTC time>[-n]}, never one that exists. */
  static RunDirectory create(Path out, String index, Instant now) {
    String base = index.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + NAME_TIME.format(now);
    try {
      Files.createDirectories(out);
      for (int n = 1; ; n++) {
        Path candidate = out.resolve(n == 1 ? base : base + "-" + n);
        try {
          return new RunDirectory(Files.createDirectory(candidate).toAbsolutePath().normalize());
        } catch (FileAlreadyExistsException e) {
          // another load started in the same second: take the next name
        }
      }
    } catch (IOException e) {
      throw new UsageException("Cannot create a run directory under --out " + out + ": " + e, e);
    }
  }

  /**
   * The run directory {@code given} names: the directory holding {@value #SETTINGS}, or a
   * checkpoint or dead-letter directory inside one.
   */
  static RunDirectory find(Path given) {
    Path dir = given.toAbsolutePath().normalize();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(SETTINGS))) {
        return new RunDirectory(p);
      }
      if (p.equals(dir.getParent())) {
        break; // look at most one level up: a checkpoint or dead-letter directory
      }
    }
    throw new UsageException(
        given
            + " is not a run directory of sluice load (it has no "
            + SETTINGS
            + "): give the directory whose name sluice load printed first.");
  }

  Path path() {
    return path;
  }

  String child(String name) {
    return path.resolve(name).toString();
  }

  void writeSettings(LoadSettings settings) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("v", FORMAT_VERSION);
    tree.put("load", settings);
    try {
      JsonFiles.replace(path.resolve(SETTINGS), tree);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the load's settings in " + path, e);
    }
  }

  LoadSettings readSettings() {
    Path file = path.resolve(SETTINGS);
    try {
      Map<String, Object> tree = JsonFiles.JSON.readValue(file.toFile(), new TypeReference<>() {});
      Object version = tree.get("v");
      if (!Integer.valueOf(FORMAT_VERSION).equals(version)) {
        throw new UsageException(
            file + " has format version " + version + ", not " + FORMAT_VERSION);
      }
      return JsonFiles.JSON.convertValue(tree.get("load"), LoadSettings.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException(
          "Cannot read the load's settings " + file + ": " + e.getMessage(), e);
    }
  }
}
