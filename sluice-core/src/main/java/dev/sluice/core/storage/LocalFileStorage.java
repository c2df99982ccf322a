package dev.sluice.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Local files, as plain paths or {@code file:} URIs. New files are owner-only (rw-------). */
public final class LocalFileStorage implements Storage {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  @Override
  public OutputStream createOwnerOnly(String location) throws IOException {
    Path path = path(location);
    createParentOwnerOnly(path);
    if (POSIX) {
      // Created with the permission, not chmod-ed afterwards, so it is never readable by others.
      Files.createFile(
          path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(path);
    }
    return Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /**
   * Temporary file in the same directory (so the rename cannot cross file systems), written and
   * forced to disk, renamed over the target with an atomic rename(2), then the directory is forced
   * so the rename itself survives a power loss.
   */
  @Override
  public void replace(String location, byte[] content) throws IOException {
    Path target = path(location).toAbsolutePath();
    createParentOwnerOnly(target);
    Path dir = target.getParent();
    String prefix = "." + target.getFileName() + ".";
    Path temp =
        POSIX
            ? Files.createTempFile(
                dir,
                prefix,
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(dir, prefix, ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    forceDirectory(dir);
  }

  @Override
  public InputStream open(String location) throws IOException {
    return Files.newInputStream(path(location));
  }

  @Override
  public boolean exists(String location) {
    return Files.exists(path(location));
  }

  @Override
  public List<String> list(String directory) throws IOException {
    Path dir = path(directory);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries.filter(Files::isRegularFile).sorted().forEach(p -> files.add(p.toString()));
    }
    return files;
  }

  @Override
  public String child(String directory, String name) {
    return path(directory).resolve(name).toString();
  }

  private static void createParentOwnerOnly(Path path) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      if (POSIX) {
        Files.createDirectories(
            parent,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(parent);
      }
    }
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
    }
  }

  static Path path(String location) {
    return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
  }
}
