package dev.sluice.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** Where dead letters, checkpoints and reports are written. Locations are paths or URIs. */
public interface Storage {

  /**
   * Creates a new file readable and writable by its owner only, with its parent directories. The
   * stream's {@code flush()} is as durable as the store allows: forced to disk for local files
   * (fsync, the first time with the directory entry), hsync or hflush on HDFS-like stores.
   *
   * @throws java.nio.file.FileAlreadyExistsException if it exists
   */
  OutputStream createOwnerOnly(String location) throws IOException;

  InputStream open(String location) throws IOException;

  /**
   * Whether bytes flushed to a stream from {@link #createOwnerOnly} in {@code directory} survive a
   * crash of the writing process. True for local files (the page cache outlives the process) and
   * HDFS-like stores (flush is an hflush); false for object stores, where a file appears only when
   * its stream is closed, so a writer that needs durable appends must close a file per flush.
   */
  default boolean flushSurvivesCrash(String directory) {
    return true;
  }

  boolean exists(String location) throws IOException;

  /**
   * Moves a file to a location that does not exist yet, creating its parent directories. Atomic
   * where the store's rename is (local files, HDFS, ABFS); object stores copy then delete, so a
   * crash can leave the file in both places, never in neither.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code to} exists
   */
  void move(String from, String to) throws IOException;

  /** Deletes a file, or a directory with everything in it; does nothing if it does not exist. */
  void delete(String location) throws IOException;

  /** Files directly inside a directory, sorted by name; empty if the directory does not exist. */
  List<String> list(String directory) throws IOException;

  /** The location of {@code name} inside {@code directory}. */
  String child(String directory, String name);

  /**
   * Writes a whole small file (checkpoints, markers) so that a reader sees the old content or the
   * new, never a mix, creating parent directories and an owner-only file as {@link
   * #createOwnerOnly} does. The guarantee depends on the store: where rename is atomic (local
   * files, HDFS, ABFS with hierarchical namespace) the new content goes to a temporary file in the
   * same directory ({@code .<name>.<random>.tmp}, left behind only by a crash; readers ignore it),
   * is forced to disk, then renamed over the old. Object stores without rename (S3 through s3a)
   * must write the object in one PUT instead, which is also all-or-nothing.
   */
  void replace(String location, byte[] content) throws IOException;
}
