package dev.sluice.core.checkpoint;

import dev.sluice.core.SluiceException;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whole checkpoint files through {@link Storage}: read (absent is empty), replaced atomically,
 * listed, decoded; every I/O failure names the file and the option to check.
 */
final class CheckpointFiles {
  /** Turns a file's bytes into its value. */
  interface Decoder<T> {
    T decode(byte[] bytes) throws CheckpointJson.Malformed;
  }

  private final Storage storage;

  CheckpointFiles(Storage storage) {
    this.storage = storage;
  }

  String child(String directory, String name) {
    return storage.child(directory, name);
  }

  /**
   * The decoded file, empty if it does not exist.
   *
   * @throws CheckpointCorruptException naming the file and {@code recovery} when it cannot be read
   */
  <T> Optional<T> read(String path, Decoder<T> decoder, String recovery) {
    return bytes(path).map(b -> decode(path, b, decoder, recovery));
  }

  void write(String path, byte[] bytes) {
    try {
      storage.replace(path, bytes);
    } catch (IOException e) {
      throw failed("write", path, e);
    }
  }

  /** The {@code .json} files in {@code directory}, leaving out the temporary files of a crash. */
  List<String> listJson(String directory) {
    try {
      List<String> files = new ArrayList<>();
      for (String file : storage.list(directory)) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (!name.startsWith(".") && name.endsWith(".json")) {
          files.add(file);
        }
      }
      return files;
    } catch (IOException e) {
      throw new SluiceException("Cannot list checkpoint files under " + directory + ": " + e, e);
    }
  }

  private Optional<byte[]> bytes(String path) {
    try {
      if (!storage.exists(path)) {
        return Optional.empty();
      }
      try (InputStream in = storage.open(path)) {
        return Optional.of(in.readAllBytes());
      }
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failed("read", path, e);
    }
  }

  private static <T> T decode(String path, byte[] bytes, Decoder<T> decoder, String recovery) {
    try {
      return decoder.decode(bytes);
    } catch (CheckpointJson.Malformed e) {
      throw new CheckpointCorruptException(path, e.getMessage(), recovery, e);
    }
  }

  private static SluiceException failed(String verb, String path, IOException e) {
    return new SluiceException(
        "Cannot "
            + verb
            + " checkpoint file "
            + path
            + ": "
            + e
            + ". Check "
            + ConfigKeys.CHECKPOINT_PATH.name()
            + ".",
        e);
  }
}
