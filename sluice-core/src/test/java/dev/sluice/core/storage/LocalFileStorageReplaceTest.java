package dev.sluice.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStorageReplaceTest {
  @TempDir Path dir;
  private final LocalFileStorage storage = new LocalFileStorage();

  @Test
  void replaceSwapsInANewFileSoAReaderOfTheOldOneSeesItWhole() throws Exception {
    Path file = dir.resolve("a/b/state.json");
    storage.replace(file.toString(), "old content".getBytes(StandardCharsets.UTF_8));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");

    try (InputStream reader = storage.open(file.toString())) {
      Object inodeBefore = Files.getAttribute(file, "unix:ino");
      storage.replace(file.toString(), "new".getBytes(StandardCharsets.UTF_8));
      // Written in place, the open reader would see "new" or a mix; renamed over, it keeps "old".
      assertThat(new String(reader.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("old content");
      assertThat(Files.getAttribute(file, "unix:ino")).isNotEqualTo(inodeBefore);
    }
    assertThat(Files.readString(file)).isEqualTo("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }
}
