package dev.sluice.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** Where dead letters, checkpoints and reports are written. Locations are paths or URIs. */
public interface Storage {

  /**
   * Creates a new file readable and writable by its owner only, with its parent directories.
   *
   * @throws java.nio.file.FileAlreadyExistsException if it exists
   */
  OutputStream createOwnerOnly(String location) throws IOException;

  InputStream open(String location) throws IOException;

  boolean exists(String location) throws IOException;

  /** Files directly inside a directory, sorted by name; empty if the directory does not exist. */
  List<String> list(String directory) throws IOException;

  /** The location of {@code name} inside {@code directory}. */
  String child(String directory, String name);
}
