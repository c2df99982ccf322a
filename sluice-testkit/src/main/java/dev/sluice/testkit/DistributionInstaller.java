package dev.sluice.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks the server zip once per version. It unpacks into a temporary sibling directory and
 * renames it into place, so a half-unpacked tree is never used, even with several JVMs racing.
 */
final class DistributionInstaller {
  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");

  private DistributionInstaller() {}

  /** Returns the Elasticsearch home, e.g. {@code <root>/elasticsearch-8.19.21}. */
  static Path install(Path zip, Path root) {
    Path home = root.resolve("elasticsearch-" + Distribution.VERSION);
    if (Files.isRegularFile(home.resolve("bin").resolve("elasticsearch"))) {
      return home;
    }
    Path staging = root.resolve(".unpacking-" + UUID.randomUUID());
    try {
      Files.createDirectories(root);
      unzip(zip, staging);
      Path unpacked = staging.resolve("elasticsearch-" + Distribution.VERSION);
      if (!Files.isRegularFile(unpacked.resolve("bin").resolve("elasticsearch"))) {
        throw new ElasticsearchStartException(
            zip + " does not contain elasticsearch-" + Distribution.VERSION + "/bin/elasticsearch");
      }
      try {
        Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        // Another JVM finished first; its copy is complete because it too was renamed into place.
      } catch (AtomicMoveNotSupportedException e) {
        throw new ElasticsearchStartException("Cannot rename into " + home + ": " + e, e);
      }
      return home;
    } catch (IOException e) {
      throw new ElasticsearchStartException(
          "Cannot unpack " + zip + " into " + root + ": " + e.getMessage(), e);
    } finally {
      deleteRecursively(staging);
    }
  }

  private static void unzip(Path zip, Path target) throws IOException {
    Files.createDirectories(target);
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path out = target.resolve(entry.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new IOException("Zip entry escapes the target directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          Files.setPosixFilePermissions(out, DIRECTORY);
          continue;
        }
        Files.createDirectories(out.getParent());
        Files.setPosixFilePermissions(out.getParent(), DIRECTORY);
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, out);
        }
        // java.util.zip does not expose Unix modes; only the launch scripts must be executable.
        boolean script = out.getParent().getFileName().toString().equals("bin");
        Files.setPosixFilePermissions(out, script ? DIRECTORY : FILE);
      }
    }
  }

  static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a leftover directory only costs disk space.
    }
  }
}
