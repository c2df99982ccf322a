package dev.sluice.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Local files, as plain paths or {@code file:} URIs (FUSE mounts such as {@code /dbfs} too). New
 * files are owner-only (rw-------); flushing one forces it to disk, so that what a writer counts as
 * settled survives a power loss, not only a crash of the process.
 */
public final class LocalFileStorage implements Storage {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Consumer<Path> forced;

  public LocalFileStorage() {
    this(path -> {});
  }

  /**
   * @param forced told of every file and directory forced to disk, after the force (tests)
   */
  LocalFileStorage(Consumer<Path> forced) {
    this.forced = forced;
  }

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
    return new ForcedOnFlush(
        path, FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
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
  public void move(String from, String to) throws IOException {
    Path source = path(from).toAbsolutePath();
    Path target = path(to).toAbsolutePath();
    createParentOwnerOnly(target);
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(to);
    }
    Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    forceDirectory(target.getParent());
    forceDirectory(source.getParent());
  }

  @Override
  public void delete(String location) throws IOException {
    Path root = path(location);
    if (!Files.isDirectory(root)) {
      Files.deleteIfExists(root);
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
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

  private void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
      forced.accept(dir);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
    }
  }

  /**
   * An appending stream whose {@code flush()} forces the file to disk, and the first time its
   * directory too, since a new file's name is only durable once its directory is.
   */
  private final class ForcedOnFlush extends OutputStream {
    private final Path path;
    private final FileChannel channel;
    private boolean directoryForced;

    ForcedOnFlush(Path path, FileChannel channel) {
      this.path = path;
      this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }

    @Override
    public void flush() throws IOException {
      channel.force(false);
      forced.accept(path);
      if (!directoryForced) {
        forceDirectory(path.toAbsolutePath().getParent());
        directoryForced = true;
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  static Path path(String location) {
    return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
  }
}
